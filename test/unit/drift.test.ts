/**
 * Design against measurement, in the core: matching measurements to groups,
 * the exact drift arithmetic, the per-group and per-segment figures and
 * checks, and re-sizing with the measured rates.
 */
import { describe, expect, it } from 'vitest';
import { deviationPermille, exceeds, measuredRate, parseTolerance, withMeasuredRates } from '../../src/core/measure/drift.js';
import { cameraIdCandidates, type CameraIds, matchMeasurements } from '../../src/core/measure/match.js';
import { type FlaggedMeasurement, flagMeasurements, type Measurement } from '../../src/core/measure/measurement.js';
import type { Preset } from '../../src/core/model/catalog.js';
import { type Fleet, type Segment, subRate, withStates } from '../../src/core/model/fleet.js';
import { sizeAgainstMeasurements } from '../../src/core/sizing/measured.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { exitCodeOf } from '../../src/core/sizing/verdict.js';
import { group, mbps, segment } from '../helpers/fleet.js';

const TOLERANCE = { num: 15n, den: 100n };

function measured(rate: string | bigint, fields: Partial<Measurement> = {}): FlaggedMeasurement {
  const m: Measurement = {
    source: 'csv',
    file: 'm.csv',
    bitsPerSecond: typeof rate === 'bigint' ? rate : mbps(rate),
    durationSeconds: 86_400,
    basis: 'test',
    ...fields,
  };
  return flagMeasurements([m])[0]!;
}

/** north/sw-1: 10 × "cam" at 4 Mb/s and 2 × "door" at 2 Mb/s; north/sw-2: 5 × "cam" at 4 Mb/s; north has a 100 Mb/s link. */
function fleet(): Fleet {
  const sw1 = segment('sw-1', [group(mbps(4), 10, 'cam'), group(mbps(2), 2, 'door')]);
  const sw2 = segment('sw-2', [group(mbps(4), 5, 'cam')]);
  return { name: 'site', root: segment('site', [], [segment('north', [], [sw1, sw2], mbps(100))]) };
}

describe('the drift arithmetic', () => {
  it.each([
    [4_600_000n, 4_000_000n, false], // exactly 15 % above: not more than the tolerance
    [4_600_001n, 4_000_000n, true],
    [3_000_000n, 4_000_000n, false],
  ])('%s b/s against a design of %s b/s exceeds by more than the tolerance: %s', (m, d, expected) => {
    expect(exceeds(m, d, TOLERANCE)).toBe(expected);
  });

  it.each([
    [4_600_000n, 4_000_000n, 150n],
    [4_600_001n, 4_000_000n, 151n], // rounded away from zero: shown above 15.0 only when it is
    [3_250_000n, 4_000_000n, -188n],
    [4_000_000n, 4_000_000n, 0n],
    [1n, 0n, undefined],
  ])('deviation of %s against %s is %s ‰', (m, d, expected) => {
    expect(deviationPermille(m, d)).toBe(expected);
  });

  it('takes the mean of the measurements, rounded up to a whole b/s', () => {
    const g = { path: [], group: 'x', measurements: [measured(1n), measured(2n)] };
    expect(measuredRate(g)).toBe(2n);
  });

  it.each([
    ['15', { num: 15n, den: 100n }],
    ['7.5%', { num: 75n, den: 1000n }],
    ['0', { num: 0n, den: 100n }],
  ])('reads --tolerance %s', (text, ratio) => {
    expect(parseTolerance(text)).toEqual(ratio);
  });

  it.each(['-5', 'lots', '1001'])('refuses --tolerance %s', (text) => {
    expect(() => parseTolerance(text)).toThrow(/tolerance/);
  });
});

