/** The library's drift check and site calibration: the same figures as `camsize FLEET --measured` and `--calibration`. */
import { describe, expect, it } from 'vitest';
import { exitCodeOf, loadFleet, parseFleet, renderReport, size } from '../../src/index.js';
import { refusal } from '../helpers/refusal.js';

const DEPOT = 'examples/depot.json';
const MEASURED = 'examples/depot-measured.csv';

describe('size with measured', () => {
  it('compares the fleet with the measurements: report.drift, a failed drift check, exit code 1', async () => {
    const report = await size(await loadFleet(DEPOT), { measured: MEASURED });
    expect(report.verdict).toBe('fail');
    expect(exitCodeOf(report)).toBe(1);
    const drift = report.drift!;
    expect([drift.measurements, drift.groups.length, drift.unmatched.length]).toEqual([10, 4, 1]);
    expect(drift.groups.map((g) => [g.path.join('/'), g.group, g.designBitsPerSecond, g.measuredBitsPerSecond, g.exceeds])).toEqual([
      ['gate', '1080p30-ir', 5_000_000n, 6_100_000n, true],
      ['gate', '4k30', 7_000_000n, 6_800_000n, false],
      ['yard', '4k30', 7_000_000n, 9_500_000n, true],
      ['office', '720p30', 4_000_000n, 3_600_000n, false],
    ]);
    expect(report.checks.filter((c) => c.kind === 'drift' && !c.fits)).toHaveLength(2);
    // The same JSON as the command line's --json gives.
    expect(JSON.parse(await renderReport(report, 'json')).drift).toMatchObject({ tolerancePercent: 15, measurements: 10, matched: 9 });
  });

  it('takes the tolerance and --use-measured as the command line does', async () => {
    expect((await size(await loadFleet(DEPOT), { measured: [MEASURED], tolerance: 40 })).verdict).toBe('pass');
    const resized = await size(await loadFleet(DEPOT), { measured: MEASURED, useMeasured: true });
    expect(resized.total.loadBitsPerSecond).toBe(286_200_000n); // the measured groups at their measured rates, the rest as designed
    expect(resized.drift!.resized!.newlyOver.map((c) => c.kind)).toEqual(['link', 'storage']);
  });

  it('refuses what the command line refuses, naming the setting', async () => {
    const fleet = await loadFleet(DEPOT);
    expect(await refusal(() => size(fleet, { tolerance: 10 }))).toEqual([
      'tolerance goes with measured (the measurement files to compare the fleet with)',
    ]);
    expect(await refusal(() => size(fleet, { measured: MEASURED, tolerance: 'lots' }))).toEqual([expect.stringMatching(/^tolerance: /)]);
    expect((await refusal(() => size(fleet, { measured: 'nope.csv' })))[0]).toMatch(/^nope\.csv: /);
    const campus = await loadFleet('examples/campus.json');
    expect((await refusal(() => size(campus, { measured: MEASURED })))[0]).toBe("no measurement matches a group of 'campus'");
  });
});

describe('a site calibration in the library', () => {
  const SAYS = 'calibrated on 7 measurements of h265 cameras, spread ±15.8 %';

  it('reads a fleet file\'s "calibration" relative to the file, as the command line does', async () => {
    const report = await size(await loadFleet('test/fixtures/measure/calibrated.json'));
    const estimated = report.profiles[0]!;
    expect(estimated.profile.bitsPerSecond).toBe(6_745_000n); // the peak's high end
    expect(estimated.profile.average?.bitsPerSecond).toBe(2_759_000n); // the average's centre
    expect(estimated.profile.description).toContain(SAYS);
  });

  it('applies calibration: FILE to the estimated groups of a fleet value, and refuses it for a model already read', async () => {
    const recorders = await import('../../examples/recorders.json', { with: { type: 'json' } });
    const report = await size(recorders.default, { calibration: 'examples/site-calibration.json' });
    expect(report.profiles[0]!.profile.bitsPerSecond).toBe(10_118_000n);
    const parsed = await parseFleet(recorders.default, { calibration: 'examples/site-calibration.json' });
    expect((await size(parsed)).profiles[0]!.profile.calibration).toMatchObject({ measurements: 7, scope: 'h265' });
    expect(await refusal(() => size(parsed, { calibration: 'examples/site-calibration.json' }))).toEqual([
      'calibration is applied when the fleet is read: give it to parseFleet or loadFleet, or pass the fleet file here',
    ]);
    expect((await refusal(() => size(recorders.default, { calibration: 'missing.json' })))[0]).toBe(
      'missing.json: no such file (a site calibration from camsize measure … --fit)',
    );
  });
});
