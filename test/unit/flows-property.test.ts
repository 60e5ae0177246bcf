/**
 * Property tests of the flow model against a plain reference computed here:
 * without recorders and new keys every load is what it was before flows
 * (cameras roll up to the head end, viewing comes down), and with recorders
 * each direction of every link carries exactly the recorded streams whose
 * camera and recorder are on opposite sides of it; the root's up direction
 * is what the head end records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FleetDocument } from '../../src/api/fleet.js';
import { size } from '../../src/api/size.js';

const MB = 1_000_000n;

interface Group {
  mbps: number;
  count: number;
  recordTo?: number;
}
interface Seg {
  parent: number;
  recorder: boolean;
  recordTo?: number;
  groups: Group[];
  viewers: number;
}

const groupArb = (n: number) =>
  fc.record({
    mbps: fc.integer({ min: 1, max: 20 }),
    count: fc.integer({ min: 0, max: 40 }),
    recordTo: fc.option(fc.nat(n - 1), { nil: undefined }),
  });

const fleetArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.array(
    fc.record({
      parent: fc.integer({ min: -1, max: n - 1 }),
      recorder: fc.boolean(),
      recordTo: fc.option(fc.nat(n - 1), { nil: undefined }),
      groups: fc.array(groupArb(n), { maxLength: 2 }),
      viewers: fc.integer({ min: 0, max: 5 }),
    }),
    { minLength: n, maxLength: n },
  ),
);

/** Parents only point backwards (so the tree has no cycle); recordTo only names segments that have a recorder. */
function normalise(segs: Seg[], withRecorders: boolean): Seg[] {
  const fixed = segs.map((s, i) => ({ ...s, parent: s.parent < i ? s.parent : -1 }));
  return fixed.map((s) => {
    if (!withRecorders) return { ...s, recorder: false, recordTo: undefined, groups: s.groups.map(({ mbps, count }) => ({ mbps, count })) };
    const valid = (t: number | undefined) => (t !== undefined && fixed[t]!.recorder ? t : undefined);
    return { ...s, recordTo: valid(s.recordTo), groups: s.groups.map((g) => ({ ...g, recordTo: valid(g.recordTo) })) };
  });
}

/** The fleet document, children attached to their parents without recursion. */
function documentOf(segs: Seg[], withViewers: boolean): FleetDocument {
  const docs = segs.map((s, i) => ({
    name: `s${i}`,
    ...(s.recorder ? { recorders: [{ name: `r${i}` }] } : {}),
    ...(s.recordTo === undefined ? {} : { recordTo: `r${s.recordTo}` }),
    ...(withViewers && s.viewers > 0 ? { viewers: { streams: s.viewers, bitrate: '2Mb/s' } } : {}),
    cameras: s.groups.map((g) => ({
      bitrate: `${g.mbps}Mb/s`,
      count: g.count,
      ...(g.recordTo === undefined ? {} : { recordTo: `r${g.recordTo}` }),
    })),
    segments: [] as unknown[],
  }));
  const top: unknown[] = [];
  segs.forEach((s, i) => {
    (s.parent < 0 ? top : docs[s.parent]!.segments).push(docs[i]);
  });
  return { name: 'f', segments: top } as FleetDocument;
}

const pathOf = (segs: Seg[], i: number) => {
  const names: string[] = [];
  for (let at = i; at >= 0; at = segs[at]!.parent) names.unshift(`s${at}`);
  return names.join('/');
};
/** Whether segment i is in the subtree of segment root (-1: the fleet root). */
const inside = (segs: Seg[], i: number, root: number) => {
  for (let at = i; at >= 0; at = segs[at]!.parent) if (at === root) return true;
  return root === -1;
};

/** Where each group records: its recordTo, its segment's (inherited), the nearest recorder at or above, or -1 (the head end). */
function targetOf(segs: Seg[], i: number, g: Group): number {
  if (g.recordTo !== undefined) return g.recordTo;
  for (let at = i; at >= 0; at = segs[at]!.parent) if (segs[at]!.recordTo !== undefined) return segs[at]!.recordTo!;
  for (let at = i; at >= 0; at = segs[at]!.parent) if (segs[at]!.recorder) return at;
  return -1;
}

describe('flows: properties', () => {
  it('without recorders or new keys, every load is as before: cameras up to the head end, viewing down', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb, async (raw) => {
        const segs = normalise(raw, false);
        const report = await size(documentOf(segs, true));
        let cameras = 0n;
        let viewing = 0n;
        for (let s = -1; s < segs.length; s++) {
          const under = segs.map((_, i) => i).filter((i) => inside(segs, i, s));
          const up = under.reduce((sum, i) => sum + segs[i]!.groups.reduce((a, g) => a + BigInt(g.mbps * g.count) * MB, 0n), 0n);
          const down = under.reduce((sum, i) => sum + BigInt(segs[i]!.viewers) * 2n * MB, 0n);
          const row = report.segments.find((r) => r.path.join('/') === (s < 0 ? '' : pathOf(segs, s)))!;
          expect([row.up.loadBitsPerSecond, row.down.loadBitsPerSecond, row.loadBitsPerSecond]).toEqual([up, down, up + down]);
          if (s < 0) [cameras, viewing] = [up, down];
        }
        expect(report.total.loadBitsPerSecond).toBe(cameras + viewing);
        expect(report.total.viewingBitsPerSecond).toBe(viewing);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('with recorders, each direction carries the recorded streams that cross it; the root up is the head end', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb, async (raw) => {
        const segs = normalise(raw, true);
        const report = await size(documentOf(segs, false));
        const flows = segs.flatMap((s, i) =>
          s.groups.map((g) => ({ from: i, to: targetOf(segs, i, g), rate: BigInt(g.mbps * g.count) * MB })),
        );
        for (let s = -1; s < segs.length; s++) {
          const crossing = (a: number, b: number) => inside(segs, a, s) && (b < 0 || !inside(segs, b, s));
          const up = flows.filter((f) => (s < 0 ? f.to < 0 : crossing(f.from, f.to))).reduce((a, f) => a + f.rate, 0n);
          const down = flows.filter((f) => s >= 0 && f.to >= 0 && crossing(f.to, f.from)).reduce((a, f) => a + f.rate, 0n);
          const row = report.segments.find((r) => r.path.join('/') === (s < 0 ? '' : pathOf(segs, s)))!;
          expect([row.up.recordedBitsPerSecond, row.down.recordedBitsPerSecond]).toEqual([up, down]);
        }
        const headEnd = flows.filter((f) => f.to < 0).reduce((a, f) => a + f.rate, 0n);
        expect(report.segments[0]!.up.loadBitsPerSecond).toBe(headEnd);
        const recorded = (report.recorders ?? []).reduce((a, r) => a + r.ingestBitsPerSecond, 0n);
        const all = flows.reduce((a, f) => a + f.rate, 0n);
        // Every recorded stream arrives somewhere: at a recorder, or at the head end (its row when the fleet has recorders).
        expect(report.recorders?.some((r) => r.headEnd) ? recorded : recorded + headEnd).toBe(all);
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});
