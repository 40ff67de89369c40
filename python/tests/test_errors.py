"""Bad input raises Python exceptions carrying the Java message, never a Java stack trace."""

import numpy as np
import pytest


def no_java_trace(e):
    text = str(e)
    assert "\tat " not in text and "org.neurogym" not in text.split(":")[0]
    assert e.__cause__ is None and e.__suppress_context__


def test_unknown_id(ng):
    with pytest.raises(KeyError) as e:
        ng.make("PerceptualDecisionMakin-v0")
    assert "unknown task 'PerceptualDecisionMakin-v0'" in str(e.value)
    assert isinstance(e.value, ng.UnknownIdError)
    no_java_trace(e.value)


def test_misspelled_parameter(ng):
    with pytest.raises(ValueError) as e:
        ng.make("PerceptualDecisionMaking-v0", sigmaa=1.0)
    assert "unknown parameter 'sigmaa'" in str(e.value) and "did you mean 'sigma'" in str(e.value)
    no_java_trace(e.value)


def test_out_of_range_action(ng):
    env = ng.make("PerceptualDecisionMaking-v0")
    env.reset(seed=0)
    with pytest.raises(ValueError) as e:
        env.step(3)
    assert "action 3 is outside Discrete(3)" in str(e.value)
    no_java_trace(e.value)


@pytest.mark.parametrize("action", [[1, 2], 1.5, "1"])
def test_wrong_action_shape(ng, action):
    env = ng.make("PerceptualDecisionMaking-v0")
    env.reset(seed=0)
    with pytest.raises(ValueError, match="takes one integer action"):
        env.step(action)


def test_vector_actions(ng):
    vec = ng.make_vec("PerceptualDecisionMaking-v0", 3)
    vec.reset(seed=0)
    with pytest.raises(ValueError, match="shape"):
        vec.step(np.zeros(4, dtype=np.int64))
    with pytest.raises(ValueError) as e:
        vec.step(np.array([0, 1, 9]))
    assert "action 9 is outside" in str(e.value)
    no_java_trace(e.value)


def test_unknown_wrapper_and_bad_wrapper_parameter(ng):
    with pytest.raises(KeyError, match="Nois"):
        ng.make("PerceptualDecisionMaking-v0", wrappers=["Nois"])
    with pytest.raises(ValueError, match="std_nois"):
        ng.make("PerceptualDecisionMaking-v0", wrappers=[("Noise", {"std_nois": 0.1})])


def test_bad_dataset_arguments(ng):
    with pytest.raises(ValueError, match="batch size"):
        ng.Dataset("PerceptualDecisionMaking-v0", batch_size=0)
    with pytest.raises(ValueError, match="yang20"):
        ng.Dataset("PerceptualDecisionMaking-v0", mask="yang20")
    with pytest.raises(KeyError):
        ng.Dataset("NoSuchTask-v0")
