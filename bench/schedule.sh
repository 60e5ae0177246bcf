#!/usr/bin/env bash
# Issue #20: a camera schedule as XLSX against the same rows as CSV (bench/gen-schedule.mjs: Site,
# Building, Switch, a unique Camera ID, Camera model, Resolution, FPS, Codec, Bitrate (Mbps), Qty; a
# fifth of the rows estimated), in interleaved hyperfine rounds, with camsize's peak RSS (GNU time)
# for each size: memory must stay flat in the rows (the shared-string table aside: its bytes, one
# unique camera id per row) and XLSX within 3x of CSV's time. Totals are checked equal first.
# Usage: bash bench/schedule.sh [sizes] [rounds]   default: "100000 1000000" 3
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"100000 1000000"}
rounds=${2:-3}
mkdir -p bench/data
[ -f dist/cli.js ] || npm run build >/dev/null
echo "Machine: $(nproc) cores, $(node --version), hyperfine $(hyperfine --version | cut -d' ' -f2)."
echo "Command: \`bash bench/schedule.sh \"$sizes\" $rounds\`; start: \`$(uptime)\`"
echo
echo "| rows | CSV MB | XLSX MB | CSV s (median) | XLSX s (median) | XLSX ÷ CSV | XLSX ÷ CSV, CPU time | CSV peak RSS | XLSX peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  prefix=bench/data/schedule-$n
  [ -f "$prefix.xlsx" ] || node bench/gen-schedule.mjs "$n" "$prefix" ids
  a=$(node dist/cli.js --json -i "$prefix.csv" 2>/dev/null | node -e 'const d=JSON.parse(require("fs").readFileSync(0));console.log(d.total.cameras,d.total.load.bitsPerSecond)')
  b=$(node dist/cli.js --json -i "$prefix.xlsx" 2>/dev/null | node -e 'const d=JSON.parse(require("fs").readFileSync(0));console.log(d.total.cameras,d.total.load.bitsPerSecond)')
  [ "$a" = "$b" ] || { echo "totals differ: CSV $a, XLSX $b" >&2; exit 1; }
  out=$(mktemp -d)
  for round in $(seq "$rounds"); do
    hyperfine -N --runs 1 --export-json "$out/$round.json" "node dist/cli.js -q -i $prefix.csv" "node dist/cli.js -q -i $prefix.xlsx" > /dev/null 2>&1
  done
  rss() { /usr/bin/time -f %M node dist/cli.js -q -i "$1" 2>&1 >/dev/null | tail -1; }
  node -e '
    const fs = require("fs"); const [dir, n, csvMb, xlsxMb, csvRss, xlsxRss] = process.argv.slice(1);
    const runs = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`)).results);
    const median = (t) => { t.sort((a, b) => a - b); return t[(t.length - 1) >> 1]; };
    const med = (i) => median(runs.flatMap((r) => r[i].times));
    // hyperfine gives the mean user and system time of each command; a round is one run of each.
        const cpu = (i) => median(runs.map((r) => r[i].user + r[i].system));
    const c = med(0), x = med(1);
    console.log(`| ${Number(n).toLocaleString("en-US")} | ${csvMb} | ${xlsxMb} | ${c.toFixed(2)} | ${x.toFixed(2)} | ${(x / c).toFixed(2)} | ${(cpu(1) / cpu(0)).toFixed(2)} | ${(csvRss / 1024).toFixed(0)} MiB | ${(xlsxRss / 1024).toFixed(0)} MiB |`);
  ' "$out" "$n" "$(($(wc -c < "$prefix.csv") / 1000000))" "$(($(wc -c < "$prefix.xlsx") / 1000000))" "$(rss "$prefix.csv")" "$(rss "$prefix.xlsx")"
  rm -rf "$out"
done
echo
echo "End: \`$(uptime)\`"
