#!/usr/bin/env bash
# npm run bench:survey — survey collection under load on a private MariaDB (started here, stopped on exit).
# Builds the API into a private dist/ folder (Nest needs decorator metadata, so no tsx), runs the
# server from it on a free port,
# then scripts/bench/survey-bench.ts sends BENCH_RATE respondents a second (default 500) for
# BENCH_SECONDS (default 60), each a visit and a response. The last line of output is one JSON object.
set -euo pipefail
cd "$(dirname "$0")/../.."
run=$(mktemp -d /tmp/cchc-bench-survey.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  scripts/services.sh stop "$run/services" >/dev/null 2>&1 || true
  rm -rf "$run" "${out:-}"
}
trap cleanup EXIT
scripts/services.sh start "$run/services" >/dev/null
# shellcheck disable=SC1091
source "$run/services/env"
db="bench_survey_$$"
node -e "
  const m = require('mysql2/promise');
  m.createConnection(process.env.TEST_MYSQL_URL).then(async (c) => {
    await c.query('CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await c.end();
  });
"
# A private build inside the repository (so node_modules resolve), away from the shared dist/ folders.
out="dist/.bench-survey-$$"
npx tsc -p tsconfig.build.json --outDir "$out" >&2
npx tsc-alias -p tsconfig.build.json --outDir "$out" >&2
[ -f "$out/apps/api/src/main.js" ] || { echo "the build did not produce $out/apps/api/src/main.js" >&2; exit 1; }
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export DB_TYPE=mariadb DB_URL="$TEST_MYSQL_URL/$db" ADMIN_USERNAME=benchadmin ADMIN_PASSWORD=bench-password-1
NODE_ENV=production LOG_LEVEL=warn SEED_DEMO=false PORT=$port HOST=127.0.0.1 JWT_SECRET="bench-secret-$(date +%s)-0123456789abcdefghij" \
  DB_POOL_SIZE=${BENCH_DB_POOL:-30} node ${BENCH_NODE_ARGS:-} "$out/apps/api/src/main.js" >"$run/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$run/server.log" >&2; exit 1; }
  sleep 0.2
done
SERVER_PID=$server_pid BENCH_URL="http://127.0.0.1:$port" node "$out/scripts/bench/survey-bench.js"
