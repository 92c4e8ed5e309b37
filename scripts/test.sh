#!/usr/bin/env bash
# npm test: every check of the project, as CI runs it.
#   format, lint, type-check, build, then the jest suites:
#   unit + db + e2e on SQLite, db + e2e on a private MariaDB, browser tests on headless Chromium,
#   then the fault suites (kill -9, failover, nginx; see docs/reliability.md) on their own services.
# MariaDB, Redis and Chromium are installed from the Debian packages when missing (as root), started
# privately on free ports, and stopped on exit. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # the fault suites open hundreds of sockets
run=$(mktemp -d /tmp/cchc-check.XXXXXX)
trap 'scripts/services.sh stop "$run/services"' EXIT

scripts/services.sh start "$run/services" >/dev/null || { echo "Could not start MariaDB and Redis (see above)."; exit 1; }
# shellcheck disable=SC1091
source "$run/services/env"

failed_steps=()
step() {
  local name=$1; shift
  echo "── $name"
  local t0=$SECONDS
  if "$@"; then echo "   ok ($((SECONDS - t0)) s)"; else echo "   FAILED: $name"; failed_steps+=("$name"); fi
}
# run_jest DB OUT ARGS…: jest on TEST_DB=DB, results in $run/OUT.json
run_jest() {
  local db=$1 out=$2; shift 2
  TEST_DB=$db node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
    --json --outputFile="$run/$out.json" "$@" 2> >(grep -v -e '^(node:' -e 'trace-warnings' >&2)
}

step "format (prettier)" npx prettier --check --log-level warn .
step "lint (eslint)" npx eslint --max-warnings 0 .
step "type-check (tsc)" npx tsc --noEmit -p tsconfig.json
step "type-check web" npx tsc --noEmit -p apps/web/tsconfig.json
step "build" npm run --silent build
step "tests on SQLite" run_jest sqlite sqlite --selectProjects unit db e2e
step "tests on MariaDB" run_jest mysql mysql --selectProjects db e2e
if ls test/**/*.browser-spec.ts test/*/*.browser-spec.ts >/dev/null 2>&1; then
  step "browser tests (Chromium)" run_jest sqlite browser --selectProjects browser
fi
step "fault tests (crash, failover, nginx)" run_jest mysql faults --selectProjects faults --runInBand

summary=$(node -e '
  const fs = require("fs"); let p = 0, f = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) continue;
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    p += r.numPassedTests; f += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  }
  console.log(p + " " + f);
' "$run"/sqlite.json "$run"/mysql.json "$run"/browser.json "$run"/faults.json)
passed=${summary% *}; failed=${summary#* }
failed=$((failed + ${#failed_steps[@]}))
echo
[ ${#failed_steps[@]} -gt 0 ] && echo "Failed steps: ${failed_steps[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
