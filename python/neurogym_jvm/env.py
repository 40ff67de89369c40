"""A NeuroGym task as a Gymnasium env, stepped in the JVM with one call per step."""

from __future__ import annotations

import operator

import numpy as np

from . import _jvm, spaces
from ._jvm import InvalidActionError, calling_java

_Base = spaces._gym.Env if spaces.HAVE_GYMNASIUM else object

_NEW_TRIAL, _TERMINATED, _TRUNCATED, _HAS_GT, _HAS_INFO = 1, 2, 4, 8, 16


def _view(buffer, dtype, shape=None):
    """A numpy array over a Java direct buffer: same memory, no copy."""
    a = np.asarray(buffer).view(dtype)
    return a if shape is None else a.reshape(shape)


class Recipe:
    """How to make the Java env again (for the copies of a vector env or a Dataset): task, parameters, wrappers."""

    def __init__(self, env_id, params, wrappers):
        self.env_id = str(env_id)
        self.params = dict(params or {})
        self.wrappers = normalize_wrappers(wrappers)

    def make(self):
        J = _jvm.java()
        host = _jvm.host()
        with calling_java():
            env = host.make(self.env_id, J.map(self.params))
            for name, params in self.wrappers:
                try:
                    env = host.wrap(env, name, J.map(params))
                except Exception:
                    env.close()
                    raise
        return env

    def supplier(self):
        """A java.util.function.Supplier of new envs (called by Java in this thread)."""
        import jpype

        return jpype.JProxy("java.util.function.Supplier", dict={"get": self.make})


def normalize_wrappers(wrappers):
    """Wrappers, innermost first, as (name, params) pairs. Each may be a name, a CLI-style
    ``"Noise:std_noise=0.2"``, a ``(name, params)`` pair or a ``{"name": ..., **params}`` dict."""
    if wrappers is None:
        return []
    if isinstance(wrappers, (str, dict)):
        wrappers = [wrappers]
    out = []
    for w in wrappers:
        if isinstance(w, str):
            if ":" in w:
                J = _jvm.java()
                with calling_java():
                    parsed = J.WrapperConfig.parse(w)
                out.append((str(parsed.name()), _jvm.python_value(parsed.params())))
            else:
                out.append((w, {}))
        elif isinstance(w, dict):
            d = dict(w)
            if "name" not in d:
                raise ValueError(f"a wrapper given as a dict needs a 'name': {w!r}")
            name = d.pop("name")
            out.append((str(name), dict(d.pop("params", {}), **d)))
        elif isinstance(w, (tuple, list)) and len(w) == 2 and isinstance(w[0], str):
            out.append((w[0], dict(w[1] or {})))
        else:
            raise ValueError(f"a wrapper is a name, 'Name:key=value,...', (name, params) or a dict with 'name': got {w!r}")
    return out


