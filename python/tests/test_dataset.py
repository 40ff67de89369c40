"""Dataset shapes and dtypes in both layouts; masks and trial starts consistent with the trials."""

import numpy as np
import pytest


@pytest.mark.parametrize("batch_first", [False, True])
def test_shapes_and_dtypes(ng, batch_first):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=16, seq_len=100, batch_first=batch_first, seed=1)
    x, y = ds()
    expected = (16, 100) if batch_first else (100, 16)
    assert x.shape == expected + (3,) and x.dtype == np.float32
    assert y.shape == expected and y.dtype == np.int64
    assert ds.inputs_shape == list(expected + (3,))
    assert set(np.unique(y)) <= {0, 1, 2}


def test_batch_first_is_the_transpose_of_time_major(ng):
    tm = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=5, seq_len=40, seed=9)
    bf = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=5, seq_len=40, seed=9, batch_first=True)
    for _ in range(3):
        (a, ya), (b, yb) = tm(), bf()
        np.testing.assert_array_equal(a, b.transpose(1, 0, 2))
        np.testing.assert_array_equal(ya, yb.T)


def test_box_action_targets_have_an_action_dimension(ng):
    task = next(t for t in ng.tasks() if not hasattr(ng.make(t).action_space, "n") and _has_gt(ng, t))
    ds = ng.Dataset(task, batch_size=3, seq_len=20, seed=0)
    x, y = ds()
    n_act = ng.make(task).action_space.shape[0]
    assert y.shape == (20, 3, n_act) and y.dtype == np.float32


def _has_gt(ng, task):
    try:
        ng.Dataset(task, batch_size=1, seq_len=5, seed=0)()
        return True
    except ng.NeuroGymError:
        return False


def test_batches_are_new_memory_never_overwritten(ng):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=4, seq_len=30, seed=2, env_kwargs={"sigma": 1.0})
    x1, y1 = ds()
    kept = x1.copy()
    x2, _ = ds()
    np.testing.assert_array_equal(x1, kept)
    assert not np.shares_memory(x1, x2)


def test_memory_of_dropped_batches_is_recycled_but_kept_views_are_not(ng):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=4, seq_len=30, seed=2, env_kwargs={"sigma": 1.0})
    x, y = ds()
    first = x.__array_interface__["data"][0]
    del x, y
    x, y = ds()
    assert x.__array_interface__["data"][0] == first  # nothing held the first batch: its memory is refilled
    row = x[:, 0]  # a view of one row is kept, the batch's own arrays are dropped
    kept = row.copy()
    del x, y
    for _ in range(20):
        ds()
    np.testing.assert_array_equal(row, kept)


def test_reused_buffers_are_refilled(ng):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=4, seq_len=30, seed=2, reuse_buffers=True)
    x1, _ = ds()
    x2, _ = ds()
    assert np.shares_memory(x1, x2)


def test_seeds_and_threads(ng):
    def batches(seed, threads):
        ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=8, seq_len=60, seed=seed, threads=threads)
        return np.stack([ds()[0] for _ in range(3)])

    np.testing.assert_array_equal(batches(4, 1), batches(4, 2))
    assert not np.array_equal(batches(4, 1), batches(5, 1))


def test_iteration_stops_after_max_batch(ng):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=2, seq_len=10, max_batch=3, seed=0)
    assert len(list(ds)) == 3


def test_trial_starts_and_facts_agree_with_the_trials(ng):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", batch_size=6, seq_len=120, seed=3, trial_start=True,
                    trial_facts=True, mask={"fixation": 0})
    x, y, mask, starts = ds()
    assert starts.dtype == np.bool_ and starts.shape == (120, 6)
    assert mask.dtype == np.float32 and mask.shape == (120, 6)
    assert starts[0].all()  # every row starts with a trial
    flagged = sorted((int(b), int(t)) for t, b in zip(*np.nonzero(starts)))
    assert flagged == sorted((row, step) for row, step, _ in ds.trials)
    for row, step, facts in ds.trials:
        # a trial starts with fixation (weight 0, fixation input on) and ends with the decision on its ground truth
        assert mask[step, row] == 0 and x[step, row, 0] == 1
        nxt = [s for r, s, _ in ds.trials if r == row and s > step]
        if nxt:
            end = nxt[0] - 1
            assert y[end, row] == facts["ground_truth"] + 1
            assert mask[end, row] == 1
    assert (mask[~starts] == 1).all()  # fixation is one step (dt 100 ms) at each trial start


def test_yang19_mask_has_its_grace_period(ng):
    ds = ng.Dataset("PerceptualDecisionMaking-v0", env_kwargs={"dt": 20}, batch_size=2, seq_len=300, seed=3,
                    trial_start=True, mask="yang19", batch_first=True)
    x, y, mask, starts = ds()
    for row in range(2):
        begins = list(np.flatnonzero(starts[row])) + [300]
        for a, b in zip(begins[:-1], begins[1:]):
            w = mask[row, a:b]
            decision = np.flatnonzero(y[row, a:b] != 0)
            assert (w[:5] == 0).all()  # the first 100 ms are never checked (5 steps of 20 ms)
            if b == 300 or len(decision) == 0:
                continue
            first = decision[0]
            assert (w[5:first] == 1).all()
            assert (w[first:first + 5] == 0).all()  # 100 ms of grace at the response's onset
            assert (w[first + 5:] == 5).all()


def test_a_made_env_can_seed_a_dataset(ng):
    env = ng.make("PerceptualDecisionMaking-v0", dim_ring=4)
    ds = ng.Dataset(env, batch_size=2, seq_len=10, seed=0)
    x, _ = ds()
    assert x.shape == (10, 2, 5)
