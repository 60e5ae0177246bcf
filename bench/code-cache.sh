#!/usr/bin/env bash
# What shipping the V8 code cache (dist/camsize.cache) buys, for issue #19: start-up of the bin with the
# cache its own Node made ("used"), with no cache file ("missing": the tarball without it), and with a
# cache another Node made ("other-node": what a user whose Node differs from the packer's gets when it
# is shipped), against `node -e 0`, in interleaved rounds as bench/startup.sh does. The three variants
# are copies of dist/ beside it (dist-cache-*, removed at the end), so that they find presets/ as dist/ does.
# Usage: bash bench/code-cache.sh [rounds] [runs per round]. Needs hyperfine. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
runs=${2:-5}
[ -f dist/camsize.cache ] || npm run build >/dev/null
rm -rf dist-cache-used dist-cache-missing dist-cache-other
trap 'rm -rf dist-cache-used dist-cache-missing dist-cache-other' EXIT
cp -r dist dist-cache-used
cp -r dist dist-cache-missing && rm dist-cache-missing/camsize.cache
cp -r dist dist-cache-other
# The header says which Node made the cache (src/loader.ts, cacheHeader): another version's is not used.
node -e '
  const fs = require("fs");
  const f = "dist-cache-other/camsize.cache";
  const b = fs.readFileSync(f);
  const end = b.indexOf(10);
  const header = b.toString("latin1", 0, end).replace(/ v[0-9.]+ /, " v0.0.0 ");
  fs.writeFileSync(f, Buffer.concat([Buffer.from(header, "latin1"), b.subarray(end)]));
'
for v in used missing other; do
  status=$(CAMSIZE_CODE_CACHE=report node "dist-cache-$v/cli.js" --version 2>&1 >/dev/null | sed 's/camsize: code cache: //')
  echo "dist-cache-$v: $status"
done
cmds=('node -e 0')
for v in used missing other; do cmds+=("node dist-cache-$v/cli.js --preset 720p30 --count 20000000"); done
for v in used missing other; do cmds+=("node dist-cache-$v/cli.js presets"); done
source bench/rounds.sh
run_rounds "$rounds" "$runs" "${cmds[@]}"
