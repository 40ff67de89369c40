"""Starting the one JVM of this process over a NeuroGym distribution, and translating its errors.

Everything with logic lives in Java; this module only finds the jars, starts the JVM (once: a
process cannot restart one), builds the host and turns Java exceptions into Python ones that carry
the Java message (never a Java stack trace).
"""

from __future__ import annotations

import atexit
import glob
import os
import threading

_HERE = os.path.dirname(os.path.abspath(__file__))
_BUNDLED = os.path.join(_HERE, "_dist")
# Debian's python3-jpype keeps its support jar apart from the Python package.
_DEBIAN_JPYPE_JAR = "/usr/share/java/org.jpype.jar"
_RUNTIMES = ("pf4j", "classpath", "osgi")


class NeuroGymError(Exception):
    """A NeuroGym failure; the message is the Java one."""

    def __str__(self):  # KeyError subclasses would otherwise show the message quoted
        return str(self.args[0]) if self.args else ""


class UnknownIdError(NeuroGymError, KeyError):
    """No task or wrapper of that id is installed."""


class ParameterError(NeuroGymError, ValueError):
    """A parameter is unknown, of the wrong type or out of range."""


class InvalidActionError(NeuroGymError, ValueError):
    """An action outside the action space, or of the wrong shape."""


class JvmError(NeuroGymError, RuntimeError):
    """The JVM could not be started, or was started already and cannot be configured any more."""


class _State:
    lock = threading.RLock()
    options = {"home": None, "plugins_dir": None, "runtime": "pf4j", "jvm_options": ()}
    started = False
    failure = None  # message of a failed JVM start: a process cannot try again
    host = None
    java = None  # namespace of Java classes, filled at start
    stopping = False  # the interpreter exits: Java may be gone, finalizers must not call it


def _stopping():
    _State.stopping = True
    # the host's threads (plugin watchers, an OSGi framework) would keep the JVM, hence Python, from exiting
    if _State.host is not None:
        try:
            _State.host.close()
        except Exception:  # noqa: BLE001 - exiting anyway
            pass


def usable():
    """True while Java objects may be called (false once the interpreter starts exiting)."""
    return _State.started and not _State.stopping


def configure(*, home=None, plugins_dir=None, runtime=None, jvm_options=None):
    """Chooses where the distribution is, its plugins directory, the plugin runtime
    ("pf4j", the default: the plugins directory, one class loader per jar; "classpath"; "osgi")
    and extra JVM options (e.g. ["-Xmx2g"]). Only before the first call that needs Java."""
    with _State.lock:
        if _State.started:
            raise JvmError("the JVM is already running in this process; configure(...) must come before the first "
                           "call that uses NeuroGym (make, make_vec, Dataset, tasks...)")
        if runtime is not None and runtime not in _RUNTIMES:
            raise ValueError(f"runtime must be one of {', '.join(_RUNTIMES)}, got {runtime!r}")
        for key, value in (("home", home), ("plugins_dir", plugins_dir), ("runtime", runtime)):
            if value is not None:
                _State.options[key] = value
        if jvm_options is not None:
            if isinstance(jvm_options, str):
                raise ValueError("jvm_options must be a list of options, e.g. ['-Xmx2g'], not a string")
            _State.options["jvm_options"] = tuple(jvm_options)


def home():
    """The distribution in use: configure(home=...), else $NEUROGYM_HOME, else the copy bundled in the package."""
    chosen = _State.options["home"] or os.environ.get("NEUROGYM_HOME")
    if chosen:
        if not os.path.isdir(os.path.join(chosen, "lib")):
            source = "configure(home=...)" if _State.options["home"] else "NEUROGYM_HOME"
            raise JvmError(f"{source}: {chosen} is not a NeuroGym distribution (it has no lib/ directory)")
        return os.path.abspath(chosen)
    if os.path.isdir(os.path.join(_BUNDLED, "lib")):
        return _BUNDLED
    raise JvmError("no NeuroGym distribution found: set NEUROGYM_HOME to one (e.g. distribution/target/neurogym after "
                   "'./mvnw package'), call neurogym_jvm.configure(home=...), or install the wheel, which bundles one")


