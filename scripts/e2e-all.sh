#!/usr/bin/env bash
# Every end-to-end file, as `npm test` runs them. The outage test waits out about two minutes of
# real time (the worker's slowest retry pace starts a minute in and Chromium's alarms cannot be made
# shorter than 30 s), during which its browser is idle; it runs beside the rest of the files instead
# of after them. Each file launches its own browser profile and sandbox on a port of its own, so the
# two runs share nothing. The others still run one file at a time (vitest.e2e.config.ts).
set -uo pipefail
cd "$(dirname "$0")/.."

slow=tests/e2e/outage.e2e.ts
log=$(mktemp)
trap 'rm -f "$log"' EXIT

npx vitest run --config vitest.e2e.config.ts "$slow" >"$log" 2>&1 &
slow_pid=$!

npx vitest run --config vitest.e2e.config.ts --exclude "$slow"
rest=$?

wait "$slow_pid"
outage=$?
echo
echo "── $slow (ran alongside) ──"
cat "$log"

if [ "$rest" -ne 0 ] || [ "$outage" -ne 0 ]; then
  echo "End-to-end tests failed: the other files exited $rest, $slow exited $outage." >&2
  exit 1
fi
