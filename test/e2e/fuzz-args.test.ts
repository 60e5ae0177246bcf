/**
 * A seeded fuzz test of argument vectors, in-process through the Io seam:
 * every option, command and operand camsize knows, with valid values, values
 * on the edges and hostile ones (empty, hex, exponents, huge, signs, control
 * characters, bidi overrides, emoji, 5,000 characters), attached with `=` or
 * not, in any order, with or without a fleet on stdin. Whatever the vector,
 * camsize exits 0, 1 or 2, never traces, writes nothing on stdout with exit 2,
 * and says each problem on one printable line. CAMSIZE_TEST_SEED and
 * CAMSIZE_TEST_RUNS explore beyond the seeded run.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectCleanExit } from '../helpers/clean-exit.js';
import { runInProcess } from '../helpers/in-process.js';

const SEED = Number(process.env['CAMSIZE_TEST_SEED'] ?? 9_090_909);
const RUNS = Number(process.env['CAMSIZE_TEST_RUNS'] ?? 2_500);

/** Values any option may get: the edges of number reading, and text that must never reach a terminal raw. */
const HOSTILE = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '+5',
  '0x10',
  '0b11',
  '1e-400',
  '1e400',
  '1e15',
  '2e7',
  'NaN',
  'Infinity',
  '99999999999999999999999999',
  '1.5',
  '.5',
  '5.',
  '1,5',
  '1_000',
  '١٢٣',
  '４',
  'a\nb',
  'x\u0000y',
  '\u001b[31mred',
  '\u202eevil',
  'é',
  '😀',
  '\ud800',
  'x'.repeat(5000),
  '--count',
  '-',
  '=',
  '%',
  'null',
  '{}',
];

/** Values that make sense for each option (and some near misses). */
const VALUES: Record<string, string[]> = {
  '--format': ['table', 'json', 'csv', 'markdown', 'html', 'JSON'],
  '--unit': ['b/s', 'kb/s', 'Mb/s', 'Gb/s', 'Tb/s', 'Pb/s', 'Mbps', 'MB/s', 'mb/s'],
  '--precision': ['0', '2', '6', '99', '100'],
  '--depth': ['0', '1', '2', '999999', '1000000'],
  '--top': ['0', '3', '999999'],
  '--preset': ['720p30', '4k30', '4k10-night', '1080p15-h264-plan', '720p3', '4K30'],
  '--bitrate': [
    '4Mb/s',
    '2.5 Mbps',
    '0b/s',
    '1b/s',
    '1e3kb/s',
    '4',
    '4Mbs',
    '1.0000001b/s',
    '1e99Pb/s',
    'peak:8Mb/s',
    'average:0b/s',
    'peak:1b/s,average:2b/s',
    'peak:',
  ],
  '--count': ['0', '1', '3', '20000000', '20,000,000', '1000000000000000', '1000000000000001', '2.5', '1e3'],
  '--label': ['lobby', 'door, "east"', 'a|b'],
  '--camera': [
    '720p30=3',
    '4Mb/s=2',
    '4k30=0',
    '720p30',
    '=3',
    '720p30=',
    '720p30=3=4',
    '2Mb/s=1e20',
    'nope=1',
    'peak:8Mb/s,average:3Mb/s=4',
    'average:3Mb/s=1e15',
    'peak:8Mb/s,peak:1b/s=1',
    'average=3',
    '4mp30-h264-measured=2',
  ],
  '--capacity': ['1Gb/s', '10Mb/s', '0b/s', '1Pb/s', '1Gbs', '1 Gb/s', '1e99Pb/s'],
  '--max-utilization': ['70', '100', '0', '101', '62.5', '70%'],
  '--overhead': ['none', 'udp', 'tcp', '4.5', '100', '101', 'UDP'],
  '--as': ['720p30', '4k30', 'nope'],
  '--inventory': [
    'examples/cameras.csv',
    'test/fixtures/inventory/mixed.ndjson',
    'test/fixtures/inventory/mixed.json',
    'test/fixtures/inventory/mixed.csv.gz',
    'test/fixtures/inventory/some-invalid.csv',
    'examples/site.json',
    'missing.csv',
    'examples',
    '/dev/null',
  ],
  '--input-format': ['csv', 'ndjson', 'json', 'xml'],
  '--retention': ['30d', '72h', '4w', '1.5d', '0d', '1mo', '1y', '0.00001s', '1e3d'],
  '--recording': ['continuous', 'motion:25', 'motion:0', 'motion:101', 'motion'],
  '--storage-overhead': ['0', '25', '100', '1000'],
  '--storage-capacity': ['1EB', '100TB', '400TiB', '5Tb', '0B', '1e100TB', '1e-100TB', '1e400TB', '9e99ZiB', '2,5TB'],
  '--night-start': ['0', '18', '23', '24'],
  '--night-hours': ['0', '12', '24', '25'],
  '--check-on': ['peak', 'average', 'mean'],
  '--percentile': ['99', '50', '100', '99.999', '50.0001'],
  '--correlation': ['0', '0.3', '1', '1.01'],
  '--vbr-cv': ['0', '0.5', '10', '10.5'],
  '--timeline-of': ['', 'north', 'streets'],
  // estimate and presets
  '--resolution': ['4K', '1080p', '2560x1440', '0x0', '99999x99999', '4MP'],
  '--fps': ['15', '30', '0', '1000', '12.5'],
  '--codec': ['h264', 'h265', 'av1', 'mjpeg', 'h266'],
  '--scene': ['low', 'medium', 'high', 'complex', 'wild'],
  '--quality': ['low', 'medium', 'high', 'best'],
  '--basis': ['report', 'measured', 'planning', 'vendor-cap', 'observed-cap', 'guess'],
  '--estimate-at': ['low', 'mid', 'high', 'centre'],
  // designs as code
  '--growth': ['20%', '0', '12.5', '1000', '1001', '-5'],
  '--storage-headroom': ['20', '20%', '0', '1001'],
  '--link-speeds': ['1Gb/s,10Gb/s', '10Gb/s', '0b/s', ',', '1Gbs'],
  '--max-poe-utilization': ['80', '100', '0', '101'],
  '--before-inventory': ['examples/cameras.csv', 'missing.csv'],
  '--after-inventory': ['examples/cameras.csv', '-'],
  '--before-measured': ['examples/depot-measured.csv'],
  '--tolerance': ['15', '1001'],
};
const SHORT: Record<string, string> = {
  '--format': '-f',
  '--preset': '-p',
  '--bitrate': '-b',
  '--count': '-n',
  '--camera': '-c',
  '--inventory': '-i',
};
const SWITCHES = [
  '--json',
  '--color',
  '--no-color',
  '-q',
  '--allow-new-segments',
  '--skip-invalid',
  '--timeline',
  '--calibration',
  '--fit',
  '--suggest-links',
  '--failures-only',
  '--unchanged',
];
const OPERANDS = [
  'examples/figure6.json',
  'examples/campus.json',
  'examples/day-night.json',
  'examples/recorders.json',
  'examples/site.json',
  'examples/sop-warehouse.json',
  'examples/sop-warehouse-yard.json',
  'test/fixtures/every-feature.json',
  'test/fixtures/invalid/many-problems.json',
  'test/fixtures/invalid/not-json.json',
  'test/fixtures/invalid/truncated.json',
  'test/fixtures/measure/measurements.csv',
  'test/fixtures/measure/frigate-stats.json',
  'test/fixtures/measure/cam-720p15-h264.ffprobe.json',
  'examples/measurements.csv',
  'missing.json',
  'examples',
  '/dev/null',
  '-',
];
const COMMANDS = ['presets', 'estimate', 'measure', 'schema', 'help', 'size', 'check', 'diff'];

