#!/usr/bin/env bash
# Whole-process `pyhermetic plan` of the corpus-shaped pins against a local index with injected
# latency (default 50 ms), cold: wall time and peak RSS. Writes results/plan.md.
# Usage: run-plan.sh [latency-ms] [runs]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars --cli
{
  echo "# Plan of the corpus ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  java -cp "$jar" io.pyhermetic.bench.ProcessBenchmark "$cli_jar" plan "${1:-50}" "${2:-3}"
} | tee "$here/results/plan.md"