def start():
    """Starts the JVM now (otherwise the first call does). A second explicit start is an error."""
    with _State.lock:
        if _State.started:
            raise JvmError("the JVM is already running in this process (a JVM starts once per process); "
                           "its options and runtime cannot change now")
        _start()


def java():
    """The Java classes, starting the JVM on first use."""
    state = _State
    if state.java is None:
        with state.lock:
            if state.java is None:
                _start()
    return state.java


def host():
    java()
    return _State.host


def _start():
    if _State.failure is not None:
        raise JvmError(f"the JVM failed to start earlier in this process ({_State.failure}); a JVM cannot be "
                       "started twice in one process: fix the cause and start a new Python process")
    import jpype

    if jpype.isJVMStarted():
        raise JvmError("a JVM is already running in this process, started by another library without NeuroGym's jars; "
                       "import and use neurogym_jvm before that library starts its JVM")
    dist = home()
    jars = sorted(glob.glob(os.path.join(dist, "lib", "*.jar")))
    if not jars:
        raise JvmError(f"{dist}/lib holds no jars: the distribution is incomplete")
    runtime = _State.options["runtime"]
    plugins = _State.options["plugins_dir"] or os.environ.get("NEUROGYM_PLUGINS") or os.path.join(dist, "plugins")
    if runtime != "classpath" and not os.path.isdir(plugins):
        raise JvmError(f"plugins directory {plugins} does not exist")
    if runtime == "classpath":
        jars += sorted(glob.glob(os.path.join(plugins, "*.jar")))
    if os.path.exists(_DEBIAN_JPYPE_JAR):
        jars.append(_DEBIAN_JPYPE_JAR)
    options = ["-Djava.awt.headless=true", f"-Dneurogym.home={dist}"]
    logback = os.path.join(dist, "config", "logback.xml")
    if os.path.exists(logback):
        options.append(f"-Dlogback.configurationFile={logback}")
    options += list(_State.options["jvm_options"])
    try:
        jpype.startJVM(*options, classpath=jars, convertStrings=False)
    except Exception as e:  # noqa: BLE001 - any failure here is final for the process
        _State.failure = str(e).strip()
        raise JvmError(f"the JVM failed to start with options {list(_State.options['jvm_options'])}: "
                       f"{_State.failure} (the JVM's own message, if any, is on stderr)") from None
    _State.started = True
    # registered after JPype's own exit hook, so it runs before the JVM shuts down (atexit is LIFO)
    atexit.register(_stopping)
    try:
        _State.java = _Java(jpype)
        _State.host = _State.java.build_host(runtime, plugins)
    except Exception as e:  # noqa: BLE001
        _State.failure = message_of(e)
        _State.java = None
        raise JvmError(f"NeuroGym's host failed to start: {_State.failure}") from None


