#!/usr/bin/env python3
"""Generate the PEP 440 / PEP 508 conformance vectors used by the Java tests.

Run from the repository root:

    python3 testdata/generator/generate_vectors.py

Every case is judged by the differential oracle
``shared/oracle/version_oracle.py`` (packaging 26.2, default "modern" impl).
The oracle is started once per output file and fed all commands of that file
through a pipe.  Inputs are built from fixed seeds, from literal strings taken
from pypa/packaging's own test-suite (tests/test_version.py,
test_specifiers.py, test_markers.py, test_requirements.py, test_utils.py) and
from the oracle's sample probes, so re-running the script regenerates every
file byte for byte.

Output (JSON Lines, one case a line, keys sorted, compact, ASCII-escaped):

    {"cmd": <command sent, without "id">, "expect": <oracle result, without "id">}

Marker and requirement cases may carry an extra top-level "deviation" key: the
value the Java side must produce because it follows packaging 26.3's fix for
nested ``extra`` normalization (see README.md next to the vectors).

Environment variables:
    PYHERMETIC_ORACLE   path to version_oracle.py (default: shared/oracle next
                        to the repository, i.e. ../shared/oracle or
                        /work/shared/oracle)
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import packaging
from packaging.markers import Marker, _normalize_extras
from packaging.requirements import Requirement

SEED = 20260514
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT_DIR = REPO / "testdata" / "src" / "main" / "resources" / "io" / "pyhermetic" / "testdata" / "vectors"


def _find_oracle() -> Path:
    env = os.environ.get("PYHERMETIC_ORACLE")
    cands = [Path(env)] if env else []
    cands += [
        REPO.parent / "shared" / "oracle" / "version_oracle.py",
        REPO / "shared" / "oracle" / "version_oracle.py",
        Path("/work/shared/oracle/version_oracle.py"),
    ]
    for c in cands:
        if c.is_file():
            return c
    sys.exit("version_oracle.py not found; set PYHERMETIC_ORACLE")


ORACLE = _find_oracle()
SAMPLES = ORACLE.parent / "samples" / "version_cmds.jsonl"


def dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def run_oracle(cmds: list[dict]) -> list[dict]:
    """One oracle process for the whole batch; results in input order."""
    lines = []
    for i, c in enumerate(cmds):
        d = dict(c)
        d["id"] = i
        lines.append(dumps(d))
    proc = subprocess.run(
        [sys.executable, str(ORACLE), "--no-flush"],
        input=("\n".join(lines) + "\n").encode("ascii"),
        stdout=subprocess.PIPE,
        check=True,
    )
    out = proc.stdout.decode("ascii").splitlines()
    if len(out) != len(cmds):
        raise SystemExit(f"oracle returned {len(out)} lines for {len(cmds)} commands")
    res = []
    for i, line in enumerate(out):
        r = json.loads(line)
        if r.pop("id", None) != i:
            raise SystemExit(f"oracle id mismatch at {i}: {line}")
        if r.get("error_type") == "OracleInput":
            raise SystemExit(f"oracle rejected command {cmds[i]!r}: {r}")
        res.append(r)
    return res


class Cases:
    """Ordered, de-duplicated list of oracle commands for one file."""

    def __init__(self, op: str):
        self.op = op
        self.cmds: list[dict] = []
        self._seen: set[str] = set()

    def add(self, **fields) -> None:
        cmd = {"op": self.op}
        cmd.update(fields)
        key = dumps(cmd)
        if key in self._seen:
            return
        self._seen.add(key)
        self.cmds.append(cmd)

    def __len__(self) -> int:
        return len(self.cmds)


DEVIATIONS: dict[str, int] = {}


def write_jsonl(name: str, cmds: list[dict], results: list[dict], extra=None) -> int:
    path = OUT_DIR / name
    ndev = 0
    with open(path, "w", encoding="ascii", newline="\n") as f:
        for c, r in zip(cmds, results):
            line = {"cmd": c, "expect": r}
            if extra is not None:
                add = extra(c, r)
                if add:
                    line.update(add)
                    ndev += 1
            f.write(dumps(line) + "\n")
    DEVIATIONS[name] = ndev
    return len(cmds)


# ---------------------------------------------------------------------------
# Literal inputs from pypa/packaging's test-suite (inputs only; the oracle
# decides every expectation).
# ---------------------------------------------------------------------------

# tests/test_version.py VERSIONS: 92 versions in ascending order.
_V_TAIL = [
    "1.0.dev0", "1.0.dev456", "1.0.dev456+local", "1.0a0", "1.0a0.post0.dev0",
    "1.0a0.post0", "1.0a1.dev1", "1.0a1.dev1+local", "1.0a1", "1.0a1+local",
    "1.0b0", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345",
    "1.0b2-346", "1.0rc0", "1.0rc1.dev1", "1.0c1", "1.0rc2", "1.0",
    "1.0.post0.dev0", "1.0.post0", "1.0.post456.dev34", "1.0.post456",
    "1.0.post456+local", "1.0.1.dev1", "1.0.1a1", "1.0.1", "1.0.1+local",
    "1.0.1.post1", "1.1.dev1", "1.2+a", "1.2+abc", "1.2+abcdef", "1.2+def",
    "1.2+0", "1.2+1", "1.2+1.abc", "1.2+1.1", "1.2+1.1.0", "1.2+2", "1.2+123",
    "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
]
PKG_VERSIONS = _V_TAIL + ["1!" + v for v in _V_TAIL]
assert len(PKG_VERSIONS) == 92

PKG_INVALID_VERSIONS = [
    "french toast", "1.0+a+", "1.0++", "1.0+_foobar", "1.0+foo&asd", "1.0+1+1",
    "1. 0", "1 .0", "1. 0a1", "1 .0a1", "1.0 a1", "1.0a 1",
    "\u0660\u0661\u0662.\u0663\u0664\u0665.\u0666\u0667\u0668\u0669",
    ".", "..", "1..0", "1.0.", ".1.0", "1..2.3", "1.0+\u0130", "lolwat",
]

PKG_NORMALIZED_INPUTS = [
    "1.0dev", "1.0.dev", "1.0dev1", "1.0-dev", "1.0-dev1", "1.0DEV", "1.0.DEV",
    "1.0DEV1", "1.0.DEV1", "1.0-DEV", "1.0-DEV1",
    "1.0a", "1.0.a", "1.0.a1", "1.0-a", "1.0-a1", "1.0alpha", "1.0.alpha",
    "1.0.alpha1", "1.0-alpha", "1.0-alpha1", "1.0A", "1.0.A", "1.0.A1", "1.0-A",
    "1.0-A1", "1.0ALPHA", "1.0.ALPHA", "1.0.ALPHA1", "1.0-ALPHA", "1.0-ALPHA1",
    "1.0b", "1.0.b", "1.0.b1", "1.0-b", "1.0-b1", "1.0beta", "1.0.beta",
    "1.0.beta1", "1.0-beta", "1.0-beta1", "1.0B", "1.0.B", "1.0.B1", "1.0-B",
    "1.0-B1", "1.0BETA", "1.0.BETA", "1.0.BETA1", "1.0-BETA", "1.0-BETA1",
    "1.0c", "1.0.c", "1.0.c1", "1.0-c", "1.0-c1", "1.0rc", "1.0.rc", "1.0.rc1",
    "1.0-rc", "1.0-rc1", "1.0C", "1.0.C", "1.0.C1", "1.0-C", "1.0-C1", "1.0RC",
    "1.0.RC", "1.0.RC1", "1.0-RC", "1.0-RC1",
    "1.0post", "1.0.post", "1.0post1", "1.0-post", "1.0-post1", "1.0POST",
    "1.0.POST", "1.0POST1", "1.0r", "1.0rev", "1.0.POST1", "1.0.r1", "1.0.rev1",
    "1.0-POST", "1.0-POST1", "1.0-5", "1.0-r5", "1.0-rev5",
    "1.0+AbC", "1.01", "1.0a05", "1.0b07", "1.0c056", "1.0rc09", "1.0.post000",
    "1.1.dev09000", "00!1.2", "0100!0.0", "v1.0", "   v1.0\t\n",
    "\u202f1.0\t\u2029\n ", "  \r \f \v v1.0\t\n",
]

PKG_STR_REPR = [
    "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
    "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345",
    "1.0rc1.dev456", "1.0rc1", "1.0", "1.0.post456.dev34", "1.0.post456", "1.0.1",
    "0!1.0.2", "1.0.3+7", "0!1.0.4+8.0", "1.0.5+9.5", "1.2+1234.abc", "1.2+123456",
    "1.2+123abc", "1.2+123abc456", "1.2+abc", "1.2+abc123", "1.2+abc123def",
    "1.1.dev1", "7!1.0.dev456", "7!1.0a1", "7!1.0a2.dev456", "7!1.0a12.dev456",
    "7!1.0a12", "7!1.0b1.dev456", "7!1.0b2", "7!1.0b2.post345.dev456",
    "7!1.0b2.post345", "7!1.0rc1.dev456", "7!1.0rc1", "7!1.0",
    "7!1.0.post456.dev34", "7!1.0.post456", "7!1.0.1", "7!1.0.2", "7!1.0.3+7",
    "7!1.0.4+8.0", "7!1.0.5+9.5", "7!1.1.dev1",
]

PKG_ACCESSOR = [
    "1.0", "1.0.dev0", "1.0.dev6", "1.0a1", "1.0a1.post5", "1.0a1.post5.dev6",
    "1.0rc4", "1.0.post5", "1!1.0", "1!1.0.dev6", "1!1.0a1", "1!1.0a1.post5",
    "1!1.0a1.post5.dev6", "1!1.0rc4", "1!1.0.post5", "1.0+deadbeef",
    "1.0.dev6+deadbeef", "1.0a1+deadbeef", "1.0a1.post5+deadbeef",
    "1.0a1.post5.dev6+deadbeef", "1.0rc4+deadbeef", "1.0.post5+deadbeef",
    "1!1.0+deadbeef", "1!1.0.dev6+deadbeef", "1!1.0a1+deadbeef",
    "1!1.0a1.post5+deadbeef", "1!1.0a1.post5.dev6+deadbeef", "1!1.0rc4+deadbeef",
    "1!1.0.post5+deadbeef", "1.0.dev1", "1.0a1.dev1", "1.0b1.dev1", "1.0c1.dev1",
    "1.0rc1.dev1", "1.0b1", "1.0c1", "1.0rc1", "1.0a1.post1.dev1",
    "1.0b1.post1.dev1", "1.0c1.post1.dev1", "1.0rc1.post1.dev1", "1.0a1.post1",
    "1.0b1.post1", "1.0c1.post1", "1.0rc1.post1", "1.0+dev", "1.0.post1",
    "1.0.post1+dev", "1.0+foo", "1.0.post1.dev1", "2.1.0", "2", "2.1.3", "2.1",
    "1.2.3a1.post2.dev3+local", "1!1.2.3a1.post2.dev3+local", "1.2.3+local",
]

# tests/test_specifiers.py
PKG_SPECIFIERS = ["~=2.0", "==2.1.*", "==2.1.0.3", "!=2.2.*", "!=2.2.0.5", "<=5",
                  ">=7.9a1", "<1.0.dev1", ">2.0.post1"]
PKG_INVALID_SPECIFIERS = [
    "2.0", "=>2.0", "==", "~=1.0+5", ">=1.0+deadbeef", "<=1.0+abc123",
    ">1.0+watwat", "<1.0+1.0", "~=1.0.*", ">=1.0.*", "<=1.0.*", ">1.0.*",
    "<1.0.*", "==1.0.*+5", "!=1.0.*+deadbeef", "==2.0a1.*", "!=2.0a1.*",
    "==2.0.post1.*", "!=2.0.post1.*", "==2.0.dev1.*", "!=2.0.dev1.*", "==1.0+5.*",
    "!=1.0+deadbeef.*", "==1.0.*.5", "~=1", "==1.0.dev1.*", "!=1.0.dev1.*",
    "==1.2+\u0130", "==1.2+\u0130\u0131\u017fK",
]
PKG_SPEC_STR = ["!=2.0", "<2.0", "<=2.0", "==2.0", ">2.0", ">=2.0", "~=2.0", "< 2",
                "!=2.0,>1.0", "!=2.0 ,>1.0", "==2.8.0", "==2.8", ">1.0.0,>1.0",
                ">2.0,<5.0", ">=2.0,<3,==2.4", "", "==1.0,==1.0.0", "~=1.18.0,~=1.18"]

# (version, spec) from test_specifiers (Specifier contains tables)
PKG_SPEC_CONTAINS = [
    ("2.0", "==2"), ("2.0", "==2.0"), ("2.0", "==2.0.0"), ("2.0+deadbeef", "==2"),
    ("2.0+deadbeef", "==2.0"), ("2.0+deadbeef", "==2.0.0"),
    ("2.0+deadbeef", "==2+deadbeef"), ("2.0+deadbeef", "==2.0+deadbeef"),
    ("2.0+deadbeef", "==2.0.0+deadbeef"), ("2.0+deadbeef.0", "==2.0.0+deadbeef.00"),
    ("2.dev1", "==2.*"), ("2a1", "==2.*"), ("2a1.post1", "==2.*"), ("2b1", "==2.*"),
    ("2b1.dev1", "==2.*"), ("2c1", "==2.*"), ("2c1.post1.dev1", "==2.*"),
    ("2c1.post1.dev1", "==2.0.*"), ("2rc1", "==2.*"), ("2rc1", "==2.0.*"),
    ("2", "==2.*"), ("2", "==2.0.*"), ("2", "==2.0.0.*"), ("2", "==0!2.*"),
    ("0!2", "==2.*"), ("2.0", "==2.*"), ("2.0.0", "==2.*"), ("2.0.0.0", "==2.0.*"),
    ("2.1+local.version", "==2.1.*"), ("2.1", "!=2"), ("2.1", "!=2.0"),
    ("2.0.1", "!=2"), ("2.0.1", "!=2.0"), ("2.0.1", "!=2.0.0"),
    ("2.0", "!=2.0+deadbeef"), ("2.0", "!=3.*"), ("2.1", "!=2.0.*"),
    ("3", "!=2.0.0.*"), ("2.1.0.0", "!=2.0.*"), ("2.0", ">=2"), ("2.0", ">=2.0"),
    ("2.0", ">=2.0.0"), ("2.0.post1", ">=2"), ("2.0.post1.dev1", ">=2"),
    ("3", ">=2"), ("3.0.0a8", ">=3.0.0a7"), ("2.0", "<=2"), ("2.0", "<=2.0"),
    ("2.0", "<=2.0.0"), ("2.0.dev1", "<=2"), ("2.0a1", "<=2"), ("2.0a1.dev1", "<=2"),
    ("2.0b1", "<=2"), ("2.0b1.post1", "<=2"), ("2.0c1", "<=2"),
    ("2.0c1.post1.dev1", "<=2"), ("2.0rc1", "<=2"), ("1", "<=2"),
    ("3.0.0a7", "<=3.0.0a8"), ("3", ">2"), ("2.1", ">2.0"), ("2.0.1", ">2"),
    ("2.1.post1", ">2"), ("2.1+local.version", ">2"), ("3.0.0a8", ">3.0.0a7"),
    ("1", "<2"), ("2.0", "<2.1"), ("2.0.dev0", "<2.1"), ("3.0.0a7", "<3.0.0a8"),
    ("1", "~=1.0"), ("1.0.1", "~=1.0"), ("1.1", "~=1.0"), ("1.9999999", "~=1.0"),
    ("1.1", "~=1.0a1"), ("2022.01.01", "~=2022.01.01"), ("2!1.0", "~=2!1.0"),
    ("2!1.0", "==2!1.*"), ("2!1.0", "==2!1.0"), ("2!1.0", "!=1.0"),
    ("2!1.0.0", "==2!1.0.0.0.*"), ("2!1.0.0", "==2!1.0.*"), ("2!1.0.0", "==2!1.*"),
    ("1.0", "!=2!1.0"), ("1.0", "<=2!0.1"), ("2!1.0", ">=2.0"), ("1.0", "<2!0.1"),
    ("2!1.0", ">2.0"), ("2.0.5", ">2.0dev"), ("1.0+local", ">1.0.dev1"),
    ("4.1.0a2.dev1235+local", ">4.1.0a2.dev1234"), ("1.0a2+local", ">1.0a1"),
    ("1.0b2+local", ">1.0b1"), ("1.0rc2+local", ">1.0rc1"),
    ("1.0.post2+local", ">1.0.post1"), ("1.0.dev2+local", ">1.0.dev1"),
    ("1.0a1.dev2+local", ">1.0a1.dev1"), ("1.0.post1.dev2+local", ">1.0.post1.dev1"),
    ("2.1", "==2"), ("2.1", "==2.0"), ("2.1", "==2.0.0"), ("2.0", "==2.0+deadbeef"),
    ("2.0", "==3.*"), ("2.1", "==2.0.*"), ("3", "==2.0.0.*"), ("2.1.0.0", "==2.0.*"),
    ("2.0", "!=2"), ("2.0", "!=2.0"), ("2.0", "!=2.0.0"), ("2.0+deadbeef", "!=2"),
    ("2.0+deadbeef", "!=2.0"), ("2.0+deadbeef", "!=2.0.0"),
    ("2.0+deadbeef", "!=2+deadbeef"), ("2.0+deadbeef", "!=2.0+deadbeef"),
    ("2.0+deadbeef", "!=2.0.0+deadbeef"), ("2.0+deadbeef.0", "!=2.0.0+deadbeef.00"),
    ("2.dev1", "!=2.*"), ("2a1", "!=2.*"), ("2a1.post1", "!=2.*"), ("2b1", "!=2.*"),
    ("2b1.dev1", "!=2.*"), ("2c1", "!=2.*"), ("2c1.post1.dev1", "!=2.*"),
    ("2c1.post1.dev1", "!=2.0.*"), ("2rc1", "!=2.*"), ("2rc1", "!=2.0.*"),
    ("2", "!=2.*"), ("2", "!=2.0.*"), ("2", "!=2.0.0.*"), ("2.0", "!=2.*"),
    ("2.0.0", "!=2.*"), ("2.0.0.0", "!=2.0.*"), ("2.0.dev1", ">=2"), ("2.0a1", ">=2"),
    ("2.0a1.dev1", ">=2"), ("2.0b1", ">=2"), ("2.0b1.post1", ">=2"), ("2.0c1", ">=2"),
    ("2.0c1.post1.dev1", ">=2"), ("2.0rc1", ">=2"), ("1", ">=2"),
    ("2.0.post1", "<=2"), ("2.0.post1.dev1", "<=2"), ("3", "<=2"), ("1", ">2"),
    ("2.0.dev1", ">2"), ("2.0a1", ">2"), ("2.0a1.post1", ">2"), ("2.0b1", ">2"),
    ("2.0b1.dev1", ">2"), ("2.0c1", ">2"), ("2.0c1.post1.dev1", ">2"),
    ("2.0rc1", ">2"), ("2.0", ">2"), ("2.0.post1", ">2"), ("2.0.post1.dev1", ">2"),
    ("2.0+local.version", ">2"), ("4.1.0a2.dev1234+local", ">4.1.0a2.dev1234"),
    ("1.0a1+local", ">1.0a1"), ("1.0b1+local", ">1.0b1"), ("1.0rc1+local", ">1.0rc1"),
    ("1.0.post1+local", ">1.0.post1"), ("1.0.dev1+local", ">1.0.dev1"),
    ("1.0a1.dev1+local", ">1.0a1.dev1"), ("1.0.post1.dev1+local", ">1.0.post1.dev1"),
    ("2.0.dev1", "<2"), ("2.0a1", "<2"), ("2.0a1.post1", "<2"), ("2.0b1", "<2"),
    ("2.0b2.dev1", "<2"), ("2.0c1", "<2"), ("2.0c1.post1.dev1", "<2"),
    ("2.0rc1", "<2"), ("2.0", "<2"), ("2.post1", "<2"), ("2.post1.dev1", "<2"),
    ("3", "<2"), ("2.0", "~=1.0"), ("1.1.0", "~=1.0.0"), ("1.1.post1", "~=1.0.0"),
    ("1.0", "~=2!1.0"), ("2!1.0", "~=1.0"), ("2!1.0", "==1.0"), ("1.0", "==2!1.0"),
    ("2!1.0", "==1.0.0.*"), ("1.0", "==2!1.0.0.*"), ("2!1.0", "==1.*"),
    ("1.0", "==2!1.*"), ("2!1.0", "!=2!1.0"),
    ("not a valid version", "==1.0"), ("not a valid version", "==1.*"),
    ("not a valid version", ">=1.0"), ("not a valid version", ">1.0"),
    ("not a valid version", "<=1.0"), ("not a valid version", "<1.0"),
    ("not a valid version", "~=1.0"), ("not a valid version", "!=1.0"),
    ("not a valid version", "!=1.*"), ("invalid", "===invalid"),
    ("invalid", "===foobar"), ("1.0.dev1", ">1.0"), ("2.0.dev1", ">1.0"),
    ("2.0a1", ">=2.0.dev1"), ("2.0a1", ">1.0"), ("2.0b1", ">1.0"),
    ("2.0rc1", ">1.0"), ("2.0.dev1", "==2.0.*"), ("0.9.dev1", "<1.0.dev1"),
    ("1.1.dev1", ">1.0.dev1"),
    ("1.0.0", "===1.0"), ("1.0.dev0", "===1.0"), ("1.0", "===1.0"),
    ("1.0.dev0", "===1.0.dev0"), ("1.0+downstream1", "===1.0"),
    ("1.0", "===1.0+downstream1"), ("foobar", "===foobar"), ("foobar", "===baz"),
    ("1.0a1", "===1.0a1"), ("1.0A1", "===1.0A1"), ("1.0a1", "===1.0A1"),
    ("1.0A1", "===1.0a1"), ("1.0.POST1", "===1.0.post1"), ("1.0.DEV1", "===1.0.dev1"),
    ("1.0+LOCAL", "===1.0+local"), ("1.0+ABC.DEF", "===1.0+abc.def"),
    ("1.0+AbC", "===1.0+abc"), ("1.0A1.POST2.DEV3", "===1.0a1.post2.dev3"),
    ("lolwat", "===LOLWAT"), ("LoLWaT", "===lOlwAt"), ("1.01", "===1.1"),
    ("1.1", "===1.01"), ("1.01", "===1.01"), ("1.a1", "===1.a1"), ("1.a1", "===1a1"),
    ("1a1", "===1.a1"), ("0!1.0", "===0!1.0"), ("1.0", "===0!1.0"),
    ("0!1.0", "===1.0"), ("01.0", "===01.0"), ("1.0-1", "===1.0-1"),
    ("1.0.post1", "===1.0-1"), ("1.0.dev01", "===1.0.dev01"),
    ("1.0.dev1", "===1.0.dev01"),
    ("2.0.dev1", ">=1.0"), ("2.0a1.dev1", "==2.0.*"), ("1.0.dev1", "<=2.0"),
    ("1.0a1", "<=2.0.dev1"), ("2.0a1", "<2.0"), ("2.0a1", "<2.0a2"),
    ("1.0.dev0", ">1.0.dev1"), ("1.0.dev2", ">1.0.dev1"), ("1.0.post0", ">1.0.dev1"),
    ("1.0.post1", ">1.0.dev1"), ("1.0.post0", ">1.0.dev0"), ("1.0.post0", ">1.0a1"),
    ("1.0.post0", ">1.0b1"), ("1.0.post0", ">1.0rc1"), ("1.0a1.post0", ">1.0a1"),
    ("1.0b2.post0", ">1.0b2"), ("1.0rc1.post0", ">1.0rc1"), ("1.0a2.post0", ">1.0a1"),
    ("1.0b2.post0", ">1.0b1"), ("1.0", ">1.0.dev1"), ("1.0a1", ">1.0.dev1"),
    ("1.1", ">1.0.dev1"), ("1.0.post0", ">1.0"), ("1.0.post1", ">1.0"),
    ("2.0.post0", ">1.0"), ("0.9.post0", ">1.0"), ("1.1.post0", ">1.0.dev1"),
    ("0.9.post0", ">1.0.dev1"), ("1.0.post1.dev0", "<1.0.post1"),
    ("1.0.post0.dev0", "<1.0.post0"), ("1.0.dev0", "<1.0.post1"),
    ("1.0a1", "<1.0.post1"), ("1.0rc1", "<1.0.post1"), ("1.0.dev0", "<1.0.post0"),
    ("1.0a1", "<1.0.post0"), ("1.0b1", "<1.0.post0"), ("1.0rc2", "<1.0.post0"),
    ("1.0.post0.dev0", "<1.0.post1"), ("1.0.post1.dev0", "<1.0.post2"),
    ("1.0", "<1.0.post1"), ("1.0.post0", "<1.0.post1"), ("0.9", "<1.0.post1"),
    ("1.0", "<1.0.post0"), ("1.0.dev0", "<1.0.post10"), ("1.0.post9.dev0", "<1.0.post10"),
    ("1.0.post9", "<1.0.post10"), ("1.0+local", "<1.0.post1"),
    ("1.0.post0+local", "<1.0.post1"), ("0.9.dev0", "<1.0.post1"),
    ("1.0.dev1", "<=2.0a1"), ("1.1.0.dev1", "~=1.0"), ("1.1.0a1", "~=1.0"),
    ("1.1.0b1", "~=1.0"), ("1.1.0rc1", "~=1.0"), ("1.1.0.post1.dev1", "~=1.0"),
    ("1.5.0a1", "==1.*"), ("2.0.dev1", ">=1.0,<3.0"), ("2.0.dev1", "!=2.0"),
    ("3.0.0.dev1", "~=1.0"), ("1.9.0.dev1", ">=2.0"), ("1.0.0.dev1", ">=1.0"),
    ("1.0.0.dev1", "<=1.0"), ("1.0.0.dev1", "<1.0"), ("0.9.0.dev1", "<1.0"),
    ("1.0.0.dev1", ">=1.0.dev1"), ("1.0.0.dev1", "==1.0.0.dev1"), ("1.1.0", "~=1.0"),
    ("1.0.0+local", "==1.0.0"), ("1.0.0+local", "!=1.0.0"), ("1.0.0+local", "<=1.0.0"),
    ("1.0.0+local", ">=1.0.0"), ("1.0.0+local", "<1.0.0"), ("1.0.0+local", ">1.0.0"),
    ("1.19.5", "~=1.18.0,~=1.18"), ("1.18.0", "~=1.18.0,~=1.18"),
    ("foo", "===foobar"), ("bar", "===foobar"), ("foobar", "===foobar,!=1.0"),
    ("1.0", "===foobar,!=1.0"), ("foobar", ">=1.0,===foobar"), ("1.5", ">=1.0,===1.5"),
    ("1.5", ">=2.0,===1.5"), ("2.5", ">=1.0,===2.5"), ("invalid", "!=1.0"),
    ("foobar", "!=1.0"), ("invalid", "!=2.0.*"), ("invalid", "!=1.0,!=2.0"),
    ("foobar", ">=1.0,!=2.0"), ("1.5", ">=1.0,!=2.0"), ("1.01", ">=1.0,===1.01"),
    ("1.1", ">=1.0,===1.1"), ("1.01", ">=1.0,===1.1"), ("foobar", ""),
    ("1.0.dev1", ""), ("2", ">1.2.3"), ("2", "!=1.2.3"), ("2", "<=1.2.3"),
    ("1.0a1", "===1.0a1"),
]

# SpecifierSet contains tables with several members (exclusionary bridges etc.)
PKG_SET_CONTAINS = [
    (">=1,!=1.*,!=2.*,!=3.0,<=3.0", ["3.0.dev0", "3.0a1", "0.9", "1.0", "2.0", "3.0", "4.0"]),
    (">=1.0a1,!=1.*,!=2.*,<3.0", ["1.0a1", "2.0a1", "3.0a1"]),
    (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", ["1.0.dev0", "2.0.dev0", "3.0.dev0"]),
    (">=1.0,!=1.0,!=1.1,<2.0", ["1.0.post1", "1.1.post1", "1.0", "1.1", "2.0"]),
    (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", ["3.0.dev0", "3.1.dev0", "0.5", "3.0", "3.1", "5.0"]),
    (">=1.0a1,!=1.0,<1.1", ["1.0a1", "1.0b1", "0.9", "1.0", "1.1", "1.1.dev0", "1.1a1"]),
    (">=0.9,!=0.9,<=1.0", ["0.9.post1", "1.0", "1.0.dev0", "1.0a1", "1.0.post1"]),
    (">=1!0,!=1!1.*,!=1!2.*,<1!3", ["1!0.5", "1!2.5", "0!5.0", "2!0.0"]),
    (">1.0.dev1,==1.0.post0", ["1.0.post0"]), (">1.0.dev1,==1.0.post1", ["1.0.post1"]),
    (">1.0a1,==1.0.post0", ["1.0.post0"]), (">1.0.dev1,<=2.0", ["1.0.post0", "1.0"]),
    (">1.0a1,<=2.0", ["1.0a1.post0"]), (">1.0.dev1,<=1.0.post1", ["1.0.post0", "1.0.post1", "1.0"]),
    (">1.0.dev1,!=1.0,<=2.0", ["1.0.post0"]), (">1.0.dev1,!=1.0,!=1.0.post0,<=2.0", ["1.0.post1"]),
    ("==1.0.dev0,<1.0.post1", ["1.0.dev0"]), ("==1.0a1,<1.0.post0", ["1.0a1"]),
    ("==1.0.post0.dev0,<1.0.post1", ["1.0.post0.dev0"]),
    (">=1.0,<1.0.post1", ["1.0", "1.0.post0", "1.0.dev0"]),
    (">=1.0.dev0,<1.0.post1", ["1.0.dev0", "1.0.a1", "1.0.post0.dev0"]),
    (">=1.0.dev0,<1.0.post1,!=1.0,!=1.0.post0", ["1.0.dev0", "1.0.post0.dev0"]),
    (">=1.0.dev0,<1.0.post2,!=1.0,!=1.0.post0", ["1.0.post1"]),
    (">=1.0.dev0,<1.0.post2,!=1.0", ["1.0.post0"]),
    (">=1.0,<2.0", ["1.5a1", "1.5b1", "1.5rc1", "1.5"]),
    (">=1.0", ["1.0.dev1", "2.0.dev1", "not a valid version"]),
    ("==1.*", ["1.0.dev1"]), ("!=2.0", ["1.0.dev1"]), ("==2.0.dev1", ["2.0.dev1"]),
    ("==1.0.*", ["1.0.dev1"]), (">=1.0a1", ["1.0a1"]), ("<1.0.dev1", ["0.9.dev0"]),
    (">=" + "1" * 4000, ["1.0", "2"]), (">=1.0a" + "1" * 4000, ["1.0", "1.0a2"]),
]

PKG_FILTER = [
    (">=1.0.dev1", ["1.0", "2.0a1"]), (">=1.2.3", ["1.2", "1.5a1"]),
    (">=1.2.3", ["1.3", "1.5a1"]), (">=1.0", ["2.0a1"]),
    ("!=2.0a1", ["1.0a2", "1.0", "2.0a1"]), ("==2.0a1", ["2.0a1"]),
    (">2.0a1", ["2.0a1", "3.0a2", "3.0"]), ("<2.0a1", ["1.0a2", "1.0", "2.0a1"]),
    ("~=2.0a1", ["1.0", "2.0a1", "3.0a2", "3.0"]), (">=1.0", ["1.0", "2.0a1"]),
    (">=1.0", ["not a valid version"]), (">=1.0", ["1.0", "not a valid version"]),
    ("===foobar", ["foobar", "foo", "bar"]), ("===foobar", ["foo", "bar"]),
    ("===1.0", ["1.0", "1.0.0", "2.0"]), ("===1.0", ["1.0", "1.0+downstream1"]),
    ("===foobar", ["foobar", "1.0", "2.0a1", "invalid"]),
    ("===1.0", ["1.0", "foobar", "invalid", "1.0.0"]), ("!=1.0", ["invalid", "foobar"]),
    ("!=1.0", ["1.0", "invalid", "2.0"]), ("!=2.0.*", ["invalid", "foobar", "2.0"]),
    ("!=2.0.*", ["1.0", "invalid", "2.0.0"]), ("===foobar", ["foobar", "foo"]),
    ("===1.01", ["1.01", "1.1", "1.0.1"]), ("===1.1", ["1.01", "1.1"]),
    ("===1.a1", ["1.a1", "1a1"]), ("===1a1", ["1.a1", "1a1"]),
    (">=2.0", ["1.0", "2.1a1"]), ("", ["1.0", "2.0a1"]), ("", ["1.0a1"]),
    ("", ["foobar"]), ("", ["foobar", "1.0"]), ("", ["foobar", "1.0a1"]),
    ("", ["1.0a1", "foobar", "1.0", "2.0a1", "bazqux", "2.0"]),
    ("", ["foobar", "1.0", "bazqux", "2.0", "hello"]),
    ("", ["1.0a1", "foobar", "2.0a1", "bazqux", "3.0a1"]),
    (">=1.0,<=2.0", ["1.0", "1.5a1"]), (">=1.0,<=2.0dev", ["1.0", "1.5a1"]),
    ("", ["invalid version"]), ("", ["1.0", "invalid version"]),
    (">=1.0,===foobar", ["foobar", "1.0", "2.0"]), ("!=2.0,===foobar", ["foobar", "2.0", "bar"]),
    (">=1.0,===1.5", ["1.0", "1.5", "2.0"]), (">=2.0,===1.5", ["1.0", "1.5", "2.0"]),
    ("===foobar", ["foobar", "1.0", "invalid", "2.0a1"]),
    (">=1.0,===1.5", ["1.5", "foobar", "invalid"]),
    ("!=1.0,!=2.0", ["invalid", "1.0", "2.0", "3.0"]),
    (">=1.0,!=2.0", ["invalid", "1.0", "2.0", "3.0"]),
    ("===foobar,===foobar", ["foobar", "foo", "bar"]),
    ("==1.*,>=1.0", ["0.9", "1.0", "1.5", "2.0"]),
    (">=1,!=1.*,!=2.*,!=3.0,<=3.0", ["3.0.dev0", "3.0a1"]),
    (">=1,!=1.*,!=2.*,!=3.0,<=3.0", ["0.9", "3.0.dev0", "3.0a1", "4.0"]),
    (">=1.0a1,!=1.*,!=2.*,<3.0", ["1.0a1", "2.0a1", "3.0a1"]),
    (">=1.0.dev0,!=1.*,!=2.*,<3.0.dev0", ["1.0.dev0", "2.0.dev0", "3.0.dev0"]),
    (">=1.0,!=1.0,!=1.1,<2.0", ["1.0.post1", "1.1.post1"]),
    (">=1.0,!=1.0,!=1.1,<2.0", ["0.9", "1.0.post1", "1.1.post1", "2.0"]),
    (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", ["3.0.dev0", "3.1.dev0"]),
    (">=1,!=1.*,!=2.*,!=3.0,!=3.1,<4", ["0.5", "3.0.dev0", "3.1.dev0", "5.0"]),
    (">=1.0a1,!=1.0,<1.1", ["1.0a1", "1.0b1"]),
    (">=1.0a1,!=1.0,<1.1", ["0.9", "1.0a1", "1.0b1", "1.1"]),
    (">=1.0a1,!=1.0,<1.1", ["1.0a1", "1.0b1", "1.1.dev0", "1.1a1"]),
    (">=0.9,!=0.9,<=1.0", ["0.9.post1", "1.0.dev0", "1.0a1", "1.0"]),
    (">=0.9,!=0.9,<=1.0", ["0.9.post1", "1.0.dev0", "1.0a1", "1.0", "1.0.post1"]),
    (">=0.9,!=0.9,<=1.0", ["0.9.post1", "1.0.dev0", "1.0a1", "1.0", "1.1"]),
    (">=1!0,!=1!1.*,!=1!2.*,<1!3", ["1!0.5", "1!2.5"]),
    (">=1!0,!=1!1.*,!=1!2.*,<1!3", ["0!5.0", "1!0.5", "1!2.5", "2!0.0"]),
    ("===1.0,===1.0.0", ["1.0", "1.0.0"]), ("===1.0.0,===1.0", ["1.0.0", "1.0"]),
    ("===1.0,===1.0+local", ["1.0", "1.0+local"]), ("===1.0+local,===1.0", ["1.0+local", "1.0"]),
    (">=1.0,>=1.0,<2.0", ["0.5", "1.0", "1.5", "2.0", "2.5"]),
    ("<2.0,!=1.5,>=1.0", ["0.5", "1.0", "1.5", "1.9", "2.0"]),
    ("!=1.0,>=1.0", ["1.0", "1.0.post1", "1.1"]),
    (">1.0,!=1.0.post1", ["1.0", "1.0.post1", "1.0.post2", "1.1"]),
    ("!=1.5", ["1.4", "1.6a1"]), ("!=1.5", ["1.6a1", "1.4"]), ("===wat", ["wat", "wat"]),
    ("===1.0a1", ["1.0a1", "0.9"]), ("===1.0a1", ["1.0a1"]), (">=1.5", ["1.0", "2.0", "3.0"]),
    (">=1.0", ["0.9", "1.0", "1.1", "2.0"]), ("==1.0+local", ["1.0", "1.0+local", "1.0+other", "1.1"]),
    (">=1!1.0", ["0!2.0", "1!0.9", "1!1.0", "1!1.1"]),
    ("==1.0.*", ["0.9", "1.0", "1.0.1", "1.0a1", "1.0.dev1", "1.0.post1", "1.0+local"]),
    ("!=1.0.*", ["0.9", "1.0", "1.0.1", "1.0a1", "1.0.dev1", "1.0.post1", "1.0+local"]),
    ("~=1.4.2", ["1.4.2", "1.4.3.dev1", "1.4.3a1", "1.4.3", "1.4.3.post1", "1.4.3+local",
                 "1.4.1", "1.4.1.post1", "1.5.0.dev0", "1.5.0a1", "1.5.0", "2.0", "2.0+local"]),
]

PKG_UNSAT = [
    ">=2.0,<1.0", ">=2.0,<2.0", ">2.0,<=2.0", ">2.0,<2.0", "==1.0,!=1.0", "==1.0,>1.0",
    "==1.0,<1.0", "==1.0,>=2.0", "==3.0,<2.0", "==1.*,>=2.0", "==2.*,<2.0.dev0",
    "==3.*,<3.0.dev0", "==1.0.*,!=1.0.*", "==1.0,!=1.*", "~=2.0,<2.0", "~=2.0,>=3.0",
    "~=2.5,<2.5", "~=1.0,>=2.0", "~=1.4.2,<1.4.2", ">=1.0,<=1.0,!=1.0", "==1!1.0,==1.0",
    ">=1!1.0,<1.0", ">=1!0.0,<1.0", "<0", "<0.0", "<0.0.dev0", ">=1.0,<0.0.dev0",
    ">=1.0a1,<1.0", ">=1.0.dev0,<1.0", ">=1.0rc1,<1.0", ">=1.0.post1,<1.0.post1",
    ">=1.0.post1.dev0,<1.0.post1", ">1.0,<1.0.post0", ">1.0,<1.0.post1",
    ">1.0.post0,<1.0.post1", ">=1.0.dev5,<1.0.dev3", "==1.0.dev0,>1.0.dev0",
    "==1.0a1,>1.0a1", "==1.0.post1,>1.0.post1", ">1.0a1,<1.0a1.post1",
    "~=1.0.dev0,>=2.0", "~=1.0a1,>=2.0", ">=1.0,<2.0,!=1.*", "~=1.4.2,!=1.4.*",
    "==1.0+local,!=1.0+local", "===a,===b", "===1.0,===2.0", "===foobar,==1.0",
    "===foobar,>=1.0", "===a,!=1.0", "===not-a-version,~=1.0", "===foobar,>=2.0,<3.0",
    "===1.0,>=2.0", "===1.0,!=1.0", "===1.0,>1.0", "===1.01,==1.0", "==1.0.*,==1.1.*",
    "==1.*,==2.*", "~=1.0,~=2.0", "~=1.4.2,~=1.5.0", "==1.0+local1,!=1.0",
    ">=1.0,<1.1,!=1.0.*", "!=1.*,!=2.*,>=1.0,<3.0", "~=1.0,!=1.*", ">1.0a1,<1.0a1.post2",
    ">0.dev0,<0.dev1", "~=1.0a1,<1.0", "~=1.0.dev5,<1.0", ">1.0.post0.dev0,<1.0.post0",
    "~=1.2.3.4.5,>=1.2.3.5", "==1.1.dev0,<1.0.post1",
    ">=1.0", "<2.0", ">1.0", ">=1.0,<2.0", ">=1.0,<=1.0", ">=1.0,<100.0", "~=1.0",
    "~=1.0,<1.5", "~=1.4.2", "==1.0.*", "!=1.0.*", "==1.*,!=1.5", "==1.0.*,==1.*",
    "!=1.*,>=2.0", ">=1.0,<2.0,!=1.5,!=1.6", ">=1.0,<2.0,!=1.0,!=1.1,!=1.2,!=1.3,!=1.4",
    "==1.0", "!=1.0", ">=1.0.dev0,<1.0.dev1", ">=1.0a1,<1.0a2", ">1.0a1,<1.0a2",
    ">=1.0a1,<1.0b1", ">=1.0b1,<1.0rc1", ">1.0.post0,<1.0.post2", ">1.0.post0,<1.0.post3",
    ">=1.0a1.dev0,<1.0a1", ">=1!1.0,<1!2.0", ">1!1.0,<1!3.0", ">=1.0,<3.0,!=2.*",
    ">=3.8,!=3.9.*,!=3.10.0,!=3.10.1,~=3.10.2,<3.14", "<1.0.dev1", ">1!1.0", "<1!2.0",
    ">1.0,<3.0", ">1.0,>2.0", "<2.0,<3.0", ">1.0.post0", ">1.0.post1,<2.0",
    "==1.0+local1,>=1.0", "!=1.0+local1,>=1.0", "==1.0,>=0.5", "==1.0,!=0.5",
    "==1.0,<=2.0", "==1.0+local1,!=1.0+local2", "==1.0+local1,==1.0",
    "==1.0+local1,<=1.0", "==1.0+local,>=1.0,<=1.0", "==1.0.post1+local,<=1.0.post1",
    ">1.0,!=0.5", ">=1.0,<2.0rc1", ">=0.5,!=1.0.*", "~=1.0,!=1.3", ">=1!0.0,<1!1.0",
    "===foobar", "===1.0", "===1.0a1", "===1.01", "===1.0,==1.0", "===1.0,>=1.0",
    "===1.0,>=0.5", "===1.0,!=2.0", "===1.0.0,>=1.0", "===1.01,>=1.0", "===1.01,==1.1",
    "===FOOBAR,===foobar", "===FooBar,===FOOBAR", ">=1.0,<1.0.post0", ">=1.0,<1.0.post1",
    ">=0,<1.0.post0,!=1.0", "==1.0rc1,<1.0.post0", "===v1.0,>=1.0", "===1.0-1,>=1.0",
    "~=1.0.post1,>=1.0", ">=1.0,<1.0.post0.dev1", ">=1.0a1,<1.0a2,!=1.0a1",
    ">1.0a1,<1.0b1", ">=1.0,<2.0,!=1.0.*,!=1.1.*", "~=1.0.dev0,<1.0.post0",
    "~=1.0a1,<1.0.post0", ">=1.0.dev0,<1.0", ">=1.0rc1,<1.0", "==1.0.dev0", "==1.0a1",
    "==1.0a1.post0", "==1.0.post0.dev0", "==0.dev0", ">=1.0.dev0,<1.0.dev5",
    ">1.0a1,<1.0a3", ">=1.0rc1,<=1.0,!=1.0", ">=1.0.dev0,<=1.0,!=1.0",
    ">=1.0.dev0,<=1.0.post0,!=1.0,!=1.0.post0", "==1!1.0.dev0", ">=1!1.0a1,<1!1.0",
    "===1.0.dev0", ">=1.0.dev0,<2.0", "==1.0.post0", ">=1.0.dev0,<1.0.post1", "==1.0+local",
    "~=1.0.dev0", ">=1.0rc1,<=1.0.post0,!=1.0", ">=1.0rc1,<=1.0", ">=1.0.dev0,<=1.0",
    ">0.5", "<=2.0", "<3.0", "==1.5", "!=1.5", "!=1.0+local", "~=1.2.3", "===wat",
    ">=3.8,!=3.9.*,!=3.10.0,!=3.10.1,~=3.10.2,<3.14,!=3.11.0", "~=1.0,!=1.1",
    ">=1.0.dev1,<2.0", ">=1.0,<2.0,!=1.5", "<1.0.post1", "===lolwat",
]

# 26.2 benchmark-style real-world specifier sets
REAL_SPECS = [
    ">=3.9,<=3.10", ">=1.21.0", "<2,>=1.26.4", ">=2.8.1,==2.8.*", "~=3.10",
    ">=1.4.4,<2", "!=3.0.*,!=3.1.*,!=3.2.*,!=3.3.*,>=2.7", ">=0.23.0,<0.24", "==2024.1.1",
    ">=7.0,<9", "~=1.18.0", ">=20.0.0", "<0.4.0,>=0.3.0", "!=1.24.0,>=1.22.4",
    "==5.*", ">=3.7,<4.0", ">2.0,<5.0", ">=1.7,!=1.7.3,<2", ">=2.0.0a1", "==0.*",
    ">=4.2.11,<5.0", "~=2.31", ">=1.0.0.post1", ">=2022.12.7", "<3.13,>=3.8.1",
]

# tests/test_markers.py
MK_VARIABLES = ["extra", "implementation_name", "implementation_version", "os_name",
                "platform_machine", "platform_release", "platform_system",
                "platform_version", "python_full_version", "python_version",
                "platform_python_implementation", "sys_platform"]
MK_PEP345 = ["os.name", "sys.platform", "platform.version", "platform.machine",
             "platform.python_implementation"]
MK_SETUPTOOLS = ["python_implementation"]
MK_OPERATORS = ["===", "==", ">=", "<=", "!=", "~=", ">", "<", "in", "not in"]
MK_VALUES = ["1.0", "5.6a0", "dog", "freebsd", "literally any string can go here",
             "things @#4 dsfd ((("]

PKG_MARKER_MISC = [
    ("this_isnt_a_real_variable >= '1.0'", None), ("python_version", None),
    ("(python_version)", None), ("python_version >= 1.0 and (python_version)", None),
    ('(python_version == "2.7" and os_name == "linux"', None),
    ('(python_version == "2.7") with random text', None),
    ('os_name == "C:\\"', None), ('os_name == "\\x"', None),
    ("python_version == '2.7'", None), ('python_version == "2.7"', None),
    ('python_version == "2.7" and os_name == "linux"', None),
    ('python_version == "2.7" or os_name == "linux"', None),
    ('python_version == "2.7" and os_name == "linux" or sys_platform == "win32"', None),
    ('(python_version == "2.7")', None),
    ('(python_version == "2.7" and sys_platform == "win32")', None),
    ('python_version == "2.7" and (sys_platform == "win32" or sys_platform == "linux")', None),
    ('"2.7.9" < python_full_version', {"python_full_version": "2.7.10"}),
    ('"2.7.9" < python_full_version', {"python_full_version": "2.7.8"}),
    ('"b" < python_full_version', {"python_full_version": "c"}),
    ('"b" < python_full_version', {"python_full_version": "a"}),
    ('"b" > "a"', {"a": "a"}), ('"b" < "a"', {"a": "a"}), ('"b" >= "a"', {"a": "a"}),
    ('"b" <= "a"', {"a": "a"}), ('"a" <= "a"', {"a": "a"}), ('"a" == "a"', None),
    ("'2.7.0' ~= os_name", None),
    ('python_full_version > "3.6.2"', {"python_full_version": "3.11.0a5"}),
    ('extra == "im_valid"', None), ("os_name == 'posix'", None),
    ("os_name == 'foo'", {"os_name": "foo"}), ("os_name == 'foo'", {"os_name": "bar"}),
    ("'2.7' in python_version", {"python_version": "2.7.5"}),
    ("'2.7' not in python_version", {"python_version": "2.7"}),
    ("os_name == 'foo' and python_version ~= '2.7.0'", {"os_name": "foo", "python_version": "2.7.6"}),
    ("python_version ~= '2.7.0' and (os_name == 'foo' or os_name == 'bar')", {"os_name": "foo", "python_version": "2.7.4"}),
    ("python_version ~= '2.7.0' and (os_name == 'foo' or os_name == 'bar')", {"os_name": "bar", "python_version": "2.7.4"}),
    ("python_version ~= '2.7.0' and (os_name == 'foo' or os_name == 'bar')", {"os_name": "other", "python_version": "2.7.4"}),
    ("extra == 'security'", {"extra": "quux"}), ("extra == 'security'", {"extra": "security"}),
    ("extra == 'SECURITY'", {"extra": "security"}), ("extra == 'security'", {"extra": "SECURITY"}),
    ("extra == 'pep-685-norm'", {"extra": "PEP_685...norm"}),
    ("extra == 'Different.punctuation..is...equal'", {"extra": "different__punctuation_is_EQUAL"}),
    ("os.name == 'posix'", None), ("sys.platform == 'win32'", {"sys_platform": "linux2"}),
    ("platform.version in 'Ubuntu'", {"platform_version": "#39"}),
    ("platform.machine=='x86_64'", {"platform_machine": "x86_64"}),
    ("platform.python_implementation=='Jython'", {"platform_python_implementation": "CPython"}),
    ("python_version == '2.5' and platform.python_implementation!= 'Jython'", {"python_version": "2.7"}),
    ("python_implementation=='Jython'", {"platform_python_implementation": "CPython"}),
    ("'S_P__A_M' == extra", None), ("extra == 'S_P__A_M'", None),
    ("extra == os_name", None), ("os_name == extra", None),
    ('(extra == "Foo_Bar" or extra == "Baz") and python_version >= "3"', {"extra": "foo-bar", "python_version": "3.12"}),
    ("python_full_version < '3.12'", {"python_full_version": "3.11.1+"}),
    ('extra == "v2"', None), ('extra == "v2"', {"extra": ""}), ('extra == "v2"', {"extra": "v2"}),
    ('extra == "v2"', {"extra": "v2a3"}), ('extra == "v2a3"', {"extra": "v2"}),
    ('extra == "v2a3"', {"extra": "v2a3"}),
    ('python_version >= "3.6"', {"python_version": "3.8", "os_name": "posix"}),
    ('python_version < "3.6" or os_name == "windows"', {"python_version": "3.7", "os_name": "windows"}),
    ('(python_version >= "3.6" and os_name == "posix") and platform_system == "Linux"',
     {"python_version": "3.8", "os_name": "posix", "platform_system": "Linux"}),
    ("python_implementation == ''", None), ("platform_python_implementation == ''", None),
    ("os.name == 'linux'", None), ("'8' in platform.version", None),
    ("'8' not in platform.version", None),
]

# tests/test_requirements.py
REQ_GRID_NAMES = ["package", "pAcKaGe", "Package", "foo-bar.quux_bAz", "installer", "android12"]
REQ_GRID_EXTRAS = [[], ["a"], ["a", "b"], ["a", "B", "CDEF123"]]
REQ_GRID_URL_SPEC = [
    (None, ""), ("https://example.com/packagename.zip", ""),
    ("ssh://user:pass%20word@example.com/packagename.zip", ""),
    ("https://example.com/name;v=1.1/?query=foo&bar=baz#blah", ""),
    ("git+ssh://git.example.com/MyProject", ""),
    ("git+ssh://git@github.com:pypa/packaging.git", ""),
    ("git+https://git.example.com/MyProject.git@master", ""),
    ("git+https://git.example.com/MyProject.git@v1.0", ""),
    ("git+https://git.example.com/MyProject.git@refs/pull/123/head", ""),
    (None, "==={ws}arbitrarystring"), (None, "({ws}==={ws}arbitrarystring{ws})"),
    (None, "=={ws}1.0"), (None, "({ws}=={ws}1.0{ws})"), (None, "=={ws}1.0-alpha"),
    (None, "<={ws}1!3.0.0.rc2"), (None, ">{ws}2.2{ws},{ws}<{ws}3"),
    (None, "(>{ws}2.2{ws},{ws}<{ws}3)"), (None, "~={ws}2.2{ws},{ws}!={ws}2.5.*{ws},"),
]
REQ_GRID_MARKERS = [
    None, "python_version{ws}>={ws}'3.3'",
    '({ws}python_version{ws}>={ws}"3.4"{ws}){ws}and extra{ws}=={ws}"oursql"',
    "sys_platform{ws}!={ws}'linux' and(os_name{ws}=={ws}'linux' or python_version{ws}>={ws}'3.3'{ws}){ws}",
]

PKG_REQS = [
    'name[bar]>=3; python_version == "2.7"', "name@ http://foo.com",
    'name@ http://foo.com ; extra == "feature"', "name", "A", "aa", "foo-bar.quux_baz",
    "foo!", "name>=3", "name==1.0.org1", "name>=1.x.y;python_version=='2.6'", "name (==4)",
    "name>=3,<2", "name >=2, <3", "foobar [quux,bar]", "foo[]", "name @ gopher:/foo/com",
    "name @ file:///absolute/path", "name @ file://.", "name @ file:.", "name @ file:/.",
    "name [fred,bar] @ http://foo.com ; python_version=='2.7'",
    "foo @ https://example.com/name;v=1.1/?query=foo&bar=baz#blah ; python_version=='3.4'",
    "name[quux, strange];python_version<'2.7' and platform_version=='2'",
    "name; os_name=='a' and os_name=='b' or os_name=='c'", "name; foobar=='x'",
    "foobar[quux]<2,>=3; os_name=='a'", "foobar", "foobar @ http://foo.com",
    'something>=1.2.3; sys_platform == "foo"', "aviato>=1.2.3; 'f' in sys_platform",
    "toto 42", "name; python_implementation == ''",
    "name; platform_python_implementation == ''", "name; os.name == 'linux'",
    "name; os_name == 'linux'", "name; '8' in platform.version",
    "name; '8' not in platform.version", "name[]", "name()", "", "==0.0",
    "name[bar baz]", "name[bar, baz,]", "name (>= 1.0", "black (>=20.*) ; extra == 'format'",
    "name[bar, baz >= 1.0", "name[bar, baz", "name @ https://example.com/; extra == 'example'",
    "name; (extra == 'example'", "name @ ", "name; invalid_name", "name; '3.7' <= invalid_name",
    "name; '3.7' notin python_version", "name; '3.6'inpython_version",
    "name; '3.7' not python_version", "name; '3.7' ~ python_version", "name==", "name 1.0",
    "name >= 1.0 #", "packaging>20.1",
    'requests[security, tests]>=2.8.1,==2.8.*;python_version<"2.7"',
    'requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < "2.7"',
    'importlib-metadata; python_version<"3.8"', "importlib-metadata; python_version<'3.8'",
    'appdirs>=1.4.4,<2; os_name=="posix" and extra=="testing"',
    "appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'testing'", "package_one",
    "package_two", "packaging>=20.1", "packaging>21.1", "package>20.1",
    'requests [security,tests] >= 2.8.1 ; python_version < "2.7"',
    "importlib-metadata; python_version<'3.7'",
    "appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'docs'", "packaging>=21.3",
]
for _e in ["", "[a]", "[a,b]", "[a1,b1,b2]"]:
    for _u in ["", "@ https://url ", "!=2.0", "==2.*"]:
        for _m in ["", '; python_version == "3.11"', '; "3." not in python_version']:
            PKG_REQS.append(f"name{_e}{_u}{_m}")

# tests/test_utils.py
PKG_NAMES = ["foo", "Foo", "fOo", "foo.bar", "Foo.Bar", "Foo.....Bar", "foo_bar",
             "foo___bar", "foo-bar", "foo----bar", "_not_legal", "hi\n", "\nhi", "h\ni",
             "hi\r", "\rhi", "h\ri", "some_package", "some-PACKAGE", "foo__bar", "foo#bar",
             "foo_b\u00e1r", "foo-b\u00e1r"]
PKG_CANON = ["1.4.0", "1.40.0", "1.4.0.0.00.000.0000", "1.0", "1.0+abc", "1.0.dev0",
             "1.0.post0", "1.0a0", "1.0rc0", "100!0.0", "lolwat", "1.0.1-test7", "1.x",
             "0.13.0", "1.23.3"]


# ---------------------------------------------------------------------------
# Oracle samples
# ---------------------------------------------------------------------------

def load_samples() -> dict[str, list[dict]]:
    by_op: dict[str, list[dict]] = {}
    with open(SAMPLES, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            try:
                cmd = json.loads(line)
            except ValueError:
                continue
            if not isinstance(cmd, dict):
                continue
            if "impl" in cmd or "installed" in cmd or "id" in cmd:
                continue
            if cmd.get("op") == "marker" and ("context" in cmd or "base_env" in cmd or any(
                    not isinstance(v, str) for v in (cmd.get("env") or {}).values())):
                continue
            by_op.setdefault(cmd.get("op"), []).append(cmd)
    return by_op


# ---------------------------------------------------------------------------
# Version grammar
# ---------------------------------------------------------------------------

PRE_SPELL = {"a": ["a", "alpha"], "b": ["b", "beta"], "rc": ["rc", "c", "pre", "preview"]}
POST_SPELL = ["post", "rev", "r"]
SEPS = ["", ".", "-", "_"]
WS = [" ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u00a0", "\u2003", "\u202f", "\u2029",
      "\u3000", "\x1c", "\x85", " \t\n "]
LOCAL_WORDS = ["local", "ubuntu", "deb", "abc", "g1234abc", "cpu", "cu121", "dirty",
               "post", "dev", "a", "z", "build", "git", "el8", "fc39", "x86", "rc"]


def rand_case(rng: random.Random, s: str) -> str:
    r = rng.random()
    if r < 0.7:
        return s
    if r < 0.85:
        return s.upper()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in s)


def rand_num(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.55:
        return rng.randint(0, 12)
    if r < 0.8:
        return rng.randint(0, 99)
    if r < 0.9:
        return rng.randint(100, 9999)
    if r < 0.95:
        return rng.choice([2023, 2024, 2025, 2026, 20240101, 20240101120000, 202515])
    if r < 0.99:
        return rng.randint(10 ** 9, 10 ** 19)
    return int("9" * rng.randint(20, 60))


def num_text(rng: random.Random, n: int, pad: float = 0.08) -> str:
    s = str(n)
    if rng.random() < pad:
        s = "0" * rng.randint(1, 3) + s
    return s


def rand_model(rng: random.Random, pre=0.3, post=0.2, dev=0.2, local=0.15, epoch=0.1) -> dict:
    nrel = rng.choices([1, 2, 3, 4, 5, 6], weights=[15, 30, 35, 10, 5, 5])[0]
    m = {
        "epoch": rng.choice([1, 1, 2, 3, 10, 2024]) if rng.random() < epoch else 0,
        "release": [rand_num(rng) for _ in range(nrel)],
        "pre": None, "post": None, "dev": None, "local": None,
    }
    if rng.random() < 0.2:
        m["release"] = [rng.choice([2024, 2025, 2026]), rng.randint(1, 12), rng.randint(1, 31)] + \
            ([rng.randint(0, 23)] if rng.random() < 0.3 else [])
    if rng.random() < pre:
        m["pre"] = (rng.choice(["a", "b", "rc"]), rng.choice([0, 0, 1, 1, 2, 3, 5, 10, 99]))
    if rng.random() < post:
        m["post"] = rng.choice([0, 1, 1, 2, 3, 10, 345])
    if rng.random() < dev:
        m["dev"] = rng.choice([0, 0, 1, 2, 5, 456, 20240101])
    if rng.random() < local:
        segs = []
        for _ in range(rng.choices([1, 2, 3, 4], weights=[50, 30, 15, 5])[0]):
            if rng.random() < 0.45:
                segs.append(rng.randint(0, 200))
            else:
                w = rng.choice(LOCAL_WORDS)
                if rng.random() < 0.3:
                    w += str(rng.randint(0, 99))
                segs.append(w)
        m["local"] = segs
    return m


def render(rng: random.Random, m: dict, canonical: bool = False, pad_zeros: bool = False) -> str:
    if canonical:
        s = ""
        if m["epoch"]:
            s += f"{m['epoch']}!"
        s += ".".join(str(x) for x in m["release"])
        if m["pre"]:
            s += f"{m['pre'][0]}{m['pre'][1]}"
        if m["post"] is not None:
            s += f".post{m['post']}"
        if m["dev"] is not None:
            s += f".dev{m['dev']}"
        if m["local"]:
            s += "+" + ".".join(str(x) for x in m["local"])
        return s
    s = ""
    if rng.random() < 0.1:
        s += rng.choice(["v", "V"])
    if m["epoch"] or rng.random() < 0.05:
        s += num_text(rng, m["epoch"]) + "!"
    rel = list(m["release"])
    if pad_zeros and rng.random() < 0.5:
        rel += [0] * rng.randint(1, 3)
    s += ".".join(num_text(rng, x) for x in rel)
    if m["pre"]:
        kind, n = m["pre"]
        s += rng.choice(SEPS) + rand_case(rng, rng.choice(PRE_SPELL[kind]))
        if n == 0 and rng.random() < 0.4:
            pass  # implicit number
        else:
            s += rng.choice(["", "", ".", "-", "_"]) + num_text(rng, n)
    if m["post"] is not None:
        n = m["post"]
        if rng.random() < 0.2:
            s += "-" + num_text(rng, n)
        else:
            s += rng.choice(SEPS) + rand_case(rng, rng.choice(POST_SPELL))
            if not (n == 0 and rng.random() < 0.4):
                s += rng.choice(["", "", ".", "-", "_"]) + num_text(rng, n)
    if m["dev"] is not None:
        n = m["dev"]
        s += rng.choice(SEPS) + rand_case(rng, "dev")
        if not (n == 0 and rng.random() < 0.4):
            s += rng.choice(["", "", ".", "-", "_"]) + num_text(rng, n)
    if m["local"]:
        parts = []
        for seg in m["local"]:
            if isinstance(seg, int):
                parts.append(num_text(rng, seg, pad=0.2))
            else:
                parts.append(rand_case(rng, seg))
        s += "+" + parts[0]
        for p in parts[1:]:
            s += rng.choice([".", ".", "-", "_"]) + p
    if rng.random() < 0.06:
        s = rng.choice(WS) + s
    if rng.random() < 0.06:
        s = s + rng.choice(WS)
    return s


ARABIC = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
INSERT_CHARS = list(".+-_! a x*~=,/:@#\u00e9\u0130\u0663\u00a0") + ["0", "9", "..", "++", "post", "dev", "rc"]


def mutate(rng: random.Random, s: str) -> str:
    kind = rng.randrange(13)
    if kind == 0 and s:
        i = rng.randrange(len(s))
        return s[:i] + s[i + 1:]
    if kind == 1 and s:
        i = rng.randrange(len(s))
        return s[:i] + s[i] + s[i:]
    if kind == 2:
        i = rng.randrange(len(s) + 1)
        return s[:i] + rng.choice(INSERT_CHARS) + s[i:]
    if kind == 3 and "." in s:
        return s.replace(".", "..", 1)
    if kind == 4:
        return s + "."
    if kind == 5:
        return s + "+" + rng.choice(["a", "1", "+", ""]) + ("+x" if rng.random() < 0.5 else "")
    if kind == 6:
        return s.translate(ARABIC)
    if kind == 7:
        return s + rng.choice(["-beta_weird", "-SNAPSHOT", ".x", "-foo", ".*", "+", "!", "-", "_"])
    if kind == 8:
        return "." + s
    if kind == 9 and s:
        i = rng.randrange(len(s) + 1)
        return s[:i] + " " + s[i:]
    if kind == 10:
        return rng.choice(["1!", "!", "v", "V ", "=="]) + s
    if kind == 11:
        return s.upper().replace("V", "")
    return s + rng.choice(["a1b2", "rc1rc2", ".post1.post2", ".dev1dev2", "+local+local"])


NON_VERSIONS = [
    "", " ", "\t", "\n", "french toast", "lolwat", "1.0.org1", "1.x.y", "2.0-SNAPSHOT",
    "latest", "1.0-beta_weird", "dev", "v", "V", "1!", "!1.0", "1.0!", "1.0+", "+1.0",
    "1.0+-", "1.0+.a", "1.0+a.", "1.0+a..b", "1.0+a__b", "1.0a1a2", "1.0.post1.post2",
    "1.0.dev1.dev2", "1.0-dev-dev", "1.0--1", "1.0-", "1.0_", "1.0.a.b", "1.0.0-rc.1.2",
    "1,0", "1.0;", "1.0 ", "1.0\u0000", "1.0\x00", "0x10", "1e3", "-1", "1.-1",
    "1.0.*", "1.*", "*", "1.0+*", "\u0661.\u0660", "\u0967.\u0966", "\uff11.\uff10",
    "1.0\u200b", "\u00b9.0", "1.0+\u00e4", "1.0+\u0131", "1.0+\u017f", "1.0+K",
    "1.0+\u212a", "one.two", "1.0.0.0.0.0.0.0.0.x", "1.0a-1", "1.0-r-1", "1.0.r.1",
    "1.0rc.post", "1.0.0b", "2024.01.01-1-g123abc", "0.0.0-dev+abc", "1.0.post-1",
    "1!2!3", "1.0+local+local", "1..", "1.0..post1", "1.0.dev.1", "1.0dev.", "1.0a.",
    "1.0_post_1_", "v.1.0", "vv1.0", "V1.0", "1.0.V", "1.0preview", "1.0PREVIEW1",
    "1.0.c.1", "1.0_c_1", "1.0-c-1", "1.0rev", "1.0-rev-", "1.0a1-1", "1.0a1-r",
    "1.0-1-1", "1.0-1.dev", "1.0.post_dev", "1.0+0", "1.0+00", "1.0+0.0.00",
    "1!1.0.dev456+local.1", "0!0", "0", "00", "000.000", "1" * 50, "1." + "9" * 80,
    "1.0a" + "7" * 40, "1.0.post" + "8" * 40, "1.0.dev" + "3" * 40, "1.0+" + "5" * 40,
]


def gen_version_string(rng: random.Random, invalid: float = 0.25) -> str:
    s = render(rng, rand_model(rng))
    if rng.random() < invalid:
        s = mutate(rng, s)
        if rng.random() < 0.2:
            s = mutate(rng, s)
    return s


def valid_version(rng: random.Random, **kw) -> str:
    return render(rng, rand_model(rng, **kw))


def is_valid(s: str) -> bool:
    from packaging.version import InvalidVersion, Version
    try:
        Version(s)
        return True
    except (InvalidVersion, ValueError):
        return False


# ---------------------------------------------------------------------------
# version-parse / version-cmp / version-sort / canon
# ---------------------------------------------------------------------------

def build_parse(samples) -> Cases:
    rng = random.Random(f"{SEED}-parse")
    c = Cases("parse")
    for s in samples.get("parse", []):
        c.add(v=s["v"])
    for v in (PKG_VERSIONS + PKG_INVALID_VERSIONS + PKG_NORMALIZED_INPUTS + PKG_STR_REPR
              + PKG_ACCESSOR + NON_VERSIONS):
        c.add(v=v)
    for v in PKG_CANON:
        c.add(v=v)
    hand = [
        "20240101120000", "2026.1.14.14", "1.0-beta_weird", "1.0.0-rc.1", "1.0+abc_DEF-01",
        "v1.0", "V1.0", "1!1.0", "01!01.01", "1.0a", "1.0.a", "1.0-a", "1.0_a", "1.0a.1",
        "1.0a-1", "1.0a_1", "1.0-1", "1.0-r", "1.0r", "1.0-post", "1.0_post_2",
        "1.0.post.2", "1.0.dev", "1.0-dev_3", "1.0dev", "1.0+1.2.3", "1.0+1-2_3",
        "1.0+AbC.DeF", "1.0+0001", "1.0a1.post2.dev3+local", "1.0preview1",
        "1.0PRE", "1.0-PREVIEW-2", "1.0C3", "1.0.0.0.0.0", "0.0", "0", "9" * 4000,
        "1." + "8" * 3999, "1.0+" + "7" * 4000, "1.0rc" + "6" * 4000,
        "\u00a01.0\u00a0", "\u20031.0", "1.0\u2003", "\t1.0\n", "\n\n1.0\n\n",
        "\u202f1.0\t\u2029\n ", "\u0085" "1.0", "1.0\x1c", "1.0\u3000",
    ]
    for v in hand:
        c.add(v=v)
    while len(c) < 4600:
        c.add(v=gen_version_string(rng, invalid=0.3))
    return c


def build_cmp() -> Cases:
    rng = random.Random(f"{SEED}-cmp")
    c = Cases("cmp")
    for a in PKG_VERSIONS:
        for b in PKG_VERSIONS:
            c.add(a=a, b=b)
    fixed = [
        ("1.0", "1.0.0"), ("1.0+A", "1.0+a"), ("1.0-1", "1.0.post1"), ("1.0", "1.0.0.0.0"),
        ("1.0+abc", "1.0.0+ABC"), ("1.0c1", "1.0rc1"), ("1.0pre1", "1.0rc1"),
        ("1.0preview1", "1.0c1"), ("1.0alpha", "1.0a0"), ("1.0beta2", "1.0b2"),
        ("1.0r", "1.0.post0"), ("1.0rev3", "1.0-3"), ("v1.0", "1.0"), ("0!1.0", "1.0"),
        ("01.02", "1.2"), ("1.0+01", "1.0+1"), ("1.0+a-1", "1.0+a.1"), ("1.0+a_1", "1.0+A.01"),
        ("1.0.dev0", "1.0-dev"), ("1.0a1", "1.0.ALPHA.1"), ("1.0.post1.dev1", "1.0-1-dev1"),
        ("1.0", "1.0a1"), ("1.0.dev1", "1.0a1"), ("1.0+abc", "1.0+1"), ("1.0+a.1", "1.0+a"),
        ("1.0+1.a", "1.0+1"), ("1!0.1", "2.0"), ("1.0.post1", "1.0.post1.dev1"),
        ("1.0a1.post1", "1.0a2.dev1"), ("1.0+local", "1.0.post1.dev1"), ("2", "2.0.0.0.1"),
        ("1.0a1+x", "1.0a1"), ("1.0.0+0", "1.0+0.0"), ("1.0+0", "1.0+0.0"),
        ("1.0", "1.0\n"), ("1.0", "notaversion"), ("x", "y"), ("", "1.0"),
    ]
    for a, b in fixed:
        c.add(a=a, b=b)
        c.add(a=b, b=a)
    for s in load_samples().get("cmp", []):
        c.add(a=s["a"], b=s["b"])
    target = len(c) + 4800
    while len(c) < target:
        r = rng.random()
        if r < 0.3:
            m = rand_model(rng)
            a = render(rng, m, pad_zeros=True)
            b = render(rng, m, pad_zeros=True)
        elif r < 0.55:
            m = rand_model(rng)
            m2 = json.loads(json.dumps(m))
            field = rng.choice(["release", "pre", "post", "dev", "local", "epoch"])
            if field == "release":
                i = rng.randrange(len(m2["release"]))
                m2["release"][i] = max(0, m2["release"][i] + rng.choice([-1, 1, 1]))
            elif field == "pre":
                m2["pre"] = None if m2["pre"] else (rng.choice(["a", "b", "rc"]), rng.randint(0, 3))
            elif field == "post":
                m2["post"] = None if m2["post"] is not None else rng.randint(0, 3)
            elif field == "dev":
                m2["dev"] = None if m2["dev"] is not None else rng.randint(0, 3)
            elif field == "local":
                m2["local"] = None if m2["local"] else [rng.choice(["a", "1", "abc", "0"])]
            else:
                m2["epoch"] = m2["epoch"] + 1
            a, b = render(rng, m), render(rng, m2)
            if rng.random() < 0.5:
                a, b = b, a
        elif r < 0.97:
            a = valid_version(rng)
            b = valid_version(rng)
        else:
            a = gen_version_string(rng, invalid=0.8)
            b = valid_version(rng)
        c.add(a=a, b=b)
    return c


def build_sort() -> Cases:
    rng = random.Random(f"{SEED}-sort")
    c = Cases("sort")
    for i in range(0, 92, 23):  # packaging's VERSIONS in chunks of 23, as given and reversed
        c.add(versions=PKG_VERSIONS[i:i + 23])
        c.add(versions=list(reversed(PKG_VERSIONS[i:i + 23])))
    for s in load_samples().get("sort", []):
        c.add(versions=s["versions"])
    while len(c) < 360:
        n = rng.randint(5, 40)
        base = [rand_model(rng) for _ in range(max(2, n // 3))]
        vs = []
        for _ in range(n):
            r = rng.random()
            if r < 0.5:
                vs.append(render(rng, rng.choice(base), pad_zeros=True))
            elif r < 0.7:
                vs.append(rng.choice(PKG_VERSIONS))
            else:
                vs.append(valid_version(rng))
        rng.shuffle(vs)
        if rng.random() < 0.05:
            vs[rng.randrange(len(vs))] = rng.choice(["french toast", "1.0.x", "", "1..0"])
        c.add(versions=vs)
    return c


def build_canon() -> Cases:
    rng = random.Random(f"{SEED}-canon")
    c = Cases("canon")
    for s in load_samples().get("canon", []):
        c.add(**{k: v for k, v in s.items() if k != "op"})
    inputs = list(PKG_CANON) + ["1.0.0", "1.0", "1", "0", "0.0.0", "1!0.0", "1.0.0+local",
                                "1.0.0a0", "1.0.0.post0.dev0", "v1.0.0", "1.0.0\n", "01.00.000",
                                "1.0+0.0", "1.2.0.0+abc.0", "french toast", "", "1.0.0-beta_weird"]
    for v in inputs:
        c.add(v=v, strip_trailing_zero=True)
        c.add(v=v, strip_trailing_zero=False)
    while len(c) < 700:
        if rng.random() < 0.8:
            v = render(rng, rand_model(rng), pad_zeros=True)
        else:
            v = gen_version_string(rng, invalid=0.7)
        c.add(v=v, strip_trailing_zero=True)
        c.add(v=v, strip_trailing_zero=False)
    return c


# ---------------------------------------------------------------------------
# Specifiers
# ---------------------------------------------------------------------------

OPS = ["==", "!=", "<=", ">=", "<", ">", "~=", "==="]
BAD_OPS = ["=", "=>", "=<", "<>", "~", "=!", "!", "====", "~==", "!==", "><", "≥", "== =", "= ="]
OP_WS = ["", "", "", " ", "  ", "\t"]


def release_text(rng: random.Random, m: dict, minlen: int = 1) -> str:
    rel = list(m["release"])
    while len(rel) < minlen:
        rel.append(rng.randint(0, 9))
    s = ""
    if m["epoch"]:
        s += f"{m['epoch']}!"
    return s + ".".join(num_text(rng, x, pad=0.03) for x in rel)


def spec_version_for(rng: random.Random, op: str, m: dict, invalid: float) -> str:
    bad = rng.random() < invalid
    if op == "===":
        r = rng.random()
        if r < 0.6:
            return render(rng, m).strip()
        return rng.choice(["foobar", "FooBar", "1.0-custom", "lolwat", "1.0.org1",
                           "2!17-x", "1.0+local", "wat", "1.0.0", "v1.0", "01.0"])
    if op in ("==*", "!=*"):
        s = ("v" if rng.random() < 0.05 else "") + release_text(rng, m) + ".*"
        if bad:
            s = rng.choice([
                render(rng, m, canonical=True) + "a1.*" if not m["pre"] else render(rng, m, canonical=True) + ".*",
                s + "+5", s[:-2] + ".*.5", s[:-2] + ".dev1.*", s[:-2] + "+local.*", s + ".*",
                s[:-2] + ".post1.*", s.replace(".*", "*"),
            ])
        return s
    if op == "~=":
        rel = list(m["release"])
        while len(rel) < 2:
            rel.append(rng.randint(0, 9))
        s = render(rng, dict(m, local=None, release=rel)).strip()
        if bad:
            s = rng.choice([str(rng.randint(0, 9)), s + "+local", s + ".*", "v" + str(rng.randint(1, 9))])
        return s
    mm = dict(m)
    if op not in ("==", "!=") and not bad:
        mm["local"] = None
    s = render(rng, mm).strip()
    if bad:
        s = rng.choice([mutate(rng, s), s + ".*", s + "+local", s + "+"])
    return s


def rand_specifier(rng: random.Random, m: dict | None = None, invalid: float = 0.08) -> str:
    if m is None:
        m = rand_model(rng)
    if rng.random() < invalid * 0.4:
        op = rng.choice(BAD_OPS)
        return op + rng.choice(OP_WS) + render(rng, m).strip()
    op = rng.choice(OPS + ["==*", "!=*", ">=", "<", "=="])
    ver = spec_version_for(rng, op, m, invalid)
    real_op = op.rstrip("*")
    ws = rng.choice(OP_WS)
    if real_op == "===" and rng.random() < 0.03:
        ver = ""
    return real_op + ws + ver


def join_specs(rng: random.Random, pieces: list[str]) -> str:
    if not pieces:
        return rng.choice(["", " ", ",", " , "])
    out = pieces[0]
    for p in pieces[1:]:
        out += rng.choice([",", ",", ", ", " ,", " , ", ",\t", ",,"]) + p
    if rng.random() < 0.05:
        out += rng.choice([",", ", ", ",,"])
    if rng.random() < 0.05:
        out = rng.choice([",", " ", "\t", " , "]) + out
    if rng.random() < 0.05:
        out += rng.choice([" ", "\t", "\n"])
    return out


def rand_specset(rng: random.Random, k: int | None = None, base: dict | None = None,
                 invalid: float = 0.08) -> str:
    if k is None:
        k = rng.choices([0, 1, 2, 3, 4], weights=[3, 40, 35, 17, 5])[0]
    pieces = []
    for _ in range(k):
        m = base if base is not None and rng.random() < 0.7 else rand_model(rng, pre=0.2, post=0.1, dev=0.1, local=0.1)
        pieces.append(rand_specifier(rng, m, invalid))
    if pieces and rng.random() < 0.07:
        pieces.append(rng.choice(pieces))  # literal duplicate
    return join_specs(rng, pieces)


def family(base: str) -> list[str]:
    return [
        f"{base}.dev0", f"{base}.dev1", f"{base}.dev0+local", f"{base}a0",
        f"{base}a0.post0.dev0", f"{base}a0.post0", f"{base}a1.dev1", f"{base}a1.dev1+local",
        f"{base}a1", f"{base}a1+local", f"{base}b1", f"{base}b2.post1.dev1", f"{base}b2.post1",
        f"{base}rc1.dev1", f"{base}rc1", f"{base}rc2", f"{base}a2.dev0", base, f"{base}.0",
        f"{base}.post0.dev0", f"{base}.post0", f"{base}.post1.dev0", f"{base}.post1",
        f"{base}.post1+local", f"{base}.post2", f"{base}+local", f"{base}+local1",
        f"{base}+local2", f"{base}+1", f"{base}+1.local", f"{base}.1.dev1", f"{base}.1a1",
        f"{base}.1", f"{base}.1+local", f"{base}.1.post1",
    ]


SAMPLE_BASES = ["0", "0.0", "1.0", "1.1", "1.2", "2.0", "2.1", "3.0", "1.0.1", "1.4.2", "2.0.0",
                "3.10.2", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "10.0", "100.0",
                "1!0.0", "1!1.0", "1!2.0"]


def candidate_near(rng: random.Random, m: dict) -> str:
    """A candidate version close to the model (so specifiers actually bite)."""
    r = rng.random()
    base = render(rng, dict(m, pre=None, post=None, dev=None, local=None), canonical=True)
    if r < 0.55:
        rel = list(m["release"])
        if rng.random() < 0.5 and rel:
            i = rng.randrange(len(rel))
            rel[i] = max(0, rel[i] + rng.choice([-1, 1]))
            if rng.random() < 0.3:
                rel = rel[: i + 1]
        if rng.random() < 0.2:
            rel = rel[:-1] or rel
        if rng.random() < 0.15:
            rel = rel + [0]
        b2 = (f"{m['epoch']}!" if m["epoch"] else "") + ".".join(str(x) for x in rel)
        return rng.choice(family(b2 if rng.random() < 0.7 else base))
    if r < 0.75:
        return render(rng, m).strip()
    if r < 0.9:
        return rng.choice(family(base))
    if r < 0.96:
        return valid_version(rng)
    return rng.choice(["not a valid version", "foobar", "1.0.x", "", "1.0 ", " 1.0",
                       render(rng, m, canonical=True).upper(), "1..0", "invalid"])


def build_spec(samples) -> Cases:
    rng = random.Random(f"{SEED}-spec")
    c = Cases("spec")
    for s in samples.get("spec", []):
        c.add(spec=s["spec"])
    for s in (PKG_SPECIFIERS + PKG_INVALID_SPECIFIERS + PKG_SPEC_STR + PKG_UNSAT + REAL_SPECS):
        c.add(spec=s)
    for v in PKG_NORMALIZED_INPUTS:
        for op in (["~=", "==", "!=", "<=", ">=", "<", ">"] if "+" not in v else ["==", "!="]):
            c.add(spec=op + v)
    for s, _vs in PKG_SET_CONTAINS + PKG_FILTER:
        if len(s) < 200:
            c.add(spec=s)
    hand = [
        "", " ", ",", ",,", " , ", ">=1.0,", ",>=1.0", ">=1.0,,<2", ">= 1.0 , < 2",
        ">=1.0\t,\t<2", "==1.0,==1.0", "==1.0,==1.0.0", "==1.0, ==1.0.0.0", "==1.0.0,==1.0",
        "~=1.0,~=1.0.0", "~=1.0,~=1.0", ">1.0,>1.0.0", ">=v1.0,>=1.0", ">=1.0,>=V1.0",
        "==1.0+local,==1.0+LOCAL", "==1.0.*,==1.0.0.*", "!=1.*,!=1.0.*", "===1.0,===1.0",
        "===1.0,===1.0.0", "===FOO,===foo", "===", "=== ", "===,>=1", "===  ,", "===a b",
        "===foo;bar", "===foo)bar", "===1.0,", "=== 1.0", "===\t1.0", ">=1.0a1,<2.0b1",
        "== 1.0", "==  1.0", "==\t1.0", "==\n1.0", "\n==1.0", "==1.0\n", ">=1.0\r\n",
        "\u00a0>=1.0", ">=1.0\u00a0", ">=\u00a01.0", "≥1.0", "==1.0 ,!= 1.5", "< 2, >1",
        ">=1!2.0", ">=01!02.00", ">=0!1.0", "==1.0.0.0.0.0.0.0.*", "==0.*", "==*", "!=*",
        "==.*", "==1.*.*", "==1..*", "== 1.0.*", "==1.0. *", "==1.0 .*", "~=1.0.post1",
        "~=1.0a1", "~=1.0.dev1", "~=1.0.0.0", "~= 1.0", "~=v1.0", "~=1!1.0", "~=0.0",
        "<=1.0.post1.dev1", ">v1", ">=1.0-1", ">=1.0_post1", ">=1.0-beta_weird",
        "==1.0-beta_weird", ">=1.0+local", "<1.0+1", "==1.0+", "==1.0++", "!=1.0+a.b.c",
        "==20240101120000", "==2026.1.14.14", ">=" + "9" * 100, ">=1.0,<2,!=1.5.*,~=1.2,==1.*",
        ">=1;<2", ">=1 <2", ">=1,<2)", "(>=1)", ">=1.0 a", "a", "1.0", "latest", "*",
        ">=1.0,latest", "!=", "<", ">", "~=", "<=", ">=", "==\u0661.\u0660",
    ]
    for s in hand:
        c.add(spec=s)
    while len(c) < 2300:
        r = rng.random()
        if r < 0.75:
            c.add(spec=rand_specset(rng))
        else:
            m = rand_model(rng)
            c.add(spec=rand_specset(rng, k=rng.randint(2, 4), base=m, invalid=0.05))
    return c


def build_contains(samples) -> Cases:
    rng = random.Random(f"{SEED}-contains")
    c = Cases("contains")
    for s in samples.get("contains", []):
        d = {k: v for k, v in s.items() if k != "op"}
        c.add(**d)
    pairs: list[tuple[str, str]] = []
    for v, s in PKG_SPEC_CONTAINS:
        pairs.append((s, v))
    for s, vs in PKG_SET_CONTAINS:
        for v in vs:
            pairs.append((s, v))
    for s in PKG_SPECIFIERS:
        for v in PKG_VERSIONS[::3]:
            pairs.append((s, v))
    for v in PKG_VERSIONS:
        pairs.append(("", v))
    # every operator against a version family
    for base in ["1.0", "2.0", "1.4.2", "3.10", "1!1.0", "0"]:
        specs = [f"=={base}", f"!={base}", f"<={base}", f">={base}", f"<{base}", f">{base}",
                 f"~={base if '.' in base else base + '.0'}", f"==={base}", f"=={base}.*",
                 f"!={base}.*", f">={base}a1", f"<{base}rc1", f">{base}.post1", f"<={base}.dev0",
                 f"=={base}+local", f"!={base}+local", f">{base}.dev1", f"~={base}.0a1"]
        fam = family(base) + ["not a valid version"]
        for s in specs:
            for v in rng.sample(fam, 14):
                pairs.append((s, v))
    # random: 1-3 specifiers around a base model, candidates near it
    while len(pairs) < 2900:
        m = rand_model(rng, pre=0.2, post=0.15, dev=0.15, local=0.1, epoch=0.05)
        k = rng.choices([1, 2, 3], weights=[45, 35, 20])[0]
        spec = rand_specset(rng, k=k, base=m, invalid=0.02)
        for _ in range(rng.randint(1, 4)):
            pairs.append((spec, candidate_near(rng, m)))
    for spec, v in pairs:
        for pre in (None, True, False):
            c.add(spec=spec, v=v, prereleases=pre)
    return c


def build_filter(samples) -> Cases:
    rng = random.Random(f"{SEED}-filter")
    c = Cases("filter")
    for s in samples.get("filter", []):
        d = {k: v for k, v in s.items() if k != "op"}
        c.add(**d)
    combos = [(s, vs) for s, vs in PKG_FILTER]
    for base in SAMPLE_BASES[:10]:
        for s in [f">={base}", f"<{base}", f"!={base}", f"=={base}.*", f"~={base}.0",
                  f">{base}", f"<={base}"]:
            combos.append((s, family(base)))
    while len(combos) < 400:
        m = rand_model(rng, pre=0.2, post=0.1, dev=0.1, local=0.05, epoch=0.03)
        spec = rand_specset(rng, k=rng.choices([0, 1, 2, 3], weights=[5, 45, 35, 15])[0],
                            base=m, invalid=0.02)
        n = rng.randint(1, 14)
        vs = [candidate_near(rng, m) for _ in range(n)]
        combos.append((spec, vs))
    for spec, vs in combos:
        for pre in (None, True, False):
            c.add(spec=spec, versions=vs, prereleases=pre)
    return c


# ---------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------

def _env(py: str, full: str, plat: str, machine: str, release: str, impl="cpython",
         impl_ver: str | None = None, pyimpl="CPython", version="") -> dict:
    sysplat, system, osname = {
        "linux": ("linux", "Linux", "posix"), "darwin": ("darwin", "Darwin", "posix"),
        "win32": ("win32", "Windows", "nt"), "freebsd": ("freebsd14", "FreeBSD", "posix"),
        "cygwin": ("cygwin", "CYGWIN_NT-10.0-19045", "posix"),
        "emscripten": ("emscripten", "Emscripten", "posix"),
    }[plat]
    if not version:
        version = {
            "linux": "#1 SMP PREEMPT_DYNAMIC Thu Jan  8 10:00:00 UTC 2026",
            "darwin": "Darwin Kernel Version 23.6.0: Mon Jul 29 21:14:30 PDT 2024; root:xnu-10063.141.2~1/RELEASE_ARM64_T6000",
            "win32": "10.0.22631", "freebsd": "FreeBSD 14.1-RELEASE releng/14.1-n267679-10e31f0946d8 GENERIC",
            "cygwin": "2024-06-03 11:54 UTC", "emscripten": "#1",
        }[plat]
    return {
        "implementation_name": impl, "implementation_version": impl_ver or full,
        "os_name": osname, "platform_machine": machine, "platform_release": release,
        "platform_system": system, "platform_version": version,
        "python_full_version": full, "platform_python_implementation": pyimpl,
        "python_version": py, "sys_platform": sysplat,
    }


ENVS = [
    {},
    _env("3.8", "3.8.18", "linux", "x86_64", "5.15.0-1034-azure"),
    _env("3.9", "3.9.19", "linux", "aarch64", "6.1.0-18-arm64"),
    _env("3.10", "3.10.14", "linux", "ppc64le", "4.18.0-553.el8_10.ppc64le"),
    _env("3.11", "3.11.9", "linux", "s390x", "5.14.0-427.13.1.el9_4.s390x"),
    _env("3.12", "3.12.7", "linux", "x86_64", "6.8.0-45-generic"),
    _env("3.13", "3.13.0", "linux", "aarch64", "6.18.44-fc-v782"),
    _env("3.13", "3.13.0rc2", "linux", "x86_64", "6.10.0"),
    _env("3.14", "3.14.0a1", "linux", "x86_64", "6.11.0-rc7"),
    _env("3.14", "3.14.0", "linux", "riscv64", "6.12.1+rpt-rpi-v8"),
    _env("3.12", "3.12.0b4", "linux", "i686", "3.10.0-1160.el7.x86_64"),
    _env("3.11", "3.11.1+", "linux", "armv7l", "6.6.31+rpt-rpi-v7"),
    _env("3.8", "3.8.10", "darwin", "x86_64", "19.6.0"),
    _env("3.12", "3.12.4", "darwin", "arm64", "23.6.0"),
    _env("3.13", "3.13.1", "darwin", "arm64", "24.1.0"),
    _env("3.9", "3.9.13", "win32", "AMD64", "10"),
    _env("3.11", "3.11.5", "win32", "ARM64", "11", version="10.0.26100"),
    _env("3.10", "3.10.11", "win32", "x86", "2019Server", version="10.0.17763"),
    _env("3.14", "3.14.2", "win32", "AMD64", "10", version="10.0.19045"),
    _env("3.10", "3.10.14", "linux", "x86_64", "6.5.0", impl="pypy", impl_ver="7.3.17", pyimpl="PyPy"),
    _env("3.9", "3.9.18", "darwin", "arm64", "23.1.0", impl="pypy", impl_ver="7.3.15", pyimpl="PyPy"),
    _env("3.11", "3.11.7", "linux", "x86_64", "6.8.0", impl="graalpy", impl_ver="24.1.0", pyimpl="GraalVM"),
    _env("3.12", "3.12.1", "freebsd", "amd64", "14.1-RELEASE"),
    _env("3.9", "3.9.16", "cygwin", "x86_64", "3.5.3-1.x86_64"),
    _env("3.12", "3.12.1", "emscripten", "wasm32", "3.1.58"),
    {"python_version": "2.7", "python_full_version": "2.7.18", "implementation_version": "0",
     "implementation_name": "cpython"},
    {"platform_release": "6.18.44-fc-v782"},
    {"platform_release": "5.15.153.1-microsoft-standard-WSL2"},
    {"platform_release": "10"},
    {"platform_release": ""},
    {"python_full_version": "3.13.0a1"},
    {"python_full_version": "3.8.0+"},
    {"implementation_version": "7.3.12"},
    {"platform_python_implementation": "Jython", "implementation_name": "jython", "os_name": "java",
     "sys_platform": "java1.8.0_392", "python_version": "2.7", "python_full_version": "2.7.3"},
    {"python_version": "3.1"}, {"python_version": "3.10"}, {"python_version": "4.0"},
    {"os_name": "1"}, {"os_name": "1.0"}, {"sys_platform": "linux2"},
]
EXTRA_VALUES = ["", "test", "tests", "Foo_Bar", "foo-bar", "FOO.BAR", "foo..bar", "doc", "docs",
                "security", "Security", "pep-685-norm", "PEP_685...norm", "v2", "v2a3", "feature",
                "oursql", "a", "dev", "s3", "all", "socks", "Socks", "_leading", "trailing_"]

VERSION_VARS = ["python_version", "python_full_version", "implementation_version", "platform_release"]
STRING_VARS = ["os_name", "sys_platform", "platform_machine", "platform_python_implementation",
               "platform_system", "platform_version", "implementation_name"]
ALIASES = {"os.name": "os_name", "sys.platform": "sys_platform", "platform.machine": "platform_machine",
           "platform.version": "platform_version",
           "platform.python_implementation": "platform_python_implementation",
           "python_implementation": "platform_python_implementation"}
VERSION_VALUES = ["3", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "2.7", "3.11.7", "3.11.*",
                  "3.*", "3.12.0", "3.13.0a1", "3.12.0rc1", "3.7.0.post1", "6", "6.8", "6.8.0", "6.8.*",
                  "5.15", "7.3", "7.3.17", "10", "23.6.0", "4", "1!3.0", "3.11+local", "3.11.7+x",
                  "foo", "", "3.8.dev0", "3.10.0b1", "6.18.44-fc-v782", "v3.11"]
STRING_VALUES = {
    "os_name": ["posix", "nt", "java", "Posix", "pos", "", "1.0"],
    "sys_platform": ["linux", "win32", "darwin", "cygwin", "freebsd14", "lin", "linux2", "emscripten", "aix"],
    "platform_machine": ["x86_64", "aarch64", "arm64", "AMD64", "ppc64le", "s390x", "i686", "x86", "arm", "64"],
    "platform_python_implementation": ["CPython", "PyPy", "Jython", "IronPython", "cpython", "Py"],
    "platform_system": ["Linux", "Windows", "Darwin", "FreeBSD", "linux", "Win"],
    "platform_version": ["#1 SMP", "Ubuntu", "10.0.22631", "Darwin", "SMP", "#1 SMP PREEMPT_DYNAMIC", "RELEASE"],
    "implementation_name": ["cpython", "pypy", "graalpy", "CPython", "py", "jython"],
}
MOPS = ["==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in"]


def quote(rng: random.Random, v: str) -> str:
    if "'" in v and '"' in v:
        return "'" + v.replace("'", "") + "'"
    if "'" in v:
        return '"' + v + '"'
    if '"' in v:
        return "'" + v + "'"
    return rng.choice(["'", '"']).join(["", v, ""])


def rand_atom(rng: random.Random, allow_extra=True) -> str:
    r = rng.random()
    if r < 0.12 and allow_extra:
        var = "extra"
        val = rng.choice(EXTRA_VALUES)
        op = rng.choice(["==", "==", "==", "!=", "in", "not in", "<", ">=", "~="])
    elif r < 0.5:
        var = rng.choice(VERSION_VARS)
        val = rng.choice(VERSION_VALUES)
        op = rng.choice(MOPS[:6] * 3 + MOPS[6:])
    else:
        canon = rng.choice(STRING_VARS)
        aliases = [a for a, t in ALIASES.items() if t == canon]
        var = rng.choice(aliases) if aliases and rng.random() < 0.25 else canon
        val = rng.choice(STRING_VALUES[canon])
        op = rng.choice(["==", "==", "==", "!=", "!=", "in", "not in", "<", ">", "<=", ">=", "~=", "==="])
    ws1 = rng.choice([" ", " ", " ", "", "  ", "\t"])
    ws2 = rng.choice([" ", " ", " ", "", "  ", "\t"])
    if op in ("in", "not in"):
        ws1 = ws1 or " "
        if rng.random() < 0.97:
            ws2 = ws2 or " "
    if op == "not in" and rng.random() < 0.05:
        op = rng.choice(["not  in", "not\tin"])
    q = quote(rng, val)
    if rng.random() < 0.2:
        return f"{q}{ws1}{op}{ws2}{var}"
    return f"{var}{ws1}{op}{ws2}{q}"


def rand_marker(rng: random.Random, depth: int = 0, allow_extra=True) -> str:
    r = rng.random()
    if depth >= 3 or r < 0.35:
        return rand_atom(rng, allow_extra)
    if r < 0.45:
        return "(" + rng.choice(["", "", " "]) + rand_marker(rng, depth + 1, allow_extra) + rng.choice(["", "", " "]) + ")"
    n = rng.randint(2, 3)
    parts = [rand_marker(rng, depth + 1, allow_extra) for _ in range(n)]
    out = parts[0]
    for p in parts[1:]:
        kw = rng.choice(["and", "or"])
        out += rng.choice([" ", " ", "  "]) + kw + rng.choice([" ", " ", "  "]) + p
    if depth > 0 and rng.random() < 0.6:
        out = "(" + out + ")"
    return out


REALISTIC_MARKERS = [
    "python_version < '3.8'", "python_version >= '3.8'", "python_version < '3.10'",
    "python_version >= '3.11'", "python_version == '3.12'", "python_version ~= '3.10'",
    "python_version != '3.9'", "python_version > '3.9'", "python_version <= '3.11'",
    "python_full_version >= '3.8.1'", "python_full_version < '3.11.4'",
    "python_full_version == '3.13.*'", "python_full_version != '3.12.0'",
    "python_full_version >= '3.12.0rc1'", "python_full_version ~= '3.11.0'",
    "implementation_version >= '7.3'", "implementation_version < '3.12'",
    "platform_release >= '6'", "platform_release < '5.15'", "platform_release == '6.8.*'",
    "platform_release > '6.18'", "platform_release ~= '6.18.44'", "platform_release === '10'",
    "sys_platform == 'win32'", "sys_platform != 'win32'", "sys_platform == 'darwin'",
    "sys_platform == 'linux'", "sys_platform == 'cygwin'", "sys_platform in 'linux2'",
    "'linux' in sys_platform", "'win' not in sys_platform", "sys_platform.startswith('linux')",
    "os_name == 'nt'", "os_name == 'posix'", "os_name != 'nt'",
    "platform_system == 'Windows'", "platform_system == 'Linux'", "platform_system != 'Darwin'",
    "platform_system == 'Darwin' and platform_machine == 'arm64'",
    "platform_machine == 'x86_64'", "platform_machine == 'aarch64'", "platform_machine in 'x86_64 AMD64'",
    "platform_machine != 'ppc64le' and platform_machine != 's390x'",
    "'arm' in platform_machine or 'aarch' in platform_machine",
    "implementation_name == 'cpython'", "implementation_name == 'pypy'",
    "platform_python_implementation == 'CPython'", "platform_python_implementation != 'PyPy'",
    "platform_python_implementation == 'PyPy' and python_version < '3.10'",
    "python_implementation == 'CPython'", "platform.python_implementation == 'PyPy'",
    "os.name == 'nt'", "sys.platform == 'win32'", "platform.machine == 'x86_64'",
    "platform.version in 'Darwin Kernel'", "'SMP' in platform_version", "'Ubuntu' in platform.version",
    "python_version >= '3.8' and python_version < '3.13'",
    "python_version < '3.9' or platform_system == 'Windows'",
    "sys_platform == 'linux' and platform_machine == 'x86_64' and python_version >= '3.10'",
    "sys_platform == 'darwin' or sys_platform == 'linux' and python_version >= '3.12'",
    "(sys_platform == 'darwin' or sys_platform == 'linux') and python_version >= '3.12'",
    "python_version >= '3.9' and (platform_machine == 'aarch64' or platform_machine == 'arm64')",
    "platform_system != 'Windows' and (implementation_name == 'cpython' or implementation_name == 'pypy')",
    "((os_name == 'nt'))", "(((python_version >= '3')))",
    "python_version >= '3' and extra == 'test'", "extra == 'socks'", "extra == 'Socks'",
    "extra == 'security' or extra == 'tests'", "extra != 'doc'",
    "python_version < '3.11' and extra == 'toml'", "extra == 'all' and sys_platform != 'win32'",
    "'3.10' < python_version", "'3.8' <= python_full_version", "'3.11.*' == python_version",
    "'nt' == os_name", "'x86_64' != platform_machine", "'6' <= platform_release",
    "python_version == python_full_version", "os_name == sys_platform", "sys_platform == os_name",
    "platform_system == platform_system", "python_version in python_full_version",
    "'a' == 'a'", "'posix' == 'posix'", "'3.11' >= '3.8'", "'x' in 'xyz'",
    "os_name == 'po\\x73ix'", "os_name == \"po\\x73ix\"", "os_name == 'p\\u006fsix'",
    "os_name == 'p\\N{LATIN SMALL LETTER O}six'", "os_name == '\\x70osix'", "os_name == 'posi\\170'",
    "sys_platform == 'lin\\tux'", "os_name == 'posix\\n'", "os_name == 'it\\'s'",
    "os_name == \"it's\"", "os_name == 'say \"hi\"'", "os_name == ''", "os_name != \"\"",
    "python_version == '3.11\\x2e*'", "os_name == 'po\\\\six'",
    "os_name == 'C:\\\\'", "os_name == 'C:\\'", "os_name == '\\x'", "os_name == '\\u12'",
    "os_name == '\\N{NOPE}'", "os_name == 'caf\u00e9'", "os_name == '\u00e9'",
    "os_name < 'z'", "os_name > 'a'", "os_name <= 'posix'", "os_name >= 'posix'",
    "os_name ~= 'posix'", "os_name === 'posix'", "python_version === '3.11'",
    "'3.11' === python_version", "python_version ~= '3.1'", "python_version ~= '3'",
    "python_version ~= '3.11.0'", "platform_machine ~= 'x86_64'", "platform_release ~= '6.8'",
    "platform_release >= '6.18'", "platform_release < '7'", "platform_release == '6.18.44-fc-v782'",
    "platform_release in '6.18.44-fc-v782'", "platform_release > 'abc'",
    "python_full_version >= '3.12'", "python_full_version > '3.13.0a0'", "python_full_version < '3.13'",
    "python_full_version == '3.13.0a1'", "python_full_version == '3.8.0+local'",
    "python_full_version >= '3.8.0'", "implementation_version == '7.3.*'",
    "implementation_version != '3.11.7'", "python_version >= '3.8.dev0'", "python_version > '3.11.0'",
    "python_version == '3.11.*'", "python_full_version == '3.11.*'", "platform_machine == 'x86_64.*'",
    "python_version < '3.14.0a1'", "python_version in '3.11 3.12'", "'3.1' in python_version",
    "python_version not in '3.8, 3.9'", "'3' not in python_version",
]

BAD_MARKERS = [
    "", " ", "os_name", "os_name ==", "== 'posix'", "os_name = 'posix'", "os_name == posix",
    "os_name == 'posix", "os_name == \"posix'", "os_name notin 'x'", "os_name not 'x'",
    "os_name in'x' and", "os_name == 'posix' and", "os_name == 'posix' or", "and os_name == 'nt'",
    "(os_name == 'posix'", "os_name == 'posix')", "()", "(())", "os_name == 'posix' os_name == 'nt'",
    "os_name == 'posix' && os_name == 'nt'", "os_name == 'posix' || os_name == 'nt'",
    "os_name == 'posix' AND os_name == 'nt'", "os_name == 'posix' Or os_name == 'nt'",
    "OS_NAME == 'posix'", "Os_name == 'posix'", "bogus == 'x'", "extras == 'x' (", "os-name == 'x'",
    "os.Name == 'x'", "platform_python_implementation === ", "python_version <> '3'",
    "python_version => '3'", "python_version =< '3'", "python_version ! '3'", "python_version ~ '3'",
    "python_version !== '3'", "python_version ==== '3'", "'3' '3'", "'3' == ", "python_version in",
    "os_namein 'x'", "'x'inos_name", "'x' in os_name and'y' in os_name", "os_name=='a'andos_name=='b'",
    "os_name=='a'and os_name=='b'", "os_name == 'a' and(os_name == 'b')", "os_name == 'a'or(os_name == 'b')",
    "not os_name == 'a'", "os_name == 'a' not in 'b'", "os_name == 'a' == 'b'",
    "os_name == 'posix';", "os_name == 'posix' # comment", "os_name == 'posix'\n", "\nos_name == 'posix'",
    "os_name == 'posix'\r\n", "os_name\n== 'posix'", "os_name ==\t'posix'", "\tos_name == 'posix'\t",
    "os_name\u00a0== 'posix'", "os_name == 'posix'\u00a0", "os_name == `posix`", "os_name == u'posix'",
    "os_name == b'posix'", "os_name == r'posix'", "os_name == 'posix' 'x'", "os_name == '''posix'''",
    "python_version >= 3.8", "python_version >= (3, 8)", "extra == 'a' ;", "python_version >= '3' and and os_name == 'x'",
    "((os_name == 'posix')", "(os_name == 'posix'))", "python_version >= '3' or (", "python_full_version",
    "this_isnt_a_real_variable >= '1.0'", "os_name == 'po\\x73ix", "dependency_group == 'x'",
    "platform_python_version == '3'", "python_implementation_name == 'x'", "os.name.x == 'y'",
    "sys.platformx == 'y'",
]

NESTED_EXTRA_MARKERS = [
    "(extra == 'Foo_Bar')", "(extra == 'FOO.BAR')", "(extra == 'foo-bar')", "('Foo_Bar' == extra)",
    "(extra == 'Foo_Bar' or extra == 'Baz')", "(extra == 'Foo_Bar' or extra == 'Baz') and python_version >= '3'",
    "python_version >= '3' and (extra == 'Test_Suite' or extra == 'DOCS')",
    "(python_version >= '3' and extra == 'Foo.Bar')", "((extra == 'Foo__Bar'))",
    "os_name == 'posix' and (extra != 'Foo_Bar')", "(extra in 'Foo_Bar')", "(extra not in 'FOO')",
    "(extra == 'Security') or extra == 'Tests'", "extra == 'Tests' or (extra == 'Security')",
    "(extra == 'pep_685..NORM' and os_name == 'posix') or (sys_platform == 'win32' and extra == 'Win_Only')",
    "(extra == 'a_b' or (extra == 'C.D' and (extra == 'E-F')))", "(extra == 'SOCKS')",
    "(extra=='Foo_Bar')", "( extra == 'Foo_Bar' )", "(\textra == 'Foo_Bar'\t)",
    "(extra == \"Dev_Tools\")", "(extra == 'v2')", "(extra == 'V2A3')", "(extra >= 'Foo_Bar')",
    "(extra ~= 'Foo_Bar')", "(extra === 'Foo_Bar')", "(extra == '_leading')", "(extra == 'trailing_')",
    "(extra == 'ALL') and platform_system == 'Linux'", "(extra == '')",
]


def fixed_markers(ms):
    out = []
    for x in ms:
        if isinstance(x, list):
            out.append(fixed_markers(x))
        else:
            out.append(_normalize_extras(x))
    return out


def fixed_marker(text: str) -> Marker:
    m = Marker(text)
    m._markers = fixed_markers(m._markers)
    return m


def _outcome(fn):
    try:
        return ("ok", fn())
    except Exception as e:  # noqa: BLE001
        return ("err", type(e).__name__, str(e))


def build_marker(samples) -> Cases:
    rng = random.Random(f"{SEED}-marker")
    c = Cases("marker")

    def add(marker, env=None, evaluate=True):
        d = {"marker": marker}
        if env:
            d["env"] = dict(env)
        if not evaluate:
            d["evaluate"] = False
        c.add(**d)

    for s in samples.get("marker", []):
        add(s["marker"], s.get("env"), s.get("evaluate", True))
    # packaging's parse tables (evaluated against the default environment)
    for var, op, val in itertools.product(MK_VARIABLES + MK_PEP345 + MK_SETUPTOOLS, MK_OPERATORS, MK_VALUES):
        add(f"{var} {op} {val!r}")
        add(f"{val!r} {op} {var}")
    for m, env in PKG_MARKER_MISC:
        add(m, env)
    # realistic markers over realistic environments
    for m in REALISTIC_MARKERS:
        add(m)
        add(m, evaluate=False)
        for env in rng.sample(ENVS, 7):
            add(m, env)
    # every variable/alias with every operator under a few environments
    for var in list(ALIASES) + VERSION_VARS + STRING_VARS + ["extra"]:
        canon = ALIASES.get(var, var)
        vals = (VERSION_VALUES if canon in VERSION_VARS else
                EXTRA_VALUES if canon == "extra" else STRING_VALUES[canon])
        for op in MOPS:
            for val in rng.sample(vals, 2):
                env = rng.choice(ENVS)
                if canon == "extra":
                    env = dict(env, extra=rng.choice(EXTRA_VALUES))
                add(f"{var} {op} {quote(rng, val)}", env)
    # extra handling: top level and nested
    for m in NESTED_EXTRA_MARKERS + ["extra == 'Foo_Bar'", "extra == 'FOO.BAR'", "'Foo_Bar' == extra",
                                     "extra != 'Foo_Bar'", "extra in 'Foo_Bar'", "extra == 'Test_Suite'"]:
        add(m)
        add(m, evaluate=False)
        for ev in ["foo-bar", "Foo_Bar", "FOO.BAR", "foo_bar", "baz", "test-suite", "security",
                   "tests", "pep-685-norm", "win-only", "a-b", "socks", ""]:
            add(m, {"extra": ev})
        for ev in rng.sample(EXTRA_VALUES, 3):
            add(m, dict(rng.choice(ENVS), extra=ev))
    # whitespace variants of a few markers
    for m in ["os_name == 'posix'", "python_version >= '3.8' and os_name == 'posix'",
              "(os_name == 'nt' or os_name == 'posix') and python_version < '4'", "'lin' in sys_platform",
              "sys_platform not in 'win32'", "extra == 'Foo_Bar' or (extra == 'Baz_Qux')"]:
        for ws in ["", " ", "  ", "\t", " \t "]:
            t = m.replace(" ", ws) if ws != " " else m
            for wrap in [("", ""), (ws, ws), ("\t", ""), ("", "  ")]:
                add(wrap[0] + t + wrap[1], {"extra": "foo-bar"} if "extra" in m else None)
        add(m.replace(" == ", "==").replace(" and ", " and").replace(" or ", "or "))
    for m in BAD_MARKERS:
        add(m)
        add(m, evaluate=False)
    # random markers
    while len(c) < 5200:
        m = rand_marker(rng)
        r = rng.random()
        if r < 0.05:
            add(m, evaluate=False)
        elif r < 0.08:
            add(mutate(rng, m))
        else:
            env = dict(rng.choice(ENVS))
            if "extra" in m and rng.random() < 0.8:
                env["extra"] = rng.choice(EXTRA_VALUES)
            add(m, env)
    return c


def marker_deviation(base_env: dict):
    def extra(cmd, res):
        text = cmd["marker"]
        env = {**base_env, **(cmd.get("env") or {})}
        evaluate = cmd.get("evaluate", True)
        # sanity check: packaging 26.2 run here must agree with the oracle
        def run(mk):
            out = {"normalized": str(mk)}
            out["result"] = bool(mk.evaluate(env)) if evaluate else None
            return out
        orig = _outcome(lambda: run(Marker(text)))
        if orig[0] == "ok":
            assert res.get("ok") and res["normalized"] == orig[1]["normalized"] \
                and res["result"] == orig[1]["result"], (cmd, res, orig)
        else:
            assert not res.get("ok") and res["error_type"] == orig[1], (cmd, res, orig)
        fixed = _outcome(lambda: run(fixed_marker(text)))
        if fixed == orig:
            return None
        if fixed[0] != "ok" or orig[0] != "ok":
            if fixed[0] == orig[0] == "err" and fixed[1] == orig[1]:
                return None
            raise SystemExit(f"unexpected nested-extra outcome change: {cmd} {orig} {fixed}")
        return {"deviation": {"reason": "nested-extra-normalization",
                              "result": fixed[1]["result"], "normalized": fixed[1]["normalized"]}}
    return extra


# ---------------------------------------------------------------------------
# Requirements and names
# ---------------------------------------------------------------------------

NAME_POOL = ["foo", "Foo", "FOO.bar", "foo-bar", "foo_bar", "foo.bar", "a", "A1", "1a", "0", "requests",
             "Django", "zope.interface", "python-dateutil", "ruamel.yaml", "backports.zoneinfo",
             "typing_extensions", "Foo__Bar..baz", "a_", "a-", "a.", "_a", "-a", ".a", "a__b", "a--b",
             "a..b", "aa", "pkg9", "9pkg", "x" * 64, "caf\u00e9", "na\u00efve", "\u00e9", "foo!", "foo#bar",
             "foo bar", "foo/bar", "foo:bar", "foo+bar", "foo~", "f\u0131le", "K\u212a", "foo\u00a0"]


def rand_name(rng: random.Random, valid_bias: float = 0.8) -> str:
    if rng.random() < 0.3:
        return rng.choice(NAME_POOL)
    alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    n = rng.randint(1, 16)
    s = rng.choice(alnum)
    for _ in range(n - 1):
        r = rng.random()
        s += rng.choice("._-") if r < 0.15 else rng.choice(alnum)
    if rng.random() > valid_bias:
        i = rng.randrange(len(s) + 1)
        s = s[:i] + rng.choice(list("._-!@#$%^&*() \t\n\u00e9\u00a0\u0130+~/=[];'\"")) + s[i:]
    return s


def build_name() -> Cases:
    rng = random.Random(f"{SEED}-name")
    c = Cases("name")
    for s in load_samples().get("name", []):
        c.add(name=s["name"])
    for n in PKG_NAMES + NAME_POOL + REQ_GRID_NAMES:
        c.add(name=n)
    for n in ["", " ", "-", "_", ".", "--", "a", "Z", "9", "a-", "-a", "a_b_", "A.B-C_D", "a\n", "\ta",
              "a\u0000", "ÄÖÜ", "Ab\u0130", "foo-bar-", "foo--bar", "foo-_-bar", "FOO", "Foo-Bar",
              "foo.bar.baz", "foo_bar_baz", "x" * 300, "1.0", "1-0", "a" + "-" * 10 + "b"]:
        c.add(name=n)
    while len(c) < 700:
        c.add(name=rand_name(rng, valid_bias=0.75))
    return c


URLS = ["https://example.com/pkg-1.0.tar.gz", "https://x/y.zip", "file:///tmp/x", "file:///C:/path/pkg.whl",
        "git+https://github.com/pypa/packaging.git@26.2#egg=packaging",
        "git+ssh://git@github.com/pypa/packaging.git", "https://example.com/name;v=1.1/?query=foo&bar=baz#blah",
        "notaurl", "./local/path", "../up", "/abs/path", "http://[::1]:8080/x.whl",
        "https://files.pythonhosted.org/packages/ab/cd/pkg-1.0-py3-none-any.whl#sha256=deadbeef",
        "hg+https://hg.example.com/repo", "svn+svn://svn.example.com/repo", "gopher:/foo/com", "file:.",
        "https://example.com/p(1).zip", "https://example.com/a,b.zip", "https://example.com/caf\u00e9.zip"]


def rand_extras(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return ""
    if r < 0.6:
        return rng.choice(["[]", "[ ]", "[,]", "[a,]", "[,a]", "[a b]", "[a;b]", "[", "]", "[[a]]", "[a]]",
                           "[a-]", "[a_]", "[-a]", "[\u00e9]", "[a,,b]", "[ a , b ]", "[\ta\t]"])
    names = [rng.choice(["security", "tests", "Socks", "a", "B", "CDEF123", "foo_bar", "Foo.Bar", "doc-s",
                         "extra1", "all", "x"]) for _ in range(rng.randint(1, 3))]
    sep = rng.choice([",", ", ", " , ", ",\t"])
    return rng.choice(["", " ", "\t"]) + "[" + rng.choice(["", " "]) + sep.join(names) + rng.choice(["", " "]) + "]"


def rand_req(rng: random.Random) -> str:
    name = rand_name(rng, valid_bias=0.93) if rng.random() < 0.5 else rng.choice(
        ["foo", "requests", "Django", "foo-bar", "zope.interface", "a_", "pkg"])
    s = name + rand_extras(rng)
    r = rng.random()
    if r < 0.2:
        ws = rng.choice(["", " ", "  ", "\t"])
        s += ws + "@" + rng.choice(["", " ", "  ", "\t"]) + rng.choice(URLS)
        if rng.random() < 0.5:
            sep = rng.choice([" ;", " ; ", ";", "; ", "\t;", "  ;  "])
            s += sep + rand_marker(rng, 1)
        return s
    if r < 0.75:
        spec = rand_specset(rng, k=rng.choices([1, 2, 3], weights=[50, 35, 15])[0], invalid=0.06)
        if rng.random() < 0.2:
            spec = "(" + rng.choice(["", " "]) + spec + rng.choice(["", " "]) + ")"
        s += rng.choice(["", "", " ", "\t"]) + spec
    if rng.random() < 0.45:
        s += rng.choice([";", "; ", " ; ", " ;", ";\t"]) + rand_marker(rng)
    if rng.random() < 0.04:
        s = rng.choice([" ", "\t"]) + s
    if rng.random() < 0.04:
        s += rng.choice([" ", "\t", "\n", "\r\n", " \n"])
    if rng.random() < 0.04:
        s = mutate(rng, s)
    return s


REQ_EDGE = [
    "foo @ https://x/y.zip; python_version<'3'", "foo @ https://x/y.zip ; python_version<'3'",
    "foo @ https://x/y.zip\t; python_version<'3'", "foo@https://x/y.zip ;python_version<'3'",
    "foo @https://x/y.zip", "foo@ https://x/y.zip", "foo @", "foo @ ", "foo @ ;", "foo[bar]@https://x",
    "foo[bar] @ https://x ; extra == 'Bar'", "foo @ https://x ; (extra == 'Bar_Baz')",
    "foo===1.0,>=2", "foo===2!17-x,>1,==3!12bet.*", "foo === 1.0 , >=2", "foo===1.0;os_name=='nt'",
    "foo===1.0)", "foo (===1.0)", "foo (===1.0,>=2)", "foo===", "foo ===", "foo===,", "foo===1.0,bogus",
    "foo==1.0,", "foo>=1,<2,", "foo>=1,,<2", "foo>=1, ,<2", "foo ,", "foo,", "foo>=1 ,", "foo (>=1,)",
    "foo[]", "foo[ ]", "foo[bar,]", "foo[,bar]", "foo[bar baz]", "foo[bar;baz]", "foo[bar", "foo]",
    "a_", "a-", "a.", "a__", "_a", "-a", ".a", "a_b_", "A_", "a_[x]", "a_==1", "a_ @ https://x",
    "foo=1.0", "foo = 1.0", "foo==1.0[bar]", "foo[bar]==1.0", "foo (>=1.0, <2)", "foo(>=1.0)",
    "foo ()", "foo()", "foo( )", "foo(==1.0", "foo==1.0)", "foo((==1.0))", "foo (>=1.0) ; os_name=='nt'",
    "foo; bogus == 1", "foo; os_name == 'nt'", "foo;os_name=='nt'", "foo ;os_name=='nt'",
    "foo; ", "foo;", "foo ;", "foo; ;", "foo; (", "foo; os_name", "foo; os_name ==",
    "foo==1.0\n", "foo\n", "foo\r\n", "foo \n", "foo==1.0 \n", "foo; os_name=='nt'\n", "\nfoo",
    "foo\t", " foo", "\tfoo", "foo ", "  foo  ", "foo\u00a0", "\u00a0foo", "foo==1.0\u00a0",
    "caf\u00e9", "caf\u00e9==1.0", "foo; os_name == 'caf\u00e9'", "foo @ https://x/caf\u00e9",
    "foo[caf\u00e9]", "foo==1.0+caf\u00e9", "foo==\u0661.\u0660", "foo>=1.0-foo", "foo>=1.0+local",
    "foo<=1.0+local", "foo~=1", "foo~=1.0", "foo~=1.0+local", "foo>=1.0.*", "foo==1.0.*",
    "foo!=1.0.*+local", "foo==1.0a1.*", "foo>=1.0,<2.0,!=1.5.*", "foo >= 1.0 , < 2.0",
    "foo>=1.0 <2.0", "foo>=1.0;<2.0", "foo 1.0", "foo>=", "foo==", "foo>= ", "foo >=",
    "foo>=1.0 #", "foo>=1.0 # comment", "foo#bar", "foo #bar", "foo -e", "-e foo", "foo --hash=sha256:abc",
    "foo>=1.0-beta_weird", "foo==1.0.org1", "foo>=1.x.y", "foo===1.0.org1", "foo===1.x.y",
    "name[bar]>=3; python_version == \"2.7\"", "FOO.bar>=1.0.0", "Foo.Bar_baz[Extra_One, b] (>=1.0,<2) ; os_name=='nt'",
    "foo; extra == 'Foo.Bar'", "foo; 'Foo.Bar' == extra", "foo; (extra == 'Foo.Bar')",
    "foo; (extra == 'Foo.Bar') and os_name == 'posix'", "foo; os_name == 'posix' and (extra == 'Foo_Bar')",
    "foo; python_version >= '3' and (extra == 'Test_Suite' or extra == 'DOCS')",
    "foo[Test_Suite]; (extra == 'Test_Suite')", "foo @ https://x ; (extra == 'A_B' or extra == 'C.D')",
    "foo; extra == os_name", "foo; os_name == extra", "foo; python_version == python_full_version",
    "foo; 'a' == 'a'", "foo; os_name == 'po\\x73ix'", "foo; os_name == 'C:\\'",
    "foo; os_name == \"it's\"", "foo; os_name == 'say \"hi\"'", "foo; os_name notin 'x'",
    "foo; os_name not  in 'x'", "foo; os_name not\tin 'x'", "foo;python_version>='3' and(os_name=='nt'or os_name=='posix')",
    "foo; python_version >= '3.6' or python_version<'2'  and os_name == 'nt'",
    "foo>=1 and", "foo (>=1", "foo>=1 ; os_name=='po\\x73ix'", "foo\t>=1", "foo@https://x",
    "foo @ file:///tmp/x", "foo @ notaurl", "foo @ ./relative", "foo @ /abs", "foo @ C:\\path",
    "foo @ https://x#egg=foo", "foo @ https://x ; ", "foo @ https://x ;", "foo @ https://x;",
    "foo @ https://x  ;  os_name=='nt'", "foo @ https://x\t;\tos_name=='nt'", "foo @ https://x ; os_name",
    "foo[a,b,c,d,e,f,g]", "foo[A,a]", "foo[a,A]", "foo[a_b,a-b,a.b]", "foo[a,a]",
    "foo>=1.0,>=1.0.0", "foo==1.0,==1.0.0", "foo~=1.0,~=1.0.0", "foo>=1,<2,>=1",
    "foo>=" + "9" * 100, "foo==1." + "0" * 50, "x" * 200 + ">=1", "foo; os_name == '" + "x" * 200 + "'",
]


def build_req(samples) -> Cases:
    rng = random.Random(f"{SEED}-req")
    c = Cases("req")
    for s in samples.get("req", []):
        c.add(req=s["req"])
    # packaging's combinatorial grid
    for name, extras, (url, spec), marker, ws in itertools.product(
            REQ_GRID_NAMES, REQ_GRID_EXTRAS, REQ_GRID_URL_SPEC, REQ_GRID_MARKERS, ["", " ", "\t"]):
        parts = [name]
        if extras:
            parts += ["[", f"{ws},{ws}".join(sorted(extras)), "]"]
        if spec:
            parts.append(spec.format(ws=ws))
        if url is not None:
            parts += ["@", url.format(ws=ws)]
        if marker is not None:
            parts.append(" ;" if url is not None else ";")
            parts.append(marker.format(ws=ws))
        c.add(req=ws.join(parts))
    for r in PKG_REQS + REQ_EDGE:
        c.add(req=r)
    for m in NESTED_EXTRA_MARKERS + BAD_MARKERS[:30] + REALISTIC_MARKERS[::3]:
        c.add(req="foo; " + m)
        c.add(req=f"Foo_Bar[Test_Suite]>=1.0 ; {m}")
        c.add(req="foo @ https://example.com/foo.zip ; " + m)
    while len(c) < 7600:
        c.add(req=rand_req(rng))
    return c


def req_deviation(cmd, res):
    text = cmd["req"]
    try:
        r = Requirement(text)
    except Exception:  # noqa: BLE001
        assert not res.get("ok"), (cmd, res)
        return None
    assert res.get("ok") and res["result"] == str(r), (cmd, res, str(r))
    if r.marker is None:
        return None
    orig_marker = str(r.marker)
    assert res["marker"] == orig_marker
    r.marker._markers = fixed_markers(r.marker._markers)
    fixed_marker_str = str(r.marker)
    if fixed_marker_str == orig_marker:
        return None
    return {"deviation": {"reason": "nested-extra-normalization", "marker": fixed_marker_str,
                          "result": str(r)}}


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

README = """\
# PEP 440 / PEP 508 conformance vectors

