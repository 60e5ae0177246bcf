#!/usr/bin/env bash
# The viewing worst case at scale (issue 22, item 3): bench/gen-viewers.mjs fleets of 2,000 to 32,000
# multicast viewer entries with distinct counts (and 16,000 unicast), sized by this build and, when
# given, another (e.g. a worktree of the commit before: `git worktree add /tmp/old <commit>`, then
# `node scripts/build.mjs` there). Wall clock and peak memory from GNU time; load before and after.
# Usage: bash bench/viewing.sh [OTHER_DIST_CLI]   (after npm run build)
set -euo pipefail
cd "$(dirname "$0")/.."
other=${1:-}
mkdir -p bench/data
uptime
for n in 2000 4000 8000 16000 32000; do
  [ -f "bench/data/viewers-$n.json" ] || node bench/gen-viewers.mjs "$n" > "bench/data/viewers-$n.json"
  printf '%s entries (multicast): ' "$n"
  /usr/bin/time -f "%e s %M KB" node dist/cli.js -q "bench/data/viewers-$n.json" 2>&1 | tail -1
  if [ -n "$other" ]; then
    printf '%s entries (multicast), other build: ' "$n"
    ( timeout 120 /usr/bin/time -f "%e s %M KB" node "$other" -q "bench/data/viewers-$n.json" 2>&1 || echo "exit $?" ) | tail -1
  fi
done
[ -f bench/data/viewers-16000-unicast.json ] || node bench/gen-viewers.mjs 16000 unicast > bench/data/viewers-16000-unicast.json
printf '16000 entries (unicast): '
/usr/bin/time -f "%e s %M KB" node dist/cli.js -q bench/data/viewers-16000-unicast.json 2>&1 | tail -1
uptime
