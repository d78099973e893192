#!/usr/bin/env bash
# Build dependencies of the corpus' x86_64 pins against a local index whose build graph follows
# the corpus' requirements-build.txt, with injected latency (default 50 ms): cold at the default
# concurrency, serial, and from a warm response cache, in the same run. Writes
# results/build-deps.md.
# Usage: run-build-deps.sh [latency-ms] [runs]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
{
  echo "# Build dependencies of the corpus ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -Xmx1g -cp "$jar" io.pyhermetic.bench.BuildDepsBenchmark "${1:-50}" "${2:-3}"
} | tee "$here/results/build-deps.md"
# The same build graph through the command line, one process per run from start to exit.
build_jars --cli
java -cp "$jar" io.pyhermetic.bench.ProcessBenchmark "$cli_jar" build-deps "${1:-50}" "${2:-3}" \
  | tee -a "$here/results/build-deps.md"
