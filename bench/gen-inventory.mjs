// Deterministic camera inventory generator (the shape of shared/research/baselines.md):
// node bench/gen-inventory.mjs N csv|ndjson|json > file
// Fields: id, segment (1,000: district-001/switch-01 … district-100/switch-10),
// preset, mbps (the report's figures), with the baselines' weights.
const n = Number(process.argv[2] ?? 2_000_000);
const format = process.argv[3] ?? 'csv';
const presets = [
  ['720p30', '4', 25],
  ['1080p10-conference', '0.5', 10],
  ['1080p30-ir', '5', 30],
  ['5mp15-panoramic', '3.5', 10],
  ['4k30', '7', 15],
  ['4k10-night', '24', 10],
];
const table = presets.flatMap(([id, mbps, weight]) => Array(weight).fill([id, mbps]));
let seed = 20240601;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const width = Math.max(6, String(n).length);
const out = process.stdout;
// Waits when the pipe is full (`… | gzip` reads slower than this writes): without it every
// buffer would queue in memory until the process runs out of it.
const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
let buffer = format === 'csv' ? 'id,segment,preset,mbps\n' : format === 'json' ? '[\n' : '';
for (let i = 1; i <= n; i++) {
  const d = 1 + Math.floor(random() * 100);
  const s = 1 + Math.floor(random() * 10);
  const segment = `district-${String(d).padStart(3, '0')}/switch-${String(s).padStart(2, '0')}`;
  const [preset, mbps] = table[Math.floor(random() * table.length)];
  const id = `cam-${String(i).padStart(width, '0')}`;
  if (format === 'csv') buffer += `${id},${segment},${preset},${mbps}\n`;
  else {
    const line = `{"id":"${id}","segment":"${segment}","preset":"${preset}","mbps":${mbps}}`;
    buffer += format === 'json' ? (i === n ? `${line}\n` : `${line},\n`) : `${line}\n`;
  }
  if (buffer.length > 1 << 20) {
    await write(buffer);
    buffer = '';
  }
}
if (format === 'json') buffer += ']\n';
await write(buffer);
