#!/usr/bin/env python3
"""Side-by-side speed of NeuroGym for Java and the Python reference, in one run, as ratios.

For every task ours has (native tasks and collections), in turn: the reference's figures (in a
Python process with the reference on its path, see reference_rates.py), then ours
(`neurogym bench TASK --json`, a fresh JVM per task, so each task is compiled for itself as in a
real training run). Alternating task by task makes both sides see the same machine load. Then
vector-env figures for a few tasks. The table replaces the part of docs/performance.md between
the side-by-side markers; the raw figures go to --json.

On a slow machine, --ours-all measures ours in one JVM (`neurogym bench --all`, much less start-up
time; later tasks then run after the JIT has seen every other task, which can only slow them), and
--reference-out / --reference-in split the run in two: the reference's figures are measured and
saved first, then read back when ours are measured.

    python3 benchmarks/side_by_side.py --neurogym distribution/target/neurogym/bin/neurogym \\
        --reference $REF --seconds 1 --json /tmp/side.json

--reference is a directory set up as /work/shared/reference-bench/README.md describes (the
reference's source in neurogym/, Gymnasium 0.29.1 in Gymnasium-0.29.1/, import stubs in stubs/);
without it only our figures are measured.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BEGIN = "<!-- side-by-side:begin (written by benchmarks/side_by_side.py) -->"
END = "<!-- side-by-side:end -->"
STEP_BAR, DATASET_BAR = 100, 200


def ours(launcher, task, seconds, threads, vector=None, vector_threads=None):
    """Our figures for one task: stepping (and vector envs) in one fresh JVM, the Dataset in another,
    so that each is compiled for itself, as in a training run that does one or the other."""
    merged = {}
    runs = [["--figures", "step,trials"] + (["--vector", vector, "--vector-threads", vector_threads] if vector else []),
            ["--figures", "dataset", "--threads", threads]]
    for extra in runs:
        run = subprocess.run([launcher, "bench", task, "--seconds", str(seconds), "--json"] + extra, capture_output=True, text=True)
        if run.returncode != 0:
            return {"task": task, "error": run.stderr.strip().splitlines()[-1] if run.stderr.strip() else f"exit {run.returncode}"}
        merged.update(json.loads(run.stdout))
    return merged


def reference(ref_dir, task, seconds):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(os.path.join(ref_dir, d) for d in ("Gymnasium-0.29.1", "neurogym", "stubs"))
    run = subprocess.run([sys.executable, os.path.join(HERE, "reference_rates.py"), str(seconds), task],
                         capture_output=True, text=True, env=env)
    lines = [l for l in run.stdout.splitlines() if l.startswith("{")]
    if not lines:
        return {"task": task, "error": (run.stderr.strip().splitlines() or [f"exit {run.returncode}"])[-1]}
    return json.loads(lines[-1])


def reference_tasks(ref_dir):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(os.path.join(ref_dir, d) for d in ("Gymnasium-0.29.1", "neurogym", "stubs"))
    code = "import json; from neurogym.envs.registration import all_envs; print(json.dumps(all_envs(collections=True)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return set(json.loads(run.stdout.strip().splitlines()[-1]))


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def short(x):
    if x is None:
        return "n/a"
    for div, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            v = x / div
            return f"{v:.3g}{suffix}" if v < 100 else f"{v:.0f}{suffix}"
    return f"{x:.0f}"


def cell(mine, theirs, bar=None):
    if mine is None:
        return "n/a"
    if theirs is None:
        return short(mine)
    ratio = mine / theirs
    text = f"{short(mine)} / {short(theirs)} = {ratio:.0f}x"
    return f"**{text}**" if bar is not None and ratio < bar else text


def scaling(d, threads):
    if not d or not d.get("byThreads") or str(threads) not in d["byThreads"]:
        return "n/a"
    paired = d.get("scalingOverOneThread", {}).get(str(threads))  # the median of rounds taken in turn
    return f"{paired if paired is not None else d['byThreads'][str(threads)] / d['oneThread']:.2f}x"


def table(rows, threads):
    extra = [t for t in threads.split(",") if t != "1"]
    head = "| task | step (ours / ref) | new trial (ours / ref) | Dataset 1 thread (ours / ref) | " + \
        " | ".join(f"Dataset {t} threads / 1" for t in extra) + " |"
    lines = [head, "|" + " --- |" * (4 + len(extra))]
    for mine, theirs in rows:
        name = mine["task"]
        if "error" in mine:
            lines.append(f"| {name} | error: {mine['error']} |" + " |" * (3 + len(extra)))
            continue
        ref_ok = theirs is not None and "error" not in theirs
        d = mine.get("datasetTimestepsPerSecond")
        step = cell(mine["stepsPerSecond"], theirs.get("steps_per_s") if ref_ok else None, STEP_BAR)
        trial = cell(mine.get("newTrialsPerSecond"), theirs.get("new_trials_per_s") if ref_ok else None)
        one = cell(d["oneThread"] if d else None, theirs.get("dataset_timesteps_per_s") if ref_ok else None, DATASET_BAR)
        lines.append(f"| {name} | {step} | {trial} | {one} | " + " | ".join(scaling(d, t) for t in extra) + " |")
    return "\n".join(lines)


def vector_table(results, copies, vthreads):
    cs = copies.split(",")
    ts = vthreads.split(",")
    head = "| task | single env step | " + " | ".join(f"{c} copies, {t} thr." for c in cs for t in ts) + " |"
    lines = [head, "|" + " --- |" * (2 + len(cs) * len(ts))]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['task']} | error: {r['error']} |")
            continue
        figs = {(str(v["copies"]), str(v["threads"])): v["stepsPerSecond"] for v in r["vectorStepsPerSecond"]}
        lines.append(f"| {r['task']} | {short(r['stepsPerSecond'])} | "
                     + " | ".join(short(figs.get((c, t))) for c in cs for t in ts) + " |")
    return "\n".join(lines)


def summary(rows):
    below = []
    for mine, theirs in rows:
        if "error" in mine or theirs is None or "error" in theirs:
            continue
        s = mine["stepsPerSecond"] / theirs["steps_per_s"]
        d = mine.get("datasetTimestepsPerSecond")
        ds = d["oneThread"] / theirs["dataset_timesteps_per_s"] if d and theirs.get("dataset_timesteps_per_s") else None
        if s < STEP_BAR or (ds is not None and ds < DATASET_BAR):
            below.append(mine["task"])
    compared = sum(1 for m, t in rows if t is not None and "error" not in t and "error" not in m)
    if not below:
        return f"All {compared} tasks measured on both sides are at or above {STEP_BAR}x on step and {DATASET_BAR}x on Dataset (1 thread)."
    return (f"{compared} tasks measured on both sides; below {STEP_BAR}x step or {DATASET_BAR}x Dataset (bold in the table): "
            + ", ".join(below) + ".")


def write_doc(path, text):
    with open(path) as f:
        doc = f.read()
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + text + doc[doc.index(END) + len(END):]
    else:
        doc = doc.rstrip() + "\n\n" + text + "\n"
    with open(path, "w") as f:
        f.write(doc)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--neurogym", required=True, help="our launcher (distribution/target/neurogym/bin/neurogym)")
    p.add_argument("--reference", help="directory holding the reference set-up (neurogym/, Gymnasium-0.29.1/, stubs/)")
    p.add_argument("--seconds", type=float, default=1.0, help="time per figure, each side (default 1)")
    p.add_argument("--threads", default="1,2,8", help="Dataset thread counts (default 1,2,8)")
    p.add_argument("--tasks", help="comma-separated task ids (default: every task ours has)")
    p.add_argument("--vector", default="1,16,64,256", help="vector env copies (default 1,16,64,256)")
    p.add_argument("--vector-threads", default="1,2", help="vector env threads (default 1,2)")
    p.add_argument("--vector-tasks", default="PerceptualDecisionMaking-v0,GoNogo-v0,ReadySetGo-v0",
                   help="tasks of the vector table")
    p.add_argument("--doc", default=os.path.join(HERE, "..", "docs", "performance.md"), help="the page to write the table into")
    p.add_argument("--json", help="also write every raw figure to this file")
    p.add_argument("--ours-all", action="store_true", help="measure ours in one JVM with bench --all")
    p.add_argument("--reference-out", help="only measure the reference, saving its figures to this file")
    p.add_argument("--reference-in", help="take the reference's figures from this file (made by --reference-out)")
    a = p.parse_args()

    if a.tasks:
        tasks = a.tasks.split(",")
    else:
        listed = subprocess.run([a.neurogym, "list", "--json"], capture_output=True, text=True, check=True)
        tasks = [t["id"] for t in json.loads(listed.stdout)]
    known = reference_tasks(a.reference) if a.reference else set()
    others = [t for t in a.threads.split(",") if t != "1"]
    ours_threads = ",".join(others) if others else "1"
    started = datetime.datetime.now(datetime.timezone.utc)
    loads = [load_average()]
    if a.reference_out:
        saved = {"started": started.isoformat(), "loads": loads, "figures": {}}
        for task in tasks:
            if task in known:
                saved["figures"][task] = reference(a.reference, task, a.seconds)
                loads.append(load_average())
                print(f"{task}: ref {saved['figures'][task]}", file=sys.stderr, flush=True)
        saved["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat()
        with open(a.reference_out, "w") as f:
            json.dump(saved, f, indent=1)
        return
    saved = None
    if a.reference_in:
        with open(a.reference_in) as f:
            saved = json.load(f)
        loads += saved["loads"]
    if a.ours_all:
        run = subprocess.run([a.neurogym, "bench", "--all", "--seconds", str(a.seconds), "--threads", ours_threads, "--json"],
                             capture_output=True, text=True, check=True)
        all_ours = {m["task"]: m for m in json.loads(run.stdout)}
    rows = []
    for task in tasks:
        if saved is not None:
            theirs = saved["figures"].get(task)
        else:
            theirs = reference(a.reference, task, a.seconds) if task in known else None
        mine = all_ours.get(task, {"task": task, "error": "not measured"}) if a.ours_all else ours(a.neurogym, task, a.seconds, ours_threads)
        rows.append((mine, theirs))
        loads.append(load_average())
        print(f"{task}: ours {mine.get('stepsPerSecond', mine.get('error'))} steps/s, "
              f"ref {theirs.get('steps_per_s', theirs.get('error')) if theirs else 'n/a'}", file=sys.stderr, flush=True)
    vectors = []
    for task in a.vector_tasks.split(","):
        vectors.append(ours(a.neurogym, task, a.seconds, ours_threads, a.vector, a.vector_threads))
        loads.append(load_average())
    finished = datetime.datetime.now(datetime.timezone.utc)

    java = next((m["java"] for m, _ in rows if "java" in m), "?")
    if saved is not None:
        started = min(started, datetime.datetime.fromisoformat(saved["started"]))
    how = ("ours in one JVM (`bench --all`)" if a.ours_all else "ours in fresh JVMs, two per task: stepping and new trials in one, the Dataset in the other") + (
        ", the reference's figures measured first and saved" if saved is not None else ", alternating task by task")
    conditions = (f"Measured {started:%Y-%m-%d %H:%M}–{finished:%H:%M} UTC on {os.cpu_count()} cores, Java {java}, "
                  f"Python {platform.python_version()}; 1-minute load average {min(loads):.1f} to {max(loads):.1f} "
                  f"({'a quiet machine' if max(loads) < 1.5 else 'other work was running: absolute figures are noisy, read the ratios'}); {how}. "
                  f"`--seconds {a.seconds}` per figure, median of 3 rounds after a warm-up, each side; our Dataset's thread "
                  f"counts take turns over 7 rounds, and its scaling columns are the medians of each round's ratio to the "
                  f"1-thread round beside it.")
    text = "\n\n".join([
        BEGIN,
        conditions,
        table(rows, a.threads),
        summary(rows),
        "Vector envs, steps/s summed over the copies (random actions drawn before timing):",
        vector_table(vectors, a.vector, a.vector_threads),
        END,
    ])
    write_doc(a.doc, text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"started": started.isoformat(), "finished": finished.isoformat(), "loads": loads,
                       "rows": [{"ours": m, "reference": t} for m, t in rows], "vector": vectors}, f, indent=1)
    print(text)


if __name__ == "__main__":
    main()
