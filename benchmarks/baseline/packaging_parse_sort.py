#!/usr/bin/env python3
"""Baseline: parse every line of a file with packaging.version.Version, then sort.

    packaging_parse_sort.py versions.txt [REPEAT]

Prints one line per repetition: "<seconds> <count> <first> <last> <digest>", where the
digest (SHA-256 of the normalized versions in sorted order, one a line, taken after the
clock stops, after the last repetition only) lets a caller check that another implementation sorts identically.
"""
import hashlib
import sys
import time

from packaging.version import Version


def digest(versions):
    h = hashlib.sha256()
    for v in versions:
        h.update(str(v).encode("ascii"))
        h.update(b"\n")
    return h.hexdigest()[:16]


def main():
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for r in range(repeat):
        start = time.perf_counter()
        versions = [Version(s) for s in lines]
        versions.sort()
        elapsed = time.perf_counter() - start
        print(
            f"{elapsed:.6f} {len(versions)} {versions[0]} {versions[-1]} "
            f"{digest(versions) if r == repeat - 1 else '-'}",
            flush=True,
        )


if __name__ == "__main__":
    main()
