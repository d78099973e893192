#!/usr/bin/env bash
# Specifier `contains` and marker evaluation: JMH for pyhermetic and packaging in the same run, on
# the same generated inputs (about 5,000 specifier cases around the corpus' pins and 5,000 markers
# evaluated for CPython 3.12 on Linux x86_64), with parsing outside and inside the timing. Both
# sides must agree on every outcome. Without python3 and packaging the Python side is skipped.
# QUICK=1 shortens JMH and the Python repetitions. Writes results/specifier-marker.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
if [ "${QUICK:-0}" = 1 ]; then
  jmh_opts=(-wi 2 -w 1 -i 3 -r 1)
  repeat=3
else
  jmh_opts=()
  repeat="${REPEAT:-7}"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java -cp "$jar" io.pyhermetic.bench.SpecifierMarkerInputs "$work" > "$work/java-outcomes.txt"
python_note=""
if ! command -v python3 > /dev/null; then
  python_note="python3 is not installed: the packaging side was skipped."
elif ! python3 -c 'import packaging.specifiers, packaging.markers' 2> /dev/null; then
  python_note="packaging is not importable by python3: the packaging side was skipped."
else
  python3 "$here/baseline/packaging_specifiers_markers.py" "$work" "$repeat" > "$work/python.txt"
  if ! diff <(grep -E '^(specifiers|markers) ' "$work/python.txt") "$work/java-outcomes.txt" > /dev/null; then
    echo "pyhermetic and packaging disagree:" >&2
    grep -E '^(specifiers|markers) ' "$work/python.txt" >&2
    cat "$work/java-outcomes.txt" >&2
    exit 1
  fi
fi
[ -n "$python_note" ] && echo "$python_note" >&2

java -jar "$jar" SpecifierMarkerBenchmark "${jmh_opts[@]}" -rf csv -rff "$work/jmh.csv" > "$work/jmh.log"
# The JMH score of one benchmark method, in ms per pass over all inputs.
jmh_ms() { awk -F, -v m="\"io.pyhermetic.bench.SpecifierMarkerBenchmark.$1\"" '$1 == m {print $5}' "$work/jmh.csv"; }
py_ms() { awk -v m="$1" '$1 == m {print $2 * 1000}' "$work/python.txt" | median; }

specs="$(awk '{print $2}' <(grep '^specifiers ' "$work/java-outcomes.txt"))"
markers="$(awk '{print $2}' <(grep '^markers ' "$work/java-outcomes.txt"))"
{
  echo "# Specifier contains and marker evaluation ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "$specs specifier cases around the corpus' 213 pins and $markers markers (SpecifierMarkerInputs,"
  echo "fixed seed), evaluated for CPython 3.12 on Linux x86_64; each figure is one pass over all of them."
  echo "pyhermetic: JMH mean ($(java -version 2>&1 | head -n1)); packaging: median of $repeat passes."
  if [ -n "$python_note" ]; then
    echo
    echo "$python_note"
    echo
    echo "| measure | pyhermetic (ms) |"
    echo "|---|---|"
    for m in specifierContains specifierParseContains markerEvaluate markerParseEvaluate; do
      printf '| %s | %.3f |\n' "$m" "$(jmh_ms "$m")"
    done
  else
    echo "Both sides agree on every outcome: $(cat "$work/java-outcomes.txt" | tr '\n' ';' | sed 's/;$//; s/;/; /') (cases, true, digest)."
    echo "packaging $(python3 -c 'import packaging; print(packaging.__version__)') on $(python3 --version 2>&1)."
    echo
    echo "| measure | packaging (ms) | pyhermetic (ms) | ratio |"
    echo "|---|---|---|---|"
    row() {
      local py java
      py="$(py_ms "$2")"
      java="$(jmh_ms "$3")"
      printf '| %s | %.2f | %.3f | %.1fx |\n' "$1" "$py" "$java" "$(echo "$py / $java" | bc -l)"
    }
    row 'specifier `contains`, parsed beforehand' specifier_contains specifierContains
    row 'specifier parse + `contains`' specifier_parse_contains specifierParseContains
    row 'marker `evaluate`, parsed beforehand' marker_evaluate markerEvaluate
    row 'marker parse + `evaluate`' marker_parse_evaluate markerParseEvaluate
  fi
} | tee "$here/results/specifier-marker.md"
