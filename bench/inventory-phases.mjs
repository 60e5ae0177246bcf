// Where one inventory run's time goes: imports, reading (and the CPU time it took, every thread),
// the fleet model, sizing, rendering (ms).
// node bench/inventory-phases.mjs FILE [threads]   (after npm run build: lib/ holds one ES module per source file)
const t0 = performance.now();
const { loadInventory } = await import(new URL('../lib/io/inventory/load.js', import.meta.url).href);
const { inventoryFleet } = await import(new URL('../lib/core/inventory/to-fleet.js', import.meta.url).href);
const { sizeFleet } = await import(new URL('../lib/core/sizing/size.js', import.meta.url).href);
const { loadCatalog } = await import(new URL('../lib/io/catalog-load.js', import.meta.url).href);
const { renderer } = await import(new URL('../lib/render/renderer.js', import.meta.url).href);
const cat = await loadCatalog();
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const r = await loadInventory(process.argv[2], cat, { skipInvalid: false, threads: Number(process.argv[3] ?? 1) }, {});
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const { fleet } = inventoryFleet(r.aggregate.entries, 'x');
const t3 = performance.now();
const report = sizeFleet(fleet, {});
const t4 = performance.now();
const out = (await renderer('csv')).report(report, { timeline: undefined });
const t5 = performance.now();
console.log({
  imports: (t1 - t0) | 0,
  load: (t2 - t1) | 0,
  loadCpu: ((cpu.user + cpu.system) / 1000) | 0,
  toFleet: (t3 - t2) | 0,
  size: (t4 - t3) | 0,
  render: (t5 - t4) | 0,
  entries: r.aggregate.size,
  out: out.length,
});
