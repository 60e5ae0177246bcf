import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inverseNormal, parsePercentileSettings } from '../../src/core/sizing/percentile.js';
import { customProfile, withStates } from '../../src/core/model/fleet.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { flatFleet, group, mbps } from '../helpers/fleet.js';

describe('inverseNormal', () => {
  it.each([
    [0.5, 0],
    [0.84134474606854, 1],
    [0.97724986805182, 2],
    [0.99, 2.326347874],
    [0.99865010196837, 3],
  ])('Φ⁻¹(%f) ≈ %f', (p, z) => {
    expect(inverseNormal(p)).toBeCloseTo(z, 6);
  });
});

describe('percentile of the aggregate', () => {
  // The research note's table (σ/μ = 0.5, a 3σ reserve): reserve per camera, as a multiple of the mean.
  it.each([
    [1, 0, 2.5],
    [100, 0, 1.15],
    [10_000, 0, 1.015],
    [100, 0.3, 1.83],
    [10_000, 0.3, 1.82],
  ])('N = %i, ρ = %f: %f × the mean at 3σ', (n, rho, multiple) => {
    const settings = parsePercentileSettings('99.865010196837', String(rho), '0.5');
    const report = sizeFleet(flatFleet([group(mbps(4), n)]), { percentile: settings });
    const perCamera = Number(report.segments[0]!.percentile!.bitsPerSecond) / n / 4e6;
    expect(perCamera).toBeCloseTo(multiple, 2);
  });

  it('is never below the sum of means, and correlated is never below independent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 6 }),
        fc.integer({ min: 51, max: 99 }),
        fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
        (n, p, rho) => {
          const run = (r: number) =>
            sizeFleet(flatFleet([group(mbps(4), n)]), { percentile: parsePercentileSettings(String(p), String(r), '0.5') }).segments[0]!
              .percentile!;
          const mid = run(rho);
          expect(mid.bitsPerSecond).toBeGreaterThanOrEqual(BigInt(n) * mbps(4));
          expect(run(1).bitsPerSecond).toBeGreaterThanOrEqual(run(0).bitsPerSecond);
        },
      ),
    );
  });

  it.each([
    [['40', '1', '0.5'], "percentile '40' must be more than 50 and less than 100 (e.g. 99)"],
    [['99', '1.5', '0.5'], "correlation '1.5' must be from 0 (independent) to 1 (moving together)"],
    [['99', '1', '-1'], "VBR variation '-1' must be a ratio σ/μ from 0 to 10 (e.g. 0.5)"],
  ] as const)('refuses %j', (args, message) => {
    expect(() => parsePercentileSettings(args[0], args[1], args[2])).toThrow(message);
  });
});

describe('percentile hour by hour: the schedule is not noise', () => {
  const dayNight = (count: number, dayMbps: number, nightMbps: number) => ({
    profile: withStates(customProfile(mbps(dayMbps)), { day: mbps(dayMbps), night: mbps(nightMbps) }),
    count: BigInt(count),
  });

  it.each([0, 0.3, 1])('10,000 cameras at 4 Mb/s by day and 24 at night, no VBR: exactly 240 Gb/s at ρ = %f', (rho) => {
    const report = sizeFleet(flatFleet([dayNight(10_000, 4, 24)]), { percentile: { percentile: 99, correlation: rho, vbrCv: 0 } });
    expect(report.total.percentile).toMatchObject({ bitsPerSecond: 240_000_000_000n, hour: 18 });
  });

  it('is never below the worst hour mean nor above every camera at its peak with its own VBR reserve', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
        fc.integer({ min: 0, max: 200 }).map((k) => k / 100),
        fc.integer({ min: 0, max: 24 }),
        (groups, rho, cv, nightHours) => {
          const settings = { percentile: 99, correlation: rho, vbrCv: cv };
          const report = sizeFleet(flatFleet(groups.map(([n, d, night]) => dayNight(n, d, night))), {
            percentile: settings,
            schedule: { nightStart: 18, nightHours },
          });
          const p = report.total.percentile!;
          const worstMean = report.total.time
            ? report.total.time.hourlyAverageBitsPerSecond.reduce((a, b) => (b > a ? b : a))
            : report.total.loadBitsPerSecond;
          const peak = report.total.time?.peakBitsPerSecond ?? report.total.loadBitsPerSecond;
          const z = inverseNormal(0.99);
          expect(Number(p.bitsPerSecond)).toBeGreaterThanOrEqual(Number(worstMean) - 1);
          expect(Number(p.bitsPerSecond)).toBeLessThanOrEqual(Number(peak) * (1 + z * cv) * (1 + 1e-12) + 2);
          if (cv === 0) expect(p.bitsPerSecond).toBe(worstMean);
        },
      ),
    );
  });
});
