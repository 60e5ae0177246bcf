// Issue 14's inventory targets, read off the Markdown that bench/inventory.sh wrote (one file per
// run): per layout, size and format, camsize (default threads) against DuckDB on the same format and
// against mawk, two threads against one, and peak memory at the largest size against the smallest.
// node bench/inventory-verdicts.mjs run1.md [run2.md …]
import { readFileSync } from 'node:fs';

const cell = (ok, text) => `${ok ? 'met' : '**missed**'}: ${text}`;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const start = /start: `\s*([^`]*)`/.exec(text)?.[1] ?? '?';
  const end = /End: `\s*([^`]*)`/.exec(text)?.[1] ?? '?';
  console.log(`#### ${file.replace(/^.*\//, '')}: start \`${start.trim()}\`, end \`${end.trim()}\``);
  console.log();
  console.log('| layout | records | format | ≥ DuckDB | ≥ 1.0× mawk (2M+) | 2 threads ≥ 1 |');
  console.log('|---|---:|---|---|---|---|');
  for (const section of text.split(/^### /m).slice(1)) {
    const m = /^(\w+) layout, (\d+) records/.exec(section);
    if (!m) continue;
    const [, layout, n] = m;
    const rows = [...section.matchAll(/^\| `([^`]*)` \| ([\d.]+) \|.*\| ([\d.]+) \| ([\d.]*) \|$/gm)].map((r) => ({
      command: r[1],
      mean: Number(r[2]),
      mawk: Number(r[3]),
      duck: r[4] === '' ? undefined : Number(r[4]),
    }));
    const sizes = /\((\d+) MB CSV, (\d+) MB NDJSON\)/.exec(section);
    const mb = { csv: Number(sizes?.[1] ?? 0), ndjson: Number(sizes?.[2] ?? 0) };
    for (const format of ['csv', 'ndjson']) {
      const two = rows.find((r) => r.command.startsWith('node dist/cli.js') && r.command.endsWith(`.${format}`));
      const one = rows.find((r) => r.command.startsWith('CAMSIZE_THREADS=1') && r.command.endsWith(`.${format}`));
      if (!two || !one) continue;
      const big = Number(n) >= 2_000_000;
      console.log(
        `| ${layout} | ${Number(n).toLocaleString('en-US')} | ${format} | ${cell(two.duck >= 1, `${two.duck.toFixed(2)}×`)} | ` +
          `${big ? cell(two.mawk >= 1, `${two.mawk.toFixed(2)}×`) : `(${two.mawk.toFixed(2)}×)`} | ` +
          `${mb[format] * 1e6 < 64 * 2 ** 20 ? `one thread both (below 64 MiB): ${(one.mean / two.mean).toFixed(2)}×` : cell(two.mean <= one.mean, `${(one.mean / two.mean).toFixed(2)}×`)} |`,
      );
    }
  }
  console.log();
  for (const mem of text.matchAll(/^#### Peak memory, (\w+) layout[\s\S]*?\n\n((?:\|.*\n)+)/gm)) {
    const ratios = [...mem[2].matchAll(/^\| (\w+) \| (\w+) \| \d+ \| \d+ \| ([\d.]+) \|$/gm)].map((r) => `${r[1]} ${r[2]} ${r[3]}×`);
    const worst = Math.max(...ratios.map((r) => Number(r.split(' ').at(-1).replace('×', ''))));
    console.log(`- memory flat, ${mem[1]} layout (≤ 1.2×): ${cell(worst <= 1.2, ratios.join(', '))}`);
  }
  console.log();
}
