"""Python-side speed of neurogym_jvm, side by side with the pure-Python reference in the same run.

    NEUROGYM_HOME=distribution/target/neurogym /usr/bin/python3 python/benchmarks/bench.py \
        --reference-path "$REF/Gymnasium-0.29.1:$REF/neurogym:$REF/stubs" --reference-python python3 --rounds 3

(--reference-path: the reference from source, as /work/shared/reference-bench/README.md sets it up.)
Measures, for PerceptualDecisionMaking-v0: one env stepped through the full Gymnasium step; vector
envs of 1, 16, 64 and 256 copies (env-steps/s, one thread, copy=False); the Dataset at batch 16 x
seq 100 on one thread (timesteps/s, the default recycled memory and reused buffers). The reference
runs in one subprocess kept for the whole run, and each of our figures is paired with the
reference's matching figure (its single-env step for the step and vector figures, its Dataset for
ours), the mean of one measured right before and one right after it: on a shared machine the speed
drifts over seconds, so only figures measured side by side make a ratio. Each round reports both sides and the ratios; the medians of the
ratios over the rounds come last.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np

TASK = "PerceptualDecisionMaking-v0"
SECONDS = 2.0

REFERENCE = r"""
import json, sys, time, numpy as np, neurogym as ngym
from neurogym.utils.data import Dataset
env = ngym.make(TASK); env.unwrapped.seed(0); env.reset()
acts = np.random.default_rng(0).integers(0, env.action_space.n, 100_000).tolist()
ds = Dataset(TASK, batch_size=16, seq_len=100)

def step(seconds):
    t0 = time.perf_counter(); n = 0
    while time.perf_counter() - t0 < seconds:
        for a in acts[n % 90_000:n % 90_000 + 1000]:
            env.step(a)
        n += 1000
    return n / (time.perf_counter() - t0)

def dataset(seconds):
    t0 = time.perf_counter(); b = 0
    while time.perf_counter() - t0 < seconds:
        ds(); b += 1
    return b * 1600 / (time.perf_counter() - t0)

step(0.5); dataset(0.5)  # warm-up
print("ready", flush=True)
for line in sys.stdin:  # "step" or "dataset": one figure, measured now
    print(json.dumps((step if line.strip() == "step" else dataset)(SECONDS)), flush=True)
"""


class Reference:
    """The reference in a subprocess kept for the run, measuring one figure when asked."""

    def __init__(self, path, python):
        env = dict(os.environ, PYTHONPATH=path)
        code = f"TASK = {TASK!r}\nSECONDS = {SECONDS!r}\n" + REFERENCE
        self.p = subprocess.Popen([python, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env)
        if self.p.stdout.readline().strip() != "ready":
            raise SystemExit(f"the reference failed: {self.p.stderr.read()[-2000:]}")

    def measure(self, figure):
        self.p.stdin.write(figure + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        if not line:
            raise SystemExit(f"the reference failed: {self.p.stderr.read()[-2000:]}")
        return float(line)

    def close(self):
        self.p.stdin.close()
        self.p.wait(timeout=60)


def timed(fn, unit):
    """Calls fn() (which does `unit` units of work) for SECONDS; returns units per second."""
    fn()  # warm-up
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < SECONDS:
        fn()
        n += unit
    return n / (time.perf_counter() - t0)


def ours(ng):
    """Our figures, each a function measuring it once: name -> (measure, the reference's matching figure);
    and what they step, to close at the end."""
    figures, opened = {}, []
    env = ng.make(TASK)
    env.reset(seed=0)
    acts = np.random.default_rng(0).integers(0, 3, 1000).tolist()
    step = env.step

    def thousand_steps():
        for a in acts:
            step(a)

    figures["step"] = (lambda: timed(thousand_steps, 1000), "step")
    for n in (1, 16, 64, 256):
        vec = ng.make_vec(TASK, n, threads=1, copy=False)
        vec.reset(seed=0)
        opened.append(vec)
        actions = np.random.default_rng(0).integers(0, 3, (100, n))

        def hundred(vec=vec, actions=actions):
            for a in actions:
                vec.step(a)

        figures[f"vector{n}"] = (lambda hundred=hundred, n=n: timed(hundred, 100 * n), "step")
    for reuse in (False, True):
        ds = ng.Dataset(TASK, batch_size=16, seq_len=100, seed=0, threads=1, reuse_buffers=reuse)
        opened.append(ds)
        figures["dataset_reused" if reuse else "dataset"] = (lambda ds=ds: timed(ds, 1600), "dataset")
    opened.append(env)
    return figures, opened


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reference-path", help="PYTHONPATH of the reference run from source (omit to measure ours only)")
    p.add_argument("--reference-python", default=sys.executable,
                   help="the Python that runs the reference (it needs numpy, scipy and pydantic 2; default: this one)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--out", help="write the figures as JSON")
    a = p.parse_args()
    import neurogym_jvm as ng

    figures, opened = ours(ng)
    ref = Reference(a.reference_path, a.reference_python) if a.reference_path else None
    rounds = []
    for r in range(a.rounds):
        row = {"ours": {}, "reference": {}, "ratios": {}}
        for name, (measure, theirs) in figures.items():
            before = ref.measure(theirs) if ref else None
            row["ours"][name] = measure()
            if ref:  # the reference measured right before and right after ours: the mean brackets our figure
                row["reference"][name] = (before + ref.measure(theirs)) / 2
                row["ratios"][name] = row["ours"][name] / row["reference"][name]
        rounds.append(row)
        print(json.dumps(row), flush=True)
    if ref:
        ref.close()
    for thing in opened:
        thing.close()
    summary = {"python": sys.version.split()[0], "numpy": np.__version__, "seconds": SECONDS, "rounds": rounds}
    if a.reference_path:
        summary["median_ratios"] = {k: statistics.median(r["ratios"][k] for r in rounds) for k in rounds[0]["ratios"]}
        print("median ratios to the reference:", json.dumps({k: round(v, 1) for k, v in summary["median_ratios"].items()}))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
