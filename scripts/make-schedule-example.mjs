// Writes examples/schedule.csv and examples/schedule.xlsx, the camera schedule docs/schedules.md
// walks through: the same rows as a designer's spreadsheet has them (a title, an empty row, the
// columns as the designer named them), as CSV and as an XLSX workbook. The workbook is committed;
// run this again and `git diff --exit-code examples/` shows it is the one these rows make.
//
//   node scripts/make-schedule-example.mjs
import { writeFileSync } from 'node:fs';
import { writeXlsx } from './xlsx-writer.mjs';

const title = 'Harbour terminal - camera schedule, rev C';
const header = ['Site', 'Building', 'Switch', 'Camera ID', 'Camera model', 'Resolution', 'FPS', 'Codec', 'Bitrate (Mbps)', 'Qty', 'Mount'];
const rows = [
  ['Terminal', 'Arrivals', 'sw-arr-1', 'T-A-01..12', 'AXIS P3265-LVE', '1920x1080', 30, 'H.264', 4, 12, 'Ceiling'],
  ['Terminal', 'Arrivals', 'sw-arr-1', 'T-A-13..16', 'AXIS Q6135-LE', '3840x2160', 15, 'H.265', null, 4, 'Pole'],
  ['Terminal', 'Departures', 'sw-dep-1', 'T-D-01..20', 'Hikvision DS-2CD2387', '3840x2160', 20, 'H.265', 6.5, 20, 'Wall'],
  ['Terminal', 'Departures', 'sw-dep-2', 'T-D-21..28', 'Dahua IPC-HFW5442', '4MP', 15, 'H.265', null, 8, 'Wall'],
  ['Quay', null, 'sw-quay-1', 'Q-01..06', 'AXIS Q1798-LE', '3840x2160', 25, 'H.265', 8, 6, 'Pole'],
  ['Quay', null, 'sw-quay-2', 'Q-07..10', 'Hanwha XNV-8080R', '2592x1944', 12.5, 'H.264', null, 4, 'Pole'],
  ['Car park', null, 'sw-park', 'P-01..14', 'AXIS M3088-V', '3840x2160', 12, 'H.265', 3.5, 14, 'Ceiling'],
];

const quote = (v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const blank = header.map(() => '');
const lines = [[title, ...blank.slice(1)], blank, header, ...rows].map((r) => r.map(quote).join(','));
writeFileSync(new URL('../examples/schedule.csv', import.meta.url), `${lines.join('\n')}\n`);
await writeXlsx(new URL('../examples/schedule.xlsx', import.meta.url).pathname, [
  { name: 'Cameras', rows: [[title], null, header, ...rows] },
]);
