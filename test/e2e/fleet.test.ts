/**
 * End-to-end: fleet files, stdin, capacity checks and their exit codes, the
 * JSON Schema. In-process through the Io seam; real processes only where a
 * process is the point (a pipe on stdin without '-', exit codes in a shell).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects, directionCells, markdownTables, plainMarkdownCell, tableRow, terminalTables } from '../helpers/output-parse.js';
import { ROOT, runCli, runShell } from '../helpers/run.js';

const FIXTURES = join(ROOT, 'test/fixtures/invalid');
const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/invalid-expected.json'), 'utf8')) as Record<string, string[]>;

describe('invalid fleet files: every problem listed, exit 2, nothing on stdout', () => {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('has a corpus of at least 25 files, each with its expected messages', async () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  it.each(files)('%s', async (file) => {
    // Messages name the file as given; the corpus names it from its own folder.
    const result = await runInProcess([join(FIXTURES, file)]);
    expect(result.stderr.replaceAll(`${FIXTURES}/`, '')).toBe(expected[file]!.map((line) => `camsize: ${line}\n`).join(''));
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('names a missing file', async () => {
    expect(await runInProcess(['no-such-fleet.json'])).toEqual({
      stdout: '',
      stderr: 'camsize: no-such-fleet.json: no such file\n',
      code: 2,
    });
  });
});

describe('the example fleets', () => {
  it("figure6.json is the report's 23 Mb/s in every format", async () => {
    expect((await runInProcess(['examples/figure6.json'])).stdout).toContain('Total: 23 Mb/s for 10 cameras');
    expect(JSON.parse((await runInProcess(['examples/figure6.json', '--json'])).stdout).total.load.bitsPerSecond).toBe('23000000');
    expect(csvObjects((await runInProcess(['examples/figure6.json', '-f', 'csv'])).stdout).at(-1)).toMatchObject({
      section: 'total',
      cameras: '10',
      viewing_bps: '0',
      load_bps: '23000000',
    });
    expect((await runInProcess(['examples/figure6.json', '-f', 'markdown'])).stdout).toContain('Total: 23 Mb/s for 10 cameras.');
  });

  it('campus.json finds the switch over its link, in every format, exit 1', async () => {
    const table = await runInProcess(['examples/campus.json']);
    expect(table.code).toBe(1);
    // The segment table's row, by heading (a new column elsewhere in the table changes nothing here); Markdown's is the same.
    const swB2 = {
      Segment: 'sw-b2',
      Cameras: '72',
      Up: '746.94 Mb/s',
      Down: '0 b/s',
      Link: '1 Gb/s',
      'Util. ↑ / ↓': '74.7 % / 0 %',
      Headroom: '-7 (a)',
      Status: 'OVER ↑',
    };
    expect(tableRow(terminalTables(table.stdout)[1]!, 'sw-b2')).toMatchObject(swB2);
    expect(table.stdout).toContain("Headroom: cameras of each segment's most common profile (--as to choose one): (a) 4k30, (b) 720p30,");
    expect(table.stdout).toContain(
      'over: building-b/sw-b2 (up): 746.94 Mb/s on 1 Gb/s (74.7 %), 46.94 Mb/s over the 70 % ceiling of 700 Mb/s, 7 × 4k30 too many',
    );
    const doc = JSON.parse((await runInProcess(['examples/campus.json', '--json'])).stdout);
    expect(doc.verdict).toBe('fail');
    const sw = doc.segments.find((s: { path: string[] }) => s.path.join('/') === 'building-b/sw-b2');
    expect(sw.link).toMatchObject({
      fits: false,
      headroom: { bitsPerSecond: '-46940000' },
      headroomCameras: { profile: '4k30', cameras: '-7' },
    });
    const csv = csvObjects((await runInProcess(['examples/campus.json', '-f', 'csv'])).stdout);
    expect(csv).toContainEqual(
      expect.objectContaining({
        section: 'segment',
        segment: 'building-b/sw-b2',
        depth: '2',
        cameras: '72',
        viewing_bps: '0',
        load_bps: '746940000',
        link_bps: '1000000000',
        max_utilization_pct: '70',
        usable_bps: '700000000',
        utilization_pct: '74.7',
        headroom_bps: '-46940000',
        headroom_cameras: '-7',
        headroom_profile: '4k30',
        status: 'over',
        up_bps: '746940000',
        down_bps: '0',
        link_kind: 'duplex',
        ...directionCells('up', '1000000000', '700000000', '74.7', '-46940000', 'over'),
        ...directionCells('down', '1000000000', '700000000'),
      }),
    );
    const md = await runInProcess(['examples/campus.json', '-f', 'markdown']);
    const mdRow = tableRow(markdownTables(md.stdout)[1]!, '&nbsp;&nbsp;&nbsp;&nbsp;sw-b2');
    expect({ ...mdRow, Segment: plainMarkdownCell(mdRow['Segment']!), Status: plainMarkdownCell(mdRow['Status']!) }).toMatchObject({
      ...swB2,
      Up: '746.9 Mb/s',
    });
    expect(md.code).toBe(1);
  });

  it('national.json is 20,000,000 cameras and 80 Tb/s, and fits', async () => {
    const result = await runInProcess(['examples/national.json', '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.total).toMatchObject({ cameras: '20000000', load: { bitsPerSecond: '80000000000000' } });
    expect(doc.segments).toHaveLength(1 + 31 + 31 * 4);
    expect(csvObjects((await runInProcess(['examples/national.json', '-f', 'csv'])).stdout).at(-1)).toMatchObject({
      section: 'total',
      cameras: '20000000',
      viewing_bps: '0',
      load_bps: '80000000000000',
    });
  });

  it('every example validates against `camsize schema`', async () => {
    const schema = JSON.parse((await runInProcess(['schema'])).stdout);
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    // examples/fleet.schema.json being the current output is test/unit/schema-copies.test.ts's (scripts/update-schemas.mjs).
    for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
      const doc = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));
      if (doc.kind === 'camsize-calibration') continue; // a site calibration, not a fleet (test/unit/site-calibration.test.ts)
      const ok = validate(doc);
      expect({ file, errors: validate.errors ?? null, ok }).toEqual({ file, errors: null, ok: true });
    }
    expect(validate({ name: 'x', segmnets: [] })).toBe(false);
  });
});

describe('standard input', () => {
  const figure6 = readFileSync(join(ROOT, 'examples/figure6.json'), 'utf8');

  it('reads "-" and a pipe alike', async () => {
    expect((await runInProcess(['-'], { input: figure6 })).stdout).toContain('Total: 23 Mb/s for 10 cameras');
    expect(runCli([], { input: figure6 }).stdout).toContain('Total: 23 Mb/s for 10 cameras');
  });

  it('names <stdin> in errors', async () => {
    expect((await runInProcess(['-'], { input: '{"name": "x", "cameras": [{"preset": "720p3", "count": 1}]}' })).stderr).toBe(
      "camsize: <stdin>: cameras[0].preset: unknown preset '720p3' (did you mean '720p30'?)\n",
    );
    expect(await runInProcess(['-'], { input: '' })).toMatchObject({
      code: 2,
      stderr: 'camsize: <stdin>: empty input (expected a fleet file: JSON with "name" and "segments")\n',
    });
  });

  it('with no operand and a terminal on stdin, asks instead of hanging', async () => {
    let stderr = '';
    const io: Io = {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: true,
      stdinIsTTY: true,
      terminalColumns: () => undefined,
      readStdin: () => Promise.reject(new Error('must not read a terminal')),
      stdinChunks: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('must not read a terminal')) }) }),
      readFile: () => Promise.reject(new Error('no files')),
      writeFile: () => Promise.reject(new Error('no files')),
    };
    expect(await main([], io)).toBe(2);
    expect(stderr).toMatch(/^camsize: nothing to size: give a fleet file, pipe one in, or use --preset ID --count N or --camera ID=N\n/);
  });
});

describe('capacity checks in scripts', () => {
  it('exit 0 when everything fits, 1 when not, 2 on bad input, in a real pipeline', async () => {
    const script = [
      '$CAMSIZE -q examples/national.json && echo fits',
      '$CAMSIZE -q examples/campus.json || echo "no fit: $?"',
      '$CAMSIZE -q test/fixtures/invalid/bad-unit.json 2>/dev/null; echo "bad input: $?"',
      '$CAMSIZE -q examples/figure6.json --capacity 20Mb/s; echo "figure6 on 20 Mb/s: $?"',
      '$CAMSIZE -q examples/figure6.json --capacity 1Gb/s && echo "figure6 on 1 Gb/s fits"',
    ].join('\n');
    const { stdout, stderr } = runShell(script);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'fits',
        'over: building-b/sw-b2 (up): 746.94 Mb/s on 1 Gb/s (74.7 %), 46.94 Mb/s over the 70 % ceiling of 700 Mb/s, 7 × 4k30 too many',
        'no fit: 1',
        'bad input: 2',
        'over: total (--capacity): 23 Mb/s on 20 Mb/s (115 %), 9 Mb/s over the 70 % ceiling of 14 Mb/s, 5 × 2 Mb/s cameras too many',
        'figure6 on 20 Mb/s: 1',
        'figure6 on 1 Gb/s fits',
        '',
      ].join('\n'),
    );
  });

  it('--quiet prints nothing on success', async () => {
    expect(await runInProcess(['-q', 'examples/national.json'])).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('--max-utilization and --overhead change the verdict and say so', async () => {
    expect((await runInProcess(['examples/campus.json', '--max-utilization', '80'])).code).toBe(0);
    const none = await runInProcess(['examples/figure6.json', '--overhead', 'tcp']);
    expect(none.stdout).toContain('Overhead: tcp: RTSP-interleaved RTP over TCP +7.5 %.');
    expect(none.stdout).toContain('Total: 24.725 Mb/s for 10 cameras');
  });

  it('--as expresses headroom in a named preset', async () => {
    const { stdout } = await runInProcess(['examples/campus.json', '--as', '720p30']);
    expect(stdout).toMatch(/│ Headroom \(720p30\) │/);
    expect(stdout).toMatch(/sw-b2 .* -12 │ OVER/);
  });
});

describe('the inverse question: how many cameras fit?', () => {
  it.each([
    [['--preset', '4k30', '--capacity', '1Gb/s'], 0, 'fits 100 4k30 cameras.'],
    [['--preset', '4k30', '--capacity', '1Gb/s', '--max-utilization', '100'], 0, 'fits 142 4k30 cameras.'],
    [['--preset', '720p30', '--capacity', '1Gb/s', '--overhead', 'udp'], 0, 'at 4.22 Mb/s per camera that fits 165 720p30 cameras.'],
    [['--bitrate', '2Gb/s', '--capacity', '1Gb/s'], 1, 'fits 0 custom cameras.'],
    [['--preset', '4k30', '--capacity', '0Gb/s'], 1, 'fits 0 4k30 cameras.'],
  ])('camsize %j', async (args, code, text) => {
    const result = await runInProcess(args);
    expect(result.stdout).toContain(text);
    expect(result.code).toBe(code);
  });

  it('answers in JSON too', async () => {
    const doc = JSON.parse((await runInProcess(['--preset', '4k30', '--capacity', '1Gb/s', '--json'])).stdout);
    expect(doc.capacityAnswer).toMatchObject({ profile: '4k30', maxCameras: '100', usable: { bitsPerSecond: '700000000' } });
    expect(doc.total.check.fits).toBe(true);
  });
});

describe('command-line errors for fleet options', () => {
  it.each([
    [
      ['examples/figure6.json', '--max-utilization', '0'],
      "camsize: --max-utilization: max utilization '0' must be more than 0 % and at most 100 %\n",
    ],
    [
      ['examples/figure6.json', '--overhead', 'quic'],
      "camsize: --overhead: overhead 'quic' is not udp, tcp, none or a percentage (e.g. 6.5)\n",
    ],
    [['examples/figure6.json', '--capacity', '10'], "camsize: --capacity: '10' has no unit (write e.g. 10Mb/s or 10kb/s)\n"],
    [['examples/figure6.json', '--as', '4k'], "camsize: unknown preset '4k' (did you mean '4k30' or '4k10-night'?)\n"],
    [
      ['examples/figure6.json', '--preset', '4k30'],
      "camsize: give a fleet file or camera options (--preset, --bitrate, --camera), not both\nTry 'camsize --help' for usage.\n",
    ],
  ])('camsize %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ stdout: '', stderr, code: 2 });
  });
});
