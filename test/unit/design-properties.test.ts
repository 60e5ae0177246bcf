/**
 * Designs as code, as properties over generated fleets: a diff of a report
 * with itself changes nothing; the flat checks hold exactly the checks the
 * tree holds; an "auto" link never fails while the next smaller speed would;
 * growth never adds fewer cameras than its share.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/diagnostics/errors.js';
import { diffReports } from '../../src/core/diff/diff.js';
import { fleetFromJson } from '../../src/core/input/fleet-json.js';
import type { Catalog } from '../../src/core/model/catalog.js';
import type { Fleet } from '../../src/core/model/fleet.js';
import type { Check, Report } from '../../src/core/model/report.js';
import { applyFloor } from '../../src/core/numbers/percent.js';
import { flatChecks, flatten } from '../../src/core/sizing/flat-checks.js';
import { grownCount } from '../../src/core/sizing/growth.js';
import { smallestSpeed, STANDARD_SPEEDS } from '../../src/core/sizing/link-speeds.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { fleetArb, type FleetJson } from '../helpers/fleet-arb.js';
import { testCatalog } from '../helpers/inventory.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});

/** The generated fleet with the design keys on some segments (ports, PoE and then every camera's draw, growth, "auto" links) and a recorder with disks. */
function withDesignKeys(json: FleetJson, seed: number): FleetJson {
  let n = seed;
  const pick = (k: number) => (n = (n * 1103515245 + 12345) % 2147483648) % k;
  const visit = (segment: FleetJson): FleetJson => {
    const cameras = (segment['cameras'] as FleetJson[] | undefined)?.map((c) => ({
      ...c,
      poe: pick(2) === 0 ? `${1 + pick(30)}W` : `class ${pick(9)}`,
    }));
    const children = (segment['segments'] as FleetJson[] | undefined)?.map(visit);
    return {
      ...segment,
      ...(cameras ? { cameras } : {}),
      ...(children ? { segments: children } : {}),
      ...(pick(3) === 0 ? { ports: pick(40) } : {}),
      ...(pick(3) === 0 ? { poe: `${pick(800)}W` } : {}),
      ...(pick(4) === 0 ? { growth: `${pick(50)}%` } : {}),
      ...(pick(3) === 0 ? { link: 'auto' } : {}),
    };
  };
  const raid = ['0', '1', '5', '6', '10', 'none'][pick(6)];
  const disks = {
    size: `${1 + pick(20)}TB`,
    raid,
    ...(pick(2) === 0 ? { count: 4 + 2 * pick(5) } : {}),
    ...(pick(2) === 0 ? { playback: pick(4) } : {}),
  };
  const recorder = {
    name: 'nvr',
    disks,
    ...(pick(2) === 0 ? { ingest: `${1 + pick(20)}Gb/s` } : {}),
    ...(pick(3) === 0 ? { units: 'auto' } : {}),
  };
  return { ...visit(json), ...(pick(2) === 0 ? { recorders: [recorder] } : {}) };
}

/** A fleet model, or undefined when the generated file is refused (an edge value): those are other tests' business. */
function read(json: FleetJson): Fleet | undefined {
  return fleetFromJson(json, catalog).fleet;
}

