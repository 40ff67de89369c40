"""The vector env equals N single envs stepped one by one, whatever the number of threads."""

import numpy as np
import pytest


@pytest.mark.parametrize("threads", [1, 3])
def test_vector_equals_single_envs(ng, rng_derive, threads):
    n, seed, steps = 5, 17, 200
    vec = ng.make_vec("PerceptualDecisionMaking-v0", n, threads=threads, trial_facts=True, sigma=0.7)
    singles = [ng.make("PerceptualDecisionMaking-v0", sigma=0.7) for _ in range(n)]
    obs, _ = vec.reset(seed=seed)
    for i, env in enumerate(singles):
        np.testing.assert_array_equal(obs[i], env.reset(seed=rng_derive(seed, i))[0])
    actions = np.random.default_rng(0).integers(0, 3, (steps, n))
    for t in range(steps):
        obs, rewards, term, trunc, info = vec.step(actions[t])
        assert obs.shape == (n, 3) and obs.dtype == np.float32
        for i, env in enumerate(singles):
            o, r, te, tr, inf = env.step(int(actions[t, i]))
            np.testing.assert_array_equal(obs[i], o)
            assert rewards[i] == r and term[i] == te and trunc[i] == tr
            assert info["new_trial"][i] == inf["new_trial"]
            assert info["gt"][i] == inf["gt"]
            if inf["new_trial"]:
                assert info["performance"][i] == inf["performance"]
                assert info["_trial"][i] and info["trial"][i] == inf["trial"]
            elif "_trial" in info:
                assert not info["_trial"][i]
    vec.close()


def test_spaces_and_copies(ng):
    vec = ng.make_vec("PerceptualDecisionMaking-v0", 4)
    assert vec.num_envs == 4
    assert vec.single_observation_space.shape == (3,)
    assert vec.single_observation_space.name == {"fixation": 0, "stimulus": [1, 2]}
    obs, _ = vec.reset(seed=1)
    kept = obs.copy()
    vec.step(np.ones(4, dtype=np.int64))
    np.testing.assert_array_equal(obs, kept)  # copy=True: a returned array is the caller's


def test_views_without_copies_are_read_only_and_refilled(ng):
    vec = ng.make_vec("PerceptualDecisionMaking-v0", 4, copy=False, sigma=1.0)
    obs, _ = vec.reset(seed=1)
    assert not obs.flags.writeable
    before = obs.copy()
    nxt, *_ = vec.step(np.zeros(4, dtype=np.int64))
    assert np.shares_memory(obs, nxt)  # the same shared buffer, refilled
    assert not np.array_equal(before, nxt)


def test_the_same_seed_gives_the_same_vector_run(ng):
    def run(threads):
        vec = ng.make_vec("PerceptualDecisionMaking-v0", 8, threads=threads, sigma=1.0)
        out = [vec.reset(seed=3)[0]]
        for t in range(100):
            out.append(vec.step(np.full(8, t % 3))[0])
        vec.close()
        return np.stack(out)

    np.testing.assert_array_equal(run(1), run(2))


def test_trial_facts_are_asked_for(ng):
    vec = ng.make_vec("PerceptualDecisionMaking-v0", 3)
    vec.reset(seed=1)
    ended = False
    for _ in range(100):
        _, _, _, _, info = vec.step(np.zeros(3, dtype=np.int64))
        ended = ended or info["new_trial"].any()
        assert "trial" not in info
    assert ended
    vec.close()
