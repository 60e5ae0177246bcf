#!/usr/bin/env bash
# Issue #4: sizing camera inventories against the tools a user would use
# instead, side by side in interleaved hyperfine rounds per size, with an exact check of
# every method's per-segment totals and peak memory. Writes Markdown to stdout.
# Usage: bash bench/inventory.sh [sizes]   default: "2000000 20000000"
# Needs hyperfine, mawk, GNU time; jq and Miller (mlr) are timed at 2M only
# when installed. The 20M files take ~3 GB in bench/data/.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"2000000 20000000"}
mkdir -p bench/data
[ -f dist/cli.js ] || npm run build >/dev/null
camsize="node dist/cli.js"
for n in $sizes; do
  for f in csv ndjson; do
    [ -f "bench/data/inv-$n.$f" ] || node bench/gen-inventory.mjs "$n" "$f" > "bench/data/inv-$n.$f"
  done
done

for n in $sizes; do
  csv=bench/data/inv-$n.csv
  nd=bench/data/inv-$n.ndjson
  echo "### $n records ($(($(wc -c < "$csv") / 1000000)) MB CSV, $(($(wc -c < "$nd") / 1000000)) MB NDJSON)"
  echo
  runs=5; [ "$n" -gt 5000000 ] && runs=3
  cmds=(
    "mawk -F, 'NR>1 { s[\$2] += \$4 } END { for (k in s) print k, s[k] }' $csv"
    "$camsize --format csv --inventory $csv"
    "$camsize --format csv --inventory $nd"
    "CAMSIZE_THREADS=1 $camsize --format csv --inventory $csv"
    "CAMSIZE_THREADS=1 $camsize --format csv --inventory $nd"
  )
  if [ "$n" -le 5000000 ]; then
    cmds+=("node bench/naive-ndjson.mjs $nd")
    command -v mlr >/dev/null && cmds+=("mlr --icsv --ocsv stats1 -a sum -f mbps -g segment $csv")
  fi
  # Rounds of one run per command, interleaved: this machine's speed drifts within minutes, and a
  # drift then touches every command alike instead of whichever hyperfine happened to be timing.
  out=$(mktemp -d)
  hyperfine --runs 1 "${cmds[@]}" > /dev/null 2>&1 # warm-up: page cache, first JIT
  for round in $(seq "$runs"); do
    hyperfine --runs 1 --export-json "$out/$round.json" "${cmds[@]}" >&2
  done
  node -e '
    const fs = require("fs");
    const [dir, n] = [process.argv[1], Number(process.argv[2])];
    const rounds = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`)).results);
    const times = rounds[0].map((_, i) => rounds.map((r) => r[i].mean).sort((a, b) => a - b));
    const mean = (t) => t.reduce((a, b) => a + b, 0) / t.length;
    const median = (t) => (t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2);
    const mawk = mean(times[0]);
    console.log(`${rounds.length} interleaved rounds of one run each (after one warm-up round).`);
    console.log();
    console.log("| command | mean s | median s | min–max s | records/s (mean) | vs mawk (records/s ratio) |");
    console.log("|---|---:|---:|---:|---:|---:|");
    rounds[0].forEach((x, i) => {
      const t = times[i];
      console.log(`| \`${x.command.replace(/\|/g, "\\|")}\` | ${mean(t).toFixed(3)} | ${median(t).toFixed(3)} | ${t[0].toFixed(2)}–${t[t.length - 1].toFixed(2)} | ${(n / mean(t) / 1e6).toFixed(2)} M | ${(mawk / mean(t)).toFixed(2)} |`);
    });
  ' "$out" "$n"
  rm -rf "$out"
  echo
  # Exactness: every method's per-segment totals against camsize's (JSON, b/s).
  tmp=$(mktemp -d)
  $camsize --json --inventory "$csv" > "$tmp/camsize.json"
  $camsize --json --inventory "$nd" > "$tmp/camsize-ndjson.json"
  cmp -s <(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(JSON.stringify([d.total,d.segments]))' "$tmp/camsize.json") \
         <(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(JSON.stringify([d.total,d.segments]))' "$tmp/camsize-ndjson.json") \
    && echo "- camsize CSV and NDJSON reports: identical" || echo "- camsize CSV and NDJSON reports: DIFFER"
  # mawk prints with %.6g by default, which rounds; the check run prints every digit.
  mawk -F, 'NR>1 { s[$2] += $4 } END { for (k in s) printf "%s %.6f\n", k, s[k] }' "$csv" > "$tmp/mawk.txt"
  checks=("$tmp/mawk.txt")
  if [ "$n" -le 5000000 ]; then
    node bench/naive-ndjson.mjs "$nd" > "$tmp/naive.txt"; checks+=("$tmp/naive.txt")
    if command -v mlr >/dev/null; then mlr --icsv --ojson stats1 -a sum -f mbps -g segment "$csv" | node -e 'for (const r of JSON.parse(require("fs").readFileSync(0))) console.log(r.segment, r.mbps_sum)' > "$tmp/mlr.txt"; checks+=("$tmp/mlr.txt"); fi
  fi
  node bench/check-totals.mjs "$tmp/camsize.json" "${checks[@]}" | sed "s|$tmp/|- per-segment totals of |"
  echo "- total: $(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(d.total.cameras, "cameras,", d.total.load.bitsPerSecond, "b/s")' "$tmp/camsize.json")"
  rm -rf "$tmp"
  echo
done

# Memory: peak RSS at 200,000 records against the largest size, same ~1,000 segments.
small=bench/data/inv-200000.csv
[ -f "$small" ] || node bench/gen-inventory.mjs 200000 csv > "$small"
[ -f bench/data/inv-200000.ndjson ] || node bench/gen-inventory.mjs 200000 ndjson > bench/data/inv-200000.ndjson
big=${sizes##* }
echo "### Peak memory (RSS, GNU time)"
echo
echo "| input | records | peak RSS MiB |"
echo "|---|---:|---:|"
for f in csv ndjson; do
  for n in 200000 "$big"; do
    kb=$( { /usr/bin/time -f '%M' node dist/cli.js -q --inventory "bench/data/inv-$n.$f" > /dev/null; } 2>&1 | tail -1 )
    echo "| $f | $n | $((kb / 1024)) |"
  done
done