Generated by `testdata/generator/generate_vectors.py` from the differential
oracle `shared/oracle/version_oracle.py` running **packaging {pkg}** (default
"modern" implementation; never `impl: pip`). Regenerate from the repository
root with

    python3 testdata/generator/generate_vectors.py

The script uses fixed seeds and literal inputs (packaging's own test tables
at tag 26.2, the oracle's sample probes, hand-written edge cases and a seeded
grammar-based fuzzer), so a re-run rewrites every file byte for byte.

Every `*.jsonl` file holds one case a line (keys sorted, compact, ASCII):

    {{"cmd": <oracle command, without "id">, "expect": <oracle result, without "id">}}

`expect.ok` is `true` with `result` (+ op-specific fields) or `false` with
`error` (the library's message) and `error_type` (`InvalidVersion`,
`InvalidSpecifier`, `InvalidRequirement`, `InvalidMarker`,
`UndefinedComparison`, `KeyError`, and `SyntaxError` for a quoted marker
string with a bad Python escape such as `'C:\\'` or `'\\x'`).

`canon.jsonl` has one case without `strip_trailing_zero` (an oracle sample;
the default is `true`). Oracle samples that use `impl: pip`, `installed`,
a marker `context` or list-valued `env`, or that are malformed, are left out.

| file | op | cases | what |
| --- | --- | ---: | --- |
{table}

