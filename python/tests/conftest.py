"""Runs the tests against the package in python/ and the distribution the Maven build assembled
(NEUROGYM_HOME, else distribution/target/neurogym). jpype and numpy are required: without them the
suite fails at import (it must not skip)."""

import os
import sys

import jpype  # noqa: F401  - required: an ImportError here fails the run
import numpy  # noqa: F401
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "python"))
os.environ.setdefault("NEUROGYM_HOME", os.path.join(REPO, "distribution", "target", "neurogym"))
if not os.path.isdir(os.path.join(os.environ["NEUROGYM_HOME"], "lib")):
    raise RuntimeError(f"NEUROGYM_HOME={os.environ['NEUROGYM_HOME']} is not a built distribution: run ./mvnw package first")


@pytest.fixture(scope="session")
def ng():
    import neurogym_jvm

    return neurogym_jvm


@pytest.fixture(scope="session")
def rng_derive(ng):
    """Java's Rng.derive(seed, i): the seed of copy i of a vector env or row i of a Dataset."""
    import jpype

    ng._jvm.java()  # starts the JVM
    derive = jpype.JClass("org.neurogym.api.Rng").derive
    return lambda seed, i: int(derive(seed, i))


def launcher():
    return os.path.join(os.environ["NEUROGYM_HOME"], "bin", "neurogym")


def run_python(code, env=None, timeout=180):
    """Runs code in a fresh Python process (a JVM starts once per process); returns (exit code, stdout, stderr)."""
    import subprocess

    e = dict(os.environ)
    e["PYTHONPATH"] = os.path.join(REPO, "python") + os.pathsep + e.get("PYTHONPATH", "")
    e.update(env or {})
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=e, timeout=timeout)
    return p.returncode, p.stdout, p.stderr
