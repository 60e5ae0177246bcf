/** A camera's two figures: which a source gives, the other by the ratio, states over the day, and the profiles made of them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateBitrate } from '../../src/core/estimate/estimate.js';
import { estimatedGroup, estimatedProfile } from '../../src/core/estimate/estimated-group.js';
import type { Preset } from '../../src/core/model/catalog.js';
import {
  averageStates,
  customFiguresProfile,
  customProfile,
  estimateProfile,
  measuredProfile,
  peakStates,
  presetProfile,
  withStates,
} from '../../src/core/model/fleet.js';
import { profileAtPoint } from '../../src/core/model/profile.js';
import { AVERAGE_TO_PEAK, averageOfPeak, mapStates, peakOfAverage, twoFigures } from '../../src/core/model/rate-figures.js';
import { checkedRate } from '../../src/core/sizing/checked-rate.js';
import { OVERHEADS } from '../../src/core/sizing/overhead.js';
import { DEFAULT_SCHEDULE, parseDuty } from '../../src/core/sizing/time.js';
import { validateCatalogFile } from '../../src/schema/preset-schema.js';

const preset = (basis: Preset['basis'], extra: Partial<Preset> = {}): Preset => ({
  id: `p-${basis}`,
  label: 'p',
  resolution: { name: '1080p', width: 1920, height: 1080 },
  fps: 15,
  scene: 'medium',
  codec: 'h264',
  bitsPerSecond: 4_000_000n,
  basis,
  source: { citation: 'c' },
  file: 'f.json',
  ...extra,
});

describe('the ratio between the figures', () => {
  it('is 0.81, rounded up both ways (the safe side for storage and for links)', () => {
    expect(AVERAGE_TO_PEAK).toEqual({ num: 81n, den: 100n });
    expect(averageOfPeak(8_000_000n)).toBe(6_480_000n);
    expect(averageOfPeak(1n)).toBe(1n);
    expect(peakOfAverage(3_000_000n)).toBe(3_703_704n); // 3,703,703.7 up
    expect(peakOfAverage(3_000_001n)).toBe(3_703_705n); // 3,703,704.94 up
    expect(peakOfAverage(0n)).toBe(0n);
  });

  it('never makes the average above the peak, and takes a derived figure back within a b/s', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (bps) => {
        expect(averageOfPeak(bps)).toBeLessThanOrEqual(bps);
        expect(peakOfAverage(bps)).toBeGreaterThanOrEqual(bps);
        expect(averageOfPeak(peakOfAverage(bps)) - bps).toBeLessThanOrEqual(1n);
      }),
    );
  });

  it('maps every state, night and event rates included', () => {
    const states = { day: 100n, night: 200n, event: { bitsPerSecond: 300n, nightBitsPerSecond: 400n, duty: parseDuty(10) } };
    expect(mapStates(states, (bps) => bps * 2n)).toEqual({
      day: 200n,
      night: 400n,
      event: { bitsPerSecond: 600n, nightBitsPerSecond: 800n, duty: states.event.duty },
    });
  });

  it.each([
    ['rate', { peak: 8_000_000n, average: 8_000_000n }],
    ['peak', { peak: 8_000_000n, average: 6_480_000n }],
    ['average', { peak: 9_876_544n, average: 8_000_000n }],
  ] as const)('a source that gives %s', (basis, expected) => {
    const f = twoFigures(basis, { day: 8_000_000n, night: 8_000_000n });
    expect({ peak: f.peak.day, average: f.average.day }).toEqual(expected);
  });

  it('refuses an average above the peak', () => {
    expect(() => twoFigures('both', { day: 3n, night: 3n }, { day: 8n, night: 8n })).toThrow('the average is above the peak');
  });
});

describe('profiles with two figures', () => {
  it('keeps a one-rate profile exactly as before: no average, no basis', () => {
    expect(customProfile(4_000_000n)).toEqual({
      key: 'custom:custom@4000000',
      kind: 'custom',
      name: 'custom',
      description: 'custom bit rate',
      bitsPerSecond: 4_000_000n,
    });
    expect(presetProfile(preset('report'))).toEqual({
      key: 'p-report',
      kind: 'preset',
      name: 'p-report',
      description: 'p',
      bitsPerSecond: 4_000_000n,
      preset: preset('report'),
    });
  });

  it.each([
    ['vendor-cap', 4_000_000n, 3_240_000n, 'peak'],
    ['observed-cap', 4_000_000n, 3_240_000n, 'peak'],
    ['planning', 4_938_272n, 4_000_000n, 'average'],
    ['measured', 4_938_272n, 4_000_000n, 'average'],
  ] as const)('a %s preset: peak %s, average %s', (basis, peak, average, gives) => {
    const p = presetProfile(preset(basis));
    expect([p.bitsPerSecond, p.average?.bitsPerSecond, p.basis]).toEqual([peak, average, gives]);
  });

  it('takes both figures from a preset that gives both, its night following the figure it gives', () => {
    const p = presetProfile(preset('vendor-cap', { otherBitsPerSecond: 2_000_000n, nightBitsPerSecond: 6_000_000n }));
    expect(peakStates(p)).toEqual({ day: 4_000_000n, night: 6_000_000n });
    expect(averageStates(p)).toEqual({ day: 2_000_000n, night: 3_000_000n });
    expect(p.basis).toBe('both');
  });

  it('refuses a preset file that gives the other figure for a basis that does not have one', () => {
    const file = (basis: string, key: string) =>
      JSON.stringify({
        catalog: 'x',
        description: 'x',
        presets: [
          {
            id: 'a',
            label: 'a',
            resolution: { name: 'n', width: 1, height: 1 },
            fps: 15,
            scene: 's',
            codec: null,
            mbps: 2,
            [key]: 1,
            basis,
            source: { citation: 'c' },
          },
        ],
      });
    expect(() => validateCatalogFile('x.json', file('planning', 'averageMbps'))).toThrow('averageMbps goes with a peak basis');
    expect(() => validateCatalogFile('x.json', file('report', 'peakMbps'))).toThrow("a 'report' preset gives one rate");
    expect(validateCatalogFile('x.json', file('vendor-cap', 'averageMbps'))[0]!.otherBitsPerSecond).toBe(1_000_000n);
  });

  it('gives a custom group its figures, keyed so that different figures are different profiles', () => {
    const both = customFiguresProfile({ peak: 8_000_000n, average: 3_000_000n }, 'gate');
    const peak = customFiguresProfile({ peak: 8_000_000n }, 'gate');
    expect(both).toMatchObject({
      basis: 'both',
      bitsPerSecond: 8_000_000n,
      average: { bitsPerSecond: 3_000_000n },
      description: 'custom peak and average (gate)',
    });
    expect(peak).toMatchObject({ basis: 'peak', average: { bitsPerSecond: 6_480_000n }, description: 'custom peak (gate)' });
    expect(new Set([both.key, peak.key, customProfile(8_000_000n, 'gate').key]).size).toBe(3);
  });

  it('reads night and event rates as the figure the profile gives, the other by the ratio', () => {
    const states = { day: 3_000_000n, night: 6_000_000n };
    const average = withStates(customFiguresProfile({ average: 3_000_000n }), states);
    expect(averageStates(average)).toEqual(states);
    expect(peakStates(average)).toEqual({ day: 3_703_704n, night: 7_407_408n });
    const peak = withStates(customFiguresProfile({ peak: 3_000_000n }), states);
    expect(peakStates(peak)).toEqual(states);
    expect(averageStates(peak)).toEqual({ day: 2_430_000n, night: 4_860_000n });
    // Two figures of its own: the states are the peak's, the average's follow its day ratio (3 of 8).
    const both = withStates(customFiguresProfile({ peak: 8_000_000n, average: 3_000_000n }), { day: 8_000_000n, night: 16_000_000n });
    expect(averageStates(both)).toEqual({ day: 3_000_000n, night: 6_000_000n });
    // One rate: as before.
    expect(withStates(customProfile(3_000_000n), states)).toMatchObject({ bitsPerSecond: 3_000_000n, states });
    expect(withStates(customProfile(3_000_000n), states).average).toBeUndefined();
  });

  it('checks links at the peak figure and, with --check-on average, at the average figure’s daily average', () => {
    const p = withStates(customFiguresProfile({ peak: 8_000_000n }), { day: 8_000_000n, night: 16_000_000n });
    const none = OVERHEADS['none']!;
    expect(checkedRate(p, none, DEFAULT_SCHEDULE, 'peak')).toBe(16_000_000n);
    expect(checkedRate(p, none, DEFAULT_SCHEDULE, 'average')).toBe(9_720_000n); // (6.48 + 12.96) / 2
  });

  it('keeps a measured group’s design ratio: one rate for a one-rate design, the peak ÷ average of a two-figure one', () => {
    expect(measuredProfile(customProfile(4_000_000n), 5_000_000n, 3, 'a')).toMatchObject({ bitsPerSecond: 5_000_000n });
    expect(measuredProfile(customProfile(4_000_000n), 5_000_000n, 3, 'a').average).toBeUndefined();
    const design = customFiguresProfile({ peak: 8_000_000n, average: 4_000_000n });
    expect(measuredProfile(design, 5_000_000n, 3, 'a')).toMatchObject({
      bitsPerSecond: 10_000_000n,
      average: { bitsPerSecond: 5_000_000n },
      basis: 'measured',
    });
    // A design of one rate stays one rate: the measured average for both.
    const one = measuredProfile(customProfile(4_000_000n), 5_000_000n, 1, 'a');
    expect([one.bitsPerSecond, one.average, one.basis]).toEqual([5_000_000n, undefined, undefined]);
  });

  it('puts an estimate’s figures at the points of their ranges, and keeps the ranges', () => {
    const e = estimateBitrate({ resolution: '1080p', fps: 15, codec: 'h264' });
    const p = estimateProfile(e, 'cam');
    expect(p).toMatchObject({ bitsPerSecond: e.peak.high, average: { bitsPerSecond: e.average.bitsPerSecond }, basis: 'both' });
    expect(p.range).toEqual({
      coverage: 0.8,
      peak: { low: e.peak.low, mid: e.peak.bitsPerSecond, high: e.peak.high },
      average: { low: e.average.low, mid: e.average.bitsPerSecond, high: e.average.high },
      peakAt: 'high',
      averageAt: 'mid',
    });
    const low = estimatedProfile({ resolution: '1080p', fps: 15, codec: 'h264', label: 'cam', estimateAt: 'low' });
    // At the low end the average's low (0.61 × 0.8 = 0.49 of the peak's centre) is under the peak's low (0.50 ×); above it, it would be held at it.
    expect([low.bitsPerSecond, low.average?.bitsPerSecond ?? low.bitsPerSecond]).toEqual([
      e.peak.low,
      e.peak.low < e.average.low ? e.peak.low : e.average.low,
    ]);
    expect(estimatedGroup({ resolution: '4K', fps: 10, codec: 'h265' }, 7n)).toMatchObject({
      count: 7n,
      profile: { kind: 'estimate', name: 'estimate' },
    });
  });

  it('puts an estimated profile at another point of its ranges: each state scaled by its own range, rounded up', () => {
    const e = estimateBitrate({ resolution: '1080p', fps: 15, codec: 'h264' });
    const p = withStates(estimateProfile(e, 'cam'), { day: e.peak.high, night: 3_000_001n });
    expect(profileAtPoint(p, 'mid') === p || profileAtPoint(p, 'high') === p).toBe(false); // two points used: neither is all of it
    const plain = customProfile(4_000_000n);
    expect(profileAtPoint(plain, 'low')).toBe(plain);
    const low = profileAtPoint(p, 'low');
    const up = (bps: bigint, to: bigint, from: bigint) => (bps * to + from - 1n) / from;
    expect(peakStates(low)).toEqual({ day: e.peak.low, night: up(3_000_001n, e.peak.low, e.peak.high) });
    const average = averageStates(p);
    expect(averageStates(low)).toEqual({
      day: e.average.low,
      night: up(average.night, e.average.low, e.average.bitsPerSecond),
    });
    // At the points used, the figures are the profile's own.
    const back = profileAtPoint(p, 'high');
    expect(peakStates(back)).toEqual(peakStates(p));
    expect(averageStates(profileAtPoint(p, 'mid'))).toEqual(averageStates(p));
    expect(low).toMatchObject({ key: p.key, range: p.range, basis: 'both' });
  });
});
