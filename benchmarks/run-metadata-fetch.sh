#!/usr/bin/env bash
# Core metadata of the corpus' 213 x86_64 pins from a local simple index (project page, then the
# PEP 658 metadata file) with injected latency (default 50 ms): cold at the default concurrency,
# serial, and from a warm on-disk response cache, with peak heap, in the same run. Writes
# results/metadata-fetch.md.
# Usage: run-metadata-fetch.sh [latency-ms] [runs]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
{
  echo "# Metadata of the corpus' 213 pins ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -Xmx1g -cp "$jar" io.pyhermetic.bench.MetadataFetchBenchmark "${1:-50}" "${2:-5}"
} | tee "$here/results/metadata-fetch.md"
