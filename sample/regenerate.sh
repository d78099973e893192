#!/usr/bin/env bash
# Rewrites the offline sample (index/ and requirements-<arch>.txt) from its generator,
# io.pyhermetic.testdata.OfflineSample; the testdata tests fail when the two differ.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl testdata test -Dtest=OfflineSampleTest -Dsample.regenerate=true \
  -Dspotless.check.skip=true
