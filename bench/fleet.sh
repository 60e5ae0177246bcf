#!/usr/bin/env bash
# Issue #3/#14 target: a fleet file of 100,000 segments and 1,000,000 camera
# groups is read, validated and sized (-q) in at most 3x the time of a bare
# JSON.parse of the same file; --json and --format csv within 1.5x of -q;
# peak memory at most 4x the file's size. Interleaved rounds (one run of every
# command per round), so a drift of this noisy machine touches all alike.
# Usage: bash bench/fleet.sh [rounds]   (needs hyperfine; GNU time for RSS)
# BASE=<another build's checkout> adds its -q and --json to the same rounds
# (before and after in one session: a build of main in a git worktree).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
mkdir -p bench/data
file=bench/data/fleet-100k.json
[ -f "$file" ] || node bench/gen-fleet.mjs 100000 1000000 > "$file"
[ -f dist/cli.js ] || npm run build >/dev/null
cmds=(
  "node bench/json-parse.cjs $file"
  "node dist/cli.js -q $file"
  "node dist/cli.js --json $file"
  "node dist/cli.js --format csv $file"
)
if [ -n "${BASE:-}" ]; then cmds+=("node $BASE/dist/cli.js -q $file" "node $BASE/dist/cli.js --json $file"); fi
echo "file: $file ($(wc -c < "$file") bytes)"
echo "Before: $(uptime)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine -N --runs 1 "${cmds[@]}" > /dev/null 2>&1 # warm-up: page cache
for round in $(seq "$rounds"); do
  hyperfine -N --runs 1 --export-json "$out/$round.json" "${cmds[@]}" > /dev/null 2>&1
done
echo "After: $(uptime)"
echo
node bench/rounds.mjs "$out"
echo
echo "| command | peak RSS (MiB) | ÷ file size |"
echo '|---|---:|---:|'
size=$(wc -c < "$file")
for cmd in "${cmds[@]}"; do
  kb=$( { /usr/bin/time -f '%M' $cmd > /dev/null; } 2>&1 | tail -1 )
  echo "| \`$cmd\` | $((kb / 1024)) | $(node -e "console.log((${kb} * 1024 / ${size}).toFixed(2))") |"
done
