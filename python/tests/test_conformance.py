"""Conformance with Gymnasium's env API, modelled on gymnasium.utils.env_checker: signatures, spaces,
dtypes, seeding determinism and info types, on every task. Where gymnasium is importable, its own
check_env runs on every task too (PYTHONPATH=<Gymnasium source> python3 -m pytest ... ; see docs/python.md)."""

import inspect

import numpy as np
import pytest

from test_tasks import TASKS


@pytest.mark.parametrize("task", TASKS)
def test_env_api(ng, task):
    env = ng.make(task)
    # signatures: reset(*, seed=None, options=None), step(action)
    params = inspect.signature(env.reset).parameters
    assert params["seed"].default is None and params["options"].default is None
    assert list(inspect.signature(env.step).parameters) == ["action"]
    # spaces: a float32 Box (a uint8 [height, width, 3] image for pixel tasks) with named channels;
    # a Discrete or a float32 Box
    obs_space, act_space = env.observation_space, env.action_space
    image = obs_space.dtype == np.uint8 and len(obs_space.shape) == 3 and obs_space.shape[2] == 3
    assert (obs_space.dtype == np.float32 or image) and isinstance(obs_space.name, dict) and obs_space.name
    assert np.all(obs_space.low <= obs_space.high)
    assert hasattr(act_space, "n") or act_space.dtype == np.float32
    # seeding determinism: the same seed gives the same observations, actions included
    runs = []
    for _ in range(2):
        obs, info = env.reset(seed=42)
        assert isinstance(info, dict) and obs.dtype == obs_space.dtype and obs_space.contains(obs)
        act_space.seed(42)
        trace = [obs]
        for _ in range(30):
            obs, reward, terminated, truncated, info = env.step(act_space.sample())
            assert type(reward) is float and type(terminated) is bool and type(truncated) is bool
            assert type(info) is dict and type(info["new_trial"]) is bool
            if "gt" in info:
                assert isinstance(info["gt"], (int, np.ndarray))
            trace.append(obs)
        runs.append(np.stack(trace))
    np.testing.assert_array_equal(runs[0], runs[1])
    # reset without a seed continues the stream (it does not fail, nor reseed to the same start)
    obs, info = env.reset()
    assert obs_space.contains(obs)
    env.close()
    env.close()  # closing twice is harmless


def test_gymnasium_check_env_on_every_task(ng):
    gymnasium = pytest.importorskip("gymnasium", reason="gymnasium is not installed: its checker runs from source, "
                                    "see docs/python.md")
    from gymnasium.utils.env_checker import check_env

    for task in TASKS:
        env = ng.make(task)
        assert isinstance(env, gymnasium.Env)
        check_env(env, skip_render_check=True)
        env.close()


def test_gymnasium_vector_env(ng):
    gymnasium = pytest.importorskip("gymnasium", reason="gymnasium is not installed")
    vec = ng.make_vec("PerceptualDecisionMaking-v0", 4, wrappers=["PassReward"])
    assert isinstance(vec, gymnasium.vector.VectorEnv)
    assert vec.observation_space.shape == (4, 4)
    obs, info = vec.reset(seed=0)
    assert vec.observation_space.contains(obs)
    obs, rewards, terminated, truncated, info = vec.step(vec.action_space.sample())
    assert rewards.shape == (4,) and terminated.dtype == np.bool_
    if hasattr(gymnasium.vector, "AutoresetMode"):
        assert vec.metadata["autoreset_mode"] == gymnasium.vector.AutoresetMode.NEXT_STEP
