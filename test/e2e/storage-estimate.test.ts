/** End-to-end, in-process through the Io seam: storage sizing (--retention, fleet storage capacities) and `camsize estimate`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heldOut } from '../../src/core/estimate/held-out.js';
import { readValidationSet } from '../../src/core/estimate/validation.js';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects, directionCells } from '../helpers/output-parse.js';

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
    const rows = csvObjects(result.stdout);
    expect(rows).toContainEqual(
      expect.objectContaining({
        section: 'segment',
        segment: 'office',
        depth: '1',
        cameras: '52',
        viewing_bps: '0',
        load_bps: '242000000',
        link_bps: '1000000000',
        max_utilization_pct: '70',
        usable_bps: '700000000',
        utilization_pct: '24.2',
        headroom_bps: '458000000',
        headroom_cameras: '91',
        headroom_profile: '1080p30-ir',
        status: 'over', // the link fits; its storage does not
        storage_bytes: '78408000000000',
        storage_capacity_bytes: '40000000000000',
        up_bps: '242000000',
        down_bps: '0',
        link_kind: 'duplex',
        ...directionCells('up', '1000000000', '700000000', '24.2', '458000000', 'ok'),
        ...directionCells('down', '1000000000', '700000000'),
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        section: 'segment',
        segment: 'warehouse/depot',
        depth: '2',
        cameras: '10',
        viewing_bps: '0',
        load_bps: '40000000',
        storage_bytes: '2419200000000',
        up_bps: '40000000',
        down_bps: '0',
      }),
    );
    const doc = JSON.parse((await runInProcess(['examples/recorders.json', '--json'])).stdout);
    expect(doc.profiles.find((p: { kind: string }) => p.kind === 'estimate')).toMatchObject({
      profile: 'dock 4MP',
      estimated: true,
      perCamera: { bitsPerSecond: '13752000' }, // links: the peak's high end
      average: { perCamera: { bitsPerSecond: '5626000' } }, // storage: the average's centre
      rateBasis: 'both',
      range: { coverage: 0.8, peak: { used: 'high' }, average: { used: 'mid' } },
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
  it('--calibration with an empty name says the option is empty (not ": no such file"), for a fleet and an estimate', async () => {
    for (const args of [
      ['examples/site.json', '--calibration', ''],
      ['check', 'examples/site.json', '--calibration', ''],
      ['estimate', '--resolution', '1080p', '--fps', '15', '--codec', 'h264', '--calibration', ''],
    ]) {
      const r = await runInProcess(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--calibration is empty: give a site calibration file (camsize measure … --fit)');
      expect(r.stderr).not.toContain(': no such file');
    }
  });

  it('prints one estimate with its derivation', async () => {
    const result = await runInProcess(['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265', '--scene', 'high']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '│ resolution factor (pixels / 1080p)^-0.2                 │                                     0.7579 │',
    );
    expect(result.stdout).toContain(
      'Estimate per camera: peak 10.435 Mb/s, between 5.218 Mb/s and 20.661 Mb/s (what links carry); average 8.452 Mb/s, between 5.071 Mb/s and 14.369 Mb/s (what storage holds); 80 % ranges (a model estimate; see camsize estimate --calibration)',
    );
    const doc = JSON.parse(
      (await runInProcess(['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265', '--scene', 'high', '--json'])).stdout,
    );
    expect(doc).toMatchObject({
      estimated: true,
      width: 3840,
      height: 2160,
      codec: 'h265',
      scene: 'high',
      perCamera: { bitsPerSecond: '8452000' }, // the average, as scripts read it
      peak: {
        bitsPerSecond: '10435000',
        mbps: 10.435,
        range: { coverage: 0.8, low: { bitsPerSecond: '5218000', mbps: 5.218 }, high: { bitsPerSecond: '20661000', mbps: 20.661 } },
      },
      average: {
        bitsPerSecond: '8452000',
        mbps: 8.452,
        range: { coverage: 0.8, low: { bitsPerSecond: '5071000', mbps: 5.071 }, high: { bitsPerSecond: '14369000', mbps: 14.369 } },
      },
    });
  });

  it('shows its calibration against the catalog', async () => {
    const rows = (await runInProcess(['estimate', '--calibration', '-f', 'csv'])).stdout.trim().split('\r\n');
    expect(rows[0]).toBe('id,basis,resolution,fps,codec,catalog_bps,estimate_bps,ratio');
    // A planning average against the estimate's average; held out, a point against the figure its kind is.
    expect(rows).toContain('1080p15-h264-plan,planning,1080p,15,h264,4000000,2187000,0.5467');
    expect(rows).toContain('identiv-1.3mp10-h264,validation-held-out,1280x1024,10,h264,700000,1239000,1.7696');
    expect(rows).toHaveLength(1 + 68 + 2 * 137); // the hold-out batches' 6 and 32 points included
  });

  it('prints the held-out errors per kind of figure the validation set gives, in every format', async () => {
    const dir = 'presets/validation/';
    const set = readValidationSet(
      JSON.parse(readFileSync(`${dir}estimate-points.json`, 'utf8')),
      { csv: readFileSync(`${dir}measured-averages.csv`, 'utf8'), file: `${dir}measured-averages.csv` },
      ['holdout-2026-12', 'holdout-2026-12b'].map((name) => ({ name, json: JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) })),
    );
    const held = heldOut(set.points);
    const doc = JSON.parse((await runInProcess(['estimate', '--calibration', '--json'])).stdout);
    expect(doc.validation.all.medianAbsError).toBe(held.all.medianAbsError);
    expect(doc.validation.perKind.map((k: { kind: string; coverage: number }) => [k.kind, k.coverage])).toEqual(
      held.perKind.map((k) => [k.kind, k.coverage]),
    );
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const line = (k: (typeof held.perKind)[number]) => [
      k.kind,
      k.figure,
      String(k.groups),
      String(k.stats.points),
      pct(k.stats.medianAbsError),
      k.stats.geometricMeanRatio.toFixed(2),
      String(k.stats.outsideFactor2),
      pct(k.coverage),
    ];
    const table = (await runInProcess(['estimate', '--calibration'])).stdout;
    const cells = (label: string) =>
      table
        .split('\n')
        .find((l) => l.startsWith(`│ ${label} `))!
        .split('│')
        .map((c) => c.trim())
        .filter(Boolean);
    for (const k of held.perKind) expect(cells(k.kind)).toEqual(line(k));
    const markdown = (await runInProcess(['estimate', '--calibration', '--format', 'markdown'])).stdout;
    expect(markdown).toContain(`| ${line(held.perKind[0]!).join(' | ')} |`);
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