function sized(fleet: Fleet): Report | undefined {
  try {
    return sizeFleet(fleet);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

const designFleets = fc.tuple(fleetArb, fc.integer({ min: 0, max: 2 ** 30 })).map(([json, seed]) => withDesignKeys(json, seed));

describe('diff', () => {
  it('of a fleet with itself (read twice, sized twice) changes nothing and passes', () => {
    fc.assert(
      fc.property(designFleets, (json) => {
        const a = read(json);
        const b = read(json);
        if (!a || !b) return;
        const before = sized(a);
        const after = sized(b);
        if (!before || !after) return;
        const diff = diffReports(before, after);
        expect(diff.rows.filter((r) => r.change !== 'unchanged')).toEqual([]);
        expect(diff.rows.flatMap((r) => r.flips)).toEqual([]);
        expect([diff.verdict, diff.newlyFailing, diff.fixed]).toEqual(['pass', 0, 0]);
      }),
      { numRuns: 100 },
    );
  });
});

/** The tree check a flat entry comes from: its kind and path (and recorder) name it. */
const treeKey = (c: Check) =>
  `${c.kind}|${'path' in c ? c.path.join('/') : ''}|${c.kind === 'recorder' ? c.recorder.name : ''}|${c.kind === 'drift' ? c.drift.group : ''}`;

describe('the flat checks', () => {
  it('hold exactly the checks the tree holds: every one at least once, each passing exactly when its entries all do', () => {
    fc.assert(
      fc.property(designFleets, (json) => {
        const fleet = read(json);
        const report = fleet && sized(fleet);
        if (!report) return;
        const flat = flatChecks(report);
        let entries = 0;
        for (const check of report.checks) {
          const mine = flatten(check, report.drift?.tolerance);
          expect(mine.length).toBeGreaterThan(0);
          expect(mine.every((c) => c.fits)).toBe(check.fits);
          for (const c of mine) expect(c.fits).toBe(c.load <= c.limit);
          if (check.kind === 'link') expect(mine.map((c) => c.direction)).toEqual(check.directions.map((d) => d.direction));
          entries += mine.length;
        }
        expect(flat).toHaveLength(entries);
        const named = new Set(report.checks.map(treeKey));
        for (const c of flat) expect(named.has(`${c.kind}|${c.path.join('/')}|${c.recorder ?? ''}|${c.group ?? ''}`)).toBe(true);
        expect(new Set(flat.filter((c) => !c.fits).map((c) => `${c.kind}|${c.path.join('/')}|${c.recorder ?? ''}`)).size).toBe(
          report.checks.filter((c) => !c.fits).length,
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('"auto" links', () => {
  const ceiling = fc.integer({ min: 1, max: 100 }).map((p) => ({ num: BigInt(p), den: 100n }));

  it('hold the load at the ceiling, and the next smaller speed would not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 11n }), ceiling, (load, c) => {
        const speed = smallestSpeed(load, c, STANDARD_SPEEDS);
        if (speed === undefined) {
          expect(load).toBeGreaterThan(applyFloor(STANDARD_SPEEDS.at(-1)!, c));
          return;
        }
        expect(load).toBeLessThanOrEqual(applyFloor(speed, c));
        const smaller = STANDARD_SPEEDS[STANDARD_SPEEDS.indexOf(speed) - 1];
        if (smaller !== undefined) expect(load).toBeGreaterThan(applyFloor(smaller, c));
      }),
      { numRuns: 500 },
    );
  });

  it('never fail in a sized fleet unless even the largest speed is short', () => {
    fc.assert(
      fc.property(designFleets, (json) => {
        const fleet = read(json);
        const report = fleet && sized(fleet);
        if (!report) return;
        for (const row of report.segments.filter((s) => s.linkAuto)) {
          const s = row.linkSuggestion!;
          const beyond = s.up === undefined || s.down === undefined;
          expect(row.link!.fits).toBe(!beyond);
          if (beyond) continue;
          const speed = row.link!.capacityBitsPerSecond;
          const smaller = STANDARD_SPEEDS[STANDARD_SPEEDS.indexOf(speed) - 1];
          const ceilingOf = row.link!.ceiling;
          const fuller = row.up.loadBitsPerSecond > row.down.loadBitsPerSecond ? row.up.loadBitsPerSecond : row.down.loadBitsPerSecond;
          if (smaller !== undefined) expect(fuller).toBeGreaterThan(applyFloor(smaller, ceilingOf));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('growth', () => {
  it('adds never fewer cameras than its share, and less than one more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 100_000 }), (n, bp) => {
        const g = { num: BigInt(bp), den: 10_000n };
        const grown = grownCount(n, g);
        expect(grown * g.den).toBeGreaterThanOrEqual(n * (g.den + g.num));
        expect((grown - 1n) * g.den).toBeLessThan(n * (g.den + g.num) + (n === 0n ? g.den : 0n));
      }),
      { numRuns: 500 },
    );
  });
});
