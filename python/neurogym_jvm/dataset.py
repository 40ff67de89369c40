"""The reference's supervised Dataset (neurogym.utils.data.Dataset), filled in the JVM."""

from __future__ import annotations

import math
import sys

import jpype
import jpype.nio

import numpy as np

from . import _jvm
from ._jvm import calling_java
from .env import NeuroGymEnv, Recipe


class Dataset:
    """Batches of ``batch_size`` sequences of ``seq_len`` steps of a task, for supervised learning.

    The reference's signature and semantics: ``dataset()`` (or ``next(dataset)``) returns
    ``(inputs, targets)``, inputs float32 ``[seq_len, batch_size, obs]`` (``[batch, seq, obs]`` with
    ``batch_first=True``), targets int64 ``[seq_len, batch_size]`` for discrete actions (float32 with a
    trailing action dimension for Box actions); each row runs trials back to back, continuing its
    current trial from one batch to the next. Iterating gives ``max_batch`` batches (endless by
    default), so it can feed a PyTorch ``IterableDataset`` or ``DataLoader(dataset, batch_size=None)``.

    Additions: ``seed`` (the same seed gives the same batches, whatever ``threads``); ``mask``
    (a per-step loss weight: ``{"fixation": 0}`` weights by period, 1 elsewhere (``"*"`` sets
    that), or ``"yang19"`` for Yang et al. 2019's cost mask with its 100 ms grace period, or the
    CLI's ``--mask`` text such as ``"fixation=0,*=1"``) and ``trial_start=True`` (True at each trial's first step): each is appended to
    the returned tuple, in that order; ``trial_facts=True`` keeps the facts of the trials that start in
    the last batch in ``dataset.trials`` (a list of ``(row, step, facts)``).

    Array ownership: Java fills each batch in place into numpy memory lent to it as a direct buffer
    (no copy anywhere). A batch you keep is never overwritten (unlike the reference, whose batches are
    views of a cache that later calls overwrite): memory is recycled only once no array (or view, or
    tensor made by ``torch.from_numpy``) of its batch is alive, which in a training loop that drops each
    batch after its step means a couple of blocks serve every call. ``reuse_buffers=True`` instead
    returns views of one set of buffers refilled by every call, kept or not (copy what you keep).
    """

    def __init__(self, env, env_kwargs=None, batch_size=1, seq_len=None, max_batch=np.inf, batch_first=False,
                 cache_len=None, *, seed=None, threads=None, mask=None, trial_start=False, trial_facts=False,
                 wrappers=None, reuse_buffers=False):
        J = _jvm.java()
        if isinstance(env, NeuroGymEnv):
            if env_kwargs:
                raise ValueError("env_kwargs only apply when env is a task id; this env was made with its parameters already")
            recipe = env._recipe
            if wrappers:
                raise ValueError("wrappers only apply when env is a task id; this env was made with its wrappers already")
        elif isinstance(env, str):
            recipe = Recipe(env, env_kwargs, wrappers)
        else:
            raise TypeError(f"env must be a task id (str) or an env made by neurogym_jvm.make, got {type(env).__name__}")
        if seq_len is None:
            seq_len = 1000  # the reference's default
        self.batch_size = int(batch_size)
        self.seq_len = int(seq_len)
        self.batch_first = bool(batch_first)
        self.max_batch = max_batch
        self._i_batch = 0
        self._mask = mask is not None
        self._starts = bool(trial_start)
        self._facts = bool(trial_facts)
        self._reuse = bool(reuse_buffers)
        self.trials = []
        with calling_java():
            builder = (J.Dataset.builder(recipe.supplier()).batchSize(self.batch_size).seqLen(self.seq_len)
                       .batchFirst(self.batch_first).trialStarts(self._starts).trialFacts(self._facts))
            if seed is not None:
                builder.seed(int(seed))
            if threads is not None:
                builder.threads(int(threads))
            if mask is not None:
                builder.mask(_loss_mask(J, mask))
            self._java = builder.build()
            self.seed_used = int(self._java.seed())
            self._in_shape = tuple(int(x) for x in self._java.inputShape())
            self._tg_shape = tuple(int(x) for x in self._java.targetShape())
            self._discrete = bool(self._java.discrete())
            self._in_dtype = np.uint8 if bool(self._java.uint8()) else np.float32
        self._step_shape = (self.batch_size, self.seq_len) if self.batch_first else (self.seq_len, self.batch_size)
        self._tg_dtype = np.int64 if self._discrete else np.float32
        layout = self._java.directBuffers()
        self._layout = []
        for offset, dtype, shape in ((0, self._in_dtype, self._in_shape),
                                     (int(layout.targetsOffset()), self._tg_dtype, self._tg_shape),
                                     (int(layout.maskOffset()) if self._mask else -1, np.float32, self._step_shape),
                                     (int(layout.trialStartsOffset()) if self._starts else -1, np.bool_, self._step_shape)):
            if offset >= 0:
                self._layout.append((offset, offset + int(np.prod(shape)) * np.dtype(dtype).itemsize, dtype, shape))
        self._size = int(layout.size())
        self._fill = self._java.next
        self._blocks = _Blocks(self._size)
        if self._reuse:
            self._reused_memory, self._reused_buffer = self._blocks.new()
            self._reused_views = self._views(self._reused_memory)
        self._env = None
        self._recipe = recipe

    def _views(self, memory):
        """The batch's arrays over one block of direct memory (views: no copy)."""
        return tuple(memory[start:end].view(dtype).reshape(shape) for start, end, dtype, shape in self._layout)

    @property
    def env(self):
        """An env of the same task, parameters and wrappers (as the reference's ``dataset.env``)."""
        if self._env is None:
            self._env = NeuroGymEnv(self._recipe)
        return self._env

    @property
    def inputs_shape(self):
        return list(self._in_shape)

    @property
    def target_shape(self):
        return list(self._tg_shape)

    def __iter__(self):
        return self

    def __call__(self, *args, **kwargs):
        return self.__next__()

    def __next__(self):
        self._i_batch += 1
        if self._i_batch > self.max_batch:
            self._i_batch = 0
            raise StopIteration
        try:
            if self._reuse:
                self._fill(self._reused_buffer)
                views = self._reused_views
            else:
                memory, buffer = self._blocks.free()
                self._fill(buffer)
                views = self._views(memory)
        except Exception as e:
            raise (_jvm.translate(e) or e) from None
        if self._facts:
            self.trials = [(int(t.row()), int(t.step()), _jvm.facts(t.facts())) for t in self._java.trials()]
        return views

    def __len__(self):
        if math.isinf(self.max_batch):
            raise TypeError("an endless Dataset has no length (give max_batch)")
        return int(self.max_batch)

    def close(self):
        self._java.close()
        if self._env is not None:
            self._env.close()


