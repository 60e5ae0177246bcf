#!/usr/bin/env bash
# Runs a command (default: npm test) as on a fresh machine with Node alone: PATH is a folder of links
# to every program of /usr/bin and /bin except those the optional tests need (ffmpeg, ffprobe, tmux,
# zsh, fish, python3), and CHROMIUM_PATH names no file. The tests that need them must be skipped, each
# with one line naming its Debian package; with CI=true they must fail instead.
#
#   bash scripts/test-without-programs.sh                  # npm test: passes, with the skip lines
#   CI=true bash scripts/test-without-programs.sh          # fails, naming what is missing
#   bash scripts/test-without-programs.sh npx vitest run test/e2e/measure.test.ts
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
for dir in /bin /usr/bin "$(dirname "$(command -v node)")"; do
  for program in "$dir"/*; do
    name=$(basename "$program")
    case "$name" in ffmpeg | ffprobe | tmux | zsh | fish | chromium | python3 | python3.*) continue ;; esac
    [ -x "$program" ] && [ ! -e "$bin/$name" ] && ln -s "$program" "$bin/$name"
  done
done
[ $# -gt 0 ] || set -- npm test
PATH="$bin" CHROMIUM_PATH=/nonexistent/chromium "$@"
