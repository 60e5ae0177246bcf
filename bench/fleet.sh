#!/usr/bin/env bash
# Issue #3 target: a fleet file of 100,000 segments and 1,000,000 camera groups
# is validated and sized in at most 4x the time of a bare JSON.parse of the
# same file, side by side in one hyperfine run; plus peak RSS of each.
# Usage: bash bench/fleet.sh [runs]   (needs hyperfine; GNU time for RSS)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
mkdir -p bench/data
file=bench/data/fleet-100k.json
[ -f "$file" ] || node bench/gen-fleet.mjs 100000 1000000 > "$file"
[ -f dist/cli.js ] || npm run build >/dev/null
echo "file: $file ($(wc -c < "$file") bytes)" >&2
out=$(mktemp)
# -q: validate and size, print only failures (there are none in this file).
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out" \
  "node bench/json-parse.cjs $file" \
  "node dist/cli.js -q $file" \
  "node dist/cli.js --json $file" >&2
node bench/ratios.mjs "$out"
rm -f "$out"
echo
echo '| command | peak RSS (MiB) |'
echo '|---|---:|'
for cmd in "node bench/json-parse.cjs $file" "node dist/cli.js -q $file" "node dist/cli.js --json $file"; do
  kb=$( { /usr/bin/time -f '%M' $cmd > /dev/null; } 2>&1 | tail -1 )
  echo "| \`$cmd\` | $((kb / 1024)) |"
done