describe('matching measurements to groups', () => {
  it('matches by segment path and label or preset, the fleet name or "/" for the root', () => {
    const root: Fleet = { name: 'site', root: segment('site', [group(mbps(1), 1, 'roof')], [...fleet().root.children]) };
    const { groups, unmatched } = matchMeasurements(root, [
      measured('4.5', { segment: 'north/sw-1', label: 'cam' }),
      measured('4.7', { segment: ' north / sw-1 ', label: 'cam' }),
      measured('1.1', { segment: 'site', label: 'roof' }),
      measured('1.2', { segment: '/', label: 'roof' }),
    ]);
    expect(unmatched).toEqual([]);
    expect(groups.map((g) => [g.path.join('/'), g.group, g.measurements.length])).toEqual([
      ['north/sw-1', 'cam', 2],
      ['', 'roof', 2],
    ]);
  });

  it('says why a measurement matches nothing', () => {
    const { unmatched } = matchMeasurements(fleet(), [
      measured('4', { segment: 'north/sw-3', label: 'cam' }),
      measured('4', { segment: 'north', label: 'cam' }),
      measured('4', { segment: 'north/sw-2', preset: '4k30' }),
      measured('4', { source: 'frigate', camera: 'porch' }),
    ]);
    expect(unmatched.map((u) => u.reason)).toEqual([
      "segment 'north/sw-3' is not in the fleet (did you mean 'north/sw-1'?)",
      "segment 'north' has no group with label 'cam' (it has no cameras of its own)",
      "segment 'north/sw-2' has no group with preset '4k30' (its groups: cam)",
      "camera 'porch' has no segment and group: name them in a measurements CSV (segment, preset or label), or give an --inventory with the camera's id",
    ]);
  });

  it('matches by camera id first when an inventory gives the cameras, then by segment and group', () => {
    const ids: CameraIds = {
      byId: new Map([
        ['porch', { path: ['north', 'sw-2'], group: 'cam', line: 4, records: 1 }],
        ['twice', { path: ['north', 'sw-2'], group: 'cam', line: 7, records: 2 }],
        ['gone', { path: ['north', 'sw-9'], group: 'cam', line: 9, records: 1 }],
      ]),
    };
    const { groups, unmatched } = matchMeasurements(
      fleet(),
      [
        measured('4', { camera: 'porch', segment: 'north/sw-1', label: 'cam' }),
        measured('4', { camera: 'unknown', segment: 'north/sw-1', label: 'door' }),
        measured('4', { camera: 'twice' }),
        measured('4', { camera: 'gone' }),
        measured('4', { camera: 'nobody' }),
      ],
      ids,
    );
    expect(groups.map((g) => [g.path.join('/'), g.group])).toEqual([
      ['north/sw-2', 'cam'],
      ['north/sw-1', 'door'],
    ]);
    expect(unmatched.map((u) => u.reason)).toEqual([
      "camera 'twice' is in the inventory 2 times (first on line 7): which is meant?",
      "camera 'gone' (inventory line 9) is in no group that was sized (a record skipped as invalid?)",
      "no camera 'nobody' in the inventory",
    ]);
  });

  it('says when camera ids cannot be looked up', () => {
    const { unmatched } = matchMeasurements(fleet(), [measured('4', { camera: 'porch' })], { byId: new Map(), unavailable: 'no ids here' });
    expect(unmatched[0]?.reason).toBe("camera 'porch': no ids here");
  });

  it.each([
    ['recordings/cam-0001.mp4', ['cam-0001', 'recordings']],
    ['nvr/gate-3/2026-11-30.mkv', ['2026-11-30', 'gate-3']],
    ['10.0.0.5.ffprobe.json', ['10.0.0.5']],
    ['cam7', ['cam7']],
  ])('a recording %s is known by %j', (file, ids) => {
    expect(cameraIdCandidates(measured('1', { source: 'ffprobe', file }))).toEqual(ids);
  });
});

