#!/usr/bin/env python3
"""Generate the wheel-tag / distribution-filename conformance vectors.

Run from the repository root:

    python3 testdata/generator/generate_platform_vectors.py

Every expectation is computed by the installed ``packaging`` (must be 26.2)
itself; nothing is re-implemented except pip's "known project name" sdist rule
(``by_project`` in sdist-filenames.jsonl), which packaging does not provide.
Inputs come from literal strings (shared/spec/pypi-api.md section 5 and
pypa/packaging's tests/test_utils.py, input strings only), from a small
grammar driven by a fixed seed, and from mutations of the grammar output, so
re-running the script regenerates every file byte for byte.

Outputs (under testdata/src/main/resources/io/pyhermetic/testdata/platform/,
JSON Lines, one case a line, keys sorted, compact, ASCII-escaped):

    tags.jsonl              supported-tag lists per target (arch, python, libc)
    wheel-filenames.jsonl   packaging.utils.parse_wheel_filename
    sdist-filenames.jsonl   packaging.utils.parse_sdist_filename (+ pip's rule)
    parse-tag.jsonl         packaging.tags.parse_tag
    README.md
"""

from __future__ import annotations

import contextlib
import json
import random
import sys
import sysconfig
from pathlib import Path

import packaging
import packaging._manylinux as _manylinux
import packaging._musllinux as _musllinux
import packaging.tags as ptags
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

REQUIRED_PACKAGING = "26.2"
SEED = 20260521
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT_DIR = REPO / "testdata" / "src" / "main" / "resources" / "io" / "pyhermetic" / "testdata" / "platform"


def dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def error_of(e: BaseException) -> dict:
    return {"ok": False, "error": str(e), "error_type": type(e).__name__}


class Ordered:
    """Insertion-ordered, de-duplicated list of inputs (no set iteration anywhere)."""

    def __init__(self):
        self.items: list = []
        self._seen: set = set()

    def add(self, item) -> None:
        key = dumps(item)
        if key in self._seen:
            return
        self._seen.add(key)
        self.items.append(item)

    def __len__(self) -> int:
        return len(self.items)


# ---------------------------------------------------------------------------
# 1. tags.jsonl
# ---------------------------------------------------------------------------

ARCHS = ["x86_64", "aarch64", "ppc64le", "s390x"]
PYTHONS = [9, 10, 11, 12, 13]
GLIBCS = [(2, 17), (2, 28), (2, 31), (2, 34), (2, 39)]
MUSL_ARCHS = ["x86_64", "aarch64"]
MUSLS = [(1, 1), (1, 2)]
# A glibc below the arch's manylinux floor (aarch64 floor is 2.17).
BELOW_FLOOR = [("aarch64", (2, 12), 12)]


@contextlib.contextmanager
def patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


@contextlib.contextmanager
def fake_target(arch: str, glibc, musl):
    """Pretend to be a native Linux host with the given libc.

    glibc=None means "not glibc" (packaging's own value for that is (-1, -1)),
    musl=None means "not musl".  _is_compatible is forced to True so neither the
    host's glibc nor a host `_manylinux` module can veto a tag.
    """
    g = _manylinux._GLibCVersion(*glibc) if glibc else _manylinux._GLibCVersion(-1, -1)
    m = _musllinux._MuslVersion(*musl) if musl else None
    with contextlib.ExitStack() as st:
        st.enter_context(patched(_manylinux, "_get_glibc_version", lambda: g))
        st.enter_context(patched(_manylinux, "_is_compatible", lambda arch, version: True))
        st.enter_context(patched(_musllinux, "_get_musl_version", lambda executable: m))
        st.enter_context(patched(sysconfig, "get_platform", lambda: f"linux-{arch}"))
        yield


def linux_platforms(arch: str, glibc=None, musl=None) -> list[str]:
    """P as packaging 26.2's tags._linux_platforms builds it for a native 64-bit host."""
    with fake_target(arch, glibc, musl):
        if musl:
            plats = list(_musllinux.platform_tags([arch]))
        else:
            plats = list(_manylinux.platform_tags([arch]))
        # packaging 26.2 tags._linux_platforms: manylinux, then musllinux, then
        # linux_<arch> LAST.
        plats.append(f"linux_{arch}")
        # Cross-check against packaging's own function under the same patches.
        native = list(ptags._linux_platforms(is_32bit=False))
    if native != plats:
        raise SystemExit(f"_linux_platforms disagrees for {arch} {glibc} {musl}:\n{native}\n{plats}")
    return plats


def supported_tags(minor: int, plats: list[str]) -> list[str]:
    py = (3, minor)
    abi = f"cp3{minor}"
    tags = list(ptags.cpython_tags(py, [abi], plats)) + list(ptags.compatible_tags(py, abi, plats))
    out = [str(t) for t in tags]
    if len(out) != len(dict.fromkeys(out)):
        raise SystemExit(f"duplicate tags for 3.{minor} {plats[:2]}")
    return out


def build_tags() -> list[dict]:
    rows = []

    def row(arch, minor, libc, ver, plats):
        rows.append({
            "target": {"arch": arch, "python": f"3.{minor}", "libc": libc,
                       "libc_version": f"{ver[0]}.{ver[1]}"},
            "platforms": plats,
            "tags": supported_tags(minor, plats),
        })

    for arch in ARCHS:
        for g in GLIBCS:
            plats = linux_platforms(arch, glibc=g)
            for minor in PYTHONS:
                row(arch, minor, "glibc", g, plats)
        if arch in MUSL_ARCHS:
            for m in MUSLS:
                plats = linux_platforms(arch, musl=m)
                for minor in PYTHONS:
                    row(arch, minor, "musl", m, plats)
    for arch, g, minor in BELOW_FLOOR:
        row(arch, minor, "glibc", g, linux_platforms(arch, glibc=g))
    return rows


# ---------------------------------------------------------------------------
# Name / version grammar shared by wheel and sdist generation
# ---------------------------------------------------------------------------

