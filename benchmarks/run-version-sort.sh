#!/usr/bin/env bash
# Parse and sort 200,000 versions: pyhermetic (whole process, JVM start-up included, and
# in-process after warm-up) against packaging.version in the same run, on the same input.
# Needs python3 with packaging installed. Writes results/version-sort.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n="${N:-200000}"
repeat="${REPEAT:-5}"
build_jars
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/baseline/make_versions.py" "$n" > "$work/versions.txt"


py_inproc="$(python3 "$here/baseline/packaging_parse_sort.py" "$work/versions.txt" "$repeat" | awk '{print $1}' | median)"
py_whole=()
java_whole=()
for _ in $(seq "$repeat"); do
  t0=$(now); python3 "$here/baseline/packaging_parse_sort.py" "$work/versions.txt" 1 > "$work/py.out"; t1=$(now)
  py_whole+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); java -cp "$jar" io.pyhermetic.bench.VersionParseSort "$work/versions.txt" 1 > "$work/java.out"; t1=$(now)
  java_whole+=("$(echo "$t1 - $t0" | bc -l)")
done
# Both must agree on the extremes of the sorted list.
if [ "$(cut -d' ' -f2- "$work/py.out")" != "$(cut -d' ' -f2- "$work/java.out")" ]; then
  echo "outputs differ: $(cat "$work/py.out") vs $(cat "$work/java.out")" >&2
  exit 1
fi
# In-process: a fixed, pre-touched heap and enough repetitions for the JIT to settle.
java_inproc="$(java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "$jar" io.pyhermetic.bench.VersionParseSort "$work/versions.txt" $((repeat + 15)) | tail -n "$repeat" | awk '{print $1}' | median)"
py_whole_m="$(printf '%s\n' "${py_whole[@]}" | median)"
java_whole_m="$(printf '%s\n' "${java_whole[@]}" | median)"

packaging_version="$(python3 -c 'import packaging; print(packaging.__version__)')"
{
  echo "# Parse and sort $n versions ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "Median of $repeat runs; packaging $packaging_version on $(python3 --version 2>&1), $(java -version 2>&1 | head -n1)."
  echo
  echo "| measure | packaging (s) | pyhermetic (s) | ratio |"
  echo "|---|---|---|---|"
  printf '| whole process, start-up included | %.3f | %.3f | %.1fx |\n' "$py_whole_m" "$java_whole_m" "$(echo "$py_whole_m / $java_whole_m" | bc -l)"
  printf '| parse + sort in process (Java after warm-up) | %.3f | %.3f | %.1fx |\n' "$py_inproc" "$java_inproc" "$(echo "$py_inproc / $java_inproc" | bc -l)"
} | tee "$here/results/version-sort.md"