Total: **{total}** cases.

## `marker-base-env.json`

The oracle's fixed base marker environment (`{{"op":"env"}}` -> `result`):
CPython 3.11.7 on Linux x86_64. Marker cases evaluate against this object with
the case's `env` overrides applied on top (all overrides are strings; only the
default `metadata` context is used, where `extra` defaults to `""`).

## Deviations (`deviation` key)

packaging 26.2 normalizes `extra` literals only at the top level of a marker
(`(extra == 'Foo_Bar')` with extra `foo-bar` is False, `extra == 'Foo_Bar'` is
True); 26.3 fixes this. The Java code follows the fixed behaviour, so cases
whose outcome differs carry

* marker.jsonl: `"deviation": {{"reason": "nested-extra-normalization", "result": <bool|null>, "normalized": <str(Marker)>}}`
* req.jsonl: `"deviation": {{"reason": "nested-extra-normalization", "marker": <str(Marker)>, "result": <str(Requirement)>}}`

computed by applying packaging's `_normalize_extras` to every comparison at
every nesting level. When present, the deviation wins over `expect`.
Cases with a deviation: marker.jsonl {mdev}, req.jsonl {rdev}.
"""


def main() -> int:
    if packaging.__version__ != "26.2":
        sys.exit(f"packaging 26.2 required (found {packaging.__version__}): the deviation "
                 "computation must use the same library as the oracle")
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    samples = load_samples()
    counts: dict[str, int] = {}
    descr: dict[str, tuple[str, str]] = {}

    env_res = run_oracle([{"op": "env"}])[0]
    base_env = env_res["result"]
    with open(OUT_DIR / "marker-base-env.json", "w", encoding="ascii", newline="\n") as f:
        f.write(dumps(base_env) + "\n")

    def emit(name, cases: Cases, what: str, extra=None):
        res = run_oracle(cases.cmds)
        counts[name] = write_jsonl(name, cases.cmds, res, extra)
        descr[name] = (cases.op, what)

    emit("version-parse.jsonl", build_parse(samples),
         "valid/invalid version strings: packaging's test tables, grammar fuzz (v prefix, epochs, "
         "every pre/post/dev spelling and separator, locals, whitespace incl. non-ASCII), mutations")
    emit("version-cmp.jsonl", build_cmp(),
         "all 92x92 ordered pairs of packaging's VERSIONS list, equal-after-normalization pairs, "
         "one-field-apart pairs, random pairs, some invalid")
    emit("version-sort.jsonl", build_sort(), "lists of 5-40 mixed versions (stable PEP 440 sort)")
    emit("canon.jsonl", build_canon(), "canonicalize_version with strip_trailing_zero true and false")
    emit("name.jsonl", build_name(), "PEP 503 normalization, validity, is_normalized")
    emit("spec.jsonl", build_spec(samples),
         "SpecifierSet parsing/normalization: every operator, invalid forms, duplicates, whitespace")
    emit("spec-contains.jsonl", build_contains(samples),
         "SpecifierSet.contains with prereleases null/true/false for every (spec, version) pair")
    emit("spec-filter.jsonl", build_filter(samples),
         "SpecifierSet.filter with prereleases null/true/false")

    mk = build_marker(samples)
    mres = run_oracle(mk.cmds)
    mdev = marker_deviation(base_env)
    counts["marker.jsonl"] = write_jsonl("marker.jsonl", mk.cmds, mres, mdev)
    descr["marker.jsonl"] = ("marker", "marker parsing, str() and evaluation over realistic environments")

    rq = build_req(samples)
    rres = run_oracle(rq.cmds)
    counts["req.jsonl"] = write_jsonl("req.jsonl", rq.cmds, rres, req_deviation)
    descr["req.jsonl"] = ("req", "PEP 508 requirement strings: packaging's grid, edge cases, fuzz")

    mdev_n, rdev_n = DEVIATIONS["marker.jsonl"], DEVIATIONS["req.jsonl"]
    if mdev_n + rdev_n < 20:
        raise SystemExit("fewer than 20 deviation cases")
    order = ["version-parse.jsonl", "version-cmp.jsonl", "version-sort.jsonl", "spec.jsonl",
             "spec-contains.jsonl", "spec-filter.jsonl", "marker.jsonl", "req.jsonl", "name.jsonl",
             "canon.jsonl"]
    rows = [f"| `{n}` | `{descr[n][0]}` | {counts[n]} | {descr[n][1]} |" for n in order]
    rows.append("| `marker-base-env.json` | `env` | 1 | base marker environment (single JSON object) |")
    total = sum(counts.values())
    with open(OUT_DIR / "README.md", "w", encoding="utf-8", newline="\n") as f:
        f.write(README.format(pkg=packaging.__version__, table="\n".join(rows), total=total,
                              mdev=mdev_n, rdev=rdev_n))
    for n in order:
        size = (OUT_DIR / n).stat().st_size
        print(f"{n:24s} {counts[n]:7d} cases {size:10d} bytes")
        if size >= 8 * 1024 * 1024:
            raise SystemExit(f"{n} is larger than 8 MB")
    print(f"{'total':24s} {total:7d} cases; deviations: marker {mdev_n}, req {rdev_n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
