#!/usr/bin/env bash
# npm run bench:contest -- --players N [--questions 10] [--generators 1]
# Builds the server, copies the build to a private folder (so that another build of the shared
# tree cannot pull files from under a running benchmark), raises the open-file limit (every
# simulated player is a socket on each side), then runs the benchmark; the last line printed is one
# JSON object.
set -euo pipefail
cd "$(dirname "$0")/../.."
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
npm run --silent build:api >&2
work=$(mktemp -d /tmp/bench-contest-build.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dist"
cp -r dist/apps dist/libs dist/scripts "$work/dist/"
cp package.json "$work/"
ln -s "$PWD/node_modules" "$work/node_modules"
node "$work/dist/scripts/bench/contest-bench.js" "$@"
