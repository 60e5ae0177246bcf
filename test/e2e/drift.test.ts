/**
 * End to end, in-process through the Io seam: a fleet against measurements
 * (--measured), its exit codes as a nightly drift check sees them, matching by
 * camera id with an inventory, --use-measured, and site calibrations.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { csvObjects, directionCells } from '../helpers/output-parse.js';
import { runShell } from '../helpers/run.js';

const DEPOT = ['examples/depot.json', '--measured', 'examples/depot-measured.csv'];
const NOTE = 'camsize: note: 1 of 10 measurements match no group of the fleet (listed in the report)\n';

describe('a fleet against measurements', () => {
  it('fails the drift check when a group is more than 15 % above its design: exit 1, in every format', async () => {
    const table = await runInProcess(DEPOT);
    expect(table.code).toBe(1);
    expect(table.stderr).toBe(NOTE);
    expect(table.stdout).toContain(
      'Does not pass: all 5 capacity checks pass, and 2 of 4 measured groups drift more than 15 % above their design:\n',
    );
    expect(table.stdout).toContain(
      'drift: gate 1080p30-ir: measured 6.1 Mb/s per camera (3 measurements) against a design of 5 Mb/s (daily average), +22.0 %, more than the 15 % tolerance\n',
    );
    expect(table.stdout).toContain(
      "examples/depot-measured.csv line 11 (pole-07): segment 'yard/pole' is not in the fleet (did you mean 'yard'?)",
    );

    const doc = JSON.parse((await runInProcess([...DEPOT, '--json'])).stdout);
    expect(doc.verdict).toBe('fail');
    expect(doc.drift).toMatchObject({ tolerancePercent: 15, measurements: 10, matched: 9 });
    expect(
      doc.drift.groups.map((g: { path: string[]; group: string; deviationPercent: number; exceeds: boolean }) => [
        g.path.join('/'),
        g.group,
        g.deviationPercent,
        g.exceeds,
      ]),
    ).toEqual([
      ['gate', '1080p30-ir', 22, true],
      ['gate', '4k30', -2.9, false],
      ['yard', '4k30', 35.8, true],
      ['office', '720p30', -10, false],
    ]);
    expect(doc.drift.groups[2]).toMatchObject({
      design: { bitsPerSecond: '7000000' },
      measured: { bitsPerSecond: '9500000' },
      cameras: '20',
      measurements: 3,
    });
    expect(doc.drift.unmatched).toEqual([
      {
        file: 'examples/depot-measured.csv',
        where: 'line 11',
        camera: 'pole-07',
        segment: 'yard/pole',
        group: '4k30',
        bitsPerSecond: '8900000',
        reason: "segment 'yard/pole' is not in the fleet (did you mean 'yard'?)",
      },
    ]);
    expect(doc.segments[0].drift).toMatchObject({
      design: { bitsPerSecond: '228000000', mbps: 228 },
      measured: { bitsPerSecond: '286200000', mbps: 286.2 },
      deviationPercent: 25.6,
      exceeds: true,
      measurements: 9,
      groups: 4,
    });

    const csvText = (await runInProcess([...DEPOT, '-f', 'csv'])).stdout;
    expect(csvText.split('\r\n')[0]).toMatch(/,percentile_bps,design_bps,measured_bps,deviation_pct,drift,measurements,note,up_bps,/);
    const csv = csvObjects(csvText);
    expect(csv).toContainEqual(
      expect.objectContaining({
        section: 'segment',
        segment: 'yard',
        depth: '1',
        cameras: '20',
        viewing_bps: '0',
        load_bps: '140000000',
        link_bps: '1000000000',
        max_utilization_pct: '70',
        usable_bps: '700000000',
        utilization_pct: '14',
        headroom_bps: '560000000',
        headroom_cameras: '80',
        headroom_profile: '4k30',
        status: 'ok',
        storage_bytes: '45360000000000',
        storage_capacity_bytes: '60000000000000',
        design_bps: '140000000',
        measured_bps: '190000000',
        deviation_pct: '35.8',
        drift: 'over',
        measurements: '3',
        up_bps: '140000000',
        down_bps: '0',
        link_kind: 'duplex',
        ...directionCells('up', '1000000000', '700000000', '14', '560000000', 'ok'),
        ...directionCells('down', '1000000000', '700000000'),
      }),
    );
    expect(csv).toContainEqual(
      expect.objectContaining({
        section: 'drift',
        segment: 'yard',
        depth: '1',
        profile: '4k30',
        description: '4K 30 fps, intersection',
        cameras: '20',
        design_bps: '7000000',
        measured_bps: '9500000',
        deviation_pct: '35.8',
        drift: 'over',
        measurements: '3',
      }),
    );
    expect(csv).toContainEqual(
      expect.objectContaining({
        section: 'unmatched',
        segment: 'yard/pole',
        profile: '4k30',
        measured_bps: '8900000',
        note: "examples/depot-measured.csv line 11 (pole-07): segment 'yard/pole' is not in the fleet (did you mean 'yard'?)",
      }),
    );

    const md = (await runInProcess([...DEPOT, '-f', 'markdown'])).stdout;
    expect(md).toContain('| yard | `4k30` | 20 | 3 | 7 Mb/s | 9.5 Mb/s | **+35.8 %** | **DRIFT** |');
    expect(md).toContain("- examples/depot-measured.csv line 11 (pole-07): segment 'yard/pole' is not in the fleet");
  });

  it('fits a narrow terminal: the averages go, the deviation explains the drift verdict and stays; HTML draws the same columns', async () => {
    const narrow = (await runInProcess(DEPOT, { stdoutIsTTY: true, columns: 60, env: { NO_COLOR: '1' } })).stdout;
    expect(narrow).toContain('│ Segment  │     Load │ Status │ Deviation │ Drift │\n');
    expect(narrow).toContain(
      'Left out to fit 60 columns: Cameras, Link, Util., Headroom, Storage, Store cap., Design avg., Measured avg. (--wide shows every column).',
    );
    expect(narrow).toContain('│ Segment │ Group      │ Measured avg. │ Deviation │ Drift │\n');
    expect(narrow).toContain('Left out to fit 60 columns: Cameras, Measurements, Design avg. (--wide shows every column).');
    const wide = (await runInProcess([...DEPOT, '--wide'], { stdoutIsTTY: true, columns: 60, env: { NO_COLOR: '1' } })).stdout;
    expect(wide).not.toContain('Left out');
    const html = (await runInProcess([...DEPOT, '-f', 'html'])).stdout;
    expect(html).toContain('<h2>Design against measurement</h2>');
    for (const heading of ['Design avg.', 'Measured avg.', 'Deviation', 'Drift', 'Measurements'])
      expect(html).toContain(`>${heading}</th>`);
  });

  it('passes with a wider tolerance: exit 0, and --quiet prints nothing', async () => {
    const loose = await runInProcess([...DEPOT, '--tolerance', '40']);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toContain(
      'Fits: all 5 capacity checks pass, and none of the 4 measured groups drifts more than 40 % above its design.\n',
    );
    const quiet = await runInProcess([...DEPOT, '--tolerance', '40', '--quiet']);
    expect([quiet.code, quiet.stdout]).toEqual([0, '']);
    const failing = await runInProcess([...DEPOT, '--quiet']);
    expect(failing.code).toBe(1);
    expect(
      failing.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, 20)),
    ).toEqual(['drift: gate 1080p30-', 'drift: yard 4k30: me']);
    expect(failing.stderr).toBe(
      'camsize: note: 1 of 10 measurements match no group of the fleet (without --quiet the report lists them)\n',
    );
    // -q --json is the whole report, unmatched measurements and all.
    const json = await runInProcess([...DEPOT, '--quiet', '--json']);
    expect([json.code, json.stderr, JSON.parse(json.stdout).drift.unmatched.length]).toEqual([1, NOTE, 1]);
  });

  it('re-sizes with the measured rates: which links and recorders would then be over', async () => {
    const { code, stdout } = await runInProcess([...DEPOT, '--use-measured', '--tolerance', '40', '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.drift.resized).toMatchObject({
      overWithDesign: 0,
      newlyOver: [
        { kind: 'link', path: ['gate'] },
        { kind: 'storage', path: ['yard'] },
      ],
    });
    expect(doc.total.load.bitsPerSecond).toBe('286200000');
    expect(doc.profiles[0]).toMatchObject({ profile: '4k30', kind: 'measured', measured: true, design: { profile: '4k30' } });
    const table = (await runInProcess([...DEPOT, '--use-measured'])).stdout;
    expect(table).toContain('2 capacity checks would then be over: gate (link), yard (storage) (with the design rates none is).');
    expect(table).toContain('over: yard: storage 61.56 TB (~55.99 TiB) needed, capacity 60 TB, 1.56 TB short');
  });

  it('says how a measured group’s peak is made: the design’s shape, basis measured (it said average ÷ the ratio)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camsize-drift-'));
    const ms = join(dir, 'mg.csv');
    writeFileSync(ms, 'camera,segment,label,rate,duration,start\ng1,yard,gate,3.3Mb/s,24h,2026-11-28T00:00Z\n');
    const args = ['examples/figures.json', '--measured', ms, '--use-measured'];
    const doc = JSON.parse((await runInProcess([...args, '--json'])).stdout);
    const gate = doc.profiles.find((p: { profile: string }) => p.profile === 'gate');
    // 3.3 Mb/s measured × the design's 8 Mb/s peak ÷ 3 Mb/s average = 8.8 Mb/s (not 3.3 ÷ 0.8 = 4.125 Mb/s).
    expect(gate).toMatchObject({
      kind: 'measured',
      rateBasis: 'measured',
      peak: { perCamera: { bitsPerSecond: '8800000' } },
      average: { perCamera: { bitsPerSecond: '3300000' } },
    });
    const { stdout } = await runInProcess(args);
    expect(stdout).toContain(
      "Measured groups keep their design's shape: the peak of gate is its measured average × its design's peak ÷ average (8 Mb/s ÷ 3 Mb/s, rounded up).",
    );
    expect(stdout).toContain('the peak of 1080p15-h264-plan is its average ÷ 0.81.');
    expect(stdout).not.toMatch(/the peak of [^.;]*gate[^.;]* is its average ÷ 0\.81/);
    const csv = csvObjects((await runInProcess([...args, '-f', 'csv'])).stdout);
    expect(csv.find((r) => r['section'] === 'profile' && r['profile'] === 'gate')?.['rate_basis']).toBe('measured');
  });

  it('re-sizes a fleet with recorders: recordTo kept, and a recorder the measured rates put over named as one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camsize-drift-'));
    const fleet = join(dir, 'two.json');
    const ms = join(dir, 'two.csv');
    writeFileSync(
      fleet,
      JSON.stringify({
        name: 'two',
        segments: [
          {
            name: 'yard',
            link: '10Gb/s',
            recorders: [
              { name: 'nas1', ingest: '100Mb/s' },
              { name: 'nas2', ingest: '80Mb/s' },
            ],
            cameras: [
              { preset: '4k30', count: 20, recordTo: 'nas1' },
              { preset: '1080p30-ir', count: 10, recordTo: 'nas2' },
            ],
          },
        ],
      }),
    );
    writeFileSync(ms, 'camera,segment,preset,rate,duration\nc1,yard,1080p30-ir,6.1Mb/s,24h\n');
    const { code, stdout, stderr } = await runInProcess([fleet, '--measured', ms, '--use-measured']);
    expect([code, stderr]).toEqual([1, '']);
    // nas1 is over with the design rates too; nas2 (61 Mb/s on 56 usable) only with the measured ones.
    expect(stdout).toContain('1 capacity check would then be over: recorder nas2 (yard) (with the design rates 1 is).');
    const doc = JSON.parse((await runInProcess([fleet, '--measured', ms, '--use-measured', '--json'])).stdout);
    // JSON names the recorder too: the segment alone does not tell nas1 from nas2.
    expect(doc.drift.resized.newlyOver).toEqual([{ kind: 'recorder', path: ['yard'], recorder: 'nas2' }]);
  });

  it('matches by camera id with an inventory, gzipped or not', async () => {
    const args = [
      'examples/site.json',
      '--inventory',
      'examples/cameras.csv',
      '--measured',
      'test/fixtures/measure/site-ids.csv',
      '--json',
    ];
    const plain = await runInProcess(args);
    expect(plain.code).toBe(1);
    const doc = JSON.parse(plain.stdout);
    expect(
      doc.drift.groups.map((g: { path: string[]; group: string; measurements: number; exceeds: boolean }) => [
        g.path.join('/'),
        g.group,
        g.measurements,
        g.exceeds,
      ]),
    ).toEqual([
      ['north/sw-1', '720p30', 3, true],
      ['north/sw-1', '1080p30-ir', 1, false],
      ['south/sw-3', '1080p30-ir', 1, false],
    ]);
    expect(doc.drift.unmatched.map((u: { reason: string }) => u.reason)).toEqual(["no camera 'cam-9999' in the inventory"]);
    const gz = join(mkdtempSync(join(tmpdir(), 'camsize-drift-')), 'cameras.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync('examples/cameras.csv')));
    const zipped = await runInProcess(args.map((a) => (a === 'examples/cameras.csv' ? gz : a)));
    expect(JSON.parse(zipped.stdout).drift).toEqual({ ...doc.drift });
  });

  it('matches Frigate cameras and recordings (by file name) to an inventory', async () => {
    const { code, stdout } = await runInProcess([
      '--inventory',
      'test/fixtures/measure/house-inventory.csv',
      '--measured',
      'test/fixtures/measure/frigate-stats.json',
      '--measured',
      'test/fixtures/measure/cam-720p15-h264.ffprobe.json',
      '-f',
      'csv',
    ]);
    expect(code).toBe(1);
    const drift = csvObjects(stdout).filter((r) => r['section'] === 'drift');
    const columns = ['segment', 'depth', 'profile', 'design_bps', 'measured_bps', 'deviation_pct', 'drift', 'measurements'];
    expect(drift.map((r) => columns.map((c) => r[c]))).toEqual([
      // Planning presets are 20 % higher at night: their daily average is the design a day-long average is held to.
      ['house/back', '2', '720p15-h264-plan', '2200000', '1021594', '-53.6', 'ok', '1'],
      ['house/front', '2', '4mp15-h265-plan', '3300000', '4194304', '27.2', 'over', '2'],
      ['house/front', '2', '1080p15-h265-plan', '2200000', '2471526', '12.4', 'ok', '1'],
    ]);
  });

  it('says why camera ids cannot be matched when the inventory comes from standard input', async () => {
    const { code, stdout, stderr } = await runInProcess(['--inventory', '-', '--measured', 'test/fixtures/measure/frigate-stats.json'], {
      input: readFileSync('test/fixtures/measure/house-inventory.csv'),
    });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe("camsize: no measurement matches a group of '<stdin>'");
    expect(stderr).toContain("cameras.driveway: camera 'driveway': matching by camera id reads the inventory a second time");
  });

  it.each([
    [['examples/depot.json', '--tolerance', '10'], '--tolerance goes with --measured FILE'],
    [['examples/depot.json', '--use-measured'], '--use-measured goes with --measured FILE'],
    [['--preset', '720p30', '--measured', 'examples/depot-measured.csv'], '--measured compares a fleet file or an inventory'],
    [[...DEPOT, '--tolerance', 'some'], "--tolerance: tolerance 'some' is not a percentage"],
    [['examples/depot.json', '--measured', 'nope.csv'], 'nope.csv: cannot read it (ENOENT)'],
    [['examples/campus.json', '--measured', 'examples/depot-measured.csv'], "no measurement matches a group of 'campus'"],
  ])('camsize %j: exit 2, nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await runInProcess(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain(message);
  });

  it('is a cron job: the exit code and the failing lines in a real process', () => {
    const result = runShell(
      '$CAMSIZE examples/depot.json --measured examples/depot-measured.csv --quiet 2>/dev/null > /dev/null; echo "exit $?"; ' +
        '$CAMSIZE examples/depot.json --measured examples/depot-measured.csv --tolerance 40 --quiet 2>/dev/null; echo "exit $?"',
    );
    expect(result.stdout).toBe('exit 1\nexit 0\n');
  });
});

describe('a site calibration', () => {
  const FLEET = 'test/fixtures/measure/calibrated.json';
  const SAYS = 'calibrated on 7 measurements of h265 cameras, spread ±15.8 %';

  it('from the fleet file\'s "calibration", relative to the fleet file: estimated rates say so in every format', async () => {
    for (const format of ['table', 'markdown', 'csv']) {
      const { code, stdout } = await runInProcess([FLEET, '-f', format]);
      expect(code).toBe(0);
      expect(stdout).toContain(SAYS);
    }
    const doc = JSON.parse((await runInProcess([FLEET, '--json'])).stdout);
    expect(doc.profiles[0]).toMatchObject({
      kind: 'estimate',
      perCamera: { bitsPerSecond: '6745000' }, // links: the high end of the calibrated peak's range
      average: { perCamera: { bitsPerSecond: '2759000' } }, // storage: the centre of the calibrated average's
      calibration: { measurements: 7, scope: 'h265' },
    });
    expect(doc.profiles[0].description).toContain(SAYS);
  });

  it('from --calibration FILE, for a fleet and for one estimate', async () => {
    const fleet = await runInProcess(['examples/recorders.json', '--calibration', 'examples/site-calibration.json', '--json']);
    expect(JSON.parse(fleet.stdout).profiles[0].perCamera.bitsPerSecond).toBe('10118000');
    const one = await runInProcess([
      'estimate',
      '--resolution',
      '4MP',
      '--fps',
      '20',
      '--codec',
      'h265',
      '--scene',
      'high',
      '--calibration',
      'examples/site-calibration.json',
    ]);
    expect(one.stdout).toContain(
      `Estimate per camera: peak 5.11 Mb/s, between 2.555 Mb/s and 10.118 Mb/s (what links carry); average 4.139 Mb/s, between 2.483 Mb/s and 7.036 Mb/s (what storage holds); 80 % ranges (a model estimate, ${SAYS}; see camsize estimate --calibration)`,
    );
    const none = await runInProcess(['examples/depot.json', '--calibration', 'examples/site-calibration.json']);
    expect(none.stderr).toBe(
      'camsize: note: --calibration: the fleet has no estimated camera groups ("resolution", "fps", "codec"); nothing was calibrated\n',
    );
  });

  it('refuses a calibration it cannot read or trust: exit 2, one line each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'camsize-cal-'));
    const other = join(dir, 'other.json');
    const cal = JSON.parse(readFileSync('examples/site-calibration.json', 'utf8'));
    writeFileSync(other, JSON.stringify({ ...cal, model: { base: 0.11, fpsExponent: 0.9, resolutionExponent: 0.19 } }));
    const cases: Array<[string[], string]> = [
      [[FLEET, '--calibration', 'missing.json'], 'camsize: missing.json: no such file (a site calibration from camsize measure … --fit)\n'],
      [[FLEET, '--calibration', 'package.json'], 'camsize: package.json: kind: not a camsize calibration'],
      [[FLEET, '--calibration', '/dev/zero'], 'camsize: /dev/zero: more than 1 MiB: too large for a site calibration'],
      [[FLEET, '--calibration', other], `camsize: ${other}: fitted against another estimate model`],
      [[FLEET, '--calibration'], 'camsize: --calibration needs a FILE'],
      [
        ['--preset', '720p30', '--calibration', 'examples/site-calibration.json'],
        'camsize: --calibration applies to the estimated camera groups',
      ],
      [['estimate', '--calibration', 'examples/site-calibration.json'], 'camsize: estimate needs --resolution, --fps, --codec'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runInProcess(args);
      expect([args, code, stdout]).toEqual([args, 2, '']);
      expect(stderr.startsWith(message)).toBe(true);
    }
  });

  it('is what camsize measure --fit writes', () => {
    const fit = execFileSync(process.execPath, ['dist/cli.js', 'measure', 'examples/site-measurements.csv', '--fit'], { encoding: 'utf8' });
    expect(fit).toBe(readFileSync('examples/site-calibration.json', 'utf8'));
  });
});
