"""A Gymnasium-style vector-env rollout loop: 64 copies of PerceptualDecisionMaking stepped together
in Java, a policy that fixates, accumulates the evidence of the two stimulus channels and answers
for the larger when the inputs go off, and the trial-level
results read from info.

    NEUROGYM_HOME=distribution/target/neurogym /usr/bin/python3 python/examples/vector_rollout.py
"""

import argparse
import time

import numpy as np

import neurogym_jvm as ng


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--copies", type=int, default=64)
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    vec = ng.make_vec("PerceptualDecisionMaking-v0", a.copies, threads=a.threads, copy=False, sigma=1.0)
    obs, _ = vec.reset(seed=0)
    n = a.copies
    evidence = np.zeros((n, 2))
    performance = []
    rewards = 0.0
    started = time.perf_counter()
    for _ in range(a.steps):
        # integrate the two stimulus channels; answer for the larger once every input is off (the decision period)
        evidence += obs[:, 1:3]
        deciding = ~np.any(obs != 0, axis=1)
        actions = np.where(deciding, 1 + evidence.argmax(axis=1), 0)
        obs, reward, terminated, truncated, info = vec.step(actions)
        rewards += reward.sum()
        ended = info["new_trial"]
        performance.extend(info["performance"][ended])
        evidence[ended] = 0
    seconds = time.perf_counter() - started
    print(f"{n} copies x {a.steps} steps in {seconds:.2f} s ({n * a.steps / seconds:,.0f} env-steps/s)")
    print(f"trials {len(performance)}, mean performance {np.mean(performance):.3f}, reward per step {rewards / (n * a.steps):.3f}")
    vec.close()


if __name__ == "__main__":
    main()
