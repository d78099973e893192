#!/usr/bin/env bash
# Whole-process `pyhermetic check` (with and without --hermeto) of generated hash-pinned files of
# 10k, 20k, 50k and 100k pins (two --hash lines each, as uv and pip-compile write them): wall time
# and peak RSS from /usr/bin/time -v, with the JVM flags ./pyhermetic uses (no AppCDS archive).
# The time per pin must stay flat: no rule may search the whole file for each entry. Writes
# results/check-scaling.md.
# Usage: run-check-scaling.sh [sizes...]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build_jars --cli
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 20000 50000 100000)
{
  echo "# check scaling ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| pins | file MiB | mode | seconds | peak RSS MiB | µs per pin |"
  echo "|---|---|---|---|---|---|"
  for n in "${sizes[@]}"; do
    file="$work/pins-$n.txt"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) {
      h = sprintf("%064x", i); printf "pkg%d==1.0.%d \\\n    --hash=sha256:%s \\\n    --hash=sha256:%s\n", i, i, h, h } }' >"$file"
    mib=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
    for mode in --hermeto plain; do
      args=(check "$file")
      [ "$mode" = plain ] || args=(check --hermeto "$file")
      /usr/bin/time -v -o "$work/time" java "${wrapper_flags[@]}" -jar "$cli_jar" "${args[@]}" >/dev/null || true
      secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time")
      rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/time")
      per=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.0f", s * 1e6 / n }')
      echo "| $n | $mib | $mode | $secs | $rss | $per |"
    done
  done
} | tee "$here/results/check-scaling.md"
