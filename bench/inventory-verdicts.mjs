// Issue 14's and 24's inventory targets, read off the Markdown that bench/inventory.sh wrote (one file
// per run): per layout, size and format, camsize (default threads) against DuckDB on the same format and
// against mawk, two threads against one, and peak memory at the largest size against the smallest; for
// the cardinality layouts (segments, labels), within 2× DuckDB's time and at most its peak memory.
// Ratios are of the wall clock; the CPU time ratio (DuckDB's ÷ camsize's) is given beside them.
// node bench/inventory-verdicts.mjs run1.md [run2.md …]
import { readFileSync } from 'node:fs';

const cell = (ok, text) => `${ok ? 'met' : '**missed**'}: ${text}`;
const CARDINALITY = new Set(['segments', 'labels']);

/** A section's table rows: command, mean s, vs mawk, vs DuckDB (same format), DuckDB's CPU ÷ this. */
function rowsOf(section) {
  return [...section.matchAll(/^\| `([^`]*)` \| ([\d.]+) \|.*\| ([\d.]+) \| ([\d.]*) \| ([\d.]+) \| ([\d.]*) \|$/gm)].map((r) => ({
    command: r[1],
    mean: Number(r[2]),
    mawk: Number(r[3]),
    duck: r[4] === '' ? undefined : Number(r[4]),
    duckCpu: r[6] === '' ? undefined : Number(r[6]),
  }));
}

function regularRows(layout, n, section, rows) {
  const sizes = /\((\d+) MB CSV, (\d+) MB NDJSON\)/.exec(section);
  const mb = { csv: Number(sizes?.[1] ?? 0), ndjson: Number(sizes?.[2] ?? 0) };
  for (const format of ['csv', 'ndjson']) {
    const two = rows.find((r) => r.command.startsWith('node dist/cli.js') && r.command.endsWith(`.${format}`));
    const one = rows.find((r) => r.command.startsWith('CAMSIZE_THREADS=1') && r.command.endsWith(`.${format}`));
    if (!two || !one) continue;
    const big = Number(n) >= 2_000_000;
    console.log(
      `| ${layout} | ${Number(n).toLocaleString('en-US')} | ${format} | ${cell(two.duck >= 1, `${two.duck.toFixed(2)}× (CPU ${two.duckCpu.toFixed(2)}×)`)} | ` +
        `${big ? cell(two.mawk >= 1, `${two.mawk.toFixed(2)}×`) : `(${two.mawk.toFixed(2)}×)`} | ` +
        `${mb[format] * 1e6 < 64 * 2 ** 20 ? `one thread both (below 64 MiB): ${(one.mean / two.mean).toFixed(2)}×` : cell(two.mean <= one.mean, `${(one.mean / two.mean).toFixed(2)}×`)} |`,
    );
  }
}

function cardinalityRows(layout, n, section, rows) {
  const rss = (what) => Number(new RegExp(`peak RSS of \`${what}[^\`]*\`: (\\d+) MiB`).exec(section)?.[1] ?? Number.NaN);
  const duckMiB = rss('node bench/duckdb-sum.mjs');
  for (const [label, prefix] of [
    ['--format csv', 'node dist/cli.js --format csv'],
    ['-q', 'node dist/cli.js -q'],
  ]) {
    const r = rows.find((x) => x.command.startsWith(prefix));
    if (!r) continue;
    const mine = rss(prefix);
    console.log(
      `| ${layout} | ${Number(n).toLocaleString('en-US')} | ${label} | ${cell(r.duck >= 0.5, `${r.duck.toFixed(2)}× (CPU ${r.duckCpu.toFixed(2)}×)`)} | ` +
        `${cell(mine <= duckMiB, `${mine} MiB vs ${duckMiB} MiB`)} |`,
    );
  }
}

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const start = /start: `\s*([^`]*)`/.exec(text)?.[1] ?? '?';
  const end = /End: `\s*([^`]*)`/.exec(text)?.[1] ?? '?';
  console.log(`#### ${file.replace(/^.*\//, '')}: start \`${start.trim()}\`, end \`${end.trim()}\``);
  console.log();
  const sections = text
    .split(/^### /m)
    .slice(1)
    .map((section) => ({ section, m: /^(\w+) layout, (\d+) records/.exec(section) }))
    .filter((s) => s.m);
  const regular = sections.filter((s) => !CARDINALITY.has(s.m[1]));
  const cardinal = sections.filter((s) => CARDINALITY.has(s.m[1]));
  if (regular.length > 0) {
    console.log('| layout | records | format | ≥ DuckDB (wall; CPU) | ≥ 1.0× mawk (2M+) | 2 threads ≥ 1 |');
    console.log('|---|---:|---|---|---|---|');
    for (const { section, m } of regular) regularRows(m[1], m[2], section, rowsOf(section));
    console.log();
  }
  if (cardinal.length > 0) {
    console.log('| layout | records | camsize | within 2× DuckDB (records/s ratio ≥ 0.5; CPU) | peak RSS ≤ DuckDB’s |');
    console.log('|---|---:|---|---|---|');
    for (const { section, m } of cardinal) cardinalityRows(m[1], m[2], section, rowsOf(section));
    console.log();
  }
  for (const mem of text.matchAll(/^#### Peak memory, (\w+) layout[\s\S]*?\n\n((?:\|.*\n)+)/gm)) {
    const ratios = [...mem[2].matchAll(/^\| (\w+) \| (\w+) \| \d+ \| \d+ \| ([\d.]+) \|$/gm)].map((r) => `${r[1]} ${r[2]} ${r[3]}×`);
    const worst = Math.max(...ratios.map((r) => Number(r.split(' ').at(-1).replace('×', ''))));
    console.log(`- memory flat, ${mem[1]} layout (≤ 1.2×): ${cell(worst <= 1.2, ratios.join(', '))}`);
  }
  console.log();
}
