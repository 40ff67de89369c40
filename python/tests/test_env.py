"""The Gymnasium env: spaces with named channels, info entries, the reference's trial view, wrappers, config files."""

import numpy as np


def test_spaces_keep_the_channel_names(ng):
    env = ng.make("PerceptualDecisionMaking-v0", dim_ring=4)
    assert env.observation_space.shape == (5,)
    assert env.observation_space.name == {"fixation": 0, "stimulus": [1, 2, 3, 4]}
    assert env.action_space.n == 5
    assert env.action_space.name == {"fixation": 0, "choice": [1, 2, 3, 4]}


def test_info_reports_trials(ng):
    env = ng.make("PerceptualDecisionMaking-v0")
    env.reset(seed=0)
    ends = 0
    for _ in range(200):
        gt = env.unwrapped.gt[env.unwrapped.t_ind]
        _, reward, _, _, info = env.step(int(gt))  # follow the ground truth
        assert info["gt"] == gt
        if info["new_trial"]:
            ends += 1
            assert info["performance"] == 1.0 and reward == 1.0
            assert set(info["trial"]) >= {"ground_truth", "coh"}
    assert ends >= 5


def test_the_trial_view(ng):
    env = ng.make("PerceptualDecisionMaking-v0").unwrapped
    env.reset(seed=0)
    assert env.dt == 100.0
    trial = env.new_trial(ground_truth=1, coh=51.2)
    assert trial["ground_truth"] == 1 and trial["coh"] == 51.2
    assert env.trial == trial
    ob, gt = env.ob, env.gt
    assert ob.dtype == np.float32 and ob.shape[1] == 3 and gt.shape == (ob.shape[0],)
    assert gt[-1] == 2  # the decision on choice 1
    assert set(env.timing) == {"fixation", "stimulus", "delay", "decision"}
    assert env.rewards["correct"] == 1.0


def test_wrappers_by_name_in_order(ng):
    env = ng.make("PerceptualDecisionMaking-v0", wrappers=["Noise:std_noise=0.2", ("PassReward", {})])
    assert env.observation_space.name["reward"] == 3
    assert env.reset(seed=0)[0].shape == (4,)


def test_make_from_config(ng, tmp_path):
    f = tmp_path / "experiment.toml"
    f.write_text('[env]\nname = "PerceptualDecisionMaking-v0"\ndim_ring = 3\n\n[[wrappers]]\nname = "PassReward"\n')
    env = ng.make_from_config(f)
    assert env.observation_space.shape == (5,)
    bad = tmp_path / "bad.toml"
    bad.write_text('[env]\nname = "PerceptualDecisionMaking-v0"\nsigmaa = 3\n')
    try:
        ng.make_from_config(bad)
        raise AssertionError("a misspelled parameter must fail")
    except ValueError as e:
        assert "sigmaa" in str(e)
