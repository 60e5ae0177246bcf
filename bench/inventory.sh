#!/usr/bin/env bash
# Issues #4 and #14: sizing camera inventories against the tools a user would use instead (mawk,
# DuckDB, and at 2M on the bench layout Miller and a plain Node script), side by side in interleaved
# hyperfine rounds, on two layouts: "bench" (id,segment,preset,mbps; 1,000 segments) and "real" (an
# operator's export: id,site,ip,model,segment,preset,count,bitrate,label; ~5,000 segments, a
# free-text label on preset rows; see bench/gen-inventory.mjs). Every tool's per-segment totals are
# checked exactly against camsize's, and camsize's peak memory is recorded. Writes Markdown to stdout.
#
# The cardinality layouts (issue 24): "segments" (2M records over ~865,000 distinct segments) and
# "labels" (~9,500 custom profiles), CSV only, with -q beside --format csv, and peak memory against
# DuckDB's at each size.
#
# Usage: bash bench/inventory.sh [sizes] [layouts]   default: "200000 2000000 20000000" "bench real"
#   e.g. bash bench/inventory.sh 2000000 "segments labels"
# Needs hyperfine, mawk, GNU time and npm (DuckDB's Node package is installed into
# bench/data/duckdb, not into camsize). The 20M files take ~8 GB in bench/data/.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"200000 2000000 20000000"}
layouts=${2:-"bench real"}
mkdir -p bench/data
[ -f dist/cli.js ] || npm run build >/dev/null
if [ ! -d bench/data/duckdb/node_modules/@duckdb/node-api ]; then
  mkdir -p bench/data/duckdb
  [ -f bench/data/duckdb/package.json ] || echo '{"private":true}' > bench/data/duckdb/package.json
  (cd bench/data/duckdb && npm install --no-audit --no-fund @duckdb/node-api >&2)
fi
duckdb_version=$(node -p 'require("./bench/data/duckdb/node_modules/@duckdb/node-api/package.json").version')
camsize="node dist/cli.js"
# The reference sums: mawk reads the CSV; the real layout's rate is the bitrate's Mb/s or the preset's.
echo 'NR>1 { s[$2] += $4 } END { for (k in s) printf "%s %.6f\n", k, s[k] }' > bench/data/sum-bench.awk
echo "BEGIN { $(node bench/gen-inventory.mjs --awk-presets) }"' NR>1 { r = $8 != "" ? $8 + 0 : p[$6]; s[$5] += r * ($7 == "" ? 1 : $7) } END { for (k in s) printf "%s %.6f\n", k, s[k] }' > bench/data/sum-real.awk
cp bench/data/sum-real.awk bench/data/sum-segments.awk # the cardinality layouts have the real layout's columns
cp bench/data/sum-real.awk bench/data/sum-labels.awk

file() { # file N LAYOUT FORMAT
  local prefix=inv; [ "$2" != bench ] && prefix=$2
  local f="bench/data/$prefix-$1.$3"
  [ -f "$f" ] || node bench/gen-inventory.mjs "$1" "$3" "$2" > "$f"
  echo "$f"
}

echo "Machine: $(nproc) cores, $(node --version), hyperfine $(hyperfine --version | cut -d' ' -f2), DuckDB $duckdb_version (@duckdb/node-api)."
echo "Command: \`bash bench/inventory.sh \"$sizes\" \"$layouts\"\`; start: \`$(uptime)\`"
echo

cardinality() { [ "$1" = segments ] || [ "$1" = labels ]; }

