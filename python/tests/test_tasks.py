"""Every registered task makes, resets and steps 1,000 random actions, with observations in the space."""

import numpy as np
import pytest


def all_tasks():
    import conftest  # noqa: F401  - sets NEUROGYM_HOME before the JVM starts
    import neurogym_jvm

    return neurogym_jvm.tasks()


TASKS = all_tasks()


def test_the_registry_is_not_empty():
    assert "PerceptualDecisionMaking-v0" in TASKS
    assert len(TASKS) >= 50


@pytest.mark.parametrize("task", TASKS)
def test_random_actions_stay_in_the_spaces(ng, task):
    env = ng.make(task)
    obs, info = env.reset(seed=7)
    assert isinstance(info, dict)
    space = env.observation_space
    assert obs.dtype == space.dtype and obs.shape == space.shape
    assert space.contains(obs), f"{task}: reset observation outside {space}"
    env.action_space.seed(7)
    trials = 0
    for _ in range(1000):
        obs, reward, terminated, truncated, info = env.step(env.action_space.sample())
        assert obs.dtype == space.dtype and obs.shape == space.shape
        assert space.contains(obs), f"{task}: observation {obs} outside {space}"
        assert isinstance(reward, float) and np.isfinite(reward)
        assert isinstance(terminated, bool) and isinstance(truncated, bool)
        assert isinstance(info["new_trial"], bool)
        if info["new_trial"]:
            trials += 1
            assert isinstance(info["performance"], float)
            assert isinstance(info["trial"], dict)
        if terminated or truncated:
            env.reset()
    env.close()
