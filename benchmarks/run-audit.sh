#!/usr/bin/env bash
# Audit of the corpus' per-architecture files (213 pins) for x86_64 and aarch64 against a local
# simple index with injected latency (default 50 ms): cold at the default concurrency, serial, and
# from a warm response cache, in the same run. Writes results/audit.md.
# Usage: run-audit.sh [latency-ms] [runs]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars
{
  echo "# Audit of the corpus for two targets ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -Xmx1g -cp "$jar" io.pyhermetic.bench.AuditBenchmark "${1:-50}" "${2:-5}"
} | tee "$here/results/audit.md"
