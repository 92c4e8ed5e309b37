#!/usr/bin/env bash
# npm run bench:index — PAR Index recompute benchmark on a private MariaDB (started here, stopped on exit).
# Builds the API (Nest needs decorator metadata, so no tsx), seeds 200 agencies and 20,000 graded
# attempts, recomputes and ranks the year. The last line of output is one JSON object.
set -euo pipefail
cd "$(dirname "$0")/../.."
run=$(mktemp -d /tmp/cchc-bench-index.XXXXXX)
trap 'scripts/services.sh stop "$run/services" >/dev/null 2>&1 || true; rm -rf "$run"' EXIT
scripts/services.sh start "$run/services" >/dev/null
# shellcheck disable=SC1091
source "$run/services/env"
db="bench_index_$$"
node -e "
  const m = require('mysql2/promise');
  m.createConnection(process.env.TEST_MYSQL_URL).then(async (c) => {
    await c.query('CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await c.end();
  });
"
npm run --silent build:api >&2
DB_TYPE=mariadb DB_URL="$TEST_MYSQL_URL/$db" node dist/scripts/bench/index-bench.js