REAL_NAMES = [
    "numpy", "scipy", "Pillow", "PyYAML", "zope.interface", "ruamel.yaml",
    "ruamel.yaml.clib", "backports.zoneinfo", "typing_extensions", "charset_normalizer",
    "grpcio_tools", "google_cloud_storage", "21cmFAST", "python_dateutil", "Django",
    "jaraco.text", "pywin32", "tensorflow_io_gcs_filesystem", "torch", "nvidia_cublas_cu12",
    "MarkupSafe", "markupsafe", "cffi", "PyNaCl", "pycryptodome", "lxml", "psycopg2_binary",
    "SQLAlchemy", "aiohttp", "orjson", "pydantic_core", "cryptography", "Cython",
    "msgpack", "pyzmq", "greenlet", "uvloop", "zstandard", "Brotli", "PyQt5_sip",
    "opencv_python_headless", "scikit_learn", "pandas", "matplotlib", "kiwisolver",
    "websockets", "backports.tarfile", "importlib_metadata", "Jinja2", "pyobjc_core",
    "mypy_extensions", "types_PyYAML", "setuptools_scm", "pip", "wheel", "sample_project",
]

WORDS = [
    "foo", "bar", "baz", "py", "lib", "core", "tools", "utils", "client", "sdk", "api",
    "data", "yaml", "json", "http", "aws", "cloud", "storage", "zope", "grpc", "io",
    "vision", "plugin", "backports", "text", "pytest", "cov", "x", "a1", "3d", "21cm",
    "fast", "v2", "ml", "nvidia", "cu12", "qt5", "db", "async", "web",
]


def gen_name(r: random.Random) -> str:
    if r.random() < 0.35:
        return r.choice(REAL_NAMES)
    n = r.choice([1, 1, 2, 2, 2, 3, 4])
    words = [r.choice(WORDS) for _ in range(n)]
    style = r.random()
    if style < 0.15:
        words = [w.capitalize() for w in words]
    elif style < 0.22:
        words = [w.upper() for w in words]
    elif style < 0.30:
        words = ["".join(c.upper() if r.random() < 0.4 else c for c in w) for w in words]
    out = words[0]
    for w in words[1:]:
        out += r.choice(["_", "_", "_", ".", ""]) + w
    return out


PRE = ["a", "b", "rc", "alpha", "beta", "c", "pre", "preview", "A", "RC"]
POST = [".post{n}", "post{n}", ".r{n}", "_rev{n}", ".post", ".POST{n}"]
DEV = [".dev{n}", ".dev", "dev{n}", "_dev{n}", ".DEV{n}"]
LOCAL = ["+cpu", "+cu121", "+g1234abc", "+ubuntu.1", "+1.2_a", "+rocm6.0", "+local-1", "+ABC"]


def gen_version(r: random.Random, allow_dash: bool = False) -> str:
    v = ""
    if r.random() < 0.05:
        v += r.choice(["1!", "2!", "0!", "100!"])
    kind = r.random()
    if kind < 0.08:
        rel = [r.choice(["2023", "2024", "2025", "20240101"]), str(r.randint(1, 12))]
        if r.random() < 0.5:
            rel.append(str(r.randint(0, 31)))
    else:
        nparts = r.choice([1, 2, 2, 3, 3, 3, 3, 4])
        rel = [str(r.choice([0, 0, 1, 1, 2, 3, 4, 5, 7, 10, 12, 23, 99])) for _ in range(nparts)]
        if r.random() < 0.03:
            rel[-1] = "0" + rel[-1]  # leading zero, e.g. 1.01
    v += ".".join(rel)
    if r.random() < 0.2:
        sep = r.choice(["", "", ".", "_"] + (["-"] if allow_dash else []))
        num = r.choice(["", "0", "1", "2", "10"])
        v += sep + r.choice(PRE) + num
    if r.random() < 0.1:
        v += r.choice(POST).format(n=r.randint(0, 5))
    elif allow_dash and r.random() < 0.08:
        v += f"-{r.randint(1, 4)}"  # implicit post release, e.g. 1.0-1
    if r.random() < 0.1:
        v += r.choice(DEV).format(n=r.randint(0, 9))
    if r.random() < 0.05:
        v += r.choice(LOCAL)
    if r.random() < 0.02:
        v = "v" + v
    return v


# ---------------------------------------------------------------------------
# 2. wheel-filenames.jsonl
# ---------------------------------------------------------------------------

SPEC_WHEELS = [
    # shared/spec/pypi-api.md section 5, valid
    "foo-1.0-py3-none-any.whl",
    "some_PACKAGE-1.0-py3-none-any.whl",
    "foo-1.0-1000-py3-none-any.whl",
    "foo-1.0-1000abc-py3-none-any.whl",
    "pyvirtualcam-0.13.0-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
    "foo-2-py2.py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "foo_b\u00e1r-1.0-py3-none-any.whl",
    "foo_b\u00e1r-1.0-1000-py3-none-any.whl",
    "pyvirtualcam-0.13.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "foo-1.0-py3.py2-none-any.whl",
    # section 5, invalid (as listed in the spec; packaging 26.2 decides)
    "foo-1.0.whl",
    "foo-1.0-py3-none-any.wheel",
    "foo__bar-1.0-py3-none-any.whl",
    "foo\n-1.0-py3-none-any.whl",
    "foo#bar-1.0-py3-none-any.whl",
    "-1.0-py3-none-any.whl",
    "-1.0-200-py3-none-any.whl",
    "foobar-1.x-py3-none-any.whl",
    "foo-1.0-abc-py3-none-any.whl",
    "foo-1.0-200-py3-none-any-junk.whl",
    "foo-1.0--none-any.whl",
    "foo-1.0-py3-none-.whl",
    "foo-1.0-py3.-none-any.whl",
    "playlyfe-0.1.1-2.7.6-none-any.whl",
    # section 4.3 selector inputs
    "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "cryptography-43.0.0-cp39-abi3-manylinux_2_28_x86_64.whl",
    "cryptography-43.0.0-cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "foo-1.0-cp312-none-any.whl",
    "bar-1.0-py2.py3-none-any.whl",
    "foo-1.0-cp312-cp312-musllinux_1_1_x86_64.whl",
    "foo-1.0-cp312-cp312-manylinux_2_28_aarch64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl",
    "foo-1.0-cp313-cp313-manylinux_2_17_x86_64.whl",
    "foo-1.0-cp312-cp312-manylinux_2_34_x86_64.whl",
    "foo-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl",
    "foo-1.0-cp312-cp312-linux_x86_64.whl",
]

