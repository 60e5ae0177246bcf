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
before=$(uptime)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
hyperfine -N --warmup 3 --runs 3 "${cmds[@]}" > /dev/null 2>&1 # warm-up: page cache
for round in $(seq "$rounds"); do
  hyperfine -N --runs "$runs" --export-json "$out/$round.json" "${cmds[@]}" > /dev/null 2>&1
done
echo "Before: $before"
echo "After: $(uptime)"
echo
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const rounds = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`)).results);
  const times = rounds[0].map((_, i) => rounds.flatMap((r) => r[i].times).sort((a, b) => a - b));
  const median = (t) => (t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2);
  const mean = (t) => t.reduce((a, b) => a + b, 0) / t.length;
  const ms = (s) => (s * 1000).toFixed(1);
  // Per round, each command against `node -e 0` of the same round: the spread of that ratio.
  const perRound = rounds[0].map((_, i) => rounds.map((r) => median(r[i].times) / median(r[0].times)).sort((a, b) => a - b));
  const [ref] = times;
  console.log(`${rounds.length} interleaved rounds of ${rounds[0][0].times.length} runs per command (hyperfine -N), ${ref.length} runs each in all.`);
  console.log();
  // CPU time (user + system, all threads): less moved by other programs than the wall clock.
  const cpu = rounds[0].map((_, i) => mean(rounds.map((r) => r[i].user + r[i].system)));
  console.log("| command | median ms | mean ms | min ms | median ratio | mean ratio | min ratio | per-round median ratio, min–max | CPU ms (mean) | CPU ratio |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  rounds[0].forEach((r, i) => {
    const t = times[i];
    const q = perRound[i];
    console.log(`| \`${r.command}\` | ${ms(median(t))} | ${ms(mean(t))} | ${ms(t[0])} | ${(median(t) / median(ref)).toFixed(2)} | ${(mean(t) / mean(ref)).toFixed(2)} | ${(t[0] / ref[0]).toFixed(2)} | ${q[0].toFixed(2)}–${q[q.length - 1].toFixed(2)} | ${ms(cpu[i])} | ${(cpu[i] / cpu[0]).toFixed(2)} |`);
  });
' "$out"
