#!/usr/bin/env bash
# Two builds of camsize on the canonical inventory layouts (bench/gen-inventory.mjs: "bench" and
# "real"), CSV and NDJSON, in the same interleaved hyperfine rounds: a change must leave them no
# slower (issue #20's check that schedules cost the canonical layout nothing). Prints Markdown.
# Usage: bash bench/inventory-ab.sh OTHER_BIN [sizes] [layouts] [rounds]
#   e.g. bash bench/inventory-ab.sh /tmp/camsize-main/dist/cli.js "200000 2000000" "bench real" 5
set -euo pipefail
cd "$(dirname "$0")/.."
other=$1
sizes=${2:-"200000 2000000"}
layouts=${3:-"bench real"}
rounds=${4:-5}
mkdir -p bench/data
[ -f dist/cli.js ] || npm run build >/dev/null
echo "Machine: $(nproc) cores, $(node --version), hyperfine $(hyperfine --version | cut -d' ' -f2). A: \`$other\`, B: \`dist/cli.js\` (this tree)."
echo "Command: \`bash bench/inventory-ab.sh $other \"$sizes\" \"$layouts\" $rounds\`; start: \`$(uptime)\`"
echo
echo "| layout | records | format | A s (median) | B s (median) | B ÷ A | B ÷ A, CPU time |"
echo "|---|---:|---|---:|---:|---:|---:|"
for layout in $layouts; do
  for n in $sizes; do
    for format in csv ndjson; do
      prefix=inv; [ "$layout" = real ] && prefix=real
      f="bench/data/$prefix-$n.$format"
      [ -f "$f" ] || node bench/gen-inventory.mjs "$n" "$format" "$layout" > "$f"
      a=$(node "$other" --json -i "$f" | node -e 'const d=JSON.parse(require("fs").readFileSync(0));console.log(JSON.stringify([d.total,d.segments]))' | md5sum)
      b=$(node dist/cli.js --json -i "$f" 2>/dev/null | node -e 'const d=JSON.parse(require("fs").readFileSync(0));console.log(JSON.stringify([d.total,d.segments]))' | md5sum)
      [ "$a" = "$b" ] || { echo "reports differ on $f" >&2; exit 1; }
      out=$(mktemp -d)
      hyperfine -N --runs 1 "node $other -q -i $f" "node dist/cli.js -q -i $f" > /dev/null 2>&1 # warm-up
      for round in $(seq "$rounds"); do
        hyperfine -N --runs 1 --export-json "$out/$round.json" "node $other -q -i $f" "node dist/cli.js -q -i $f" > /dev/null 2>&1
      done
      node -e '
        const fs = require("fs"); const [dir, layout, n, format] = process.argv.slice(1);
        const runs = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`)).results);
        const median = (t) => { t.sort((a, b) => a - b); return t[(t.length - 1) >> 1]; };
        const wall = (i) => median(runs.flatMap((r) => r[i].times));
        // hyperfine gives the mean user and system time of each command; a round is one run of each.
        const cpu = (i) => median(runs.map((r) => r[i].user + r[i].system));
        console.log(`| ${layout} | ${Number(n).toLocaleString("en-US")} | ${format} | ${wall(0).toFixed(2)} | ${wall(1).toFixed(2)} | ${(wall(1) / wall(0)).toFixed(2)} | ${(cpu(1) / cpu(0)).toFixed(2)} |`);
      ' "$out" "$layout" "$n" "$format"
      rm -rf "$out"
    done
  done
done
echo
echo "End: \`$(uptime)\`"
