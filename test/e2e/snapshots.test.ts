/**
 * The exact text of every output format is a contract (scripts parse CSV and
 * JSON; design documents paste Markdown). Each case runs in-process and is
 * compared byte for byte with its file in test/snapshots/. After an
 * intended change of output: `npx vitest run test/e2e/snapshots.test.ts -u`,
 * then read the diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;

/**
 * HTML's style sheet is one constant (src/render/formats/html/style.ts) and its
 * version changes with every release: the snapshots hold neither
 * (test/e2e/html-report.test.ts checks both in the page).
 */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const comparable = (format: string, text: string) =>
  format === 'html'
    ? text.replace(/<style>[\s\S]*?<\/style>/, '<style>(style.ts)</style>').replaceAll(`camsize ${version}`, 'camsize VERSION')
    : text;

const CASES: Record<string, string[]> = {
  'national-preset': ['--preset', '720p30', '--count', '20000000'],
  figure6: ['--camera', '4Mb/s=3', '--camera', '2Mb/s=4', '--camera', '1Mb/s=3'],
  'groups-units': [
    '--camera',
    '720p30=3',
    '--camera',
    '4k30=2',
    '--camera',
    '1080p10-conference-2=4',
    '--unit',
    'Mb/s',
    '--precision',
    '2',
  ],
  campus: ['examples/campus.json'],
  'campus-as': ['examples/campus.json', '--as', '4k30', '--capacity', '1Gb/s'],
  'day-night': ['examples/day-night.json', '--timeline=junctions'],
  'day-night-average': ['examples/day-night.json', '--check-on', 'average', '--timeline'],
  recorders: ['examples/recorders.json'],
  'multi-site': ['examples/multi-site.json'],
  'multi-site-flows': ['examples/multi-site.json', '--flows'],
  keeps: ['--preset', '720p30', '--count', '1000', '--storage-capacity', '100TB'],
  'how-many': ['--preset', '4k30', '--capacity', '1Gb/s', '--overhead', 'udp'],
  'none-fit': ['--preset', '4k10-night', '--capacity', '10Mb/s'],
  storage: [
    '--preset',
    '720p30',
    '--count',
    '20000000',
    '--retention',
    '30d',
    '--recording',
    'motion:25',
    '--storage-overhead',
    '25',
    '--storage-capacity',
    '1EB',
  ],
  percentile: ['--preset', '720p30', '--count', '100', '--percentile', '99', '--correlation', '0.3'],
  'every-feature': [
    'test/fixtures/every-feature.json',
    '--percentile',
    '99.9',
    '--timeline=north/yard',
    '--capacity',
    '2Gb/s',
    '--retention',
    '7d',
    '--storage-capacity',
    '100TB',
  ],
  'every-feature-cut': ['test/fixtures/every-feature.json', '--depth', '1', '--top', '2'],
  inventory: ['examples/site.json', '--inventory', 'examples/cameras.csv'],
  'inventory-partial': ['--inventory', 'test/fixtures/inventory/some-invalid.csv', '--skip-invalid'],
  presets: ['presets', 'h265', '--fps', '30'],
  estimate: ['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265', '--scene', 'high'],
  'estimate-calibrated': [
    'estimate',
    '--resolution',
    '4MP',
    '--fps',
    '20',
    '--codec',
    'h265',
    '--calibration',
    'examples/site-calibration.json',
  ],
  drift: ['examples/depot.json', '--measured', 'examples/depot-measured.csv'],
  'drift-use-measured': ['examples/depot.json', '--measured', 'examples/depot-measured.csv', '--use-measured'],
  'drift-inventory': ['examples/site.json', '--inventory', 'examples/cameras.csv', '--measured', 'test/fixtures/measure/site-ids.csv'],
  calibrated: ['test/fixtures/measure/calibrated.json'],
  // Designs as code: ports, PoE, an auto link, growth, headroom and disks; a diff; many fleets checked (HTML refuses both).
  'sop-warehouse': [
    'examples/sop-warehouse-yard.json',
    '--storage-overhead',
    '5',
    '--storage-headroom',
    '20',
    '--growth',
    '10%',
    '--suggest-links',
  ],
  'diff-yard': ['diff', 'examples/sop-warehouse.json', 'examples/sop-warehouse-yard.json'],
  'check-sites': ['check', 'examples/campus.json', 'examples/sop-warehouse.json', 'test/fixtures/invalid/many-problems.json'],
  measure: [
    'measure',
    'examples/measurements.csv',
    'test/fixtures/measure/frigate-stats.json',
    'test/fixtures/measure/cam-720p15-h264.ffprobe.json',
  ],
};

describe('output snapshots', () => {
  for (const [name, args] of Object.entries(CASES)) {
    for (const format of FORMATS) {
      it(`${name} as ${format}`, async () => {
        // The time an HTML report says it was made is fixed, as for a reproducible build.
        const { stdout, stderr, code } = await runInProcess([...args, '--format', format], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
        await expect(`exit ${code}\n--- stderr\n${stderr}--- stdout\n${comparable(format, stdout)}`).toMatchFileSnapshot(
          `../snapshots/${name}.${format}.txt`,
        );
      });
    }
  }
});
