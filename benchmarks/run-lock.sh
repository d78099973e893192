#!/usr/bin/env bash
# Locks the garak corpus' pyproject.toml (extra remote) for x86_64 and aarch64 against a local
# simple index with PEP 658 metadata files and injected latency (default 50 ms): cold, and from a
# warm response cache. Writes results/lock.md.
# Usage: run-lock.sh [latency-ms] [runs]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
{
  echo "# Lock of the garak corpus for two targets ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -Xmx1g -cp "$jar" io.pyhermetic.bench.LockBenchmark "${1:-50}" "${2:-3}"
} | tee "$here/results/lock.md"
