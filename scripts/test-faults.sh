#!/usr/bin/env bash
# npm run test:faults [-- jest args]: the crash, failover and nginx suites (test/faults/*.fault-spec.ts)
# against the built server. Each suite starts its own private MariaDB, Redis and nginx through
# scripts/services.sh (installing the Debian packages when missing and root), kills and restarts
# them and the api instances, stops everything it started, and prints its figures on a line
# starting with "[faults]". Runs one file at a time; about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # 500 simulated players are 500 sockets
npm run --silent build:api
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --selectProjects faults --runInBand "$@"
