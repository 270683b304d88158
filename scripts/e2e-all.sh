#!/usr/bin/env bash
# Every end-to-end test, as `npm test` runs them, after both builds (npm run build, npm run lint:firefox).
# Each file launches its own browser on a profile of its own against its own sandbox on a free port,
# so files running at the same time share nothing; only the machine's two cores.
#
# Beside everything else, one after the other: the outage test, which waits out about two minutes of
# real time with its browser idle (the worker's slowest retry pace starts a minute in and Chromium's
# alarms cannot be made shorter than 30 s), then the Firefox test.
#
# Meanwhile, every other Chromium file, three at a time, the longest first (vitest.e2e.config.ts).
# The bulk renewal's 200 renewals run among them: the sandbox counts requests as they arrive, as
# CertCentral does, and the extension counts each from its answer (lib/certcentral/rate-limit.ts), so
# requests that arrive bunched on a busy machine still meet no 429.
set -uo pipefail
cd "$(dirname "$0")/.."

outage=tests/e2e/outage.e2e.ts
log=$(mktemp)
trap 'rm -f "$log"' EXIT

(
  failed=0
  npx vitest run --config vitest.e2e.config.ts "$outage" || failed=1
  echo
  npx vitest run --config vitest.firefox.config.ts || failed=1
  exit "$failed"
) >"$log" 2>&1 &
beside_pid=$!

npx vitest run --config vitest.e2e.config.ts --exclude "$outage"
rest=$?

wait "$beside_pid"
beside=$?
echo
echo "── $outage, then Firefox ESR (ran alongside) ──"
cat "$log"

if [ "$rest" -ne 0 ] || [ "$beside" -ne 0 ]; then
  echo "End-to-end tests failed: the Chromium files exited $rest, $outage and the Firefox test $beside (see above)." >&2
  exit 1
fi
