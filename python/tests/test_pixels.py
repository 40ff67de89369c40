"""Pixel tasks (uint8 image observations): the env, vector env and Dataset hand out the frames Java drew, as uint8."""

import numpy as np

TASK = "RandomDotMotion-v0"


def test_the_env_steps_through_the_trial_frames(ng):
    env = ng.make(TASK)
    obs, _ = env.reset(seed=3)
    assert obs.dtype == np.uint8 and obs.shape == env.observation_space.shape == (100, 100, 3)
    frames = env.ob  # the trial the reset built, as drawn
    assert frames.dtype == np.uint8 and frames.shape[1:] == (100, 100, 3)
    np.testing.assert_array_equal(obs, frames[0])
    stepped = [obs.copy()]
    for _ in range(frames.shape[0] - 1):
        obs, _, _, _, info = env.step(0)  # fixating keeps the trial going
        if info["new_trial"]:
            break
        stepped.append(obs.copy())
    np.testing.assert_array_equal(np.stack(stepped), frames[: len(stepped)])
    assert len(np.unique(np.stack(stepped))) > 1  # dots on a background, not a blank screen


def test_vector_copies_show_the_frames_of_single_envs(ng, rng_derive):
    vec = ng.make_vec(TASK, 2)
    obs, _ = vec.reset(seed=5)
    assert obs.dtype == np.uint8 and obs.shape == (2, 100, 100, 3)
    for i in range(2):
        single = ng.make(TASK)
        first, _ = single.reset(seed=rng_derive(5, i))
        np.testing.assert_array_equal(obs[i], first)


def test_a_dataset_of_frames_is_uint8(ng):
    ds = ng.Dataset(TASK, batch_size=2, seq_len=10, seed=1)
    x, y = ds()
    assert x.dtype == np.uint8 and x.shape == (10, 2, 100, 100, 3)
    assert y.dtype == np.int64 and y.shape == (10, 2)
    assert x.max() > x.min()
