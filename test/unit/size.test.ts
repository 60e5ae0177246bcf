import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { flatFleet, group, mbps, segment } from '../helpers/fleet.js';

describe('sizeFleet: exact sums', () => {
  it("reproduces the report's Figure 6: 3×4 + 4×2 + 3×1 Mb/s = 23 Mb/s", () => {
    const report = sizeFleet(flatFleet([group(mbps(4), 3), group(mbps(2), 4), group(mbps(1), 3)]));
    expect(report.total).toEqual({
      cameras: 10n,
      loadBitsPerSecond: 23_000_000n,
      viewingBitsPerSecond: 0n,
      profilesLoadBitsPerSecond: 23_000_000n,
    });
  });

  it.each([
    ['20,000,000 × 4 Mb/s = 80,000,000 Mb/s (80 Tb/s)', mbps(4), 20_000_000n, 80_000_000_000_000n],
    ['10^9 × 0.625 Mb/s = 625,000,000 Mb/s', mbps('0.625'), 10n ** 9n, 625_000_000_000_000n],
    ['10^9 × 24 Mb/s = 24 Pb/s, above 2^53 b/s', mbps(24), 10n ** 9n, 24_000_000_000_000_000n],
    ['10^12 × 24 Mb/s, far above 2^53', mbps(24), 10n ** 12n, 24_000_000_000_000_000_000n],
    ['(2^53 + 1) cameras × 1 b/s', 1n, 2n ** 53n + 1n, 9_007_199_254_740_993n],
  ])('%s', (_name, rate, count, expected) => {
    const report = sizeFleet(flatFleet([group(rate, count)]));
    expect(report.total.loadBitsPerSecond).toBe(expected);
    expect(report.total.cameras).toBe(count);
    expect(report.profiles[0]?.loadBitsPerSecond).toBe(expected);
  });

  it('merges groups of one profile into one row, sorted by load', () => {
    const report = sizeFleet(flatFleet([group(mbps(1), 3, 'a'), group(mbps(7), 1, 'b'), group(mbps(1), 2, 'a')]));
    expect(report.profiles.map((p) => [p.profile.name, p.cameras, p.loadBitsPerSecond])).toEqual([
      ['b', 1n, 7_000_000n],
      ['a', 5n, 5_000_000n],
    ]);
  });

  it('rolls a tree up without counting a child twice', () => {
    const fleet = {
      name: 'campus',
      root: segment(
        'campus',
        [group(mbps(1), 1)],
        [
          segment('a', [group(mbps(2), 2)], [segment('a1', [group(mbps(3), 3)]), segment('a2', [group(mbps(4), 4)])]),
          segment('b', [group(mbps(5), 5)]),
        ],
      ),
    };
    const report = sizeFleet(fleet);
    expect(report.segments.map((s) => [s.path.join('/'), s.cameras, s.loadBitsPerSecond])).toEqual([
      ['', 15n, 55_000_000n],
      ['a', 9n, 29_000_000n],
      ['a/a1', 3n, 9_000_000n],
      ['a/a2', 4n, 16_000_000n],
      ['b', 5n, 25_000_000n],
    ]);
    expect(report.total.loadBitsPerSecond).toBe(55_000_000n);
  });

  it('sizes a chain 1,000 segments deep without recursion, and refuses a deeper one cleanly', () => {
    const chain = (levels: number) => {
      let s = segment('leaf', [group(mbps(4), 1)]);
      for (let i = 0; i < levels; i++) s = segment(`s${i}`, [group(mbps(4), 1)], [s]);
      return s;
    };
    const report = sizeFleet({ name: 'deep', root: chain(1000) });
    expect(report.total.cameras).toBe(1001n);
    expect(report.total.loadBitsPerSecond).toBe(1001n * 4_000_000n);
    expect(() => sizeFleet({ name: 'deep', root: chain(20_000) })).toThrow(/more than 1000 levels deep/);
  });
});

const groupArb = fc.record({
  rate: fc.bigInt({ min: 1n, max: 10n ** 11n }),
  count: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  label: fc.constantFrom('a', 'b', 'c'),
});

describe('sizeFleet: invariants', () => {
  it('the report does not depend on the order of the groups', () => {
    const groupsAndPermutation = fc
      .array(groupArb, { minLength: 1, maxLength: 20 })
      .chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length })));
    fc.assert(
      fc.property(groupsAndPermutation, ([specs, permuted]) => {
        const a = sizeFleet(flatFleet(specs.map((s) => group(s.rate, s.count, s.label))));
        const b = sizeFleet(flatFleet(permuted.map((s) => group(s.rate, s.count, s.label))));
        expect(b.total).toEqual(a.total);
        expect(b.profiles).toEqual(a.profiles);
      }),
    );
  });

  it('splitting a group into two leaves every total unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(groupArb, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (specs, which, cut) => {
          const groups = specs.map((s) => group(s.rate, s.count, s.label));
          const index = which % groups.length;
          const target = groups[index]!;
          fc.pre(target.count > 1n);
          const first = 1n + (cut % (target.count - 1n));
          const split = [
            ...groups.slice(0, index),
            { profile: target.profile, count: first },
            { profile: target.profile, count: target.count - first },
            ...groups.slice(index + 1),
          ];
          const a = sizeFleet(flatFleet(groups));
          const b = sizeFleet(flatFleet(split));
          expect(b.total).toEqual(a.total);
          expect(b.profiles).toEqual(a.profiles);
        },
      ),
    );
  });

  it('the total equals the sum of the profile rows and of the top-level segments', () => {
    fc.assert(
      fc.property(fc.array(fc.array(groupArb, { maxLength: 5 }), { minLength: 1, maxLength: 6 }), (perSegment) => {
        const children = perSegment.map((specs, i) =>
          segment(
            `s${i}`,
            specs.map((s) => group(s.rate, s.count, s.label)),
          ),
        );
        const report = sizeFleet({ name: 'f', root: segment('f', [], children) });
        const byProfiles = report.profiles.reduce((sum, p) => sum + p.loadBitsPerSecond, 0n);
        const bySegments = report.segments.filter((s) => s.depth === 1).reduce((sum, s) => sum + s.loadBitsPerSecond, 0n);
        expect(byProfiles).toBe(report.total.loadBitsPerSecond);
        expect(bySegments).toBe(report.total.loadBitsPerSecond);
      }),
    );
  });
});