# pypa/packaging tests/test_utils.py (input strings only)
PACKAGING_TEST_WHEELS = [
    "foo-1.0-py3-none-any.whl",
    "some_package-1.0-py3-none-any.whl",
    "foo-1.0-1000-py3-none-any.whl",
    "foo-1.0-1000abc-py3-none-any.whl",
    "foo_bar-1.0-42-py2.py3-none-any.whl",
    "some_PACKAGE-1.0-py3-none-any.whl",
    "pyvirtualcam-0.13.0-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
    "foo_b\u00e1r-1.0-py3-none-any.whl",
    "foo_b\u00e1r-1.0-1000-py3-none-any.whl",
    "foo-1.0.whl",
    "foo-1.0-py3-none-any.wheel",
    "foo__bar-1.0-py3-none-any.whl",
    "foo#bar-1.0-py3-none-any.whl",
    "foobar-1.x-py3-none-any.whl",
    "foo-1.0-abc-py3-none-any.whl",
    "foo-1.0-200-py3-none-any-junk.whl",
    "numpy-1.23.3-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-1.23.3-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl",
    "pyvirtualcam-0.13.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "foo-1.0-py3.py2-none-any.whl",
]

# Hand-picked edge cases: whitespace, Unicode, case, odd-but-valid forms.
EXTRA_WHEELS = [
    "FOO-1.0-PY3-NONE-ANY.whl",
    "Foo.Bar-1.0-py3-none-any.whl",
    "foo...bar-1.0-py3-none-any.whl",
    "foo._bar-1.0-py3-none-any.whl",
    "_foo-1.0-py3-none-any.whl",
    "foo_-1.0-py3-none-any.whl",
    ".foo-1.0-py3-none-any.whl",
    "foo.-1.0-py3-none-any.whl",
    "123-1.0-py3-none-any.whl",
    "\u03a9mega-1.0-py3-none-any.whl",
    "\u0130stanbul-1.0-py3-none-any.whl",
    "stra\u00dfe-1.0-py3-none-any.whl",
    "\u01c5ungla-1.0-py3-none-any.whl",
    "\ufb01le-1.0-py3-none-any.whl",
    "foo\u0663-1.0-py3-none-any.whl",
    "foo\u00b2-1.0-py3-none-any.whl",
    "foo\u3000bar-1.0-py3-none-any.whl",
    "foo\t-1.0-py3-none-any.whl",
    "foo\r-1.0-py3-none-any.whl",
    "foo\n\n-1.0-py3-none-any.whl",
    "foo bar-1.0-py3-none-any.whl",
    "foo-1.0+\u212a-py3-none-any.whl",
    "foo-1.0+\u017f-py3-none-any.whl",
    "foo- 1.0-py3-none-any.whl",
    "foo-1.0 -py3-none-any.whl",
    "foo-\u00a01.0-py3-none-any.whl",
    "foo-1.0\n-py3-none-any.whl",
    "foo-\uff11.0-py3-none-any.whl",
    "foo-v1.0-py3-none-any.whl",
    "foo-V1.0-py3-none-any.whl",
    "foo-1.0-\u0661-py3-none-any.whl",
    "foo-1.0-0-py3-none-any.whl",
    "foo-1.0-00-py3-none-any.whl",
    "foo-1.0-99999999999999999999999-py3-none-any.whl",
    "foo-1.0-1-py3-none-any.whl",
    "foo-1.0-1 -py3-none-any.whl",
    "foo-1.0-1.2-py3-none-any.whl",
    "foo-1.0-1_abc-py3-none-any.whl",
    "foo-1.0-py3-none-any.WHL",
    "foo-1.0-py3-none-any.whl ",
    "foo-1.0-py3-none-any.whl.metadata",
    "foo-1.0-py3-none-any",
    ".whl",
    "----.whl",
    "-----.whl",
    "------.whl",
    "a-1-b-c-d.whl",
    "a-1-2-b-c-d.whl",
    "foo-1.0-py3-none-any..whl",
    "foo-1.0-.py3-none-any.whl",
    "foo-1.0-py3..py2-none-any.whl",
    "foo-1.0-py3-none.-any.whl",
    "foo-1.0-py3-.none-any.whl",
    "foo-1.0-py3-none-an y.whl",
    "foo-1.0-py3-none-any\n.whl",
    "foo-1.0-py3-none-any.any.whl",
    "foo-1.0-py3.py3-none-any.whl",
    "foo-1.0-Py3.pY3-None-Any.whl",
    "foo-1.0-py+3-none-any.whl",
    "foo-1.0-py3.2-none-any.whl",
    "foo-1.0-2-none-any.whl",
    "foo-1.0-sillywalk-none-any.whl",
    "foo-1.0-graalpy311-graalpy240_311_native-manylinux_2_28_x86_64.whl",
    "foo-1.0-_custom-none-any.whl",
    "foo-1.0-cp313-cp313t-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "foo-1.0-cp37-cp37m-macosx_10_6_intel.macosx_10_9_intel.macosx_10_9_x86_64.macosx_10_10_intel.macosx_10_10_x86_64.whl",
    "foo-1.0-py2.py3.cp36.cp37.cp38-none-any.whl",
    "foo-1!1.0-py3-none-any.whl",
    "foo-1.0.post1.dev2+abc.1-py3-none-any.whl",
    "foo-1.0-1-1-py3-none-any.whl",
    "foo-1.0-1-py3-none-any-x.whl",
]