class NeuroGymEnv(_Base):
    """A NeuroGym task (with its wrappers) behind Gymnasium's API.

    ``reset``/``step`` return fresh numpy arrays (copies of the JVM's shared buffer, so keeping
    an observation is safe). ``info`` carries ``new_trial`` and ``gt`` every step and, when a trial
    ends, ``performance`` and ``trial`` (the facts of the next trial, as the reference reports them).
    The trial-level view of the reference (``dt``, ``trial``, ``new_trial()``, ``ob``, ``gt``,
    ``timing``, ``rewards``) is on the env itself, hence on ``env.unwrapped``.
    """

    metadata = {"render_modes": []}
    render_mode = None

    def __init__(self, recipe, jenv=None):
        J = _jvm.java()
        self._recipe = recipe
        jenv = jenv if jenv is not None else recipe.make()
        with calling_java():
            self._bridge = J.EnvBuffers(jenv)
        self._jenv = jenv
        self._trials = J.TrialBased.nearest(jenv)
        self.observation_space = spaces.from_java(jenv.observationSpace())
        self.action_space = spaces.from_java(jenv.actionSpace())
        self._discrete = isinstance(self.action_space.shape, tuple) and self.action_space.shape == ()
        self._n_actions = int(self.action_space.n) if self._discrete else 0
        self._obs = _view(self._bridge.observation(), self.observation_space.dtype, self.observation_space.shape)
        self._scalars = _view(self._bridge.scalars(), np.float64)
        # a memoryview of doubles hands out Python floats directly, faster than numpy scalars
        self._scalar = memoryview(self._scalars).cast("B").cast("d")
        self._trial_of_step = self._bridge.trial
        if not self._discrete:
            self._action = _view(self._bridge.action(), np.float32, self.action_space.shape)
            self._gt_vector = _view(self._bridge.groundTruthVector(), np.float32, self.action_space.shape)
        self._jstep = self._bridge.step
        self._jstep_box = self._bridge.stepBox
        self._dt = float(jenv.dt())
        self._closed = False
        self.spec_id = recipe.env_id

    # ------------------------------------------------------------------ Gymnasium

    def reset(self, *, seed=None, options=None):
        if spaces.HAVE_GYMNASIUM:
            # gymnasium's own np_random (for its wrappers) takes no negative seed; Java takes any long
            super().reset(seed=None if seed is None else int(seed) % 2**64)
        with calling_java():
            if seed is None:
                self._bridge.reset()
            else:
                self._bridge.reset(int(seed))
        return self._obs.copy(), {}

    def step(self, action):
        if self._discrete:
            try:
                a = operator.index(action)
            except TypeError:
                raise InvalidActionError(f"{self.spec_id} takes one integer action in [0, {self._n_actions}), got {action!r}") from None
            try:
                flags = self._jstep(a)
            except Exception as e:
                raise (_jvm.translate(e) or e) from None
        else:
            a = np.asarray(action, dtype=np.float32)
            if a.shape != self._action.shape:
                raise InvalidActionError(f"{self.spec_id} takes actions of shape {self._action.shape}, got shape {a.shape}")
            self._action[...] = a
            try:
                flags = self._jstep_box()
            except Exception as e:
                raise (_jvm.translate(e) or e) from None
        s = self._scalar
        info = {"new_trial": bool(flags & _NEW_TRIAL)}
        if flags & _HAS_GT:
            info["gt"] = int(s[2]) if self._discrete else self._gt_vector.copy()
        if flags & _NEW_TRIAL:
            info["performance"] = s[1]
            trial = self._trial_of_step()
            if trial is not None:
                info["trial"] = _jvm.facts(trial.asMap())
        if flags & _HAS_INFO:
            for k, v in self._bridge.info().items():
                info[str(k)] = _jvm.python_value(v)
        return self._obs.copy(), s[0], bool(flags & _TERMINATED), bool(flags & _TRUNCATED), info

    def render(self):
        return None

    def close(self):
        if not self._closed:
            self._closed = True
            with calling_java():
                self._bridge.close()

    def __del__(self):
        if not _jvm.usable():
            return
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

    def __repr__(self):
        return f"<NeuroGymEnv {self.spec_id}>"

    # ------------------------------------------------------------------ the reference's trial view

    @property
    def unwrapped(self):
        """This env: it is the task (its trial view is below), as the reference's ``env.unwrapped`` is."""
        return self

    def _trial_based(self):
        if self._trials is None:
            raise AttributeError(f"{self.spec_id} is not trial-based: it has no trial matrices")
        return self._trials

    @property
    def dt(self):
        """The time step in ms."""
        return self._dt

    @property
    def trial(self):
        """The facts of the current trial (a dict)."""
        with calling_java():
            return _jvm.facts(self._trial_based().trial().asMap())

    def new_trial(self, **kwargs):
        """Starts a new trial (``kwargs`` impose facts, e.g. ``ground_truth=1``) and returns its facts."""
        J = _jvm.java()
        with calling_java():
            t = self._trial_based().newTrial(J.map(kwargs))
            return _jvm.facts(t.asMap())

    @property
    def ob(self):
        """The current trial's observations, ``[steps, observation size]`` (a copy)."""
        tb = self._trial_based()
        with calling_java():
            n = int(tb.trialLength())
            if self.observation_space.dtype == np.uint8:  # pixel tasks keep their frames as bytes
                flat = np.array(tb.trialFrames(), dtype=np.int8).view(np.uint8)
            else:
                flat = np.array(tb.trialObservations(), dtype=np.float32)
        return flat[: n * self._obs.size].reshape(n, *self.observation_space.shape)

    @property
    def gt(self):
        """The current trial's ground truth: ``[steps]`` actions, or ``[steps, action size]`` (a copy)."""
        tb = self._trial_based()
        with calling_java():
            n = int(tb.trialLength())
            if self._discrete:
                g = tb.trialGroundTruth()
                return np.zeros(n, dtype=np.int64) if g is None else np.array(g, dtype=np.int64)[:n]
            g = tb.trialGroundTruthVector()
            size = int(np.prod(self.action_space.shape))
            return np.array(g, dtype=np.float32)[: n * size].reshape(n, *self.action_space.shape)

    @property
    def t_ind(self):
        """The current step within the trial."""
        return int(self._trial_based().stepIndex())

    @property
    def timing(self):
        """Each period's timing, as text (e.g. ``'uniform(400, 800)'``)."""
        with calling_java():
            task = self._trial_based().task()
            return {str(k): str(v) for k, v in task.timing().items()}

    @property
    def rewards(self):
        """The reward of each outcome."""
        with calling_java():
            task = self._trial_based().task()
            return {str(k): float(v) for k, v in task.rewards().items()}

    @property
    def java_env(self):
        """The Java env (org.neurogym.api.Env), for what this class does not adapt."""
        return self._jenv
