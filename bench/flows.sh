#!/usr/bin/env bash
# Sizing a 100,000-segment fleet with recorders and viewers against the same
# fleet without them (issue #11: at most 1.5x). Interleaved rounds, CPU time
# (user+sys) and wall clock from GNU time, medians and minima; load before and after.
# Usage: bash bench/flows.sh [ROUNDS]   (after npm run build)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
mkdir -p bench/data
[ -f bench/data/fleet-100k.json ] || node bench/gen-fleet.mjs 100000 1000000 > bench/data/fleet-100k.json
[ -f bench/data/fleet-100k-flows.json ] || node bench/gen-fleet.mjs 100000 1000000 flows > bench/data/fleet-100k-flows.json
out=$(mktemp -d)
uptime
for _ in $(seq "$rounds"); do
  /usr/bin/time -a -o "$out/plain" -f "%U %S %e" node dist/cli.js -q bench/data/fleet-100k.json
  /usr/bin/time -a -o "$out/flows" -f "%U %S %e" node dist/cli.js -q bench/data/fleet-100k-flows.json
done
uptime
node -e '
const fs = require("fs");
const read = (f) => fs.readFileSync(f, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number));
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const [p, f] = [read(process.argv[1]), read(process.argv[2])];
const cpu = (r) => r.map(([u, s]) => u + s), wall = (r) => r.map(([, , e]) => e);
console.log("| fleet | CPU median s | CPU min s | wall median s | wall min s |\n|---|---:|---:|---:|---:|");
for (const [name, r] of [["without recorders and viewers", p], ["with recorders and viewers", f]])
  console.log(`| ${name} | ${med(cpu(r)).toFixed(2)} | ${Math.min(...cpu(r)).toFixed(2)} | ${med(wall(r)).toFixed(2)} | ${Math.min(...wall(r)).toFixed(2)} |`);
console.log(`| ratio | ${(med(cpu(f)) / med(cpu(p))).toFixed(2)} | ${(Math.min(...cpu(f)) / Math.min(...cpu(p))).toFixed(2)} | ${(med(wall(f)) / med(wall(p))).toFixed(2)} | ${(Math.min(...wall(f)) / Math.min(...wall(p))).toFixed(2)} |`);
' "$out/plain" "$out/flows"
