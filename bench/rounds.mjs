// Interleaved hyperfine rounds (a folder of --export-json files, one per round,
// the same commands in each) as one Markdown table: each command's median,
// mean and min against the first command's, and CPU time (user + system).
import { readdirSync, readFileSync } from 'node:fs';

const dir = process.argv[2];
const rounds = readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')).results);
const times = rounds[0].map((_, i) => rounds.flatMap((r) => r[i].times).sort((a, b) => a - b));
const median = (t) => (t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2);
const mean = (t) => t.reduce((a, b) => a + b, 0) / t.length;
const cpu = rounds[0].map((_, i) => mean(rounds.map((r) => r[i].user + r[i].system)));
const [ref] = times;
const s = (x) => x.toFixed(3);
console.log(`${rounds.length} interleaved rounds, ${ref.length} runs of each command in all.`);
console.log();
console.log('| command | median s | mean s | min s | median ratio | mean ratio | min ratio | CPU s (mean) | CPU ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
rounds[0].forEach((r, i) => {
  const t = times[i];
  console.log(
    `| \`${r.command}\` | ${s(median(t))} | ${s(mean(t))} | ${s(t[0])} | ${(median(t) / median(ref)).toFixed(2)} | ` +
      `${(mean(t) / mean(ref)).toFixed(2)} | ${(t[0] / ref[0]).toFixed(2)} | ${s(cpu[i])} | ${(cpu[i] / cpu[0]).toFixed(2)} |`,
  );
});
