"""The JVM starts once per process; a second start, a late configure or a failed start say so clearly."""

from conftest import run_python


def test_starting_twice(ng):
    code = ("import neurogym_jvm as ng\nng.start()\n"
            "try:\n    ng.start()\nexcept ng.JvmError as e:\n    print('ERR', e)\n"
            "try:\n    ng.configure(runtime='osgi')\nexcept ng.JvmError as e:\n    print('ERR', e)\n"
            "print(ng.make('PerceptualDecisionMaking-v0').reset(seed=0)[0])")
    rc, out, err = run_python(code)
    assert rc == 0, err
    assert "ERR the JVM is already running in this process" in out
    assert "configure(...) must come before the first call" in out
    assert "[1. 0. 0.]" in out


def test_a_failed_start_is_final_and_says_why():
    code = ("import neurogym_jvm as ng\nng.configure(jvm_options=['-XX:+NoSuchOptionAtAll'])\n"
            "for i in range(2):\n"
            "    try:\n        ng.make('PerceptualDecisionMaking-v0')\n"
            "    except ng.JvmError as e:\n        print('ERR', i, e)\n")
    rc, out, err = run_python(code)
    assert rc == 0, err
    assert "ERR 0 the JVM failed to start" in out
    assert "ERR 1 the JVM failed to start earlier in this process" in out


def test_a_wrong_home_can_be_corrected_before_the_jvm_starts():
    code = ("import os, neurogym_jvm as ng\nhome = os.environ['NEUROGYM_HOME']\nng.configure(home='/nonexistent')\n"
            "try:\n    ng.make('PerceptualDecisionMaking-v0')\nexcept ng.JvmError as e:\n    print('ERR', e)\n"
            "ng.configure(home=home)\nprint(len(ng.tasks()) > 50)")
    rc, out, err = run_python(code)
    assert rc == 0, err
    assert "ERR configure(home=...): /nonexistent is not a NeuroGym distribution" in out
    assert "True" in out


def test_runtimes_find_the_same_tasks():
    code = ("import neurogym_jvm as ng\nng.configure(runtime='{r}')\n"
            "print(len(ng.tasks()), ng.make('PerceptualDecisionMaking-v0').reset(seed=0)[0])")
    outs = []
    for r in ("classpath", "osgi"):
        rc, out, err = run_python(code.format(r=r))
        assert rc == 0, err
        outs.append(out.strip())
    assert outs[0] == outs[1]
