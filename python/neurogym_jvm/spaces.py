"""Observation and action spaces: gymnasium's Box and Discrete when gymnasium is importable, small
stand-ins with the same attributes otherwise. The named channels are kept in ``space.name``, as the
reference keeps them: ``{"fixation": 0, "stimulus": [1, 2]}``."""

from __future__ import annotations

import numpy as np

try:  # gymnasium is optional: with it our spaces are gymnasium's
    import gymnasium as _gym
    from gymnasium import spaces as _gym_spaces
except ImportError:  # pragma: no cover - depends on the environment
    _gym = None
    _gym_spaces = None

HAVE_GYMNASIUM = _gym is not None


class _Box:
    """A stand-in for gymnasium.spaces.Box (float32, 1-D) when gymnasium is absent."""

    def __init__(self, low, high, dtype=np.float32):
        self.dtype = np.dtype(dtype)
        self.low = np.asarray(low, dtype=self.dtype)
        self.high = np.asarray(high, dtype=self.dtype)
        self.shape = self.low.shape
        self._rng = np.random.default_rng()

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)
        return [seed]

    def contains(self, x):
        x = np.asarray(x)
        return (x.shape == self.shape and np.can_cast(x.dtype, self.dtype)
                and bool(np.all(x >= self.low)) and bool(np.all(x <= self.high)))

    def sample(self):
        low = np.where(np.isfinite(self.low), self.low, -1.0)
        high = np.where(np.isfinite(self.high), self.high, 1.0)
        bounded = np.isfinite(self.low) & np.isfinite(self.high)
        draw = np.where(bounded, self._rng.uniform(low, high), self._rng.normal(size=self.shape))
        return draw.astype(self.dtype)

    def __contains__(self, x):
        return self.contains(x)

    def __repr__(self):
        return f"Box({self.low.min()}, {self.high.max()}, {self.shape}, {self.dtype})"


class _Discrete:
    """A stand-in for gymnasium.spaces.Discrete when gymnasium is absent."""

    def __init__(self, n):
        self.n = int(n)
        self.shape = ()
        self.dtype = np.dtype(np.int64)
        self.start = 0
        self._rng = np.random.default_rng()

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)
        return [seed]

    def contains(self, x):
        if isinstance(x, (int, np.integer)) or (isinstance(x, np.ndarray) and x.shape == () and x.dtype.kind in "iu"):
            return 0 <= int(x) < self.n
        return False

    def sample(self):
        return np.int64(self._rng.integers(self.n))

    def __contains__(self, x):
        return self.contains(x)

    def __repr__(self):
        return f"Discrete({self.n})"


def _names(space):
    """The Java space's channels as the reference's name dict: one index as an int, several as a list."""
    out = {}
    for entry in space.channels().entrySet():
        idx = [int(i) for i in entry.getValue()]
        out[str(entry.getKey())] = idx[0] if len(idx) == 1 else idx
    return out


def from_java(space):
    """A gymnasium (or stand-in) space for a Java Box or Discrete, with ``.name`` the named channels."""
    cls = str(space.getClass().getSimpleName())
    if cls == "Discrete":
        py = _gym_spaces.Discrete(int(space.n())) if HAVE_GYMNASIUM else _Discrete(int(space.n()))
    elif cls == "Box":
        shape = tuple(int(s) for s in space.shape())
        dtype = np.dtype(str(space.dtype().numpyName()))  # float32, or uint8 for pixel tasks
        low = np.array(space.low(), dtype=np.float32).reshape(shape).astype(dtype)
        high = np.array(space.high(), dtype=np.float32).reshape(shape).astype(dtype)
        py = _gym_spaces.Box(low=low, high=high, shape=shape, dtype=dtype) if HAVE_GYMNASIUM else _Box(low, high, dtype)
    else:
        raise TypeError(f"unsupported Java space {space}")
    py.name = _names(space)
    return py


def batch(space, n):
    """The space of ``n`` stacked copies (gymnasium's batch_space when available)."""
    if HAVE_GYMNASIUM:
        from gymnasium.vector.utils import batch_space

        out = batch_space(space, n)
    elif isinstance(space, _Discrete):
        out = _Box(np.zeros(n), np.full(n, space.n - 1), dtype=np.int64)
    else:
        out = _Box(np.tile(space.low, (n, 1)), np.tile(space.high, (n, 1)))
    return out
