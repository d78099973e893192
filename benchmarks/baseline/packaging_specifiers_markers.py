#!/usr/bin/env python3
"""Baseline: packaging's SpecifierSet.contains and Marker.evaluate on the inputs
SpecifierMarkerInputs writes (specifiers.tsv, markers.txt, environment.json).

    packaging_specifiers_markers.py DIR [REPEAT]

Four measures over the whole input, as the Java benchmark does:
  specifier_contains        SpecifierSet(...).contains(Version(...), prereleases) with both parsed beforehand
  specifier_parse_contains  the same, parsing both inside the timing
  marker_evaluate           Marker(...).evaluate(env) with the markers parsed beforehand
  marker_parse_evaluate     the same, parsing inside the timing

Prints "<measure> <seconds>" per repetition, then "specifiers <cases> <true> <digest>" and
"markers <count> <true> <digest>" (digest: the first 8 bytes of the SHA-256 of one '1' or '0'
per case, in order) so the caller can check that both sides agree on every case.
"""
import hashlib
import json
import sys
import time
from pathlib import Path

from packaging.markers import Marker
from packaging.specifiers import SpecifierSet
from packaging.version import Version


def main():
    root = Path(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    cases = []
    for line in (root / "specifiers.tsv").read_text(encoding="utf-8").splitlines():
        spec, version, flag = line.split("\t")
        cases.append((spec, version, {"": None, "true": True, "false": False}[flag]))
    marker_texts = (root / "markers.txt").read_text(encoding="utf-8").splitlines()
    env = json.loads((root / "environment.json").read_text(encoding="utf-8"))
    parsed = [(SpecifierSet(s), Version(v), p) for s, v, p in cases]
    markers = [Marker(m) for m in marker_texts]

    def specifier_contains():
        return sum(1 for s, v, p in parsed if s.contains(v, prereleases=p))

    def specifier_parse_contains():
        return sum(1 for s, v, p in cases if SpecifierSet(s).contains(Version(v), prereleases=p))

    def marker_evaluate():
        return sum(1 for m in markers if m.evaluate(env))

    def marker_parse_evaluate():
        return sum(1 for m in marker_texts if Marker(m).evaluate(env))

    measures = [specifier_contains, specifier_parse_contains, marker_evaluate, marker_parse_evaluate]
    counts = {}
    for _ in range(repeat):
        for measure in measures:
            start = time.perf_counter()
            counts[measure.__name__] = measure()
            print(f"{measure.__name__} {time.perf_counter() - start:.6f}", flush=True)
    if counts["specifier_contains"] != counts["specifier_parse_contains"]:
        sys.exit("parsed and unparsed specifier counts differ")
    if counts["marker_evaluate"] != counts["marker_parse_evaluate"]:
        sys.exit("parsed and unparsed marker counts differ")
    spec_outcomes = "".join("1" if s.contains(v, prereleases=p) else "0" for s, v, p in parsed)
    marker_outcomes = "".join("1" if m.evaluate(env) else "0" for m in markers)
    print(f"specifiers {len(cases)} {summary(spec_outcomes)}")
    print(f"markers {len(marker_texts)} {summary(marker_outcomes)}")


def summary(outcomes):
    digest = hashlib.sha256(outcomes.encode("ascii")).hexdigest()[:16]
    return f"{outcomes.count('1')} {digest}"


if __name__ == "__main__":
    main()
