#!/usr/bin/env python3
"""Generate the pylock.toml validation and selection vectors.

Run from the repository root:

    python3 testdata/generator/generate_lockfile_vectors.py

The oracle is the installed ``packaging`` (must be 26.2): ``Pylock.from_dict``
decides whether a lock is valid (and names the failing key path), and
``Pylock.select(environment=..., tags=..., extras=..., dependency_groups=...)``
decides what each target installs. Locks come from a small grammar driven by a
fixed seed, so re-running the script rewrites every file byte for byte.

Targets are CPython on glibc Linux, as pyhermetic's ``Target`` describes them:
the marker environment of ``MarkerEnvironment.forTarget`` and the supported
tags of generate_platform_vectors.py (packaging's own manylinux platforms for
the glibc, without ``linux_<arch>``).

Outputs (under testdata/src/main/resources/io/pyhermetic/testdata/lockfile/,
JSON Lines, keys sorted, compact, ASCII-escaped):

    pylock-locks.jsonl   {"id", "toml", "valid", "context"}: a lock's text, whether
                         from_dict accepts it, and the key path it names when not
    pylock-select.jsonl  {"lock", "target": {arch, python, glibc}, "extras",
                         "groups" (null = default groups), "expect": {"ok": true,
                         "selected": [[package index, kind, file name or ""]]}
                         or {"ok": false, "error": message}}
"""

from __future__ import annotations

import datetime
import json
import logging
import random
import sys
import tomllib
from pathlib import Path

import packaging
import packaging.tags as ptags
from packaging.pylock import Pylock, PylockValidationError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_platform_vectors as platform_vectors  # noqa: E402

if packaging.__version__ != "26.2":
    raise SystemExit(f"packaging 26.2 required, found {packaging.__version__}")

OUT_DIR = Path("testdata/src/main/resources/io/pyhermetic/testdata/lockfile")
SEED = 751
LOCKS = 260

ARCHS = ["x86_64", "aarch64", "ppc64le", "s390x"]
PYTHONS = [11, 12, 13]
GLIBCS = [(2, 17), (2, 28), (2, 34)]

NAMES = ["alpha", "beta", "gamma-x", "delta", "eps-ilon", "zeta"]
VERSIONS = ["1.0", "1.2.3", "2.0.post1", "0.9rc1", "3.1"]
MARKERS = [
    None, None, None, None,
    'platform_machine == "x86_64"',
    'platform_machine == "aarch64"',
    'platform_machine != "s390x"',
    'platform_machine == "ppc64le" or platform_machine == "s390x"',
    'python_version >= "3.12"',
    'python_full_version < "3.12"',
    'sys_platform == "win32"',
    'sys_platform == "linux" and implementation_name == "cpython"',
    '"dev" in dependency_groups',
    '"Dev" in dependency_groups',
    '"test" not in dependency_groups',
    '"cli" in extras',
    '"CLI" in extras and platform_machine == "x86_64"',
    '"cli" not in extras',
    '"docs" in dependency_groups or "cli" in extras',
    '("dev" in dependency_groups or python_version < "3.12") and platform_machine != "aarch64"',
]
# rare: `extra` is not defined in a lock file, so selection fails
RARE_MARKERS = ['extra == "cli"', '"cli" == extras']
COMPLEMENTS = [
    ('python_version >= "3.12"', 'python_version < "3.12"'),
    ('platform_machine == "x86_64"', 'platform_machine != "x86_64"'),
    ('"dev" in dependency_groups', '"dev" not in dependency_groups'),
]
PACKAGE_PYTHONS = [None] * 30 + [">=3.12", "<3.13", ">=3.11,<3.14"]
LOCK_PYTHONS = [None] * 14 + [">=3.11", ">=3.12", "<3.13"]
ENVIRONMENTS = [None] * 10 + [
    ['sys_platform == "linux"'],
    ['platform_machine == "x86_64"', 'platform_machine == "aarch64"'],
    ['python_version >= "3.12"'],
]
GROUP_DEFAULTS = [None, None, ["dev"], ["docs", "dev"], []]
TAGS = [
    "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp312-cp312-manylinux_2_28_x86_64",
    "cp312-cp312-manylinux_2_28_aarch64",
    "cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64",
    "cp311-cp311-manylinux_2_17_x86_64",
    "cp313-cp313-manylinux_2_34_x86_64",
    "cp313-cp313-manylinux_2_17_aarch64",
    "cp39-abi3-manylinux_2_17_x86_64",
    "cp310-abi3-manylinux_2_28_aarch64",
    "cp310-abi3-manylinux_2_28_ppc64le",
    "cp312-cp312-manylinux_2_17_s390x",
    "cp312-cp312-manylinux_2_31_ppc64le",
    "cp312-cp312-musllinux_1_2_x86_64",
    "cp312-cp312-win_amd64",
    "cp312-cp312-macosx_11_0_arm64",
    "cp312-none-manylinux_2_17_x86_64",
    "cp312-cp312-linux_x86_64",
    "cp313-cp313t-manylinux_2_28_x86_64",
    "pp310-pypy310_pp73-manylinux_2_17_x86_64",
    "py3-none-any",
    "py2.py3-none-any",
    "py312-none-any",
    "py3-none-manylinux_2_35_aarch64",
]
EXTRAS = [[], [], ["cli"], ["Cli"], ["cli", "other"]]
GROUPS = [None, None, [], ["dev"], ["docs"], ["test", "dev"]]
TIME = datetime.datetime(2025, 3, 1, 12, 30, 5, tzinfo=datetime.timezone.utc)


