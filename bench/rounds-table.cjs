// The Markdown table of interleaved hyperfine rounds (bench/startup.sh, bench/code-cache.sh):
// node bench/rounds-table.cjs DIR, where DIR holds one `hyperfine --export-json` file per round and
// the first command of each round is the reference (`node -e 0`).
const fs = require('node:fs');
const dir = process.argv[2];
const rounds = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(`${dir}/${f}`)).results);
const times = rounds[0].map((_, i) => rounds.flatMap((r) => r[i].times).sort((a, b) => a - b));
const median = (t) => (t.length % 2 ? t[(t.length - 1) / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2);
const mean = (t) => t.reduce((a, b) => a + b, 0) / t.length;
const ms = (s) => (s * 1000).toFixed(1);
// Per round, each command against `node -e 0` of the same round: the spread of that ratio.
const perRound = rounds[0].map((_, i) => rounds.map((r) => median(r[i].times) / median(r[0].times)).sort((a, b) => a - b));
const [ref] = times;
console.log(
  `${rounds.length} interleaved rounds of ${rounds[0][0].times.length} runs per command (hyperfine -N), ${ref.length} runs each in all.`,
);
console.log();
// CPU time (user + system, all threads): less moved by other programs than the wall clock.
const cpu = rounds[0].map((_, i) => mean(rounds.map((r) => r[i].user + r[i].system)));
console.log(
  '| command | median ms | mean ms | min ms | median ratio | mean ratio | min ratio | per-round median ratio, min–max | CPU ms (mean) | CPU ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
rounds[0].forEach((r, i) => {
  const t = times[i];
  const q = perRound[i];
  console.log(
    `| \`${r.command}\` | ${ms(median(t))} | ${ms(mean(t))} | ${ms(t[0])} | ${(median(t) / median(ref)).toFixed(2)} | ${(mean(t) / mean(ref)).toFixed(2)} | ${(t[0] / ref[0]).toFixed(2)} | ${q[0].toFixed(2)}–${q[q.length - 1].toFixed(2)} | ${ms(cpu[i])} | ${(cpu[i] / cpu[0]).toFixed(2)} |`,
  );
});