PLATFORMS = [
    "any",
    "manylinux_2_17_x86_64.manylinux2014_x86_64",
    "manylinux2014_x86_64.manylinux_2_17_x86_64",
    "manylinux_2_5_x86_64.manylinux1_x86_64",
    "manylinux_2_12_x86_64.manylinux2010_x86_64",
    "manylinux_2_28_x86_64",
    "manylinux_2_34_x86_64",
    "manylinux1_x86_64",
    "manylinux2010_x86_64",
    "manylinux2014_x86_64",
    "musllinux_1_1_x86_64",
    "musllinux_1_2_x86_64",
    "linux_x86_64",
    "manylinux_2_17_aarch64.manylinux2014_aarch64",
    "manylinux_2_28_aarch64",
    "manylinux2014_aarch64",
    "musllinux_1_1_aarch64",
    "musllinux_1_2_aarch64",
    "linux_aarch64",
    "manylinux_2_17_ppc64le.manylinux2014_ppc64le",
    "manylinux_2_28_ppc64le",
    "manylinux_2_17_s390x.manylinux2014_s390x",
    "manylinux_2_28_s390x",
    "manylinux_2_17_i686.manylinux2014_i686",
    "manylinux_2_5_i686.manylinux1_i686",
    "musllinux_1_1_i686",
    "manylinux_2_17_armv7l.manylinux2014_armv7l",
    "manylinux_2_31_armv7l",
    "linux_armv7l",
    "linux_armv6l",
    "manylinux_2_39_riscv64",
    "musllinux_1_2_riscv64",
    "macosx_10_9_x86_64",
    "macosx_10_13_x86_64",
    "macosx_11_0_arm64",
    "macosx_14_0_arm64",
    "macosx_10_9_universal2",
    "macosx_10_6_intel.macosx_10_9_intel.macosx_10_9_x86_64",
    "macosx_10_9_x86_64.macosx_11_0_arm64.macosx_10_9_universal2",
    "win_amd64",
    "win32",
    "win_arm64",
    "ios_13_0_arm64_iphoneos",
    "ios_13_0_arm64_iphonesimulator",
    "android_21_arm64_v8a",
    "pyemscripten_2024_0_wasm32",
    "manylinux_2_17_x86_64.manylinux2014_x86_64.musllinux_1_1_x86_64",
]
PY_ONLY = ["py3", "py2.py3", "py3.py2", "py38", "py39", "py310", "py2", "py36.py37.py38"]
CP_MINORS = [6, 7, 8, 9, 10, 11, 12, 13, 14]


def gen_tag_triple(r: random.Random) -> tuple[str, str, str]:
    k = r.random()
    if k < 0.25:
        return r.choice(PY_ONLY), "none", "any"
    if k < 0.30:
        return r.choice(PY_ONLY), "none", r.choice(PLATFORMS[1:])
    if k < 0.42:
        m = r.choice(CP_MINORS[1:])
        interp = f"cp3{m}"
        if r.random() < 0.2:
            interp = ".".join(f"cp3{x}" for x in range(m, min(m + r.randint(2, 4), 15)))
        return interp, r.choice(["abi3", "abi3", "none"]), r.choice(PLATFORMS)
    if k < 0.52:
        m = r.choice([9, 10, 11])
        pp = r.choice(["pp73", "pp74"])
        return f"pp3{m}", f"pypy3{m}_{pp}", r.choice(PLATFORMS[1:])
    if k < 0.54:
        return "graalpy311", "graalpy240_311_native", r.choice(PLATFORMS[1:])
    m = r.choice(CP_MINORS)
    abi = f"cp3{m}"
    if m <= 7 and r.random() < 0.7:
        abi += "m"
    if m >= 13 and r.random() < 0.3:
        abi += "t"
    return f"cp3{m}", abi, r.choice(PLATFORMS[1:])


BUILDS = ["1", "2", "0", "10", "1000", "1000abc", "20240101", "1_g1a2b3c", "007", "3a.b", "42"]


def gen_wheel(r: random.Random) -> dict:
    name = gen_name(r)
    version = gen_version(r)
    build = r.choice(BUILDS) if r.random() < 0.15 else None
    return {"name": name, "version": version, "build": build, "tags": list(gen_tag_triple(r)),
            "ext": ".whl"}


def wheel_str(w: dict) -> str:
    parts = [w["name"], w["version"]]
    if w["build"] is not None:
        parts.append(w["build"])
    parts.append("-".join(w["tags"]))
    return "-".join(parts) + w["ext"]


def _mut_name_dash(r, w):
    n = w["name"]
    if "_" in n or "." in n:
        i = r.choice([i for i, c in enumerate(n) if c in "_."])
        w["name"] = n[:i] + "-" + n[i + 1:]
    else:
        w["name"] = n + "-" + r.choice(["bar", "1", "py", "x"])


def _mut_double_underscore(r, w):
    n = w["name"]
    i = r.randint(0, len(n))
    w["name"] = n[:i] + r.choice(["__", "___", "_._", "._."]) + n[i:]


def _mut_bad_build(r, w):
    w["build"] = r.choice(["abc", "_1", "b1", "", "x1000", " 1", "\u0661", "\u00b9", "+1", ".1"])


def _mut_empty_tag_part(r, w):
    i = r.randrange(3)
    t = list(w["tags"])
    t[i] = r.choice(["", t[i] + ".", "." + t[i], t[i].replace(".", "..") if "." in t[i] else t[i] + "..x", "."])
    w["tags"] = t


def _mut_ext(r, w):
    w["ext"] = r.choice([".wheel", ".WHL", ".Whl", ".whl.metadata", ".zip", ".tar.gz", "", ".whl ",
                         ".whl\n", "whl", "-.whl", ".egg"])


