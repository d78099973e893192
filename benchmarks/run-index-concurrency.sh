#!/usr/bin/env bash
# Release metadata for 200 packages from a local server with 50 ms latency per request, with the
# default concurrency and with one request at a time, in the same run. Writes
# results/index-concurrency.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package -pl benchmarks -am)
fi
{
  echo "# Index metadata for 200 packages, 50 ms latency ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -cp "$jar" io.pyhermetic.bench.IndexConcurrency
} | tee "$here/results/index-concurrency.md"
