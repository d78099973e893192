#!/usr/bin/env bash
# Parse the real requirements-x86_64.txt (4,082 lines) with pyhermetic and with pip's own
# parser in the same run: in process (after warm-up) and as whole processes
# (`pyhermetic check FILE` against `python3 pip_parse_requirements.py --whole FILE`), the wrapper
# with its class-data-sharing archive (made first if missing) and without (PYHERMETIC_CDS=off).
# Needs python3 with pip. Writes results/reqfile-parse.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
repeat="${REPEAT:-7}"
file="$root/testdata/src/main/resources/io/pyhermetic/testdata/corpus/garak-2025-12/requirements-x86_64.txt"
build_jars --cli
# rebuilds a stale jar and makes the wrapper's archive now, so that no run below waits for either
PYHERMETIC_CDS=sync "$root/pyhermetic" --version > /dev/null
load_before="$(uptime | sed -E 's/.*load average: //')"

pip_inproc="$(python3 "$here/baseline/pip_parse_requirements.py" "$file" $((repeat + 3)) | tail -n "$repeat" | awk '{print $1}' | median)"
java_inproc="$(java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$jar" io.pyhermetic.bench.RequirementsParse "$file" 2000 | tail -n 200 | awk '{print $1}' | median)"
pip_whole=()
java_whole=()
java_nocds=()
for _ in $(seq "$repeat"); do
  t0=$(now); python3 "$here/baseline/pip_parse_requirements.py" --whole "$file" > /dev/null; t1=$(now)
  pip_whole+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); "$root/pyhermetic" check "$file" > /dev/null; t1=$(now)
  java_whole+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); PYHERMETIC_CDS=off "$root/pyhermetic" check "$file" > /dev/null; t1=$(now)
  java_nocds+=("$(echo "$t1 - $t0" | bc -l)")
done
pip_whole_m="$(printf '%s\n' "${pip_whole[@]}" | median)"
java_whole_m="$(printf '%s\n' "${java_whole[@]}" | median)"
java_nocds_m="$(printf '%s\n' "${java_nocds[@]}" | median)"
pip_version="$(python3 -m pip --version | awk '{print $2}')"
{
  echo "# Parse requirements-x86_64.txt (4,082 lines, 213 pins) ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "Medians; pip $pip_version on $(python3 --version 2>&1), $(java -version 2>&1 | head -n1)."
  echo "In process: pip's parse_requirements + install_req_from_parsed_requirement ($repeat runs after 3 warm-up)"
  echo "against RequirementsFileParser.parse (last 200 of 2,000 runs). Whole process: $repeat runs of each, interleaved;"
  echo "load average before: $load_before."
  echo
  echo "| measure | pip (s) | pyhermetic (s) | ratio |"
  echo "|---|---|---|---|"
  printf '| parse in process | %.4f | %.5f | %.0fx |\n' "$pip_inproc" "$java_inproc" "$(echo "$pip_inproc / $java_inproc" | bc -l)"
  printf '| whole process (`pyhermetic check` vs `python3` + pip) | %.3f | %.3f | %.1fx |\n' "$pip_whole_m" "$java_whole_m" "$(echo "$pip_whole_m / $java_whole_m" | bc -l)"
  printf '| the same without the CDS archive (`PYHERMETIC_CDS=off`) | %.3f | %.3f | %.1fx |\n' "$pip_whole_m" "$java_nocds_m" "$(echo "$pip_whole_m / $java_nocds_m" | bc -l)"
} | tee "$here/results/reqfile-parse.md"
