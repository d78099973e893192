#!/usr/bin/env bash
# Release metadata for 200 packages from a local server with 50 ms latency per request, with the
# default concurrency and with one request at a time, in the same run. Writes
# results/index-concurrency.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
{
  echo "# Index metadata for 200 packages, 50 ms latency ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -cp "$jar" io.pyhermetic.bench.IndexConcurrency
} | tee "$here/results/index-concurrency.md"
