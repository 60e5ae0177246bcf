/**
 * End-to-end: stdout, stderr and the exit code, in-process through the Io
 * seam; dist/cli.js is spawned where only a process shows it (the exit code
 * and colour of a real run, a full disk, a closed pipe, an empty stdin pipe).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/render/columns/csv-layout.js';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects } from '../helpers/output-parse.js';
import { runCli, runShell } from '../helpers/run.js';

describe('camsize --preset 720p30 --count 20000000', () => {
  const result = runCli(['--preset', '720p30', '--count', '20000000']);

  it('prints the per-profile table and the exact total', async () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('│ 720p30  │ 720p 30 fps, intersection │     4 Mb/s │ 20,000,000 │ 80 Tb/s │');
    expect(result.stdout).toContain('Total: 80 Tb/s (80,000,000 Mb/s) for 20,000,000 cameras');
  });

  it('has no colour when stdout is not a terminal', async () => {
    expect(result.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('groups and custom rates', () => {
  it("reproduces the report's Figure 6 (23 Mb/s)", async () => {
    const { stdout, code } = await runInProcess(['--camera', '4Mb/s=3', '--camera', '2Mb/s=4', '--camera', '1Mb/s=3']);
    expect(code).toBe(0);
    expect(stdout).toContain('Total: 23 Mb/s for 10 cameras');
  });

  it('mixes presets and rates with --camera', async () => {
    const { stdout } = await runInProcess(['--camera', '720p30=3', '--camera', '4k30=2', '--json']);
    expect(JSON.parse(stdout).total).toMatchObject({
      cameras: '5',
      viewing: { bitsPerSecond: '0', mbps: 0 },
      load: { bitsPerSecond: '26000000', mbps: 26 },
      loadFigure: 'rate', // one rate per camera: the peak and the average
    });
  });

  it('sizes a custom --bitrate with --count and --label', async () => {
    const { stdout } = await runInProcess(['--bitrate', '2.5Mb/s', '--count', '40', '--label', 'lobby', '-f', 'csv']);
    expect(csvObjects(stdout)[0]).toMatchObject({
      section: 'profile',
      profile: 'lobby',
      description: 'custom bit rate (lobby)',
      per_camera_bps: '2500000',
      cameras: '40',
      load_bps: '100000000',
    });
  });

  it('keeps 10^9 × 24 Mb/s exact in JSON', async () => {
    const { stdout } = await runInProcess(['--preset', '4k10-night', '--count', '1000000000', '--json']);
    expect(JSON.parse(stdout).total.load.bitsPerSecond).toBe('24000000000000000');
  });

  it('takes counts with thousands separators', async () => {
    expect((await runInProcess(['-p', '720p30', '-n', '20,000,000', '--json'])).stdout).toContain('"bitsPerSecond": "80000000000000"');
  });
});

describe('output formats', () => {
  const args = ['--camera', '720p30=3', '--camera', '1080p10-conference-2=2'];

  it('json has a schema version, exact strings and Mb/s conveniences', async () => {
    const doc = JSON.parse((await runInProcess([...args, '--format', 'json'])).stdout);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.profiles[1]).toMatchObject({
      profile: '1080p10-conference-2',
      kind: 'preset',
      basis: 'report',
      perCamera: { bitsPerSecond: '625000', mbps: 0.625 },
      cameras: '2',
      load: { bitsPerSecond: '1250000', mbps: 1.25 },
    });
    expect(doc.total.load.bitsPerSecond).toBe('13250000');
  });

  it('csv is RFC 4180 with a header row and base units', async () => {
    const { stdout } = await runInProcess([...args, '--format', 'csv']);
    // The header is the column contract (CSV_COLUMNS, pinned byte for byte in test/snapshots/); records end in CRLF.
    expect(stdout.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(stdout.endsWith('\r\n')).toBe(true);
    // RFC 4180: a field with a comma is quoted; rates are in b/s, whole numbers.
    expect(stdout).toContain(',"720p 30 fps, intersection",4000000,');
    expect(csvObjects(stdout)).toMatchObject([
      {
        section: 'profile',
        profile: '720p30',
        description: '720p 30 fps, intersection',
        per_camera_bps: '4000000',
        cameras: '3',
        load_bps: '12000000',
      },
      {
        section: 'profile',
        profile: '1080p10-conference-2',
        description: '1080p 10 fps, conference room (second camera)',
        per_camera_bps: '625000',
        cameras: '2',
        load_bps: '1250000',
      },
      { section: 'segment', depth: '0', cameras: '5', viewing_bps: '0', load_bps: '13250000', up_bps: '13250000', down_bps: '0' },
      { section: 'total', cameras: '5', viewing_bps: '0', load_bps: '13250000' },
    ]);
  });

  it('markdown is a pipe table', async () => {
    const { stdout } = await runInProcess([...args, '--format', 'markdown']);
    expect(stdout).toContain('| `720p30` | 720p 30 fps, intersection | 4 Mb/s | 3 | 12 Mb/s |');
    expect(stdout).toContain('| **Total** |  |  | **5** | **13.25 Mb/s** |');
  });

  it('--unit and --precision change only the human formats', async () => {
    const { stdout } = await runInProcess([...args, '--unit', 'kb/s']);
    expect(stdout).toContain('13,250 kb/s');
    expect((await runInProcess(['--camera', '1080p10-conference-2=1', '--precision', '1'])).stdout).toContain(' 625 kb/s ');
    expect((await runInProcess(['--camera', '1080p10-conference-2=1', '--unit', 'Mb/s', '--precision', '1'])).stdout).toContain(
      '~0.6 Mb/s',
    );
  });

  it('colours the table with --color and never with --no-color or NO_COLOR', async () => {
    expect((await runInProcess([...args, '--color'])).stdout).toMatch(/\x1b\[1m/);
    expect((await runInProcess([...args, '--color', '--no-color'])).stdout).not.toMatch(/\x1b\[/);
    expect((await runInProcess([...args], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).toMatch(/\x1b\[/); // FORCE_COLOR wins over NO_COLOR
    expect((await runInProcess([...args], { env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('presets', () => {
  it('lists the catalog as a table', async () => {
    const { stdout, code } = await runInProcess(['presets']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ 720p30 +│ 720p +│ +30 │ +│ intersection +│ +4 Mb\/s │ +│ report +│/);
    expect(stdout).toMatch(/│ 1080p15-h264-plan +│ 1080p +│ +15 │ h264 +│ medium motion +│ +4 Mb\/s │ +4\.8 Mb\/s │ planning +│/);
  });

  it('filters by codec and words, in every format', async () => {
    const doc = JSON.parse((await runInProcess(['presets', '--codec', 'h265', '4mp', '--fps', '15', '--json'])).stdout);
    expect(doc.presets.map((p: { id: string }) => p.id)).toEqual(['4mp15-h265-plan', '4mp15-h265']);
    expect((await runInProcess(['presets', 'report', '-f', 'csv'])).stdout.trim().split('\r\n')).toHaveLength(8);
    expect((await runInProcess(['presets', 'night', '-f', 'markdown'])).stdout).toContain('`4k10-night`');
  });

  it('says so when nothing matches', async () => {
    const { stderr, code } = await runInProcess(['presets', 'no-such-camera']);
    expect(code).toBe(2);
    expect(stderr).toBe('camsize: no preset matches that filter\n');
  });

  it('a full disk is an I/O error: exit 2, one line, not an internal error', async () => {
    for (const args of ['-p 720p30', 'presets --json', 'examples/national.json --json']) {
      const { stdout, stderr } = runShell(`$CAMSIZE ${args} > /dev/full; echo "status=$?"`);
      expect([stdout, stderr]).toEqual(['status=2\n', 'camsize: cannot write output: no space left on device\n']);
    }
  });

  it('ends quietly when the reader closes the pipe', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
    const { stdout, stderr, code } = runShell('set -o pipefail; $CAMSIZE presets | head -1; echo "status=${PIPESTATUS[0]}"');
    expect(stdout).toMatch(/^┌.*\nstatus=0\n$/);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it("keeps a failed check's exit 1 when the reader closes the pipe mid-report", async () => {
    // 2,000 segments, each over its link: a report far larger than a pipe's buffer, so the write meets EPIPE.
    const segments = Array.from({ length: 2000 }, (_, i) => ({ name: `s${i}`, link: '1Gb/s', cameras: [{ preset: '4k30', count: 200 }] }));
    const dir = mkdtempSync(join(tmpdir(), 'camsize-epipe-'));
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ name: 'big', segments }));
    const { stdout, stderr } = runShell(
      `$CAMSIZE --json '${join(dir, 'big.json')}' | head -c 100 > /dev/null; echo "status=\${PIPESTATUS[0]}"`,
    );
    expect({ stdout, stderr }).toEqual({ stdout: 'status=1\n', stderr: '' });
  });

  // A closed stderr leaves the diagnostics nowhere to go: the exit code is still the usage or input
  // error's 2, not an internal error's 3 (an adversarial test, issue 24, third session).
  it.each([
    ['a usage error', '--bogus'],
    ['a bad environment variable', '-i examples/cameras.csv'],
  ])('keeps exit 2 for %s when stderr is a closed pipe', (_what, args) => {
    const env = args.startsWith('-i') ? 'CAMSIZE_THREADS=abc ' : '';
    const { stdout, stderr } = runShell(`${env}$CAMSIZE ${args} 2>&1 >/dev/null | true; echo "status=\${PIPESTATUS[0]}"`);
    expect({ stdout, stderr }).toEqual({ stdout: 'status=2\n', stderr: '' });
  });
});

describe('help and version', () => {
  it('--help shows examples and the exit codes', async () => {
    const { stdout, code } = await runInProcess(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('camsize --preset 720p30 --count 20000000');
    expect(stdout).toContain(
      'Exit codes:\n  0  ok\n  1  a capacity or drift check failed\n  2  usage, input or I/O error\n  3  internal error',
    );
  });

  it('--version prints the package version', async () => {
    const { stdout, code } = await runInProcess(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('errors: exit 2, one clear line on stderr, nothing on stdout', () => {
  it.each([
    [['--preset', '720p3', '--count', '3'], "camsize: unknown preset '720p3' (did you mean '720p30'?)\n"],
    [['--preset', '720p30', '--count', '-5'], "camsize: --count: count '-5' is negative (expected a whole number of cameras, 0 or more)\n"],
    [['--preset', '720p30', '--count', '2.5'], "camsize: --count: count '2.5' is not a whole number of cameras\n"],
    [
      ['--preset', '720p30', '--count', '+5'],
      "camsize: --count: count '+5' has a sign (expected a whole number of cameras, 0 or more, without one)\n",
    ],
    [
      ['--preset', '720p30', '--count', 'many'],
      "camsize: --count: count 'many' is not a number (expected a whole number of cameras, 0 or more)\n",
    ],
    [['--preset', '720p30', '--count', ''], 'camsize: --count: count is empty (expected a whole number of cameras, 0 or more)\n'],
    [['--preset', '720p30', '--count', '1e30'], "camsize: --count: count '1e30' is absurd: more than 10^15 cameras (is there a typo?)\n"],
    [['--bitrate', '4Mbs', '--count', '2'], "camsize: --bitrate: unknown unit 'Mbs' (did you mean 'Mb/s'?)\n"],
    [['--bitrate', '4', '--count', '2'], "camsize: --bitrate: '4' has no unit (write e.g. 4Mb/s or 4kb/s)\n"],
    [['--camera', '4k3=2'], "camsize: --camera '4k3=2': unknown preset '4k3' (did you mean '4k30'?)\n"],
    [['--camera', '0Mb/s=3'], "camsize: --camera '0Mb/s=3': a camera bit rate must be more than 0 b/s\n"],
    [
      ['--camera', '4k30=two'],
      "camsize: --camera '4k30=two': count 'two' is not a number (expected a whole number of cameras, 0 or more)\n",
    ],
    [
      ['--camera', '720p30=1', '--unit', 'furlongs'],
      "camsize: --unit 'furlongs' is not one of b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s\nTry 'camsize --help' for usage.\n",
    ],
    [['--count', '3'], "camsize: --count needs --preset or --bitrate to say what kind of camera\nTry 'camsize --help' for usage.\n"],
    [
      ['--preset', '720p30', '--preset', '4k30'],
      "camsize: --preset was given 2 times; for several groups use --camera ID=COUNT (repeatable)\nTry 'camsize --help' for usage.\n",
    ],
    [
      ['--json', '--format', 'csv', '-p', '720p30'],
      "camsize: --json and --format csv disagree: give one of them\nTry 'camsize --help' for usage.\n",
    ],
    [['--frmat', 'json'], "camsize: unknown option '--frmat' (did you mean --format?)\nTry 'camsize --help' for usage.\n"],
    [
      ['--format', 'xml'],
      "camsize: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, json, csv, markdown, html.\nTry 'camsize --help' for usage.\n",
    ],
  ])('camsize %j', async (args, stderr) => {
    const result = await runInProcess(args);
    expect(result.stderr).toBe(stderr);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('asks for input instead of hanging when given nothing', async () => {
    const result = runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^camsize: nothing to size/);
  });
});