# --- a small TOML writer for the shapes used here -------------------------

def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, datetime.datetime):
        return v.isoformat().replace("+00:00", "Z")
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def toml_text(lock: dict) -> str:
    out = []
    for k, v in lock.items():
        if k != "packages":
            out.append(f"{k} = {toml_value(v)}")
    for p in lock.get("packages", []):
        out.append("")
        out.append("[[packages]]")
        tables = {}
        for k, v in p.items():
            if k == "wheels" and v and all(isinstance(w, dict) for w in v):
                tables[k] = v
            elif isinstance(v, dict) and k in ("sdist", "vcs", "directory", "archive"):
                tables[k] = v
            else:
                out.append(f"{k} = {toml_value(v)}")
        for k, v in tables.items():
            if k == "wheels":
                out.append("wheels = [")
                for w in v:
                    out.append(f"  {toml_value(w)},")
                out.append("]")
            else:
                out.append(f"{k} = {toml_value(v)}")
    return "\n".join(out) + "\n"


# --- the grammar -----------------------------------------------------------

def file_entry(r: random.Random, filename: str) -> dict:
    d: dict = {}
    how = r.random()
    base = f"https://files.example.org/packages/{r.randrange(16**4):04x}/{filename}"
    if how < 0.6:
        d["url"] = base
    elif how < 0.75:
        d["name"] = filename
        d["url"] = f"https://files.example.org/packages/{r.randrange(16**4):04x}/download"
    elif how < 0.9:
        d["path"] = f"dist/{filename}"
    else:
        d["url"] = base + "?sig=abc#frag"
    if r.random() < 0.7:
        d["upload-time"] = TIME
    if r.random() < 0.8:
        d["size"] = r.randrange(1000, 10**7)
    d["hashes"] = {"sha256": f"{r.getrandbits(64):016x}"}
    return d


