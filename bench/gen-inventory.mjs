// Deterministic camera inventory generator.
// node bench/gen-inventory.mjs N csv|ndjson|json [bench|real|segments|labels] > file
// node bench/gen-inventory.mjs --awk-presets   (the real layout's preset rates, as mawk assignments)
//
// Two cardinality layouts (issue 24), the real layout's columns and mix:
// segments: the segment drawn from 1,000,000 (site-000001/sw-1 … site-200000/sw-5), so 2,000,000
//   records fall in ~865,000 distinct segments (1 − e^−2 of them) below ~200,000 sites;
// labels: the real layout's 5,000 segments, but half the records are custom cameras (no preset)
//   whose label is one of 9,500 kinds, each kind with its own rate: ~9,500 custom profiles, and
//   about as many (segment, profile) pairs as custom records.
//
// bench (the shape of shared/research/baselines.md): id, segment (1,000: district-001/switch-01 …
// district-100/switch-10), preset, mbps (the report's figures), with the baselines' weights.
//
// real (an operator's export, issue 14): id,site,ip,model,segment,preset,count,bitrate,label with
// ~5,000 segments (site-0001/sw-1 … site-1000/sw-5), a unique IP per camera, the model (three per
// site), and a free-text label ("pole 12") on most rows. About 92 % are preset rows (label
// irrelevant), 4 % a preset with a measured bitrate, 4 % a custom rate without a preset, where the
// label names the site's kind of custom camera (one of 12 custom profiles); counts are mostly empty
// or 1, some multi-sensor rows count 2–4.
import { CUSTOM, CUSTOM_RATES, MODELS, PLACES, REAL_RATES } from './inventory-layouts.mjs';

const BENCH_PRESETS = [
  ['720p30', '4', 25],
  ['1080p10-conference', '0.5', 10],
  ['1080p30-ir', '5', 30],
  ['5mp15-panoramic', '3.5', 10],
  ['4k30', '7', 15],
  ['4k10-night', '24', 10],
];
if (process.argv[2] === '--awk-presets') {
  console.log(
    Object.entries(REAL_RATES)
      .map(([id, mbps]) => `p["${id}"]=${mbps}`)
      .join('; '),
  );
  process.exit(0);
}

const n = Number(process.argv[2] ?? 2_000_000);
const format = process.argv[3] ?? 'csv';
const layout = process.argv[4] ?? 'bench';
if (!['csv', 'ndjson', 'json'].includes(format) || !['bench', 'real', 'segments', 'labels'].includes(layout)) {
  console.error('usage: node bench/gen-inventory.mjs N csv|ndjson|json [bench|real|segments|labels]');
  process.exit(2);
}
// The bench layout keeps the LCG its files were made with; its successive draws are too alike
// to spread the real layout's 5,000 segments, which use mulberry32.
let seed = 20240601;
const lcg = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const mulberry32 = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const random = layout === 'bench' ? lcg : mulberry32;
const pick = (table) => table[Math.floor(random() * table.length)];
const width = Math.max(6, String(n).length);
const out = process.stdout;
// Waits when the pipe is full (`… | gzip` reads slower than this writes): without it every
// buffer would queue in memory until the process runs out of it.
const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));

const benchTable = BENCH_PRESETS.flatMap(([id, mbps, weight]) => Array(weight).fill([id, mbps]));
const modelTable = MODELS.flatMap((m) => Array(m[2]).fill(m));

/** One record as [field, value, isNumber] triples, in column order. */
function benchRecord(i) {
  const d = 1 + Math.floor(random() * 100);
  const s = 1 + Math.floor(random() * 10);
  const segment = `district-${String(d).padStart(3, '0')}/switch-${String(s).padStart(2, '0')}`;
  const [preset, mbps] = pick(benchTable);
  return [
    ['id', `cam-${String(i).padStart(width, '0')}`],
    ['segment', segment],
    ['preset', preset],
    ['mbps', mbps, true],
  ];
}

const modelsOfSite = new Map();
/** The three models of a site, drawn from the weighted table by the site's number (not the record stream). */
function siteModels(siteNo) {
  let models = modelsOfSite.get(siteNo);
  if (!models) {
    let h = siteNo;
    const next = () => {
      h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) ^ 0x9e3779b9;
      return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
    };
    models = [0, 1, 2].map(() => modelTable[Math.floor(next() * modelTable.length)]);
    modelsOfSite.set(siteNo, models);
  }
  return models;
}

const LABEL_KINDS = 9500;

function realRecord(i) {
  const wide = layout === 'segments';
  const siteNo = 1 + Math.floor(random() * (wide ? 200000 : 1000));
  const site = `site-${String(siteNo).padStart(wide ? 6 : 4, '0')}`;
  const segment = `${site}/sw-${1 + Math.floor(random() * 5)}`;
  // Each site has three camera models, a measured rate for some of their cameras and one kind of
  // custom camera: as in an operator's export, and the (segment, profile) pairs stay a few per segment.
  const models = siteModels(siteNo);
  const m = Math.floor(random() * 3);
  const [model, modelPreset] = models[m];
  const kind = random();
  let preset = modelPreset;
  let bitrate = '';
  let label = `${pick(PLACES)} ${1 + Math.floor(random() * 400)}`;
  if (kind < 0.04) {
    preset = '';
    label = CUSTOM[siteNo % CUSTOM.length];
    bitrate = `${CUSTOM_RATES[siteNo % CUSTOM_RATES.length]}Mb/s`;
  } else if (layout === 'labels' && kind < 0.54) {
    const k = Math.floor(random() * LABEL_KINDS);
    preset = '';
    label = `kind ${String(k).padStart(4, '0')}`;
    bitrate = `${(1 + (k % 40) / 10).toFixed(1)}Mb/s`;
  } else if (kind < 0.08) bitrate = `${(siteNo + m) % 2 ? '3' : '4.5'}Mb/s`;
  else if (kind < 0.2) label = '';
  const c = random();
  const count = c < 0.5 ? '' : c < 0.95 ? '1' : String(2 + Math.floor(random() * 3));
  return [
    ['id', `cam-${String(i).padStart(width, '0')}`],
    ['site', site],
    ['ip', `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
    ['model', model],
    ['segment', segment],
    ['preset', preset],
    ['count', count, true],
    ['bitrate', bitrate],
    ['label', label],
  ];
}

const make = layout === 'bench' ? benchRecord : realRecord;
const header = make(0).map(([name]) => name);
seed = 20240601;
const jsonValue = ([, value, isNumber]) => (value === '' ? 'null' : isNumber ? value : `"${value}"`);
let buffer = format === 'csv' ? `${header.join(',')}\n` : format === 'json' ? '[\n' : '';
for (let i = 1; i <= n; i++) {
  const fields = make(i);
  if (format === 'csv') buffer += `${fields.map((f) => f[1]).join(',')}\n`;
  else {
    const line = `{${fields.map((f) => `"${f[0]}":${jsonValue(f)}`).join(',')}}`;
    buffer += format === 'json' ? (i === n ? `${line}\n` : `${line},\n`) : `${line}\n`;
  }
  if (buffer.length > 1 << 20) {
    await write(buffer);
    buffer = '';
  }
}
if (format === 'json') buffer += ']\n';
await write(buffer);
