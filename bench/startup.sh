#!/usr/bin/env bash
# Start-up cost of the everyday command against a bare `node -e 0`, measured
# side by side in one hyperfine run. Target (issue #2): at most 1.5x.
# Usage: bash bench/startup.sh [runs]   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100}
[ -f dist/cli.js ] || npm run build >/dev/null
out=$(mktemp)
hyperfine -N --warmup 10 --runs "$runs" --export-json "$out" \
  'node -e 0' \
  'node dist/cli.js --preset 720p30 --count 20000000' >&2
node bench/ratios.mjs "$out"
rm -f "$out"
