/** End-to-end, in-process through the Io seam: storage sizing (--retention, fleet storage capacities) and `camsize estimate`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorStats, leaveOneOut, leaveOneSourceOut } from '../../src/core/estimate/fit.js';
import { readValidationSet } from '../../src/core/estimate/validation.js';
import { runInProcess } from '../helpers/in-process.js';

describe('storage', () => {
  it('sizes 20,000,000 × 4 Mb/s × 30 d exactly', async () => {
    const result = await runInProcess(['--preset', '720p30', '--count', '20000000', '--retention', '30d']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Storage: 25.92 EB (~22.48 EiB) to keep 30d of continuous recording');
    const doc = JSON.parse((await runInProcess(['--preset', '720p30', '--count', '20000000', '--retention', '30d', '--json'])).stdout);
    expect(doc.total.storage.needed).toEqual({ bytes: '25920000000000000000', tb: 25920000, tib: 23574102.669954 });
    expect(doc.settings.storage).toMatchObject({
      retention: '30d',
      retentionSeconds: '2592000',
      recording: 'continuous',
      overheadPercent: 0,
    });
  });

  it('applies motion recording, RAID overhead and a total capacity (exit 1 when short)', async () => {
    const args = ['--preset', '720p30', '-n', '20000000', '--retention', '30d', '--recording', 'motion:50', '--storage-overhead', '20'];
    expect((await runInProcess([...args, '--storage-capacity', '20EB'])).code).toBe(0);
    const short = await runInProcess([...args, '--storage-capacity', '10EB', '-q']);
    expect(short).toEqual({
      stdout: 'over: total (--storage-capacity): storage 15.552 EB (~13.49 EiB) needed, capacity 10 EB, 5.552 EB short\n',
      stderr: '',
      code: 1,
    });
  });

  it('checks each segment against its own storage, with inherited retention and recording', async () => {
    const result = await runInProcess(['examples/recorders.json', '-f', 'csv']);
    expect(result.code).toBe(1);
    const rows = result.stdout.split('\r\n');
    expect(rows).toContain(
      'segment,office,1,,,,52,0,242000000,1000000000,70,700000000,24.2,458000000,91,1080p30-ir,over,78408000000000,40000000000000,,,,,,,,,,,242000000,0,duplex,1000000000,700000000,24.2,458000000,ok,1000000000,700000000,0,700000000,ok,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
    );
    expect(rows).toContain(
      'segment,warehouse/depot,2,,,,10,0,40000000,,,,,,,,,2419200000000,,,,,,,,,,,,40000000,0,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
    );
    const doc = JSON.parse((await runInProcess(['examples/recorders.json', '--json'])).stdout);
    expect(doc.profiles.find((p: { kind: string }) => p.kind === 'estimate')).toMatchObject({
      profile: 'dock 4MP',
      estimated: true,
      perCamera: { bitsPerSecond: '7265000' },
    });
  });

  it.each([
    [['--preset', '720p30', '--retention', '30x'], "camsize: --retention: retention '30x' has an unknown unit 'x' (use h, d or w)\n"],
    [
      ['--preset', '720p30', '--retention', '1y'],
      "camsize: --retention: retention '1y' has an unknown unit 'y': months and years vary in length, write days (e.g. 365d)\n",
    ],
    [
      ['--preset', '720p30', '--recording', 'motion:30'],
      'camsize: --recording needs a retention (how long recordings are kept): give --retention or "retention" in the fleet file\nTry \'camsize --help\' for usage.\n',
    ],
    [
      ['--preset', '720p30', '--retention', '30d', '--storage-capacity', '10Tb'],
      "camsize: --storage-capacity: 'Tb' is bits; storage is in bytes (write TB)\n",
    ],
    [
      ['--preset', '720p30', '--retention', '30d', '--recording', 'motion:0'],
      "camsize: --recording: motion duty '0' must be more than 0 % and at most 100 %\n",
    ],
  ])('camsize %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ stdout: '', stderr, code: 2 });
  });
});

describe('camsize estimate', () => {
  it('prints one estimate with its derivation', async () => {
    const result = await runInProcess(['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265', '--scene', 'high']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│ resolution factor (pixels / 1080p)^-0.09            │                  0.8827 │');
    expect(result.stdout).toContain('Estimate: 11.831 Mb/s per camera (a model estimate; see camsize estimate --calibration)');
    const doc = JSON.parse(
      (await runInProcess(['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265', '--scene', 'high', '--json'])).stdout,
    );
    expect(doc).toMatchObject({
      estimated: true,
      width: 3840,
      height: 2160,
      codec: 'h265',
      scene: 'high',
      perCamera: { bitsPerSecond: '11831000' },
    });
  });

  it('shows its calibration against the catalog', async () => {
    const rows = (await runInProcess(['estimate', '--calibration', '-f', 'csv'])).stdout.trim().split('\r\n');
    expect(rows[0]).toBe('id,basis,resolution,fps,codec,catalog_bps,estimate_bps,ratio');
    expect(rows).toContain('1080p15-h264-plan,planning,1080p,15,h264,4000000,3191000,0.7977');
    expect(rows).toContain('identiv-1.3mp10-h264,validation-held-out,1280x1024,10,h264,700000,1522000,2.1743');
    expect(rows).toHaveLength(1 + 68 + 2 * 64);
  });

  it('prints the held-out errors the validation set gives, in every format', async () => {
    const set = readValidationSet(JSON.parse(readFileSync('presets/validation/estimate-points.json', 'utf8')));
    const expected = errorStats(leaveOneOut(set.points).map((e, i) => e / set.points[i]!.bitsPerSecond));
    const perSource = errorStats(leaveOneSourceOut(set.points).map((e, i) => e / set.points[i]!.bitsPerSecond));
    const doc = JSON.parse((await runInProcess(['estimate', '--calibration', '--json'])).stdout);
    // JSON carries the figures of whole-kb/s estimates; the test recomputes them from the raw fit.
    expect(doc.validation.leaveOneOut.medianAbsError).toBeCloseTo(expected.medianAbsError, 3);
    expect(doc.validation.leaveOneOut.geometricMeanRatio).toBeCloseTo(expected.geometricMeanRatio, 3);
    expect(doc.validation.leaveOneOut.maxRatio).toBeCloseTo(expected.maxRatio, 3);
    expect(doc.validation.leaveOneOut.outsideFactor2).toBe(expected.outsideFactor2);
    expect(doc.validation.leaveOneSourceOut).toEqual(perSource);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const line = (label: string, s: typeof expected) => [
      label,
      s.points,
      pct(s.medianAbsError),
      s.geometricMeanRatio.toFixed(2),
      s.minRatio.toFixed(2),
      s.maxRatio.toFixed(2),
      s.outsideFactor2,
    ];
    const table = (await runInProcess(['estimate', '--calibration'])).stdout;
    const cells = (label: string) =>
      table
        .split('\n')
        .find((l) => l.includes(label))!
        .split('│')
        .map((c) => c.trim())
        .filter(Boolean);
    expect(cells('held out: leave one out')).toEqual(line('held out: leave one out', expected).map(String));
    expect(cells('held out: leave one source out')).toEqual(line('held out: leave one source out', perSource).map(String));
    const markdown = (await runInProcess(['estimate', '--calibration', '--format', 'markdown'])).stdout;
    expect(markdown).toContain(`| ${line('held out: leave one out', expected).join(' | ')} |`);
  });

  it.each([
    [
      ['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h266'],
      "camsize: unknown codec 'h266' (expected h264, h264-smart, h265, h265-smart, av1, mjpeg); did you mean 'h264'?\n",
    ],
    [['estimate', '--resolution', '4K', '--fps', '0', '--codec', 'h265'], 'camsize: fps 0 must be more than 0 and at most 240\n'],
    [
      ['estimate', '--resolution', '4K', '--codec', 'h265'],
      "camsize: estimate needs --fps (e.g. --resolution 4K --fps 15 --codec h265)\nTry 'camsize --help' for usage.\n",
    ],
    [
      ['estimate', '--resolution', '4K', '--fps', 'fast', '--codec', 'h265'],
      "camsize: --fps 'fast' must be a positive number\nTry 'camsize --help' for usage.\n",
    ],
  ])('camsize %j', async (args, stderr) => {
    expect(await runInProcess(args)).toEqual({ stdout: '', stderr, code: 2 });
  });
});
