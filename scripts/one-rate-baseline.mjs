// The "before" side of test/e2e/one-rate.test.ts: each sizing case's --json
// report from a camsize build from before a camera had two figures (issue #21),
// as a SHA-256 of its text. Run once, from the repository root, against that
// build: `node scripts/one-rate-baseline.mjs /path/to/old/dist/cli.js`. It
// writes test/fixtures/one-rate/baseline.json; the test sizes every case with
// this camsize and holds each fleet that gives one rate per camera to its digest.
// The digest is of the report's value (JSON.stringify of JSON.parse of the text),
// so that the test can take out the keys #21 added and compare the rest exactly.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const bin = process.argv[2];
if (!bin) throw new Error('usage: node scripts/one-rate-baseline.mjs OLD_DIST_CLI_JS');

/** Every sizing case of the snapshots, and every example fleet. */
const CASES = {
  'national-preset': ['--preset', '720p30', '--count', '20000000'],
  figure6: ['--camera', '4Mb/s=3', '--camera', '2Mb/s=4', '--camera', '1Mb/s=3'],
  'groups-units': ['--camera', '720p30=3', '--camera', '4k30=2', '--camera', '1080p10-conference-2=4'],
  campus: ['examples/campus.json'],
  'campus-as': ['examples/campus.json', '--as', '4k30', '--capacity', '1Gb/s'],
  'campus-udp-percentile': ['examples/campus.json', '--overhead', 'udp', '--percentile', '99', '--retention', '30d'],
  'day-night': ['examples/day-night.json'],
  'day-night-average': ['examples/day-night.json', '--check-on', 'average'],
  recorders: ['examples/recorders.json'],
  'multi-site': ['examples/multi-site.json'],
  'multi-site-flows': ['examples/multi-site.json', '--flows'],
  national: ['examples/national.json'],
  'figure6-file': ['examples/figure6.json'],
  depot: ['examples/depot.json', '--retention', '14d'],
  site: ['examples/site.json'],
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
    '--capacity',
    '2Gb/s',
    '--retention',
    '7d',
    '--storage-capacity',
    '100TB',
  ],
  inventory: ['examples/site.json', '--inventory', 'examples/cameras.csv'],
  'inventory-partial': ['--inventory', 'test/fixtures/inventory/some-invalid.csv', '--skip-invalid'],
  drift: ['examples/depot.json', '--measured', 'examples/depot-measured.csv'],
  'drift-use-measured': ['examples/depot.json', '--measured', 'examples/depot-measured.csv', '--use-measured'],
  'drift-inventory': ['examples/site.json', '--inventory', 'examples/cameras.csv', '--measured', 'test/fixtures/measure/site-ids.csv'],
  'camera-constant': ['--camera', '4Mb/s=10', '--retention', '30d'],
  'night-events': ['test/fixtures/one-rate/night-events.json'],
  'night-events-average': ['test/fixtures/one-rate/night-events.json', '--check-on', 'average', '--overhead', 'tcp'],
  'night-events-percentile': ['test/fixtures/one-rate/night-events.json', '--percentile', '99', '--correlation', '0.2'],
};

function run(args) {
  try {
    return execFileSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    if (typeof error.stdout === 'string' && error.status === 1) return error.stdout; // a failed check: the report is still printed
    throw error;
  }
}

const baseline = Object.fromEntries(
  Object.entries(CASES).map(([name, args]) => [
    name,
    {
      args,
      sha256: createHash('sha256')
        .update(JSON.stringify(JSON.parse(run(args))))
        .digest('hex'),
    },
  ]),
);
writeFileSync('test/fixtures/one-rate/baseline.json', `${JSON.stringify(baseline, null, 2)}\n`);
console.log(`${Object.keys(baseline).length} cases`);
