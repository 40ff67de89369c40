"""N copies of a task stepped in the JVM with one call per vector step, as a Gymnasium VectorEnv."""

from __future__ import annotations

import numpy as np

from . import _jvm, spaces
from ._jvm import InvalidActionError, calling_java
from .env import _view

if spaces.HAVE_GYMNASIUM:
    import gymnasium.vector as _gv

    _Base = _gv.VectorEnv
    _GYM1 = hasattr(_gv, "AutoresetMode")
else:
    _Base = object
    _GYM1 = False

_MODES = {"same_step": "SAME_STEP", "next_step": "NEXT_STEP", "disabled": "DISABLED"}


def default_autoreset_mode():
    """Gymnasium 1.x's default (next_step) under gymnasium 1.x; same_step (0.29's only mode) otherwise."""
    return "next_step" if _GYM1 else "same_step"


class NeuroGymVectorEnv(_Base):
    """``num_envs`` copies of a task, stepped together in Java (across ``threads``); results are the
    same whatever the number of threads. Copy ``i`` is reset with a seed derived from the reset's
    seed and ``i``.

    Arrays returned by ``reset``/``step`` are copies when ``copy=True`` (the default, as Gymnasium's
    vector envs), or read-only views of the JVM's shared buffers when ``copy=False`` (zero copies;
    the next step overwrites them).

    NeuroGym tasks run trial after trial: a trial's end is ``info["new_trial"]``, not an episode
    end. Episodes end only when a wrapper sets terminated/truncated; then ``autoreset_mode`` applies:
    ``"next_step"`` (Gymnasium 1.x's default), ``"same_step"`` (Gymnasium 0.29's behaviour; the last
    observation goes to ``info["final_observation"]`` under 0.29, ``info["final_obs"]`` under 1.x)
    or ``"disabled"``.

    With ``trial_facts=True``, a step in which some copy's trial ended also carries ``info["trial"]``
    (with ``info["_trial"]``): for each such copy, the facts of the trial it starts, as a single env's
    ``info["trial"]``.
    """

    metadata = {"render_modes": []}
    render_mode = None

    def __init__(self, recipe, num_envs, *, threads=None, copy=True, autoreset_mode=None, trial_facts=False):
        J = _jvm.java()
        if int(num_envs) < 1:
            raise ValueError(f"num_envs must be at least 1, got {num_envs}")
        mode = autoreset_mode or default_autoreset_mode()
        if hasattr(mode, "name"):  # gymnasium.vector.AutoresetMode
            mode = mode.name
        mode = str(mode).lower().replace("-", "_")
        if mode not in _MODES:
            raise ValueError(f"autoreset_mode must be one of {', '.join(_MODES)}, got {autoreset_mode!r}")
        self._recipe = recipe
        self.num_envs = int(num_envs)
        self._copy = bool(copy)
        self._mode = mode
        threads = 1 if threads is None else int(threads)
        with calling_java():
            builder = (J.VectorEnv.builder(recipe.supplier()).copies(self.num_envs).threads(threads)
                       .autoreset(J.VectorEnv.Autoreset.valueOf(_MODES[mode])))
            self._vector = builder.build()
            self._bridge = J.VectorBuffers(self._vector)
        single_obs = spaces.from_java(self._vector.observationSpace())
        single_act = spaces.from_java(self._vector.actionSpace())
        n = self.num_envs
        if spaces.HAVE_GYMNASIUM and not _GYM1:
            super().__init__(n, single_obs, single_act)
        else:
            self.single_observation_space = single_obs
            self.single_action_space = single_act
            self.observation_space = spaces.batch(single_obs, n)
            self.action_space = spaces.batch(single_act, n)
            self.closed = False
        if _GYM1:
            self.metadata = {"render_modes": [], "autoreset_mode": _gv.AutoresetMode[mode.upper()]}
        else:
            self.metadata = {"render_modes": [], "autoreset_mode": mode}
        self._discrete = single_act.shape == ()
        obs_shape = (n,) + tuple(single_obs.shape)
        b = self._bridge
        if self._discrete:
            self._actions = _view(b.actions(), np.int32, (n,))
            self._gt = _view(b.groundTruth(), np.int32, (n,))
            self._n_actions = int(single_act.n)
        else:
            act_shape = (n,) + tuple(single_act.shape)
            self._actions = _view(b.actions(), np.float32, act_shape)
            self._gt = _view(b.groundTruth(), np.float32, act_shape)
        self._obs = _view(b.observations(), single_obs.dtype, obs_shape)
        self._final_obs = _view(b.finalObservations(), single_obs.dtype, obs_shape)
        self._rewards = _view(b.rewards(), np.float64, (n,))
        self._performance = _view(b.performance(), np.float64, (n,))
        self._new_trials = _view(b.newTrials(), np.bool_, (n,))
        self._terminated = _view(b.terminated(), np.bool_, (n,))
        self._truncated = _view(b.truncated(), np.bool_, (n,))
        self._resets = _view(b.resets(), np.bool_, (n,))
        self._has_gt = _view(b.hasGroundTruth(), np.bool_, (n,))
        if not self._copy:
            for a in (self._obs, self._final_obs, self._rewards, self._performance, self._new_trials,
                      self._terminated, self._truncated, self._resets, self._has_gt, self._gt):
                a.flags.writeable = False
        self._jstep = b.step
        self._threads = int(self._vector.threads())
        self._every_copy = np.ones(n, dtype=bool)  # info["_new_trial"]: every copy reports new_trial, every step
        self._every_copy.flags.writeable = False  # one array for every step: making it cost a third of a one-copy step
        # each copy's trial-based layer, read only for the copies whose trial ended in a step; off by
        # default: converting facts to Python dicts costs more than a vector step of small tasks
        self._trial_sources = [J.TrialBased.nearest(self._vector.env(i)) for i in range(n)] if trial_facts else None

    @property
    def threads(self):
        return self._threads

    def _out(self, a):
        return a.copy() if self._copy else a

    def reset(self, *, seed=None, options=None):
        if seed is not None and not isinstance(seed, (int, np.integer)):
            raise ValueError("seed must be one integer (copy i gets a seed derived from it and i), got "
                             f"{type(seed).__name__}")
        if spaces.HAVE_GYMNASIUM and _GYM1:
            super().reset(seed=None if seed is None else int(seed) % 2**64)  # gymnasium's np_random takes no negative seed
        if seed is None:
            seed = int(np.random.SeedSequence().entropy % (1 << 63))
        with calling_java():
            self._bridge.reset(int(seed))
        return self._out(self._obs), {}

    def step(self, actions):
        a = np.asarray(actions)
        if a.shape != self._actions.shape:
            raise InvalidActionError(f"{self._recipe.env_id} x{self.num_envs} takes actions of shape {self._actions.shape}, "
                                     f"got shape {a.shape}")
        if self._discrete:
            if a.dtype.kind not in "iub":
                raise InvalidActionError(f"{self._recipe.env_id} takes integer actions, got dtype {a.dtype}")
        self._actions[...] = a
        try:
            resets = self._jstep()
        except Exception as e:
            raise (_jvm.translate(e) or e) from None
        n = self.num_envs
        new_trial = self._out(self._new_trials)
        infos = {
            "new_trial": new_trial, "_new_trial": self._every_copy,
            "gt": self._out(self._gt), "_gt": self._out(self._has_gt),
            "performance": self._out(self._performance), "_performance": new_trial,
        }
        if self._trial_sources is not None and new_trial.any():  # the facts of the trial each such copy starts, as a single env's info["trial"]
            trials = np.empty(n, dtype=object)
            with calling_java():
                for i in np.flatnonzero(new_trial):
                    trial = self._trial_sources[i].trial()
                    trials[i] = None if trial is None else _jvm.facts(trial.asMap())
            infos["trial"], infos["_trial"] = trials, new_trial.copy()
        if resets and self._mode == "same_step":
            ended = self._resets.copy()
            finals = np.empty(n, dtype=object)
            final_infos = np.empty(n, dtype=object)
            for i in np.flatnonzero(ended):
                finals[i] = self._final_obs[i].copy()
                final_infos[i] = {}
            key = "final_obs" if _GYM1 else "final_observation"
            infos[key], infos["_" + key] = finals, ended
            infos["final_info"], infos["_final_info"] = final_infos, ended
        return (self._out(self._obs), self._out(self._rewards), self._out(self._terminated),
                self._out(self._truncated), infos)

    def close(self, **kwargs):
        if not getattr(self, "_closed_jvm", False):
            self._closed_jvm = True
            self.closed = True
            with calling_java():
                self._bridge.close()

    def close_extras(self, **kwargs):
        self.close()

    def __del__(self):
        if not _jvm.usable():
            return
        try:
            self.close()
        except Exception:  # noqa: BLE001
            pass

    def __repr__(self):
        return f"<NeuroGymVectorEnv {self._recipe.env_id} x{self.num_envs}>"
