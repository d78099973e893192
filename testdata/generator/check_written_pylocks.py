#!/usr/bin/env python3
"""Check that every pylock.toml the Java writer produced is valid for packaging.

Run from the repository root after the core tests (PylockWriterTest writes its
files to core/target/written-pylocks/):

    mvn -B -ntp test -pl core -am -Dtest=PylockWriterTest -Dsurefire.failIfNoSpecifiedTests=false
    python3 testdata/generator/check_written_pylocks.py [DIR...]

Each file goes through tomllib and packaging 26.2's Pylock.from_dict; the
committed garak lock in testdata is checked too. Exit status 1 if any file
is rejected.
"""

from __future__ import annotations

import logging
import sys
import tomllib
from pathlib import Path

import packaging
from packaging.pylock import Pylock, PylockValidationError

DEFAULTS = [
    Path("core/target/written-pylocks"),
    Path("testdata/src/main/resources/io/pyhermetic/testdata/lockfile/garak-2025-12"),
    Path("testdata/src/main/resources/io/pyhermetic/testdata/lockfile/small"),
]


def main(argv: list[str]) -> int:
    if packaging.__version__ != "26.2":
        raise SystemExit(f"packaging 26.2 required, found {packaging.__version__}")
    logging.disable(logging.WARNING)
    dirs = [Path(a) for a in argv] or DEFAULTS
    files = sorted(f for d in dirs for f in d.glob("*.toml"))
    if not files:
        raise SystemExit("no files to check: run the core tests first")
    bad = 0
    for f in files:
        try:
            Pylock.from_dict(tomllib.loads(f.read_text(encoding="utf-8")))
        except (PylockValidationError, tomllib.TOMLDecodeError) as e:
            bad += 1
            print(f"{f}: {e}")
    print(f"{len(files)} files, {len(files) - bad} accepted by Pylock.from_dict, {bad} rejected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
