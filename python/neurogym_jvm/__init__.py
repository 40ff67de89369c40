"""NeuroGym's tasks, wrappers and datasets in-process, through JPype, as Gymnasium envs.

    import neurogym_jvm as ng
    env = ng.make("PerceptualDecisionMaking-v0", dim_ring=2)
    obs, info = env.reset(seed=0)
    obs, reward, terminated, truncated, info = env.step(env.action_space.sample())

    vec = ng.make_vec("PerceptualDecisionMaking-v0", 64, threads=2)
    data = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=16, seq_len=100, seed=0)
    inputs, targets = data()

The JVM starts on the first call, over the NeuroGym distribution found from ``configure(home=...)``,
``$NEUROGYM_HOME`` or the copy bundled in the package; ``configure`` chooses the plugins
directory, the plugin runtime and JVM options before that.
"""

from __future__ import annotations

from . import _jvm
from ._jvm import (InvalidActionError, JvmError, NeuroGymError, ParameterError, UnknownIdError, calling_java,
                   configure, start)
from .dataset import Dataset
from .env import NeuroGymEnv, Recipe
from .vector import NeuroGymVectorEnv

__version__ = "0.1.0"

__all__ = ["make", "make_vec", "make_from_config", "Dataset", "tasks", "wrappers", "configure", "start", "home",
           "NeuroGymEnv", "NeuroGymVectorEnv", "NeuroGymError", "UnknownIdError", "ParameterError",
           "InvalidActionError", "JvmError"]


def make(env_id, *, wrappers=None, **params):
    """A Gymnasium env of task ``env_id`` with ``params``, wrapped by ``wrappers`` (innermost first:
    names, ``"Noise:std_noise=0.2"`` strings as on the CLI, ``(name, params)`` pairs or dicts)."""
    return NeuroGymEnv(Recipe(env_id, params, wrappers))


def make_vec(env_id, num_envs, *, threads=None, copy=True, autoreset_mode=None, trial_facts=False, wrappers=None, **params):
    """A Gymnasium vector env of ``num_envs`` copies stepped together in Java (across ``threads``,
    default 1), with one call per vector step. See NeuroGymVectorEnv for copies, autoreset and
    ``trial_facts``."""
    return NeuroGymVectorEnv(Recipe(env_id, params, wrappers), num_envs, threads=threads, copy=copy,
                             autoreset_mode=autoreset_mode, trial_facts=trial_facts)


def make_from_config(path):
    """The env an experiment file describes, made by the host as the CLI makes it (Host.make): its
    ``[env]`` (task and parameters), ``[[wrappers]]`` and, with a ``[monitor]`` section, the Monitor
    outermost. Errors name the file, line and column."""
    import os

    J = _jvm.java()
    host = _jvm.host()
    with calling_java():
        config = J.ExperimentConfig.load(J.Path.of(os.fspath(path), []))
        env_config = config.env()
        if env_config is None or env_config.name() is None:
            raise ParameterError(f"{path}: the file has no [env] name")
    return NeuroGymEnv(_ConfigRecipe(str(env_config.name()), host, config))


class _ConfigRecipe(Recipe):
    """Makes the experiment of a file again (for a Dataset or vector env over a configured env)."""

    def __init__(self, env_id, host, config):
        super().__init__(env_id, {}, None)
        self._host = host
        self._config = config

    def make(self):
        with calling_java():
            return self._host.make(self._config)


def tasks(tag=None):
    """The ids of the installed tasks (with ``tag``, only those)."""
    h = _jvm.host()
    with calling_java():
        entries = h.tasks() if tag is None else h.tasks(tag)
        return [str(e.id()) for e in entries]


def wrappers():
    """The ids of the installed wrappers."""
    h = _jvm.host()
    with calling_java():
        return [str(e.id()) for e in h.wrappers()]


def home():
    """The NeuroGym distribution in use (its lib/ and plugins/)."""
    return _jvm.home()
