#!/usr/bin/env bash
# Parse and sort versions: pyhermetic (whole process, JVM start-up included, and in-process
# after warm-up) against packaging.version in the same run, on the same input, for several
# distributions of versions:
#   mixed    200,000 seeded versions shaped like what an index serves (make_versions.py)
#   uniform  200,000 seeded A.B.C (0-30 each) + one of '', rc1, .post2, .dev3, a4, +local.1
#   local    200,000 seeded A.B.C with long local labels (+ubuntu.20.04.build.12345.abcdef)
#   corpus   every version string of the test data (requirements pins, conformance vectors)
# The whole process runs twice: with the JVM's defaults, and as ./pyhermetic starts the command
# line (its JVM flags and an AppCDS archive made the same way, from a run on 2,000 versions).
# Both sides must sort every input identically (same digest of the sorted list).
# Needs python3 with packaging installed. Writes results/version-sort.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
n="${N:-200000}"
repeat="${REPEAT:-5}"
shapes="${SHAPES:-mixed uniform local corpus}"
build_jars
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/baseline/make_versions.py" 2000 2026 mixed > "$work/training.txt"
make_cds_archive "$work/bench.jsa" "$jar" io.pyhermetic.bench.VersionParseSort "$work/training.txt" 1
load_before="$(uptime | sed -E 's/.*load average: //')"

rows=()
for shape in $shapes; do
  input="$work/$shape.txt"
  if [ "$shape" = corpus ]; then
    python3 "$here/baseline/corpus_versions.py" "$root/testdata/src/main/resources/io/pyhermetic/testdata" > "$input"
  else
    python3 "$here/baseline/make_versions.py" "$n" 2026 "$shape" > "$input"
  fi
  count="$(wc -l < "$input" | tr -d ' ')"

  py_inproc="$(python3 "$here/baseline/packaging_parse_sort.py" "$input" "$repeat" | awk '{print $1}' | median)"
  py_whole=()
  java_whole=()
  java_cds=()
  for _ in $(seq "$repeat"); do
    t0=$(now); python3 "$here/baseline/packaging_parse_sort.py" "$input" 1 > "$work/py.out"; t1=$(now)
    py_whole+=("$(echo "$t1 - $t0" | bc -l)")
    t0=$(now); java -cp "$jar" io.pyhermetic.bench.VersionParseSort "$input" 1 > "$work/java.out"; t1=$(now)
    java_whole+=("$(echo "$t1 - $t0" | bc -l)")
    t0=$(now); java "${wrapper_flags[@]}" -XX:SharedArchiveFile="$work/bench.jsa" -cp "$jar" io.pyhermetic.bench.VersionParseSort "$input" 1 > "$work/cds.out"; t1=$(now)
    java_cds+=("$(echo "$t1 - $t0" | bc -l)")
  done
  # Both must agree on the whole sorted list: count, extremes and digest of the order.
  for out in java cds; do
    if [ "$(cut -d' ' -f2- "$work/py.out")" != "$(cut -d' ' -f2- "$work/$out.out")" ]; then
      echo "$shape: outputs differ: $(cat "$work/py.out") vs $(cat "$work/$out.out")" >&2
      exit 1
    fi
  done
    # Warm-up of at least 4 million versions whatever the input's size, so that a short input
  # (the corpus) is measured as settled as a long one.
  warmup=$(( (4000000 + count - 1) / count ))
  [ "$warmup" -lt 15 ] && warmup=15
  java_inproc="$(java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "$jar" io.pyhermetic.bench.VersionParseSort "$input" $((repeat + warmup)) | tail -n "$repeat" | awk '{print $1}' | median)"
  py_whole_m="$(printf '%s\n' "${py_whole[@]}" | median)"
  java_whole_m="$(printf '%s\n' "${java_whole[@]}" | median)"
  java_cds_m="$(printf '%s\n' "${java_cds[@]}" | median)"
  rows+=("$(printf '| %s (%s) | whole process, start-up included (the wrapper'"'"'s JVM flags and AppCDS archive) | %.3f | %.3f | %.1fx |' "$shape" "$count" "$py_whole_m" "$java_cds_m" "$(echo "$py_whole_m / $java_cds_m" | bc -l)")")
  rows+=("$(printf '| %s (%s) | the same with the JVM'"'"'s defaults (`java -cp`) | %.3f | %.3f | %.1fx |' "$shape" "$count" "$py_whole_m" "$java_whole_m" "$(echo "$py_whole_m / $java_whole_m" | bc -l)")")
  rows+=("$(printf '| %s (%s) | parse + sort in process (Java after warm-up) | %.3f | %.3f | %.1fx |' "$shape" "$count" "$py_inproc" "$java_inproc" "$(echo "$py_inproc / $java_inproc" | bc -l)")")
done

packaging_version="$(python3 -c 'import packaging; print(packaging.__version__)')"
{
  echo "# Parse and sort versions ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "Median of $repeat runs (whole processes interleaved); packaging $packaging_version on $(python3 --version 2>&1), $(java -version 2>&1 | head -n1)."
  echo "Load average before: $load_before."
  echo "Inputs (count in brackets): mixed = index-like mix, uniform = A.B.C (0-30) + one of '', rc1, .post2, .dev3, a4, +local.1,"
  echo "local = A.B.C + long local labels, corpus = every version string of the test data; the first three seeded."
  echo "Both sides sort every input identically (same SHA-256 of the sorted list)."
  echo
  echo "| input | measure | packaging (s) | pyhermetic (s) | ratio |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$here/results/version-sort.md"
