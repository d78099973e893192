#!/usr/bin/env bash
# Runs every benchmark in one go and writes BENCHMARKS.md at the repository root: the machine and
# its load before and after, the exact commands, the issue targets next to the measured figures,
# and each results/*.md the scripts write. Ratios come from one run on one machine; absolute times
# are context. Not part of the Maven build, so CI never runs it.
#
# QUICK=1 takes fewer repetitions and shorter JMH phases (about half the time); LATENCY=ms changes
# the injected index latency (default 50); BUILD=0 reuses the jars already built.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
quick="${QUICK:-0}"
latency="${LATENCY:-50}"
if [ "$quick" = 1 ]; then
  repeat=3 net_runs=3 build_runs=1
else
  repeat=5 net_runs=5 build_runs=3
fi
commands=()
run() {
  commands+=("$*")
  echo ">>> $*" >&2
  env "$@" >&2
}
have_python() { command -v python3 > /dev/null && python3 -c "import $1" 2> /dev/null; }

started="$(date -u '+%Y-%m-%d %H:%M UTC')"
load_before="$(uptime)"
t0="$(date +%s)"
if [ "${BUILD:-1}" != 0 ]; then
  build=(mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package)
  commands+=("${build[*]} -o")
  echo ">>> ${build[*]}" >&2
  "${build[@]}" -o || "${build[@]}"
fi

skipped=()
if have_python packaging.version; then
  run REPEAT="$repeat" benchmarks/run-version-sort.sh
else
  skipped+=("version parse + sort against packaging: python3 with packaging is missing")
fi
if have_python pip; then
  run REPEAT="$repeat" benchmarks/run-reqfile-parse.sh
else
  skipped+=("requirements-file parse against pip: python3 with pip is missing")
fi
run QUICK="$quick" benchmarks/run-specifier-marker.sh
run QUICK="$quick" benchmarks/run-multi-arch.sh
run benchmarks/run-index-concurrency.sh
run benchmarks/run-metadata-fetch.sh "$latency" "$net_runs"
run benchmarks/run-audit.sh "$latency" "$net_runs"
run benchmarks/run-build-deps.sh "$latency" "$build_runs"
run benchmarks/run-lock.sh "$latency" "$net_runs"
run benchmarks/run-plan.sh "$latency" "$build_runs"
load_after="$(uptime)"
elapsed=$(($(date +%s) - t0))

results="$here/results"
# A figure from a results table: the cell in column $3 of the row whose first cell matches $2.
cell() {
  awk -F'|' -v key="$2" -v col="$3" '
    { first = $2; gsub(/^ +| +$/, "", first) }
    first ~ key { v = $col; gsub(/^ +| +$/, "", v); print v; exit }' "$results/$1"
}
# "yes" when the awk condition on the figures holds.
meets() { awk "BEGIN { exit !($1) }" && echo yes || echo no; }

ic_default="$(cell index-concurrency.md '^default$' 4)"
ic_serial="$(cell index-concurrency.md '^serial$' 4)"
au_cold="$(cell audit.md '^cold$' 4)"
au_warm="$(cell audit.md '^warm cache' 4)"
au_serial="$(cell audit.md '^cold, serial$' 4)"
bd_cold="$(cell build-deps.md '^cold$' 4)"
bd_serial="$(cell build-deps.md '^cold, serial' 4)"
bd_warm="$(cell build-deps.md '^warm cache' 4)"
bd_heap="$(awk -v a="$(cell build-deps.md '^cold$' 5)" -v b="$(cell build-deps.md '^warm cache' 5)" 'BEGIN { print (a > b ? a : b) }')"
bd_ratio="$(awk -v s="$bd_serial" -v c="$bd_cold" 'BEGIN { printf "%.1f", s / c }')"
md_cold="$(cell metadata-fetch.md '^cold$' 4)"
md_serial="$(cell metadata-fetch.md '^cold, serial$' 4)"
md_warm="$(cell metadata-fetch.md '^warm cache' 4)"
# whole-process ratios against Python (the rows run as ./pyhermetic runs: its flags and CDS archive)
rp_whole="$(cell reqfile-parse.md '^whole process' 5 2> /dev/null || true)"

cores="$(nproc)"
loaded_note=""
# Only the load before the run tells of other work: the load after includes the benchmarks.
load_start="$(echo "$load_before" | sed -E 's/.*load average: ([0-9.]+).*/\1/')"
if awk -v l="$load_start" -v c="$cores" 'BEGIN { exit !(l >= c / 2) }'; then
  loaded_note="The machine was shared: its 1-minute load average was $load_start on $cores cores before the run started (other jobs competing for the CPU; the load after also counts the benchmarks themselves). Absolute times are pessimistic; the ratios, measured side by side in the same run, are the figures to compare."