def _mut_missing_dash(r, w):
    s = wheel_str(w)
    idx = [i for i, c in enumerate(s) if c == "-"]
    i = r.choice(idx)
    w["_raw"] = s[:i] + r.choice(["", "_", "."]) + s[i + 1:]


def _mut_extra_dash(r, w):
    s = wheel_str(w)
    idx = [i for i, c in enumerate(s[:-4]) if c in "-._"]
    if not idx:
        idx = [0]
    i = r.choice(idx)
    w["_raw"] = s[:i] + r.choice(["-", "--"]) + s[i + (0 if s[i] == "-" else 1):]


def _mut_bad_version(r, w):
    w["version"] = r.choice(["1.x", "", "latest", "1..0", "1.0+", "1.0+a..b", "1.0beta 2", "1.0.*",
                             "1.0_", "dev", "1.0.dev1.post1", "1.0+local+x", "=1.0", "1,0", "\u0661.0",
                             "1.0a1b2", "01!1.0", "1!2!3", "0x10", "1e3"])


def _mut_name_chars(r, w):
    n = w["name"]
    i = r.randint(0, len(n))
    w["name"] = n[:i] + r.choice(["#", "+", "!", " ", "@", "~", "\u00e9", "\u4e2d", "\u0663", "\t", "/",
                                  "\u00b2", "\u2160", ":", "%", "\u0301", "\u200b"]) + n[i:]


def _mut_upper_tags(r, w):
    w["tags"] = [t.upper() if r.random() < 0.7 else t.capitalize() for t in w["tags"]]
    w["name"] = w["name"].upper() if r.random() < 0.5 else w["name"]


def _mut_bad_interpreter(r, w):
    t = list(w["tags"])
    t[0] = r.choice(["2.7.6", "py3.2", "py+3", "3", "py 3", "cp3.12", "py3.py+2", "\u00e9py3"])
    w["tags"] = t


def _mut_whitespace(r, w):
    k = r.randrange(4)
    if k == 0:
        w["version"] = " " + w["version"]
    elif k == 1:
        w["version"] = w["version"] + "\u00a0"
    elif k == 2:
        w["name"] = w["name"] + "\n"
    else:
        t = list(w["tags"])
        t[2] = t[2] + " "
        w["tags"] = t


MUTATIONS = [
    _mut_name_dash, _mut_double_underscore, _mut_bad_build, _mut_empty_tag_part, _mut_ext,
    _mut_missing_dash, _mut_extra_dash, _mut_bad_version, _mut_name_chars, _mut_upper_tags,
    _mut_bad_interpreter, _mut_whitespace,
]


def expect_wheel(f: str) -> dict:
    try:
        name, version, build, tags = parse_wheel_filename(f)
    except Exception as e:  # noqa: BLE001 - record whatever packaging raises
        return error_of(e)
    return {"ok": True, "name": name, "version": str(version),
            "build": [build[0], build[1]] if build else [],
            "tags": sorted(str(t) for t in tags)}


def build_wheels(r: random.Random) -> Ordered:
    cases = Ordered()
    for f in SPEC_WHEELS + PACKAGING_TEST_WHEELS + EXTRA_WHEELS:
        cases.add(f)
    valid = [gen_wheel(r) for _ in range(1000)]
    for w in valid:
        cases.add(wheel_str(w))
    # Every mutation applied to a slice of the valid corpus, then random ones.
    for mi, mut in enumerate(MUTATIONS):
        for j in range(40):
            w = json.loads(json.dumps(valid[(mi * 40 + j) % len(valid)]))
            mut(r, w)
            cases.add(w.pop("_raw", None) or wheel_str(w))
    for j in range(300):
        w = json.loads(json.dumps(r.choice(valid)))
        for mut in r.sample(MUTATIONS, r.choice([1, 2])):
            if "_raw" in w:
                break
            mut(r, w)
        cases.add(w.pop("_raw", None) or wheel_str(w))
    return cases


# ---------------------------------------------------------------------------
# 3. sdist-filenames.jsonl
# ---------------------------------------------------------------------------

# pip's ARCHIVE_EXTENSIONS (ZIP + BZ2 + TAR + XZ), matched longest first.
ARCHIVE_SUFFIXES = sorted(
    [".tar.gz", ".tar.bz2", ".tar.xz", ".tar.lz", ".tar.lzma", ".tar.Z", ".tar", ".zip",
     ".tgz", ".tbz", ".txz", ".tlz"],
    key=lambda s: (-len(s), s),
)

