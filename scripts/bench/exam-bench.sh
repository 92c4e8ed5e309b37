#!/usr/bin/env bash
# npm run bench:exam -- [--candidates 3000] [--minutes 5] [--ramp 5] [--saturate 10] [--every 10] [--burst 5]
# Builds the server into its own folder (dist/bench-exam, so a parallel `npm run build` cannot pull
# it away mid-run), then runs the load generator (plain Node, no Nest code, so tsx is fine for it)
# against that build on a private MariaDB. The last line printed is one JSON object.
set -euo pipefail
cd "$(dirname "$0")/../.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
out=dist/bench-exam
rm -rf "$out"
npx tsc -p tsconfig.build.json --outDir "$out" >&2
npx tsc-alias -p tsconfig.build.json --outDir "$out" >&2
EXAM_BENCH_SERVER="$out/apps/api/src/main.js" exec npx tsx scripts/bench/exam-bench.ts "$@"
