"""Python-side speed of neurogym_jvm, side by side with the pure-Python reference in the same run.

    NEUROGYM_HOME=distribution/target/neurogym /usr/bin/python3 python/benchmarks/bench.py \
        --reference-path "$REF/Gymnasium-0.29.1:$REF/neurogym:$REF/stubs" --reference-python python3 --rounds 3

(--reference-path: the reference from source, as /work/shared/reference-bench/README.md sets it up.)
Measures, for PerceptualDecisionMaking-v0: one env stepped through the full Gymnasium step; vector
envs of 1, 16, 64 and 256 copies (env-steps/s, one thread, copy=False); the Dataset at batch 16 x
seq 100 on one thread (timesteps/s, new memory per batch and reused buffers). The reference runs in
a subprocess between our rounds (single-env step and its Dataset), and the ratios of each round's
figures are reported, with their medians: absolute figures on a shared machine drift, ratios
measured together are what count.
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
import json, time, numpy as np, neurogym as ngym
from neurogym.utils.data import Dataset
env = ngym.make(TASK); env.unwrapped.seed(0); env.reset()
acts = np.random.default_rng(0).integers(0, env.action_space.n, 100_000).tolist()
t0 = time.perf_counter(); n = 0
while time.perf_counter() - t0 < SECONDS:
    for a in acts[n % 90_000:n % 90_000 + 1000]:
        env.step(a)
    n += 1000
step = n / (time.perf_counter() - t0)
ds = Dataset(TASK, batch_size=16, seq_len=100)
t0 = time.perf_counter(); b = 0
while time.perf_counter() - t0 < SECONDS:
    ds(); b += 1
print(json.dumps({"step": step, "dataset": b * 1600 / (time.perf_counter() - t0)}))
"""


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
    out = {}
    env = ng.make(TASK)
    env.reset(seed=0)
    acts = np.random.default_rng(0).integers(0, 3, 1000).tolist()
    step = env.step

    def thousand_steps():
        for a in acts:
            step(a)

    out["step"] = timed(thousand_steps, 1000)
    for n in (1, 16, 64, 256):
        vec = ng.make_vec(TASK, n, threads=1, copy=False)
        vec.reset(seed=0)
        actions = np.random.default_rng(0).integers(0, 3, (100, n))

        def hundred(vec=vec, actions=actions):
            for a in actions:
                vec.step(a)

        out[f"vector{n}"] = timed(hundred, 100 * n)
        vec.close()
    for reuse in (False, True):
        ds = ng.Dataset(TASK, batch_size=16, seq_len=100, seed=0, threads=1, reuse_buffers=reuse)
        out["dataset_reused" if reuse else "dataset"] = timed(ds, 1600)
        ds.close()
    return out


def reference(path, python):
    env = dict(os.environ, PYTHONPATH=path)
    code = f"TASK = {TASK!r}\nSECONDS = {SECONDS!r}\n" + REFERENCE
    p = subprocess.run([python, "-c", code], capture_output=True, text=True, env=env, timeout=600)
    if p.returncode != 0:
        raise SystemExit(f"the reference failed: {p.stderr[-2000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--reference-path", help="PYTHONPATH of the reference run from source (omit to measure ours only)")
    p.add_argument("--reference-python", default=sys.executable,
                   help="the Python that runs the reference (it needs numpy, scipy and pydantic 2; default: this one)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--out", help="write the figures as JSON")
    a = p.parse_args()
    import neurogym_jvm as ng

    rounds = []
    for r in range(a.rounds):
        mine = ours(ng)
        ref = reference(a.reference_path, a.reference_python) if a.reference_path else None
        row = {"ours": mine, "reference": ref}
        if ref:
            row["ratios"] = {
                "step": mine["step"] / ref["step"],
                **{f"vector{n}": mine[f"vector{n}"] / ref["step"] for n in (1, 16, 64, 256)},
                "dataset": mine["dataset"] / ref["dataset"],
                "dataset_reused": mine["dataset_reused"] / ref["dataset"],
            }
        rounds.append(row)
        print(json.dumps(row), flush=True)
    summary = {"python": sys.version.split()[0], "numpy": np.__version__, "rounds": rounds}
    if a.reference_path:
        summary["median_ratios"] = {k: statistics.median(r["ratios"][k] for r in rounds) for k in rounds[0]["ratios"]}
        print("median ratios to the reference:", json.dumps({k: round(v, 1) for k, v in summary["median_ratios"].items()}))
    if a.out:
        with open(a.out, "w") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
