// In-process A/B of the inventory scanners of two builds: the same file, read
// once into memory, fed in 1 MiB chunks to each build's scanner in turn,
// 7 rounds (the first dropped as warm-up). Alternating the builds lets this
// machine's drifting speed touch both alike. Prints each build's times and median, ms.
// Usage: node bench/scan-ab.mjs FILE LIB_DIR_A LIB_DIR_B   (each a build's lib/: npm run build; the first finds the catalog)
//   SCAN_AB_CACHE=off: no line cache, so every line takes the byte-level path (CSV's plainRecord);
//   SCAN_AB_ROUNDS=N: N rounds instead of 7 (the first still dropped);
//   SCAN_AB_CLOCK=cpu: the process's CPU time (user + system) instead of the wall clock, which on
//   a loaded machine also counts the time other processes had the core.
//   e.g. git worktree add /tmp/base HEAD~1 && (cd /tmp/base && npm ci && npm run build)
//        node bench/scan-ab.mjs bench/data/inv-2000000.csv /tmp/base/lib ./lib
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...dirs] = process.argv.slice(2);
if (!file || dirs.length === 0) {
  console.error('usage: node bench/scan-ab.mjs FILE LIB_DIR_A [LIB_DIR_B …]');
  process.exit(2);
}
const buf = readFileSync(file);
const load = async (dir) => {
  const url = (path) => pathToFileURL(resolve(dir, path)).href;
  return {
    dir,
    Aggregate: (await import(url('core/inventory/aggregate.js'))).InventoryAggregate,
    Csv: (await import(url('core/inventory/csv.js'))).CsvScanner,
    Json: (await import(url('core/inventory/json.js'))).JsonScanner,
  };
};
const builds = await Promise.all(dirs.map(load));
const { loadCatalog } = await import(pathToFileURL(resolve(dirs[0], 'io/catalog-load.js')).href);
const catalog = await loadCatalog();
const options = process.env.SCAN_AB_CACHE === 'off' ? { cache: false } : {};
const rounds = Number(process.env.SCAN_AB_ROUNDS ?? 7);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const now = process.env.SCAN_AB_CLOCK === 'cpu' ? cpuMs : () => performance.now();
const times = builds.map(() => []);
for (let round = 0; round < rounds; round++) {
  builds.forEach((b, k) => {
    const aggregate = new b.Aggregate(catalog);
    const fail = (e) => {
      throw e;
    };
    const scanner = file.endsWith('.csv') ? new b.Csv(aggregate, fail, options) : new b.Json(aggregate, fail, options);
    const t0 = now();
    for (let i = 0; i < buf.length; i += 1 << 20) scanner.feed(buf.subarray(i, i + (1 << 20)));
    scanner.end();
    times[k].push(now() - t0);
  });
}
builds.forEach((b, k) => {
  const t = times[k].slice(1).sort((x, y) => x - y);
  console.log(`${b.dir}: ${t.map((x) => x.toFixed(0)).join(' ')} ms, median ${t[Math.floor(t.length / 2)].toFixed(0)}`);
});
