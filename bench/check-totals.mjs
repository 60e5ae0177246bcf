// Checks that per-segment Mb/s from other tools ("segment value" lines) agree
// exactly with camsize's JSON report of the same inventory (its day rates).
// node bench/check-totals.mjs camsize.json other.txt [other.txt …]
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const expected = new Map();
// The day rate (what the other tools sum): a day hour's average, since a preset with a night rate
// makes the report's load its peak over the day.
const dayRate = (s) => {
  const hourly = s.time?.hourly;
  const day = hourly ? hourly.night.indexOf(false) : -1;
  return BigInt(day >= 0 ? hourly.averageBitsPerSecond[day] : s.load.bitsPerSecond);
};
for (const s of report.segments) if (s.path.length === 2) expected.set(s.path.join('/'), dayRate(s));
let ok = true;
for (const file of process.argv.slice(3)) {
  const got = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\S+)\s+(\S+)$/.exec(line.trim());
    if (!m) continue;
    // Mb/s text to b/s, exactly (e.g. "12718.5" → 12718500000).
    const [whole, frac = ''] = m[2].split('.');
    got.set(m[1], BigInt(whole + frac.padEnd(6, '0').slice(0, 6)));
  }
  const bad = [...expected].filter(([k, v]) => got.get(k) !== v);
  const verdict =
    bad.length === 0 && got.size === expected.size ? 'ok' : `MISMATCH (${bad.length} segments, ${got.size} vs ${expected.size})`;
  if (verdict !== 'ok') ok = false;
  console.log(`${file}: ${verdict}`);
}
process.exitCode = ok ? 0 : 1;