SPEC_SDISTS = [
    # (filename, project)
    ("foo-1.0.tar.gz", "foo"),
    ("foo-1.0.zip", "foo"),
    ("foo-1.0.xz", "foo"),
    ("foo1.0.tar.gz", "foo"),
    ("foo1.0.tar.gz", None),
    ("foo-1.x.tar.gz", "foo"),
    ("-1.0.tar.gz", None),
    ("-1.0.zip", None),
    ("foo_bar-1.0.tar.gz", "foo-bar"),
    ("foo-bar-1.0.tar.gz", "foo-bar"),
    ("foo-bar-1.0.tar.gz", "foo"),
    ("foo-bar-1.0.tar.gz", None),
    ("21cmFAST-3.0.0.dev0.tar.gz", "21cmfast"),
    ("foo-1.0-1.tar.gz", "foo"),
    ("foo-1.0-1.tar.gz", None),
    ("foo-1.0-1.zip", "foo"),
    ("foo-1.0.tar.bz2", "foo"),
    ("foo-1.0.tbz", "foo"),
    ("foo-1.0.tar.xz", "foo"),
    ("foo-1.0.txz", "foo"),
    ("foo-1.0.tlz", "foo"),
    ("foo-1.0.tar.lz", "foo"),
    ("foo-1.0.tar.lzma", "foo"),
    ("foo-1.0.tgz", "foo"),
    ("foo-1.0.tar", "foo"),
    ("foo-1.0.tar.Z", "foo"),
    ("foo-1.0.tar.z", "foo"),
    ("foo-1.0.TAR.GZ", "foo"),
    ("foo-1.0.ZIP", "foo"),
    ("foo-1.0.egg", "foo"),
    ("foo-1.0.exe", "foo"),
    ("foo-1.0.msi", "foo"),
    ("foo-1.0.rpm", "foo"),
    ("foo-1.0.dmg", "foo"),
    ("foo-1.0-py3-none-any.whl", "foo"),
    ("foo-1.0.tar.gz.asc", "foo"),
    ("foo-1.0.tar.gz ", "foo"),
    ("foo-1.0.tar.gz\n", "foo"),
    ("foo-1.0-rc1.tar.gz", "foo"),
    ("foo-1.0-dev.tar.gz", "foo"),
    ("foo-1.0-post2.tar.gz", "foo"),
    ("foo-1.0-a1-1.tar.gz", "foo"),
    ("foo-.tar.gz", "foo"),
    ("foo.tar.gz", "foo"),
    ("foo-1.0", "foo"),
    (".tar.gz", None),
    ("-.tar.gz", None),
    ("foo--1.0.tar.gz", "foo"),
    ("foo--1.0.tar.gz", None),
    ("Foo.Bar-1.0.tar.gz", "foo-bar"),
    ("foo_bar-1.0.tar.gz", "foo"),
    ("foobar-1.0.tar.gz", "foo"),
    ("foo-1.0.tar.gz", "foobar"),
    ("py-3-1.0.tar.gz", "py-3"),
    ("py-3-1.0.tar.gz", "py"),
    ("py-3-1.0.tar.gz", None),
    ("foo-v1.0.tar.gz", "foo"),
    ("foo- 1.0.tar.gz", "foo"),
    ("foo-1.0+local.tar.gz", "foo"),
    ("foo-1!1.0.tar.gz", "foo"),
    ("foo-1.0+\u212a.tar.gz", "foo"),
    ("foo_b\u00e1r-1.0.tar.gz", "foo-b\u00e1r"),
    ("\u0130x-1.0.tar.gz", canonicalize_name("\u0130x")),
    ("foo\n-1.0.tar.gz", "foo"),
    ("foo#bar-1.0.tar.gz", None),
    ("foo__bar-1.0.tar.gz", "foo-bar"),
    ("zope.interface-5.4.0.tar.gz", "zope-interface"),
    ("zope.interface-5.4.0.zip", "zope-interface"),
    ("Django-1.11.29.tar.gz", "django"),
    ("PyYAML-5.4.1.tar.gz", "pyyaml"),
    ("pyyaml-6.0.2.tar.gz", "pyyaml"),
    ("python-dateutil-2.8.2.tar.gz", "python-dateutil"),
    ("python_dateutil-2.9.0.post0.tar.gz", "python-dateutil"),
    ("backports.zoneinfo-0.2.1.tar.gz", "backports-zoneinfo"),
    ("setuptools-scm-1.17.0.tar.gz", "setuptools-scm"),
    ("MarkupSafe-2.0.1.tar.gz", "markupsafe"),
    ("pytz-2024.1.tar.gz", "pytz"),
    ("certifi-2024.07.04.tar.gz", "certifi"),
    ("pycrypto-2.6.1.tar.gz", "pycrypto"),
    ("distribute-0.6.49.zip", "distribute"),
    ("setuptools-0.6c11.tar.gz", "setuptools"),
    ("ipaddress-1.0.23.tar.gz", "ipaddress"),
    ("Twisted-16.0.0.tar.bz2", "twisted"),
    ("pygame-1.9.1release.tar.gz", "pygame"),
    ("egenix-mx-base-3.2.9.zip", "egenix-mx-base"),
    ("mock-1.0.1-1.tar.gz", "mock"),
]


def by_project(filename: str, project: str) -> dict:
    suffix = next((s for s in ARCHIVE_SUFFIXES if filename.endswith(s)), None)
    if suffix is None:
        return {"ok": False, "reason": "suffix", "version": None}
    stem = filename[: -len(suffix)]
    rest = None
    for i, c in enumerate(stem):
        if c == "-" and canonicalize_name(stem[:i]) == project:
            rest = stem[i + 1:]
            break
    if rest is None:
        return {"ok": False, "reason": "name", "version": None}
    if not rest:
        return {"ok": False, "reason": "empty-version", "version": None}
    try:
        return {"ok": True, "version": str(Version(rest))}
    except InvalidVersion:
        return {"ok": False, "reason": "version", "version": None}


def expect_sdist(f: str) -> dict:
    try:
        name, version = parse_sdist_filename(f)
    except Exception as e:  # noqa: BLE001
        return error_of(e)
    return {"ok": True, "name": name, "version": str(version)}


SDIST_SUFFIX_WEIGHTS = [".tar.gz"] * 10 + [".zip"] * 4 + [".tar.bz2"] * 2 + [
    ".tgz", ".tar.xz", ".tbz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.Z", ".tar"]


def build_sdists(r: random.Random) -> Ordered:
    cases = Ordered()
    for f, p in SPEC_SDISTS:
        cases.add((f, p))
    for _ in range(650):
        name = gen_name(r)
        project = canonicalize_name(name)
        style = r.random()
        if style < 0.4:
            written = project.replace("-", "_")          # PEP 625
        elif style < 0.7:
            written = name                               # as the author spelled it
        elif style < 0.9:
            written = project                            # legacy dashed name
        else:
            written = name.replace("_", "-").replace(".", "-")
        version = gen_version(r, allow_dash=r.random() < 0.4)
        suffix = r.choice(SDIST_SUFFIX_WEIGHTS)
        f = f"{written}-{version}{suffix}"
        k = r.random()
        if k < 0.08:
            p = None
        elif k < 0.14:
            p = canonicalize_name(gen_name(r))           # usually a different project
        elif k < 0.18:
            p = project.split("-")[0]                    # prefix project (foo for foo-bar)
        else:
            p = project
        m = r.random()
        if m < 0.05:
            f = f[: -len(suffix)] + r.choice([".xz", ".egg", ".exe", ".gz", ".tar.gz.sig", ".bz2", ".7z"])
        elif m < 0.09:
            f = f"{written}{version}{suffix}"            # no separator
        elif m < 0.13:
            f = f"{written}-{r.choice(['1.x', 'latest', '1.0-beta-2', '', 'r1234', '1.0.0-SNAPSHOT'])}{suffix}"
        elif m < 0.15:
            f = f"{written}--{version}{suffix}"
        cases.add((f, p))
    return cases


