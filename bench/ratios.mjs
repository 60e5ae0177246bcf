// Reads a hyperfine --export-json file and prints each command's mean, median
// and min against the first command (the reference), as a Markdown table.
import { readFileSync } from 'node:fs';

const { results } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [reference] = results;
const ms = (s) => (s * 1000).toFixed(1);
console.log('| command | mean ms | median ms | min ms | mean ratio | median ratio | min ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| \`${r.command}\` | ${ms(r.mean)} | ${ms(r.median)} | ${ms(r.min)} | ` +
      `${(r.mean / reference.mean).toFixed(2)} | ${(r.median / reference.median).toFixed(2)} | ${(r.min / reference.min).toFixed(2)} |`,
  );
}
