#!/usr/bin/env bash
# Parse and sort 200,000 versions: pyhermetic (whole process, JVM start-up included, and
# in-process after warm-up) against packaging.version in the same run, on the same input. The
# whole process runs twice: with the JVM's defaults, and as ./pyhermetic starts the command line
# (its JVM flags and an AppCDS archive made the same way, from a run on 2,000 versions).
# Needs python3 with packaging installed. Writes results/version-sort.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n="${N:-200000}"
repeat="${REPEAT:-5}"
build_jars
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/baseline/make_versions.py" "$n" > "$work/versions.txt"
head -n 2000 "$work/versions.txt" > "$work/training.txt"
make_cds_archive "$work/bench.jsa" "$jar" io.pyhermetic.bench.VersionParseSort "$work/training.txt" 1
load_before="$(uptime | sed -E 's/.*load average: //')"

py_inproc="$(python3 "$here/baseline/packaging_parse_sort.py" "$work/versions.txt" "$repeat" | awk '{print $1}' | median)"
py_whole=()
java_whole=()
java_cds=()
for _ in $(seq "$repeat"); do
  t0=$(now); python3 "$here/baseline/packaging_parse_sort.py" "$work/versions.txt" 1 > "$work/py.out"; t1=$(now)
  py_whole+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); java -cp "$jar" io.pyhermetic.bench.VersionParseSort "$work/versions.txt" 1 > "$work/java.out"; t1=$(now)
  java_whole+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); java "${wrapper_flags[@]}" -XX:SharedArchiveFile="$work/bench.jsa" -cp "$jar" io.pyhermetic.bench.VersionParseSort "$work/versions.txt" 1 > "$work/cds.out"; t1=$(now)
  java_cds+=("$(echo "$t1 - $t0" | bc -l)")
done
# Both must agree on the extremes of the sorted list.
for out in java cds; do
  if [ "$(cut -d' ' -f2- "$work/py.out")" != "$(cut -d' ' -f2- "$work/$out.out")" ]; then
    echo "outputs differ: $(cat "$work/py.out") vs $(cat "$work/$out.out")" >&2
    exit 1
  fi
done
# In-process: a fixed, pre-touched heap and enough repetitions for the JIT to settle.
java_inproc="$(java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "$jar" io.pyhermetic.bench.VersionParseSort "$work/versions.txt" $((repeat + 15)) | tail -n "$repeat" | awk '{print $1}' | median)"
py_whole_m="$(printf '%s\n' "${py_whole[@]}" | median)"
java_whole_m="$(printf '%s\n' "${java_whole[@]}" | median)"
java_cds_m="$(printf '%s\n' "${java_cds[@]}" | median)"

packaging_version="$(python3 -c 'import packaging; print(packaging.__version__)')"
{
  echo "# Parse and sort $n versions ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "Median of $repeat runs (whole processes interleaved); packaging $packaging_version on $(python3 --version 2>&1), $(java -version 2>&1 | head -n1)."
  echo "Load average before: $load_before."
  echo
  echo "| measure | packaging (s) | pyhermetic (s) | ratio |"
  echo "|---|---|---|---|"
  printf '| whole process, start-up included (the wrapper'"'"'s JVM flags and AppCDS archive) | %.3f | %.3f | %.1fx |\n' "$py_whole_m" "$java_cds_m" "$(echo "$py_whole_m / $java_cds_m" | bc -l)"
  printf '| the same with the JVM'"'"'s defaults (`java -cp`) | %.3f | %.3f | %.1fx |\n' "$py_whole_m" "$java_whole_m" "$(echo "$py_whole_m / $java_whole_m" | bc -l)"
  printf '| parse + sort in process (Java after warm-up) | %.3f | %.3f | %.1fx |\n' "$py_inproc" "$java_inproc" "$(echo "$py_inproc / $java_inproc" | bc -l)"
} | tee "$here/results/version-sort.md"