def package(r: random.Random, name: str, version: str, marker=False) -> dict:
    p: dict = {"name": name, "version": version}
    m = marker if marker is not False else (
        r.choice(RARE_MARKERS) if r.random() < 0.01 else r.choice(MARKERS))
    if m:
        p["marker"] = m
    rp = r.choice(PACKAGE_PYTHONS)
    if rp:
        p["requires-python"] = rp
    stem = name.replace("-", "_")
    kind = r.random()
    if kind < 0.06:
        p["vcs"] = {"type": "git", "url": f"https://example.org/{name}.git",
                    "requested-revision": "main", "commit-id": f"{r.getrandbits(160):040x}"}
    elif kind < 0.1:
        p["directory"] = {"path": f"./src/{name}", "editable": r.random() < 0.5}
    elif kind < 0.13:
        p["archive"] = {"url": f"https://example.org/{name}-{version}.tar.gz",
                        "hashes": {"sha256": f"{r.getrandbits(64):016x}"}}
    else:
        if r.random() < 0.8:
            p["sdist"] = file_entry(r, f"{stem}-{version}.tar.gz")
        wheels = []
        for tag in r.sample(TAGS, r.randrange(0 if "sdist" in p else 1, 6)):
            build = "-1" if r.random() < 0.1 else ""
            wheels.append(file_entry(r, f"{stem}-{version}{build}-{tag}.whl"))
        if wheels:
            p["wheels"] = wheels
    if r.random() < 0.2:
        p["index"] = "https://pypi.org/simple"
    if r.random() < 0.15:
        p["dependencies"] = [{"name": r.choice(NAMES)}]
    if r.random() < 0.05:
        p["attestation-identities"] = [{"kind": "GitHub", "repository": "example/x"}]
    if r.random() < 0.05:
        p["tool"] = {"example": {"note": "x"}}
    return p


def lock(r: random.Random) -> dict:
    d: dict = {"lock-version": r.choice(["1.0", "1.0", "1.0", "1.1"])}
    env = r.choice(ENVIRONMENTS)
    if env:
        d["environments"] = env
    rp = r.choice(LOCK_PYTHONS)
    if rp:
        d["requires-python"] = rp
    if r.random() < 0.3:
        d["extras"] = ["cli"]
    groups = r.choice(GROUP_DEFAULTS)
    if groups is not None:
        d["dependency-groups"] = sorted(set(groups) | {"test"})
        d["default-groups"] = groups
    d["created-by"] = "generate_lockfile_vectors"
    packages = []
    for name in r.sample(NAMES, r.randrange(2, 6)):
        if r.random() < 0.85:
            packages.append(package(r, name, r.choice(VERSIONS)))
            continue
        # two versions of one name: usually split by complementary markers
        pair = r.choice(COMPLEMENTS) if r.random() < 0.8 else (r.choice(MARKERS), r.choice(MARKERS))
        for version, marker in zip(r.sample(VERSIONS, 2), pair):
            packages.append(package(r, name, version, marker))
    d["packages"] = packages
    return d


def mutate(r: random.Random, d: dict) -> dict:
    """A copy with one spec violation (or a harmless change) somewhere."""
    d = json.loads(json.dumps(d, default=str))
    # json round trip turned datetimes into strings: put them back
    for p in d["packages"]:
        for f in [p.get("sdist")] + p.get("wheels", []):
            if f and "upload-time" in f:
                f["upload-time"] = TIME
    p = r.choice(d["packages"])
    i = d["packages"].index(p)
    choice = r.randrange(14)
    if choice == 0:
        d["lock-version"] = r.choice(["2.0", "0.9", "x"])
    elif choice == 1:
        del d["created-by"]
    elif choice == 2:
        p["name"] = p["name"].upper().replace("-", "_")
    elif choice == 3 and p.get("wheels"):
        p["wheels"][0]["hashes"] = {}
    elif choice == 4 and p.get("wheels"):
        p["wheels"][-1]["hashes"] = {"sha256": 5}
    elif choice == 5:
        p["vcs"] = {"type": "git", "url": "https://example.org/x.git", "commit-id": "abc"}
    elif choice == 6 and p.get("sdist"):
        p["sdist"]["url"] = p["sdist"].get("url", "https://x/") .replace(".tar.gz", ".tar.bz2")
        p["sdist"].pop("path", None)
        p["sdist"].pop("name", None)
    elif choice == 7 and p.get("wheels"):
        w = p["wheels"][0]
        for k in ("url", "path", "name"):
            w.pop(k, None)
    elif choice == 8:
        p["version"] = "9.9"
    elif choice == 9:
        p["marker"] = 'platform_machine = "x86_64"'
    elif choice == 10:
        d["environments"] = ["os_name =="]
    elif choice == 11 and p.get("wheels"):
        p["wheels"][0]["size"] = "12"
    elif choice == 12:
        d["packages"][i] = {k: v for k, v in p.items()
                           if k not in ("sdist", "wheels", "vcs", "directory", "archive")}
    else:
        p["requires-python"] = ">=3.12,,"
    return d