const value = (flag: string) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(VALUES[flag] ?? ['x'])) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) });

const option: fc.Arbitrary<string[]> = fc
  .constantFrom(...Object.keys(VALUES))
  .chain((flag) =>
    fc
      .tuple(value(flag), fc.constantFrom('separate', 'attached', 'short'))
      .map(([v, form]) => (form === 'attached' ? [`${flag}=${v}`] : form === 'short' && SHORT[flag] ? [SHORT[flag]!, v] : [flag, v])),
  );

const token: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 8, arbitrary: option },
  { weight: 3, arbitrary: fc.constantFrom(...SWITCHES).map((s) => [s]) },
  { weight: 3, arbitrary: fc.constantFrom(...OPERANDS).map((o) => [o]) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE, '--', '--nope', '-x', '--timeline=north').map((t) => [t]) },
);

const argv: fc.Arbitrary<string[]> = fc
  .tuple(fc.option(fc.constantFrom(...COMMANDS), { freq: 4, nil: undefined }), fc.array(token, { maxLength: 7 }))
  .map(([command, tokens]) => [...(command ? [command] : []), ...tokens.flat()]);

const FLEET = readFileSync('examples/figure6.json', 'utf8');
const stdin = fc.constantFrom<string | undefined>(undefined, undefined, FLEET, '', '{"name":', 'not json', '\u0000\u0001');

describe('argument vectors, fuzzed', () => {
  it(`exit 0, 1 or 2, no trace, nothing on stdout with exit 2, printable lines (${RUNS} vectors)`, async () => {
    await fc.assert(
      fc.asyncProperty(argv, stdin, async (args, input) => {
        // A recording would be probed with ffprobe: point it at nothing, so no process is spawned.
        const env = { CAMSIZE_FFPROBE: '/nonexistent/ffprobe' };
        // camsize check goes on past a fleet it cannot read: the others' lines are on stdout with exit 2.
        expectCleanExit(await runInProcess(args, { ...(input === undefined ? {} : { input }), env }), { args, input }, args[0] === 'check');
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);
});
