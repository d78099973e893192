#!/usr/bin/env bash
# JMH: diff, merge and split of two generated per-architecture files of 10,000 pinned, hashed
# entries (COUNTS="10000 20000" also shows that doubling the entries doubles the time). QUICK=1
# shortens warm-up and measurement. Writes results/multi-arch.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
counts="${COUNTS:-10000}"
if [ "${QUICK:-0}" = 1 ]; then
  jmh_opts=(-wi 2 -w 1 -i 3 -r 1)
else
  jmh_opts=()
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
java -jar "$jar" MultiArchBenchmark -p count="${counts// /,}" "${jmh_opts[@]}" > "$log"
{
  echo "# Diff, merge and split of two generated per-architecture files ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "JMH (\`java -jar benchmarks/target/benchmarks.jar MultiArchBenchmark -p count=${counts// /,}${jmh_opts[*]:+ ${jmh_opts[*]}}\`),"
  echo "after parsing; each file has \`count\` pinned entries with three hashes and a \`# via\` line; every"
  echo "20th project is x86_64 only."
  echo
  echo '```'
  sed -n '/^Benchmark /,$p' "$log"
  echo '```'
} | tee "$here/results/multi-arch.md"
