#!/usr/bin/env bash
# Issue 24: two threads never slower than one. Each build of camsize reads each file with the threads
# it would use (CAMSIZE_THREADS unset: os.availableParallelism()) and with one (CAMSIZE_THREADS=1), in
# interleaved hyperfine rounds of one run each (this machine's speed drifts within minutes; a drift then
# touches every command alike), with -q (the read is what the threads change; a report's writing only
# dilutes it). Prints Markdown: per command the mean and median wall time, the CPU time (user + system,
# every thread), and per build "default ÷ one thread" for both. Each build's report of each file on its
# default threads is checked to be its report on one, byte for byte (--format csv: every row), before
# timing (two builds may differ: a model's figures change between commits).
# Usage: bash bench/threads.sh "FILES" [rounds] [OTHER_BIN]
#   e.g. bash bench/threads.sh "bench/data/real-2000000.csv bench/data/real-2000000.ndjson" 5 /tmp/main/dist/cli.js
set -euo pipefail
cd "$(dirname "$0")/.."
files=$1
rounds=${2:-5}
other=${3:-}
[ -f dist/cli.js ] || npm run build >/dev/null
bins=(dist/cli.js); [ -n "$other" ] && bins=("$other" dist/cli.js)
echo "Machine: $(nproc) cores, $(node --version), hyperfine $(hyperfine --version | cut -d' ' -f2)."
echo "Command: \`bash bench/threads.sh \"$files\" $rounds $other\`; start: \`$(uptime)\`"
echo
for f in $files; do
  for b in "${bins[@]}"; do # each build's report, on its default threads and on one, byte for byte
    sums=$(for t in 1 ''; do CAMSIZE_THREADS=$t node "$b" --format csv -i "$f" 2>/dev/null | md5sum; done | sort -u | wc -l)
    [ "$sums" = 1 ] || { echo "$b: reports differ between threads on $f" >&2; exit 1; }
  done
  cmds=()
  for b in "${bins[@]}"; do cmds+=("node $b -q -i $f" "CAMSIZE_THREADS=1 node $b -q -i $f"); done
  out=$(mktemp -d)
  hyperfine --runs 1 "${cmds[@]}" > /dev/null 2>&1 # warm-up: page cache, first JIT
  for round in $(seq "$rounds"); do hyperfine --runs 1 --export-json "$out/$round.json" "${cmds[@]}" > /dev/null 2>&1; done
  echo "#### \`$f\` ($(($(wc -c < "$f") / 1000000)) MB), $rounds rounds; each build's reports identical on its threads"
  echo
  node - "$out" <<'EOF'
const { readdirSync, readFileSync } = require('node:fs');
const dir = process.argv[2];
const rounds = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')).results);
const mean = (t) => t.reduce((a, b) => a + b, 0) / t.length;
const median = (t) => { const s = [...t].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const rows = rounds[0].map((r, i) => ({ command: r.command, wall: rounds.map((x) => x[i].mean), cpu: rounds.map((x) => x[i].user + x[i].system) }));
console.log('| command | mean s | median s | min–max s | CPU s (mean) | default ÷ one thread, wall (mean) | the same, CPU |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
rows.forEach((r, i) => {
  const one = i % 2 === 0 ? rows[i + 1] : undefined; // each build: default, then CAMSIZE_THREADS=1
  const ratio = one ? (mean(r.wall) / mean(one.wall)).toFixed(2) : '';
  const cpuRatio = one ? (mean(r.cpu) / mean(one.cpu)).toFixed(2) : '';
  const w = [...r.wall].sort((a, b) => a - b);
  console.log(`| \`${r.command}\` | ${mean(r.wall).toFixed(2)} | ${median(r.wall).toFixed(2)} | ${w[0].toFixed(2)}–${w[w.length - 1].toFixed(2)} | ${mean(r.cpu).toFixed(2)} | ${ratio} | ${cpuRatio} |`);
});
EOF
  rm -rf "$out"
  echo
done
echo "End: \`$(uptime)\`"