# ---------------------------------------------------------------------------
# 4. parse-tag.jsonl
# ---------------------------------------------------------------------------

SPEC_TAGS = [
    "py3-none-any",
    "py2.py3-none-any",
    "cp37-cp37m-macosx_10_6_intel.macosx_10_9_intel.macosx_10_9_x86_64.macosx_10_10_intel.macosx_10_10_x86_64",
    "-none-any", "py3--any", "py3-none-", "py3.-none-any", "py3-none-any.", "--",
    "2-none-any", "2.7.6-none-any", "py3.2-none-any", "py+3-none-any",
    "sillywalk-none-any", "graalpy311-none-any", "_custom-none-any",
    "py3-none", "py3-none-any-extra",
    "PY3-None-ANY",
    "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64",
    "py3.py2-none-any",
    "",
    "-",
    "---",
    "py3",
    "py3-none-any-",
    "py3-none-any\n",
    " py3-none-any",
    "py3-none-any ",
    "py3-none-an y",
    "..-..-..",
    ".-.-.",
    "py2.py3-none.abi3-any.win32",
    "cp39.cp310.cp311.cp312-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.musllinux_1_1_x86_64",
    "pp310-pypy310_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp313-cp313t-win_amd64",
    "cp312-abi3-any",
    "\u00e9py3-none-any",
    "py3-none-\u212a",
    "cp\u0661\u0662-none-any",
    "py3-none-any.any",
    "py3.py3.py3-none-any",
    "PY3.py3-NONE.none-ANY.any",
    "py3-none-any\t",
    "py3_none_any",
    "py3.none.any",
]


def expect_tag(s: str) -> dict:
    try:
        tags = ptags.parse_tag(s)
    except Exception as e:  # noqa: BLE001
        return error_of(e)
    return {"ok": True, "tags": sorted(str(t) for t in tags)}


def build_parse_tags(r: random.Random, wheels: Ordered) -> Ordered:
    cases = Ordered()
    for s in SPEC_TAGS:
        cases.add(s)
    for _ in range(150):
        cases.add("-".join(gen_tag_triple(r)))
    # The tag part of generated wheel names (valid and mutated ones).
    for f in wheels.items[::9]:
        if f.endswith(".whl") and f.count("-") >= 2:
            cases.add("-".join(f[:-4].split("-")[-3:]))
    for _ in range(60):
        t = list(gen_tag_triple(r))
        w = {"name": "x", "version": "1", "build": None, "tags": t, "ext": ".whl"}
        r.choice([_mut_empty_tag_part, _mut_upper_tags, _mut_bad_interpreter])(r, w)
        cases.add("-".join(w["tags"]))
    # Wrong number of components (the only thing parse_tag rejects in 26.2).
    for _ in range(40):
        t = list(gen_tag_triple(r))
        k = r.randrange(4)
        if k == 0:
            t = t[:2]
        elif k == 1:
            t = [t[0] + r.choice(["_", ".", ""]) + t[1], t[2]]
        elif k == 2:
            t.insert(r.randint(0, 3), r.choice(["", "x", "abi3", "any"]))
        else:
            t = t[:1]
        cases.add("-".join(t))
    return cases


# ---------------------------------------------------------------------------

