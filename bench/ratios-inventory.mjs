// The interleaved rounds of bench/inventory.sh (one hyperfine --export-json file per round, the same
// commands in each) as a Markdown table: each command's times, its records/s, and records/s
// against mawk's (the first command) and DuckDB's on the same format, in the same rounds; and each
// command's CPU time (user + system, all threads, mean of the rounds) with its ratio to DuckDB's, which
// a loaded machine moves less than the wall clock.
// node bench/ratios-inventory.mjs DIR RECORDS
import { readdirSync, readFileSync } from 'node:fs';

const [dir, records] = [process.argv[2], Number(process.argv[3])];
const rounds = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')).results);
const times = rounds[0].map((_, i) => rounds.map((r) => r[i].mean).sort((a, b) => a - b));
const mean = (t) => t.reduce((a, b) => a + b, 0) / t.length;
const median = (t) => (t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2);
const commands = rounds[0].map((r) => r.command);
const cpu = rounds[0].map((_, i) => mean(rounds.map((r) => r[i].user + r[i].system)));
const duckdb = (format) => commands.findIndex((c) => c.includes('duckdb-sum') && c.includes(`.${format} `));
const formatOf = (c) => (/\.ndjson\b/.test(c) ? 'ndjson' : 'csv');
const mawk = mean(times[0]);
console.log(
  `${rounds.length} interleaved rounds of one run each (after one warm-up round); ratios are records/s over the reference's, from mean times.`,
);
console.log();
console.log('| command | mean s | median s | min–max s | records/s | vs mawk | vs DuckDB (same format) | CPU s | DuckDB CPU ÷ this |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
commands.forEach((command, i) => {
  const t = times[i];
  const d = command.includes('dist/cli.js') ? duckdb(formatOf(command)) : -1;
  const vsDuck = d >= 0 ? (mean(times[d]) / mean(t)).toFixed(2) : '';
  const cpuVsDuck = d >= 0 ? (cpu[d] / cpu[i]).toFixed(2) : '';
  const shown = command.replace(/\|/g, '\\|');
  console.log(
    `| \`${shown}\` | ${mean(t).toFixed(3)} | ${median(t).toFixed(3)} | ${t[0].toFixed(2)}–${t[t.length - 1].toFixed(2)} | ` +
      `${(records / mean(t) / 1e6).toFixed(2)} M | ${(mawk / mean(t)).toFixed(2)} | ${vsDuck} | ${cpu[i].toFixed(2)} | ${cpuVsDuck} |`,
  );
});
