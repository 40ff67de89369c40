"""Builds the neurogym_jvm wheel, carrying a NeuroGym distribution, with the standard library only
(the Maven build runs it offline, without pip or setuptools).

usage: python3 build_wheel.py --dist DIST_DIR --version MAVEN_VERSION --out OUT_DIR
"""

import argparse
import base64
import hashlib
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = "neurogym_jvm"
# the parts of a distribution the package needs: lib/ and plugins/ for the JVM, config/ for logging
DIST_PARTS = ("lib", "plugins", "config")


def pep440(maven_version):
    """0.1.0-SNAPSHOT -> 0.1.0.dev0; 0.2.0 -> 0.2.0."""
    v = maven_version.strip()
    if v.endswith("-SNAPSHOT"):
        return v[: -len("-SNAPSHOT")] + ".dev0"
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)*", v):
        raise SystemExit(f"build_wheel: cannot turn version {v!r} into a Python version")
    return v


def record_line(arcname, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def files(dist):
    """(archive name, path) of every file of the wheel, in a fixed order (same input, same wheel)."""
    out = []
    package = os.path.join(HERE, NAME)
    for name in sorted(os.listdir(package)):
        if name.endswith(".py"):
            out.append((f"{NAME}/{name}", os.path.join(package, name)))
    for part in DIST_PARTS:
        root = os.path.join(dist, part)
        if not os.path.isdir(root):
            raise SystemExit(f"build_wheel: {dist} has no {part}/ directory: build the distribution first")
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, dist).replace(os.sep, "/")
                out.append((f"{NAME}/_dist/{rel}", path))
    return out


def main(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--dist", required=True, help="the assembled distribution (bin/ lib/ plugins/ config/)")
    p.add_argument("--version", required=True, help="the Maven project version")
    p.add_argument("--out", required=True, help="directory for the .whl")
    a = p.parse_args(argv)
    version = pep440(a.version)
    dist_info = f"{NAME}-{version}.dist-info"
    wheel = os.path.join(a.out, f"{NAME}-{version}-py3-none-any.whl")
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        f"Name: {NAME}",
        f"Version: {version}",
        "Summary: NeuroGym's neuroscience tasks in-process from Python (Gymnasium envs, vector envs, Dataset) over the Java platform",
        "Requires-Python: >=3.9",
        "Requires-Dist: JPype1>=1.4",
        "Requires-Dist: numpy",
        "Provides-Extra: gymnasium",
        "Requires-Dist: gymnasium>=0.29; extra == 'gymnasium'",
        "",
        "Needs a JDK 17 or newer on the machine (JAVA_HOME or java on PATH). Carries the NeuroGym",
        "distribution (lib/, plugins/, config/); NEUROGYM_HOME chooses another one.",
        "",
    ]).encode()
    wheel_meta = "\n".join(["Wheel-Version: 1.0", "Generator: neurogym build_wheel.py", "Root-Is-Purelib: true",
                            "Tag: py3-none-any", ""]).encode()
    records = []
    os.makedirs(a.out, exist_ok=True)
    fixed_time = (2020, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(wheel + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        def add(arcname, data):
            info = zipfile.ZipInfo(arcname, fixed_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
            records.append(record_line(arcname, data))

        for arcname, path in files(a.dist):
            with open(path, "rb") as f:
                add(arcname, f.read())
        add(f"{dist_info}/METADATA", metadata)
        add(f"{dist_info}/WHEEL", wheel_meta)
        records.append(f"{dist_info}/RECORD,,")
        info = zipfile.ZipInfo(f"{dist_info}/RECORD", fixed_time)
        info.external_attr = 0o644 << 16
        z.writestr(info, ("\n".join(records) + "\n").encode())
    os.replace(wheel + ".tmp", wheel)
    print(f"wrote {wheel}")


if __name__ == "__main__":
    main(sys.argv[1:])