class _Blocks:
    """Blocks of numpy memory, each lent to Java once as a direct buffer over the same bytes (lending
    costs tens of microseconds, as much as filling a small batch), recycled once the caller holds no
    array of the block: every view of a block keeps it as its ``base``, so its reference count tells."""

    KEPT = 8  # blocks recycled at most; a caller keeping more batches gets new memory for each

    def __init__(self, size):
        self._size = size
        self._kept = []  # (memory, buffer, reference count when no batch array is alive)

    def new(self):
        memory = np.empty(self._size, dtype=np.uint8)
        return memory, jpype.nio.convertToDirectBuffer(memory)

    def free(self):
        for memory, buffer, idle in self._kept:
            if sys.getrefcount(memory) == idle:
                return memory, buffer
        memory, buffer = self.new()
        if len(self._kept) < self.KEPT:
            # the count with the tuple in the list and this call's own reference, as free() will see it
            self._kept.append((memory, buffer, sys.getrefcount(memory)))
        return memory, buffer


def _loss_mask(J, mask):
    """The Java LossMask for a Python description of it: the CLI's text form (``"yang19"``,
    ``"fixation=0,*=1"``) or a dict of period weights, with ``"*"`` for the other steps."""
    if isinstance(mask, str):
        return J.LossMask.parse(mask)
    if isinstance(mask, dict):
        weights = J.HashMap()
        otherwise = 1.0
        for k, v in mask.items():
            if k == "*":
                otherwise = float(v)
            else:
                weights.put(str(k), J.Double(float(v)))
        return J.LossMask.byPeriod(weights, otherwise)
    raise ValueError(f"mask must be a text form such as 'yang19' or 'fixation=0', or a dict of period weights, "
                     f"got {type(mask).__name__}")
