"""Seeds reproduce exactly, and Python agrees with the CLI's `neurogym dataset`."""

import subprocess

import numpy as np

from conftest import launcher


def rollout(ng, seed, steps=300, task="PerceptualDecisionMaking-v0", **params):
    env = ng.make(task, **params)
    obs0, _ = env.reset(seed=seed)
    actions = np.random.default_rng(seed).integers(0, env.action_space.n, steps)
    out = [obs0]
    rewards = []
    for a in actions:
        obs, r, _, _, info = env.step(int(a))
        out.append(obs)
        rewards.append(r)
    env.close()
    return np.stack(out), np.array(rewards)


def test_the_same_seed_gives_the_same_run(ng):
    a, ra = rollout(ng, 11)
    b, rb = rollout(ng, 11)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(ra, rb)


def test_another_seed_gives_another_run(ng):
    a, _ = rollout(ng, 11, sigma=1.0)
    b, _ = rollout(ng, 12, sigma=1.0)
    assert not np.array_equal(a, b)


def test_reset_with_a_seed_restarts_the_stream(ng):
    env = ng.make("PerceptualDecisionMaking-v0")
    first = [env.reset(seed=5)[0]] + [env.step(1)[0] for _ in range(50)]
    again = [env.reset(seed=5)[0]] + [env.step(1)[0] for _ in range(50)]
    np.testing.assert_array_equal(np.stack(first), np.stack(again))


def test_python_dataset_equals_the_cli_export(ng, tmp_path):
    out = tmp_path / "x.npz"
    subprocess.run([launcher(), "dataset", "PerceptualDecisionMaking-v0", "--batch", "4", "--seq", "50", "--batches", "3",
                    "--seed", "21", "--threads", "1", "--param", "sigma=0.5", "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    with np.load(out) as f:
        inputs, targets = f["inputs"], f["targets"]
    ds = ng.Dataset("PerceptualDecisionMaking-v0", env_kwargs={"sigma": 0.5}, batch_size=4, seq_len=50, seed=21, threads=2)
    for k in range(3):
        x, y = ds()
        np.testing.assert_array_equal(x, inputs[k])
        np.testing.assert_array_equal(y, targets[k])


def test_masks_trial_starts_and_facts_agree_with_the_cli(ng, tmp_path):
    import json

    out = tmp_path / "m.npz"
    subprocess.run([launcher(), "dataset", "PerceptualDecisionMaking-v0", "--batch", "3", "--seq", "40", "--batches", "2",
                    "--seed", "8", "--mask", "yang19", "--trial-starts", "--trial-facts", "--batch-first", "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    f = np.load(out)
    meta = json.loads(bytes(f["meta"]))
    assert meta["task"] == "PerceptualDecisionMaking-v0" and meta["n_actions"] == 3 and meta["seed"] == 8
    assert meta["observation_space"]["names"]["stimulus"] == [1, 2]
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=3, seq_len=40, seed=8, mask="yang19", trial_start=True,
                    trial_facts=True, batch_first=True)
    rows = []
    for k in range(2):
        x, y, mask, starts = ds()
        np.testing.assert_array_equal(x, f["inputs"][k])
        np.testing.assert_array_equal(mask, f["mask"][k])
        np.testing.assert_array_equal(starts, f["trial_start"][k])
        rows += [(k, row, step, facts["coh"]) for row, step, facts in ds.trials]
    assert [tuple(r) for r in f["trials"]] == [r[:3] for r in rows]
    np.testing.assert_array_equal(f["trial_coh"], [r[3] for r in rows])
