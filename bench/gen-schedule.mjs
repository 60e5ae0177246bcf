// A camera schedule of N rows, as a designer's spreadsheet has it, written as CSV and as XLSX with
// the same rows (scripts/xlsx-writer.mjs: shared strings as Excel writes them), for the schedule
// bench (bench/schedule.sh): Site, Building, Switch, Camera ID (unique: every row a new shared
// string), Camera model, Resolution, FPS, Codec, Bitrate (Mbps) (empty on rows to estimate), Qty.
//
//   node bench/gen-schedule.mjs N OUT_PREFIX [ids|no-ids]   → OUT_PREFIX.csv and OUT_PREFIX.xlsx
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeXlsx } from '../scripts/xlsx-writer.mjs';

const n = Number(process.argv[2] ?? 1_000_000);
const prefix = process.argv[3] ?? `bench/data/schedule-${n}`;
const ids = (process.argv[4] ?? 'ids') === 'ids';
const MODELS = [
  ['AXIS P3265-LVE', '1920x1080', 30, 'H.264', 4],
  ['AXIS Q6135-LE', '3840x2160', 15, 'H.265', null],
  ['Hikvision DS-2CD2387', '3840x2160', 20, 'H.265', 6.5],
  ['Dahua IPC-HFW5442', '4MP', 15, 'H.265', null],
  ['Hanwha XNV-8080R', '2592x1944', 12.5, 'H.264', 3.25],
];
let seed = 20240601;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const header = ['Site', 'Building', 'Switch', 'Camera ID', 'Camera model', 'Resolution', 'FPS', 'Codec', 'Bitrate (Mbps)', 'Qty'];

function* rows() {
  for (let i = 0; i < n; i++) {
    const site = `site-${String(1 + Math.floor(random() * 200)).padStart(3, '0')}`;
    const building = `B${1 + Math.floor(random() * 4)}`;
    const sw = `sw-${1 + Math.floor(random() * 6)}`;
    const [model, res, fps, codec, rate] = MODELS[Math.floor(random() * MODELS.length)];
    const qty = random() < 0.9 ? 1 : 2 + Math.floor(random() * 3);
    yield [site, building, sw, ids ? `CAM-${String(i).padStart(7, '0')}` : 'CAM', model, res, fps, codec, rate, qty];
  }
}

const csv = createWriteStream(`${prefix}.csv`);
const cell = (v) => (v === null ? '' : String(v));
let batch = `${header.join(',')}\n`;
for (const r of rows()) {
  batch += `${r.map(cell).join(',')}\n`;
  if (batch.length > 1 << 16) {
    if (!csv.write(batch)) await once(csv, 'drain');
    batch = '';
  }
}
csv.end(batch);
await once(csv, 'close');
seed = 20240601;
await writeXlsx(`${prefix}.xlsx`, [
  {
    name: 'Schedule',
    rows: (function* () {
      yield header;
      yield* rows();
    })(),
  },
]);