for layout in $layouts; do
  for n in $sizes; do
    csv=$(file "$n" "$layout" csv)
    if cardinality "$layout"; then nd=''; else nd=$(file "$n" "$layout" ndjson); fi
    cat "$csv" $nd > /dev/null # into the page cache
    if cardinality "$layout"; then
      echo "### $layout layout, $n records ($(($(wc -c < "$csv") / 1000000)) MB CSV)"
    else
      echo "### $layout layout, $n records ($(($(wc -c < "$csv") / 1000000)) MB CSV, $(($(wc -c < "$nd") / 1000000)) MB NDJSON)"
    fi
    echo
    echo "Load before: \`$(uptime)\`"
    echo
    runs=5; [ "$n" -gt 500000 ] && runs=3; [ "$n" -gt 5000000 ] && runs=1
    if cardinality "$layout"; then
      cmds=(
        "mawk -F, -f bench/data/sum-$layout.awk $csv"
        "node bench/duckdb-sum.mjs $csv $layout"
        "$camsize --format csv --inventory $csv"
        "CAMSIZE_THREADS=1 $camsize --format csv --inventory $csv"
        "$camsize -q --inventory $csv"
      )
    else
      cmds=(
        "mawk -F, -f bench/data/sum-$layout.awk $csv"
        "node bench/duckdb-sum.mjs $csv $layout"
        "node bench/duckdb-sum.mjs $nd $layout"
        "$camsize --format csv --inventory $csv"
        "$camsize --format csv --inventory $nd"
        "CAMSIZE_THREADS=1 $camsize --format csv --inventory $csv"
        "CAMSIZE_THREADS=1 $camsize --format csv --inventory $nd"
      )
    fi
    if [ "$layout" = bench ] && [ "$n" -eq 2000000 ]; then
      cmds+=("node bench/naive-ndjson.mjs $nd")
      command -v mlr > /dev/null && cmds+=("mlr --icsv --ocsv stats1 -a sum -f mbps -g segment $csv")
    fi
    # Rounds of one run per command, interleaved: this machine's speed drifts within minutes, and a
    # drift then touches every command alike instead of whichever hyperfine happened to be timing.
    out=$(mktemp -d)
    # Warm-up (page cache, first JIT), except at 20M: the files were just read into the page cache.
    [ "$n" -le 5000000 ] && hyperfine --runs 1 "${cmds[@]}" > /dev/null 2>&1
    for round in $(seq "$runs"); do
      hyperfine --runs 1 --export-json "$out/$round.json" "${cmds[@]}" > /dev/null 2>&1
    done
    node bench/ratios-inventory.mjs "$out" "$n"
    rm -rf "$out"
    echo
    # Exactness: every method's per-segment totals against camsize's (JSON, b/s).
    echo "Load after: \`$(uptime)\`"
    echo
    tmp=$(mktemp -d)
    mawk -F, -f "bench/data/sum-$layout.awk" "$csv" > "$tmp/mawk.txt"
    node bench/duckdb-sum.mjs "$csv" "$layout" > "$tmp/duckdb-csv.txt"
    checks=("$tmp/mawk.txt" "$tmp/duckdb-csv.txt")
    if cardinality "$layout"; then
      # The report of 1,000,000 segments is ~0.5 GB of JSON: its CSV's segment rows carry the same day rates.
      $camsize --format csv --night-hours 0 --inventory "$csv" | node bench/csv-report-json.mjs > "$tmp/camsize.json"
      # Peak memory of the whole run against DuckDB's, both on the CSV.
      for cmd in "node bench/duckdb-sum.mjs $csv $layout" "$camsize --format csv --inventory $csv" "$camsize -q --inventory $csv"; do
        echo "- peak RSS of \`$cmd\`: $(( $( { /usr/bin/time -f '%M' $cmd > /dev/null; } 2>&1 | tail -1 ) / 1024 )) MiB"
      done
    else
      $camsize --json --inventory "$csv" > "$tmp/camsize.json"
      $camsize --json --inventory "$nd" > "$tmp/camsize-ndjson.json"
      node -e 'const [a, b] = process.argv.slice(1).map((f) => { const d = JSON.parse(require("fs").readFileSync(f)); return JSON.stringify([d.total, d.segments]); }); console.log(a === b ? "- camsize CSV and NDJSON reports: identical" : "- camsize CSV and NDJSON reports: DIFFER")' "$tmp/camsize.json" "$tmp/camsize-ndjson.json"
      node bench/duckdb-sum.mjs "$nd" "$layout" > "$tmp/duckdb-ndjson.txt"
      checks+=("$tmp/duckdb-ndjson.txt")
    fi
    if [ "$layout" = bench ] && [ "$n" -eq 2000000 ]; then
      node bench/naive-ndjson.mjs "$nd" > "$tmp/naive.txt"; checks+=("$tmp/naive.txt")
      if command -v mlr > /dev/null; then mlr --icsv --ojson stats1 -a sum -f mbps -g segment "$csv" | node -e 'for (const r of JSON.parse(require("fs").readFileSync(0))) console.log(r.segment, r.mbps_sum)' > "$tmp/mlr.txt"; checks+=("$tmp/mlr.txt"); fi
    fi
    node bench/check-totals.mjs "$tmp/camsize.json" "${checks[@]}" | sed "s|$tmp/|- per-segment totals of |" || true
    echo "- total: $(node -e 'const d=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(d.total.cameras, "cameras,", d.total.load.bitsPerSecond, "b/s, segments:", d.segments.length)' "$tmp/camsize.json")"
    rm -rf "$tmp"
    echo
  done
  cardinality "$layout" && continue
  # Memory: camsize's peak RSS at the smallest size against the largest, both formats, both thread settings.
  small=${sizes%% *}
  big=${sizes##* }
  echo "#### Peak memory, $layout layout (RSS, GNU time, \`node dist/cli.js -q --inventory FILE\`)"
  echo
  echo "| input | threads | $small records MiB | $big records MiB | ratio |"
  echo "|---|---|---:|---:|---:|"
  for f in csv ndjson; do
    for threads in default 1; do
      env=(); [ "$threads" = 1 ] && env=(CAMSIZE_THREADS=1)
      kb() { { /usr/bin/time -f '%M' env "${env[@]}" node dist/cli.js -q --inventory "$1" > /dev/null; } 2>&1 | tail -1; }
      a=$(kb "$(file "$small" "$layout" "$f")")
      b=$(kb "$(file "$big" "$layout" "$f")")
      echo "| $f | $threads | $((a / 1024)) | $((b / 1024)) | $(node -p "($b / $a).toFixed(2)") |"
    done
  done
  echo
done
echo "End: \`$(uptime)\`"