class _Java:
    """The Java classes the package uses, looked up once."""

    def __init__(self, jpype):
        J = jpype.JClass
        self.jpype = jpype
        self.Host = J("org.neurogym.core.Host")
        self.Path = J("java.nio.file.Path")
        self.HashMap = J("java.util.LinkedHashMap")
        self.ArrayList = J("java.util.ArrayList")
        self.Long = J("java.lang.Long")
        self.Double = J("java.lang.Double")
        self.Boolean = J("java.lang.Boolean")
        self.String = J("java.lang.String")
        self.EnvBuffers = J("org.neurogym.data.EnvBuffers")
        self.VectorEnv = J("org.neurogym.data.VectorEnv")
        self.VectorBuffers = J("org.neurogym.data.VectorBuffers")
        self.Dataset = J("org.neurogym.data.Dataset")
        self.LossMask = J("org.neurogym.data.LossMask")
        self.TrialBased = J("org.neurogym.api.TrialBased")
        self.Box = J("org.neurogym.api.space.Box")
        self.Discrete = J("org.neurogym.api.space.Discrete")
        self.ExperimentConfig = J("org.neurogym.core.config.ExperimentConfig")
        self.WrapperConfig = J("org.neurogym.core.config.WrapperConfig")
        self.Json = J("org.neurogym.core.json.Json")
        self.Supplier = J("java.util.function.Supplier")
        self.Throwable = J("java.lang.Throwable")

    def build_host(self, runtime, plugins):
        loader = self.Host.class_.getClassLoader()
        builder = self.Host.builder().classpath(loader)
        if runtime == "pf4j":
            builder.pluginsDirectory(self.Path.of(plugins, []))
        elif runtime == "osgi":
            builder.runtime(self.jpype.JClass("org.neurogym.osgi.OsgiRuntime")(self.Path.of(plugins, [])))
        return builder.build()

    # ------------------------------------------------------------ values Python -> Java

    def value(self, v):
        """A Python parameter value as the Java value TOML would give (Long, Double, String, Boolean, List, Map)."""
        import numpy as np

        if isinstance(v, (bool, np.bool_)):
            return self.Boolean(bool(v))
        if isinstance(v, (int, np.integer)):
            return self.Long(int(v))
        if isinstance(v, (float, np.floating)):
            return self.Double(float(v))
        if isinstance(v, str):
            return self.String(v)
        if isinstance(v, dict):
            return self.map(v)
        if isinstance(v, np.ndarray):
            v = v.tolist()
        if isinstance(v, (list, tuple)):
            out = self.ArrayList()
            for x in v:
                out.add(self.value(x))
            return out
        if v is None:
            raise ParameterError("a parameter value cannot be None")
        raise ParameterError(f"unsupported parameter value {v!r} of type {type(v).__name__}")

    def map(self, d):
        out = self.HashMap()
        for k, v in (d or {}).items():
            if not isinstance(k, str):
                raise ParameterError(f"parameter names are strings, got {k!r}")
            out.put(k, self.value(v))
        return out


def python_value(v):
    """A Java value (trial fact, info entry) as a plain Python value."""
    import jpype
    import numpy as np

    if v is None:
        return None
    if isinstance(v, jpype.JArray):
        return np.array(v)
    if isinstance(v, jpype.JObject):
        name = str(v.getClass().getName())
        if name in ("java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte"):
            return int(v)
        if name in ("java.lang.Double", "java.lang.Float"):
            return float(v)
        if name == "java.lang.Boolean":
            return bool(v)
        if name == "java.lang.String":
            return str(v)
        if isinstance(v, jpype.JClass("java.util.Map")):
            return {str(e.getKey()): python_value(e.getValue()) for e in v.entrySet()}
        if isinstance(v, jpype.JClass("java.util.Collection")):
            return [python_value(x) for x in v]
        return str(v.toString())
    if isinstance(v, jpype.JString):
        return str(v)
    if isinstance(v, bool):
        return bool(v)
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return float(v)
    return v


def facts(jmap):
    """A Java map of trial facts as a dict, through one JSON string (one call instead of one per entry);
    arrays become lists."""
    import json

    return json.loads(str(_State.java.Json.line(jmap)))


def message_of(e):
    """The Java message of a Java exception (its cause's when it has none), or str(e)."""
    try:
        import jpype

        if isinstance(e, jpype.JException):
            t = e
            msg = t.getMessage()
            while msg is None and t.getCause() is not None:
                t = t.getCause()
                msg = t.getMessage()
            return str(msg) if msg is not None else str(t.getClass().getSimpleName())
    except ImportError:
        pass
    return str(e)


def translate(e):
    """The Python exception for a Java one (to raise ``from None``), or None if ``e`` is not Java's."""
    import jpype

    if not isinstance(e, jpype.JException):
        return None
    names = []
    t = e
    while t is not None:
        names.append(str(t.getClass().getName()))
        t = t.getCause()
    msg = message_of(e)
    if any(n.endswith("UnknownIdException") for n in names):
        return UnknownIdError(msg)
    if any(n.endswith("ParameterException") for n in names):
        return ParameterError(msg)
    if any(n.endswith("InvalidActionException") for n in names):
        return InvalidActionError(msg)
    if any(n.endswith(("IllegalArgumentException", "ConfigException")) for n in names):
        return ParameterError(msg)
    return NeuroGymError(msg)


class calling_java:
    """Context manager: Java exceptions inside become Python ones with the Java message."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None:
            return False
        py = translate(exc)
        if py is None:
            return False
        raise py from None
