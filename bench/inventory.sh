#!/usr/bin/env bash
# Issue #4: sizing camera inventories against the tools a user would use
# instead, side by side in one hyperfine run per size, with an exact check of
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
  out=$(mktemp)
  hyperfine --warmup 1 --runs "$runs" --export-json "$out" "${cmds[@]}" >&2
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1])).results;
    const n = Number(process.argv[2]);
    const mawk = r[0].mean;
    console.log("| command | mean s | median s | records/s (mean) | vs mawk (records/s ratio) |");
    console.log("|---|---:|---:|---:|---:|");
    for (const x of r) console.log(`| \`${x.command.replace(/\|/g, "\\|")}\` | ${x.mean.toFixed(3)} | ${x.median.toFixed(3)} | ${(n / x.mean / 1e6).toFixed(2)} M | ${(mawk / x.mean).toFixed(2)} |`);
  ' "$out" "$n"
  rm -f "$out"
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