# --- the oracle -----------------------------------------------------------

def environment(arch: str, minor: int) -> dict:
    full = f"3.{minor}.0"
    return {
        "implementation_name": "cpython",
        "implementation_version": full,
        "os_name": "posix",
        "platform_machine": arch,
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_system": "Linux",
        "platform_version": "",
        "python_full_version": full,
        "python_version": f"3.{minor}",
        "sys_platform": "linux",
    }


TAG_CACHE: dict = {}


def tags(arch: str, minor: int, glibc) -> list:
    key = (arch, minor, glibc)
    if key not in TAG_CACHE:
        plats = platform_vectors.linux_platforms(arch, glibc=glibc)
        plats = [p for p in plats if not p.startswith("linux_")]
        TAG_CACHE[key] = [next(iter(ptags.parse_tag(t)))
                          for t in platform_vectors.supported_tags(minor, plats)]
    return TAG_CACHE[key]


def validate(text: str):
    try:
        Pylock.from_dict(tomllib.loads(text))
        return None
    except PylockValidationError as e:
        return e.context or ""


def select(pylock: Pylock, arch, minor, glibc, extras, groups) -> dict:
    try:
        chosen = list(pylock.select(environment=environment(arch, minor),
                                    tags=tags(arch, minor, glibc),
                                    extras=extras, dependency_groups=groups))
    except Exception as e:  # noqa: BLE001 - every failure of select is an expected answer
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}
    rows = []
    for p, source in chosen:
        index = next(i for i, q in enumerate(pylock.packages) if q is p)
        kind = type(source).__name__.replace("Package", "").lower()
        name = source.filename if kind in ("wheel", "sdist") else ""
        rows.append([index, kind, name])
    return {"ok": True, "selected": rows}


def dumps(o) -> str:
    return json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def main() -> int:
    logging.disable(logging.WARNING)  # from_dict warns about every 1.1 lock
    r = random.Random(SEED)
    locks = []
    cases = []
    targets = [(a, m, g) for a in ARCHS for m in PYTHONS for g in GLIBCS]
    for n in range(LOCKS):
        d = lock(r)
        text = toml_text(d)
        context = validate(text)
        lock_id = len(locks)
        locks.append({"id": lock_id, "toml": text, "valid": context is None, "context": context})
        if context is None:
            pylock = Pylock.from_dict(tomllib.loads(text))
            for arch, minor, glibc in r.sample(targets, 24):
                extras = r.choice(EXTRAS)
                groups = r.choice(GROUPS)
                cases.append({
                    "lock": lock_id,
                    "target": {"arch": arch, "python": f"3.{minor}", "glibc": f"{glibc[0]}.{glibc[1]}"},
                    "extras": extras,
                    "groups": groups,
                    "expect": select(pylock, arch, minor, glibc, extras, groups),
                })
        for _ in range(1):
            bad = toml_text(mutate(r, d))
            context = validate(bad)
            locks.append({"id": len(locks), "toml": bad, "valid": context is None, "context": context})
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, rows in (("pylock-locks.jsonl", locks), ("pylock-select.jsonl", cases)):
        with open(OUT_DIR / name, "w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(dumps(row) + "\n")
    ok = sum(1 for c in cases if c["expect"]["ok"])
    valid = sum(1 for lk in locks if lk["valid"])
    print(f"locks {len(locks)} ({valid} valid), selection cases {len(cases)} ({ok} ok)")
    if len(cases) < 5000:
        raise SystemExit(f"only {len(cases)} selection cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