describe('sizing against measurements', () => {
  const ms = [
    measured('4.8', { segment: 'north/sw-1', label: 'cam' }),
    measured('4.6', { segment: 'north/sw-1', label: 'cam' }),
    measured('1.5', { segment: 'north/sw-1', label: 'door' }),
    measured('9', { segment: 'north/sw-7', label: 'cam' }),
  ];

  function report(useMeasured = false) {
    const { groups, unmatched } = matchMeasurements(fleet(), ms);
    return sizeAgainstMeasurements(fleet(), { drift: { groups, unmatched, measurements: ms.length, tolerance: TOLERANCE } }, useMeasured);
  }

  it('compares each measured group with its design, per camera, exactly', () => {
    const r = report();
    expect(
      r.drift?.groups.map((g) => [
        g.path.join('/'),
        g.group,
        g.cameras,
        g.designBitsPerSecond,
        g.measuredBitsPerSecond,
        g.deviationPermille,
        g.exceeds,
      ]),
    ).toEqual([
      ['north/sw-1', 'cam', 10n, 4_000_000n, 4_700_000n, 175n, true],
      ['north/sw-1', 'door', 2n, 2_000_000n, 1_500_000n, -250n, false],
    ]);
    expect(r.drift?.unmatched).toHaveLength(1);
    expect(r.drift?.measurements).toBe(4);
  });

  it('gives each segment its load with the measured groups at their measured rates, the rest as designed', () => {
    const r = report();
    const byPath = new Map(r.segments.map((s) => [s.path.join('/'), s.drift]));
    // north/sw-1: 10 × 4.7 + 2 × 1.5 = 50 against 10 × 4 + 2 × 2 = 44; north adds sw-2's 5 × 4 = 20 on both sides.
    expect(byPath.get('north/sw-1')).toEqual({
      designBitsPerSecond: 44_000_000n,
      measuredBitsPerSecond: 50_000_000n,
      deviationPermille: 137n,
      exceeds: false,
      measurements: 3,
      groups: 2,
    });
    expect(byPath.get('north')).toMatchObject({ designBitsPerSecond: 64_000_000n, measuredBitsPerSecond: 70_000_000n, groups: 2 });
    expect(byPath.get('north/sw-2')).toBeUndefined();
  });

  it('fails a drift check per drifting group, after the capacity checks: exit 1', () => {
    const r = report();
    expect(r.checks.map((c) => [c.kind, c.fits])).toEqual([
      ['link', true],
      ['drift', false],
      ['drift', true],
    ]);
    expect(r.verdict).toBe('fail');
    expect(exitCodeOf(r)).toBe(1);
  });

  it('re-sizes with the measured rates and names the checks they put over', () => {
    const r = report(true);
    // north: 10 × 4.7 + 2 × 1.5 + 5 × 4 = 70 Mb/s on 100 Mb/s at 70 %: still fits; at 4.8 each it would not.
    expect(r.segments.find((s) => s.path.join('/') === 'north')?.loadBitsPerSecond).toBe(70_000_000n);
    expect(r.drift?.resized).toEqual({ overWithDesign: 0, newlyOver: [] });
    const heavier = [...ms, measured('5.1', { segment: 'north/sw-1', label: 'cam' })];
    const { groups, unmatched } = matchMeasurements(fleet(), heavier);
    const over = sizeAgainstMeasurements(
      fleet(),
      { drift: { groups, unmatched, measurements: heavier.length, tolerance: TOLERANCE } },
      true,
    );
    expect(over.drift?.resized?.newlyOver.map((c) => [c.kind, 'path' in c ? c.path.join('/') : ''])).toEqual([['link', 'north']]);
    expect(over.profiles.find((p) => p.profile.kind === 'measured')?.profile.design?.name).toBe('cam');
  });

  it('tells two recorders of one segment apart: the one only the measured rates put over is named', () => {
    // nas1 takes 20 × 7 Mb/s on 100 Mb/s (over at 70 %) either way; nas2 takes 10 × 5 Mb/s on 80 Mb/s (56 usable), 61 measured.
    const yard: Segment = {
      ...segment('yard', [
        { ...group(mbps(7), 20, 'big'), recordTo: 'nas1' },
        { ...group(mbps(5), 10, 'small'), recordTo: 'nas2' },
      ]),
      recorders: [
        { name: 'nas1', units: 1n, ingestBitsPerSecond: mbps(100) },
        { name: 'nas2', units: 1n, ingestBitsPerSecond: mbps(80) },
      ],
    };
    const f: Fleet = { name: 'f', root: segment('f', [], [yard]) };
    const m = [measured('6.1', { segment: 'yard', label: 'small' })];
    const { groups, unmatched } = matchMeasurements(f, m);
    const r = sizeAgainstMeasurements(f, { drift: { groups, unmatched, measurements: 1, tolerance: TOLERANCE } }, true);
    expect(r.drift?.resized?.overWithDesign).toBe(1);
    expect(r.drift?.resized?.newlyOver.map((c) => (c.kind === 'recorder' ? c.recorder.name : c.kind))).toEqual(['nas2']);
  });

  it('compares a camera whose rate varies over the day at its daily average', () => {
    // 4 Mb/s by day, 6 Mb/s at night, 12 h each: a day-long measurement should see 5 Mb/s.
    const varying = group(mbps(4), 4, 'ir');
    const profile = withStates(varying.profile, { day: mbps(4), night: mbps(6) });
    const f: Fleet = { name: 'f', root: segment('f', [{ profile, count: 4n }]) };
    const { groups, unmatched } = matchMeasurements(f, [measured('5.5', { segment: 'f', label: 'ir' })]);
    const r = sizeFleet(f, { drift: { groups, unmatched, measurements: 1, tolerance: TOLERANCE } });
    expect(r.drift?.groups[0]).toMatchObject({
      designBitsPerSecond: 5_000_000n,
      measuredBitsPerSecond: 5_500_000n,
      deviationPermille: 100n,
    });
  });

  it('refuses a drift check that compares nothing', () => {
    const only = [measured('9', { segment: 'north/sw-7', label: 'cam' })];
    const { groups, unmatched } = matchMeasurements(fleet(), only);
    expect(() => sizeAgainstMeasurements(fleet(), { drift: { groups, unmatched, measurements: 1, tolerance: TOLERANCE } }, false)).toThrow(
      "no measurement matches a group of 'site'",
    );
  });

  it('keeps the tree when it swaps in measured rates', () => {
    const { groups } = matchMeasurements(fleet(), ms);
    const swapped = withMeasuredRates(fleet(), groups);
    const names = (f: Fleet) => f.root.children.flatMap((n) => [n.name, ...n.children.map((c) => c.name)]);
    expect(names(swapped)).toEqual(names(fleet()));
    expect(swapped.root.children[0]!.children[0]!.groups.map((g) => [g.profile.kind, g.profile.bitsPerSecond])).toEqual([
      ['measured', 4_700_000n],
      ['measured', 1_500_000n],
    ]);
    expect(swapped.root.children[0]!.children[1]!.groups[0]!.profile.kind).toBe('custom');
  });

  it('swaps only the rate: what a group records, where to, and its sub stream stay as designed', () => {
    const withSub = { ...group(mbps(4), 3, 'cam'), subBitsPerSecond: mbps('0.5'), record: 'sub' as const, recordTo: 'nvr' };
    const unrecorded = { ...group(mbps(2), 2, 'door'), record: 'none' as const };
    // A preset's sub stream: the measured profile has no preset, so the group must keep the rate itself.
    const door = group(mbps(2), 1, 'gate');
    const fromPreset = { ...door, profile: { ...door.profile, preset: { subBitsPerSecond: mbps('0.25') } as Preset } };
    const f: Fleet = { name: 'f', root: segment('f', [withSub, unrecorded, fromPreset]) };
    const ms3 = [
      measured('5', { segment: 'f', label: 'cam' }),
      measured('3', { segment: 'f', label: 'door' }),
      measured('3', { segment: 'f', label: 'gate' }),
    ];
    const swapped = withMeasuredRates(f, matchMeasurements(f, ms3).groups).root.groups;
    expect(swapped.map((g) => [g.profile.kind, g.profile.bitsPerSecond, g.record, g.recordTo, subRate(g)])).toEqual([
      ['measured', 5_000_000n, 'sub', 'nvr', 500_000n],
      ['measured', 3_000_000n, 'none', undefined, undefined],
      ['measured', 3_000_000n, undefined, undefined, 250_000n],
    ]);
  });
});