fi
os="$(. /etc/os-release 2> /dev/null && echo "$PRETTY_NAME") ($(uname -srm))"
cpu="$(lscpu 2> /dev/null | sed -n 's/^Model name: *//p' | head -n1)"
python_line="not installed"
if command -v python3 > /dev/null; then
  python_line="$(python3 --version 2>&1)"
  python_line+=", pip $(python3 -m pip --version 2> /dev/null | awk '{print $2}' || echo missing)"
  python_line+=", packaging $(python3 -c 'import packaging; print(packaging.__version__)' 2> /dev/null || echo missing)"
fi

{
  echo "# Benchmarks"
  echo
  echo "Written by \`benchmarks/run-all.sh\`$([ "$quick" = 1 ] && echo " (QUICK=1)") on $started; the run took ${elapsed} s."
  echo "Python baselines run in the same run on the same inputs; ratios are the figures, absolute"
  echo "times are context. Index benchmarks use a local server with ${latency} ms latency per request."
  echo
  echo "## Machine"
  echo
  echo "- CPU: ${cpu:-unknown}, $cores cores (\`nproc\`)"
  echo "- Memory: $(free -m | awk '/^Mem:/ {print $2}') MiB"
  echo "- OS: $os"
  echo "- JDK: $(java -version 2>&1 | head -n1); $(java -version 2>&1 | tail -n1)"
  echo "- Python: $python_line"
  echo "- Load before: \`$(echo "$load_before" | sed 's/^ *//')\`"
  echo "- Load after: \`$(echo "$load_after" | sed 's/^ *//')\`"
  if [ -n "$loaded_note" ]; then
    echo
    echo "$loaded_note"
  fi
  echo
  echo "## Commands"
  echo
  echo "From the repository root, in this order:"
  echo
  echo '```'
  printf '%s\n' "${commands[@]}"
  echo '```'
  if [ "${#skipped[@]}" -gt 0 ]; then
    echo
    echo "Skipped:"
    printf -- '- %s\n' "${skipped[@]}"
  fi
  echo
  echo "## Targets"
  echo
  echo "| issue | measure | target | measured | met |"
  echo "|---|---|---|---|---|"
  echo "| 5 | metadata of 200 releases, default concurrency | ≤ 1 s | ${ic_default} s | $(meets "$ic_default <= 1") |"
  echo "| 5 | the same, one request at a time | ≥ 10 s | ${ic_serial} s | $(meets "$ic_serial >= 10") |"
  echo "| 6 | audit, 213 pins x 2 targets, cold | ≤ 1.5 s | ${au_cold} s (serial ${au_serial} s) | $(meets "$au_cold <= 1.5") |"
  echo "| 6 | the same, warm cache | ≤ 0.3 s | ${au_warm} s | $(meets "$au_warm <= 0.3") |"
  echo "| 7 | build-deps of the corpus, cold | ≤ 2 s | ${bd_cold} s | $(meets "$bd_cold <= 2") |"
  echo "| 7 | cold against concurrency 1 | ≥ 10x faster | ${bd_ratio}x (serial ${bd_serial} s) | $(meets "$bd_ratio >= 10") |"
  echo "| 7 | the same, warm cache | ≤ 0.5 s | ${bd_warm} s | $(meets "$bd_warm <= 0.5") |"
  echo "| 7 | peak heap | ≤ 256 MB | ${bd_heap} MiB | $(meets "$bd_heap * 1048576 <= 256000000") |"
  echo "| 10 | metadata of the corpus' 213 pins (two requests each): cold / serial / warm | — | ${md_cold} s / ${md_serial} s / ${md_warm} s | — |"
  if [ -n "$rp_whole" ]; then
    echo "| — | whole-process \`pyhermetic check\` of requirements-x86_64.txt against \`python3\` + pip's parser | ≥ 1x (as fast) | ${rp_whole} | $(meets "${rp_whole%x} >= 1") |"
  fi
  # version parse + sort against packaging, in process, one row per input distribution
  if [ -f "$results/version-sort.md" ]; then
    grep 'parse + sort in process' "$results/version-sort.md" | while IFS='|' read -r _ input _ _ _ ratio _; do
      ratio="$(echo "$ratio" | tr -d ' x')"
      echo "| — | version parse + sort in process, $(echo "$input" | sed 's/^ *//; s/ *$//'), against packaging | ≥ 30x | ${ratio}x | $(meets "$ratio >= 30") |"
    done
  fi
  echo
  echo "## Results"
  for f in version-sort reqfile-parse specifier-marker multi-arch index-concurrency metadata-fetch audit build-deps plan; do
    [ -f "$results/$f.md" ] || continue
    echo
    # one level down under "Results"; the build-deps pin list stays in its own file
    sed -e 's/^# /### /' -e '/^Pins written:/,$d' "$results/$f.md"
    [ "$f" = build-deps ] && echo "The pins it writes are listed in \`benchmarks/results/build-deps.md\`."
    echo
    echo "(\`benchmarks/results/$f.md\`)"
  done
} > "$root/BENCHMARKS.md"
echo "wrote $root/BENCHMARKS.md" >&2
