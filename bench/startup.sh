#!/usr/bin/env bash
# Start-up of the shipped bin against a bare `node -e 0` (issue #14: at most
# 1.3x on the median), for the four start-up commands, in interleaved rounds:
# each round is one hyperfine invocation that runs every command a few times,
# so a drift of this noisy machine's speed touches every command alike.
# Usage: bash bench/startup.sh [rounds] [runs per round] [bin]
#   defaults: 20 rounds of 5 runs; bin: what package.json's "bin" names.
# Needs hyperfine (apt-get install hyperfine). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
runs=${2:-5}
bin=${3:-$(node -p 'Object.values(require("./package.json").bin)[0]')}
[ -f "$bin" ] || npm run build >/dev/null
cmds=(
  'node -e 0'
  "node $bin --preset 720p30 --count 20000000"
  "node $bin --preset 720p30 --count 20000000 --json"
  "node $bin presets"
  "node $bin --help"
)
source bench/rounds.sh
run_rounds "$rounds" "$runs" "${cmds[@]}"