README = """\
# Wheel-tag and distribution-filename vectors

Generated by `testdata/generator/generate_platform_vectors.py` (run from the
repository root: `python3 testdata/generator/generate_platform_vectors.py`;
reruns are byte-identical). Every expectation comes from the installed
packaging {pkg} (Python {py}); the script refuses to run with another packaging
version. JSON Lines, keys sorted, compact, ASCII-escaped (`\\uXXXX`).

| file | cases | content |
| --- | ---: | --- |
{table}

Total: {total} cases.

## `tags.jsonl`

`{{"target": {{"arch", "python": "3.X", "libc": "glibc"|"musl", "libc_version": "2.28"|"1.2"}},
"platforms": [P...], "tags": [supported tags, most preferred first]}}`

- Targets: arch x86_64, aarch64, ppc64le, s390x x python 3.9-3.13 x glibc 2.17,
  2.28, 2.31, 2.34, 2.39; musl 1.1 and 1.2 for x86_64 and aarch64 (all five
  Pythons); plus aarch64 / glibc 2.12 / 3.12 (below the aarch64 floor).
- P is packaging's own `_manylinux.platform_tags([arch])` (or
  `_musllinux.platform_tags([arch])`) with the libc version patched and
  `_manylinux._is_compatible` forced to True, followed by `linux_<arch>`. The
  script cross-checks P against `packaging.tags._linux_platforms(is_32bit=False)`
  with `sysconfig.get_platform()` patched to `linux-<arch>`: packaging 26.2
  yields manylinux tags, then musllinux tags, then `linux_<arch>` **last**
  (packaging 26.3 moves it first; see shared/spec/pypi-api.md 4.3).
  A glibc target gets no musllinux tags and a musl target no manylinux tags.
- Below the floor: for aarch64 with glibc 2.12 packaging emits no manylinux tag
  at all (its loop runs from the target minor down to the floor, 2.17 for every
  arch except x86_64/i686 whose floor is 2.5), so P is just `["linux_aarch64"]`
  and the list has 27 + 15 = 42 tags for 3.12.
- tags = `cpython_tags((3, X), ["cp3X"], P)` + `compatible_tags((3, X), "cp3X", P)`
  as `str(tag)`; no free-threaded / debug ABIs.

## `wheel-filenames.jsonl`

`{{"filename": F, "expect": {{"ok": true, "name": canonical, "version": str(Version),
"build": [int, "rest"] | [], "tags": [sorted str(tag)]}}}}` or
`{{"ok": false, "error": str(exception), "error_type": class name}}` from
`parse_wheel_filename(F)` with default arguments (no order validation).
Inputs: shared/spec/pypi-api.md section 5 (valid and invalid lists, selector
examples of 4.3), the input strings of pypa/packaging tests/test_utils.py,
hand-picked edge cases (Unicode names, whitespace, Kelvin sign in a local
version, which 26.2 rejects because its local-segment pattern is ASCII-only,
huge build numbers), ~1000 names from a seeded grammar, and
mutations of them (extra/missing dashes, `__`, bad build tags, empty tag
parts, wrong extensions, bad versions/interpreters, upper case).

Note: packaging 26.2 is more lenient than the spec's section 5 "invalid" list:
it accepts an empty name (`-1.0-py3-none-any.whl` -> name `""`), a name ending
in `\\n` (`re.match` with `$`), empty tag components (`foo-1.0--none-any.whl` ->
tag `-none-any`) and non-identifier interpreters (`2.7.6` -> tags `2-none-any`,
`7-none-any`, `6-none-any`). The vectors record what 26.2 does. Error messages
contain Python `repr()` of the filename; compare `ok`/`error_type` rather than
the message text. Names are lower-cased with Python's `str.lower()`
(`\u0130stanbul` -> `i\u0307stanbul`); Unicode letters and digits (`\u00b2`,
`\u0663`) are accepted in names, but not in versions or build tags.

## `sdist-filenames.jsonl`

`{{"filename": F, "project": canonical project or null, "expect": {{...}},
"by_project": {{...}}}}`. `expect` is `parse_sdist_filename(F)` (`ok`, `name`,
`version`, or `error`/`error_type`): only `.tar.gz` and `.zip`, split at the
**last** `-`. `by_project` is present only when `project` is not null and
follows pip's rule: strip the longest matching (case-sensitive) suffix of
`{suffixes}`; take the first `-` at index i with
`canonicalize_name(stem[:i]) == project`; the rest must parse as a PEP 440
version: `{{"ok": true, "version": str(Version)}}`, else
`{{"ok": false, "version": null, "reason": "suffix"|"name"|"empty-version"|"version"}}`
(no later `-` is tried once the name matched). So `foo-1.0-1.tar.gz` is
`1.0.post1` by project, while `parse_sdist_filename` silently misreads it as
name `foo-1-0`, version `1`; `foo-1.0-rc1.tar.gz` is `1.0rc1` by project but an
error for `parse_sdist_filename`.

## `parse-tag.jsonl`

`{{"tag": S, "expect": {{"ok": true, "tags": [sorted str]}} | {{"ok": false, "error",
"error_type"}}}}` from `packaging.tags.parse_tag(S)`. Only a wrong number of `-`
fails in 26.2 (a `ValueError` from tuple unpacking; its message text depends on
the Python version); empty components and non-identifier interpreters parse.
"""


def main() -> int:
    if packaging.__version__ != REQUIRED_PACKAGING:
        sys.exit(f"packaging {REQUIRED_PACKAGING} required, found {packaging.__version__}")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    r = random.Random(SEED)
    counts: dict[str, int] = {}
    descr: dict[str, str] = {}

    def write(name: str, rows: list[dict], what: str) -> None:
        with open(OUT_DIR / name, "w", encoding="ascii", newline="\n") as f:
            for row in rows:
                f.write(dumps(row) + "\n")
        counts[name] = len(rows)
        descr[name] = what

    trows = build_tags()
    write("tags.jsonl", trows, "supported tag lists per target (arch, Python, libc, libc version)")

    wheels = build_wheels(r)
    write("wheel-filenames.jsonl", [{"filename": f, "expect": expect_wheel(f)} for f in wheels.items],
          "`parse_wheel_filename` results")

    sdists = build_sdists(r)
    srows = []
    for f, p in sdists.items:
        row = {"filename": f, "project": p, "expect": expect_sdist(f)}
        if p is not None:
            row["by_project"] = by_project(f, p)
        srows.append(row)
    write("sdist-filenames.jsonl", srows, "`parse_sdist_filename` + pip's known-project rule")

    ptag = build_parse_tags(r, wheels)
    write("parse-tag.jsonl", [{"tag": s, "expect": expect_tag(s)} for s in ptag.items],
          "`parse_tag` results")

    order = ["tags.jsonl", "wheel-filenames.jsonl", "sdist-filenames.jsonl", "parse-tag.jsonl"]
    rows = [f"| `{n}` | {counts[n]} | {descr[n]} |" for n in order]
    total = sum(counts.values())
    with open(OUT_DIR / "README.md", "w", encoding="utf-8", newline="\n") as f:
        f.write(README.format(pkg=packaging.__version__,
                              py=".".join(map(str, sys.version_info[:2])),
                              table="\n".join(rows), total=total,
                              suffixes=" ".join(ARCHIVE_SUFFIXES)))

    minimum = {"wheel-filenames.jsonl": 1500, "sdist-filenames.jsonl": 500, "parse-tag.jsonl": 100}
    for n in order:
        size = (OUT_DIR / n).stat().st_size
        print(f"{n:24s} {counts[n]:6d} cases {size:10d} bytes")
        if counts[n] < minimum.get(n, 1):
            raise SystemExit(f"{n}: only {counts[n]} cases")
        if size >= 8 * 1024 * 1024:
            raise SystemExit(f"{n} is larger than 8 MB")
    if total < 2000:
        raise SystemExit(f"only {total} cases in total")
    print(f"{'total':24s} {total:6d} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
