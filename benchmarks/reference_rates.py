"""Speed of the Python reference NeuroGym, measured the way `neurogym bench` measures ours.

Run by side_by_side.py with the reference on PYTHONPATH (see docs/performance.md); prints one JSON
object per task on stdout:
    {"task", "steps_per_s", "new_trials_per_s", "dataset_timesteps_per_s"}  or  {"task", "error"}

Each figure is the median of three timed rounds after a warm-up round half as long as the three,
like ours. What is timed:
  step       env.step(a) on ngym.make(task) (the reference's own wrapper stack), actions drawn
             up front, so drawing them is not timed (ours times its random agent: that favours the
             reference slightly)
  new trial  env.unwrapped.new_trial()
  Dataset    neurogym's Dataset(task, batch_size=16, seq_len=100), one call = 1,600 timesteps
"""

import json
import statistics
import sys
import time
import warnings

ROUNDS = 3
BATCH, SEQ = 16, 100


def rate(work_per_call, call, seconds):
    """Median over the rounds of work done per second; the first (untimed) round warms up."""
    per_round = seconds / ROUNDS
    rates = []
    for r in range(-1, ROUNDS):
        budget = per_round * ROUNDS / 2 if r < 0 else per_round
        calls = 0
        start = time.perf_counter()
        while True:
            call()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= budget:
                break
        if r >= 0:
            rates.append(calls * work_per_call / elapsed)
    return statistics.median(rates)


def stepper(env, rng, chunk):
    """A call that takes `chunk` steps with pre-drawn random actions (reset when an episode ends)."""
    import gymnasium as gym

    space = env.action_space
    if isinstance(space, gym.spaces.Discrete):
        actions = [int(space.start) + int(a) for a in rng.integers(0, space.n, size=chunk * 8)]
    else:
        low = rng.uniform(-1, 1, size=(chunk * 8, *space.shape)).astype(space.dtype)
        actions = list(low.clip(space.low, space.high))
    offset = [0]

    def run():
        o = offset[0]
        for a in actions[o:o + chunk]:
            _, _, terminated, truncated, _ = env.step(a)
            if terminated or truncated:
                env.reset()
        offset[0] = (o + chunk) % len(actions)

    return run


def measure(task, seconds):
    import numpy as np
    import neurogym as ngym
    from neurogym.utils.data import Dataset

    out = {"task": task}
    env = ngym.make(task)
    env.reset(seed=0)
    out["steps_per_s"] = rate(1000, stepper(env, np.random.default_rng(0), 1000), seconds)

    env = ngym.make(task)
    env.reset(seed=0)
    new_trial = env.unwrapped.new_trial

    def hundred_trials():
        for _ in range(100):
            new_trial()

    out["new_trials_per_s"] = rate(100, hundred_trials, seconds)

    try:
        ds = Dataset(task, batch_size=BATCH, seq_len=SEQ)
        out["dataset_timesteps_per_s"] = rate(BATCH * SEQ, ds, seconds)
    except Exception as e:  # noqa: BLE001 - a task the reference's Dataset cannot batch is reported, not fatal
        out["dataset_error"] = f"{type(e).__name__}: {e}"
    return out


def main():
    warnings.simplefilter("ignore")
    seconds = float(sys.argv[1])
    for task in sys.argv[2:]:
        try:
            result = measure(task, seconds)
        except Exception as e:  # noqa: BLE001 - one task failing must not stop the table
            result = {"task": task, "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
