/**
 * The two memos sizing keeps for large fleets (issue 24): linkStatus's usable
 * rate of the last capacity and ceiling (core/sizing/link.ts), and the checks'
 * headroom unit of the last segment (figures/checks.ts). Held against the
 * plain computation on sequences where the inputs change, repeat and come
 * back: every status equals one made from scratch, and every row's headroom
 * equals headroomIn of its own unit and settings.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fleetFromJson } from '../../src/core/input/fleet-json.js';
import type { Catalog } from '../../src/core/model/catalog.js';
import { ceilDiv } from '../../src/core/numbers/decimal.js';
import { applyFloor, type Ratio } from '../../src/core/numbers/percent.js';
import { linkStatus } from '../../src/core/sizing/link.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { testCatalog } from '../helpers/inventory.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});

const RATIOS: Ratio[] = [
  { num: 70n, den: 100n },
  { num: 70n, den: 100n }, // equal, not the same object
  { num: 1n, den: 1n },
  { num: 725n, den: 1000n },
];

describe('sizing memos', () => {
  it('linkStatus: the usable rate and everything after it as if made afresh', () => {
    const call = fc.record({
      load: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      capacity: fc.constantFrom(0n, 1_000_000n, 10n ** 10n, 10n ** 10n + 1n),
      ceiling: fc.constantFrom(...RATIOS),
      per: fc.constantFrom(undefined, 4_000_000n),
    });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 12 }), (calls) => {
        for (const { load, capacity, ceiling, per } of calls) {
          const status = linkStatus(
            load,
            capacity,
            ceiling,
            per === undefined ? undefined : { profile: {} as never, perCameraBitsPerSecond: per },
          );
          const usable = applyFloor(capacity, ceiling);
          expect(status.usableBitsPerSecond).toBe(usable);
          expect(status.headroomBitsPerSecond).toBe(usable - load);
          expect(status.fits).toBe(load <= usable);
          if (per !== undefined) {
            const room = usable - load;
            expect(status.headroomCameras).toEqual({
              profile: {},
              perCameraBitsPerSecond: per,
              cameras: room >= 0n ? room / per : -ceilDiv(-room, per),
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("each row's headroom is its own segment's, when units and settings change from one segment to the next", () => {
    const site = fc.record({
      preset: fc.constantFrom('720p30', '4k30'),
      count: fc.integer({ min: 1, max: 5 }),
      overhead: fc.constantFrom(undefined, 'udp', 'tcp', 'none'),
      maxUtilization: fc.constantFrom(undefined, 50, 70),
      night: fc.constantFrom(undefined, { nightStart: 20, nightHours: 10 }),
    });
    fc.assert(
      fc.property(fc.array(site, { minLength: 1, maxLength: 10 }), (sites) => {
        const segments = sites.map((s, i) => ({
          name: `s${i}`,
          link: '1Gb/s',
          cameras: [{ preset: s.preset, count: s.count, ...(s.night ? { night: 'x0.5' } : {}) }],
          ...(s.overhead ? { overhead: s.overhead } : {}),
          ...(s.maxUtilization ? { maxUtilization: s.maxUtilization } : {}),
          ...(s.night ? { schedule: s.night } : {}),
        }));
        const whole = fleetFromJson({ name: 'f', link: '10Gb/s', segments }, catalog).fleet!;
        const rows = sizeFleet(whole).segments.slice(1);
        // Each site alone: no memo can carry anything over from another segment.
        segments.forEach((segment, i) => {
          const alone = fleetFromJson({ name: 'f', link: '10Gb/s', segments: [segment] }, catalog).fleet!;
          const row = sizeFleet(alone).segments[1]!;
          expect(rows[i]!.up).toEqual(row.up);
          expect(rows[i]!.link).toEqual(row.link);
        });
      }),
      { numRuns: 150 },
    );
  });
});
