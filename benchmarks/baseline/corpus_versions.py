#!/usr/bin/env python3
"""Writes every version string found in the test data: the pins of the requirements
corpora and the versions of the conformance vectors, one a line, in file order,
repeated as written (no de-duplication).

    corpus_versions.py RESOURCES_DIR > versions.txt

Only strings that packaging accepts and that survive a line-per-version file
unchanged (printable ASCII, no surrounding whitespace) are kept.
"""
import json
import pathlib
import re
import sys

from packaging.version import InvalidVersion, Version

PIN = re.compile(r"===?\s*([A-Za-z0-9_.!+-]+)")
VECTOR_KEYS = ("v", "a", "b", "versions")


def candidates(root):
    for path in sorted(root.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for match in PIN.finditer(line.split("#", 1)[0]):
                yield match.group(1)
    for path in sorted((root / "vectors").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cmd = json.loads(line)["cmd"]
            if cmd.get("op") not in ("parse", "cmp", "sort", "contains", "filter", "canon"):
                continue
            for key in VECTOR_KEYS:
                value = cmd.get(key)
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from (v for v in value if isinstance(v, str))


def usable(text):
    if not (text.isascii() and text.isprintable() and text == text.strip() and text):
        return False
    try:
        Version(text)
    except InvalidVersion:
        return False
    return True


def main():
    root = pathlib.Path(sys.argv[1])
    out = sys.stdout
    for text in candidates(root):
        if usable(text):
            out.write(text + "\n")


if __name__ == "__main__":
    main()
