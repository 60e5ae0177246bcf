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
function documentOf(segs: Seg[], withViewers: boolean, retained: readonly boolean[] = []): FleetDocument {
  const docs = segs.map((s, i) => ({
    name: `s${i}`,
    ...(retained[i] ? { retention: '1d' } : {}),
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

  it('recorders without a storage of their own never refuse what the same fleet without them sizes, whatever the retentions', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), async (raw, retained) => {
        const withRecorders = normalise(raw, true);
        const storage = (segs: Seg[]) => size(documentOf(segs, false, retained)).then((r) => r.total.storage);
        const plain = await storage(normalise(raw, false));
        // Storage counts the same cameras either way: where they record does not change what they need.
        expect(await storage(withRecorders)).toEqual(plain);
      }),
      { numRuns: 80, seed: 8 },
    );
  });
});

/**
 * Viewer lists against the rule written plainly (docs/streams.md): on each link, in each direction, a
 * viewer group counts the highest-rate streams under its `of` whose way from the camera (through the
 * recorder that fetches it, when the recorder does not record that stream) to the viewers crosses that
 * link there; unicast entries are groups of their own with a copy per station, multicast entries watching
 * the same streams one group watching the sum of theirs. Each camera and each path is listed here.
 */
interface Cam {
  seg: number;
  count: number;
  main: number;
  sub: number;
  record: 'main' | 'sub' | 'none';
  recordTo?: number;
}
interface Entry {
  at: number;
  streams: number;
  of: number;
  stream: 'main' | 'sub';
  from: 'recorder' | 'camera';
  multicast: boolean;
  stations: number;
  bitrate?: number;
}

const viewerArb = (n: number) =>
  fc.record({
    at: fc.nat(n - 1),
    streams: fc.integer({ min: 1, max: 6 }),
    of: fc.integer({ min: -1, max: n - 1 }),
    stream: fc.constantFrom('main' as const, 'sub' as const),
    from: fc.constantFrom('recorder' as const, 'camera' as const),
    multicast: fc.boolean(),
    stations: fc.integer({ min: 1, max: 3 }),
    bitrate: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  });

const viewingArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    segs: fc.array(
      fc.record({
        parent: fc.integer({ min: -1, max: n - 1 }),
        recorder: fc.boolean(),
        cams: fc.array(
          fc.record({
            count: fc.integer({ min: 0, max: 4 }),
            main: fc.integer({ min: 2, max: 9 }),
            sub: fc.integer({ min: 1, max: 3 }),
            record: fc.constantFrom('main' as const, 'sub' as const, 'none' as const),
            recordTo: fc.option(fc.nat(n - 1), { nil: undefined }),
          }),
          { maxLength: 2 },
        ),
      }),
      { minLength: n, maxLength: n },
    ),
    entries: fc.array(viewerArb(n), { minLength: 1, maxLength: 4 }),
  }),
);

/** The nodes on the way from a to b, as [segment, direction] links (b = -1: the head end beyond the root). */
function crossings(segs: Seg[], a: number, b: number): string[] {
  if (a === b) return [];
  const above = (x: number) => {
    const path: number[] = [];
    for (let at = x; at >= 0; at = segs[at]!.parent) path.push(at);
    return path;
  };
  const up = above(a);
  const down = b < 0 ? [] : above(b);
  const common = up.find((x) => down.includes(x));
  return [
    ...up.slice(0, common === undefined ? up.length : up.indexOf(common)).map((x) => `${x}:up`),
    ...down.slice(0, common === undefined ? down.length : down.indexOf(common)).map((x) => `${x}:down`),
  ];
}

function referenceViewing(segs: Seg[], cams: Cam[], entries: Entry[]): Map<string, bigint> {
  const groups: Entry[][] = [];
  const same = (a: Entry, b: Entry) =>
    a.multicast && b.multicast && a.of === b.of && a.stream === b.stream && a.from === b.from && a.bitrate === b.bitrate;
  for (const e of entries) {
    const group = groups.find((g) => same(g[0]!, e));
    if (group) group.push(e);
    else groups.push([e]);
  }
  const load = new Map<string, bigint>();
  for (const group of groups) {
    const { of, stream, from, multicast, stations, bitrate } = group[0]!;
    const copies = multicast ? 1 : stations;
    const watched = cams.filter((c) => inside(segs, c.seg, of));
    for (let s = 0; s < segs.length; s++) {
      for (const link of [`${s}:up`, `${s}:down`]) {
        const candidates: Array<{ rate: number; view: boolean }> = [];
        const farViewers = new Set<Entry>();
        for (const c of watched) {
          const recorder = targetOf(segs, c.seg, { mbps: 0, count: 0, ...(c.recordTo === undefined ? {} : { recordTo: c.recordTo }) });
          const source = from === 'camera' ? c.seg : recorder;
          const relay = from === 'recorder' && c.record !== stream && crossings(segs, c.seg, recorder).includes(link);
          const viewsFor = group.filter((e) => crossings(segs, source, e.at).includes(link));
          for (const e of viewsFor) farViewers.add(e);
          expect(relay && viewsFor.length > 0, 'a stream crosses a link one way once').toBe(false);
          const rate = stream === 'sub' ? c.sub : c.main;
          for (let k = 0; k < c.count; k++) {
            if (relay) candidates.push({ rate, view: false });
            else if (viewsFor.length > 0) for (let copy = 0; copy < copies; copy++) candidates.push({ rate: bitrate ?? rate, view: true });
          }
        }
        candidates.sort((a, b) => b.rate - a.rate);
        let left = group.reduce((a, e) => a + e.streams, 0) * copies;
        let viewsLeft = [...farViewers].reduce((a, e) => a + e.streams, 0) * copies;
        let sum = 0;
        for (const u of candidates) {
          if (left === 0) break;
          if (u.view && viewsLeft === 0) continue;
          sum += u.rate;
          left--;
          if (u.view) viewsLeft--;
        }
        if (sum > 0) load.set(link, (load.get(link) ?? 0n) + BigInt(sum) * MB);
      }
    }
  }
  return load;
}

describe('viewing: property', () => {
  it('each link, each way, carries the worst case of every viewer group, as the rule says', async () => {
    await fc.assert(
      fc.asyncProperty(viewingArb, async (raw) => {
        const segs = normalise(
          raw.segs.map((s) => ({ parent: s.parent, recorder: s.recorder, groups: [], viewers: 0 })),
          true,
        );
        const cams: Cam[] = raw.segs.flatMap((s, seg) =>
          s.cams.map((c) => ({ seg, ...c, recordTo: c.recordTo !== undefined && segs[c.recordTo]!.recorder ? c.recordTo : undefined })),
        );
        const entries: Entry[] = raw.entries.map((e) => ({ ...e, of: e.of < e.at ? e.of : -1 }));
        const doc = documentOf(segs, false) as unknown as { segments: unknown[] };
        const docs: Array<Record<string, unknown>> = [];
        const collect = (list: unknown[]) => {
          for (const d of list as Array<Record<string, unknown>>) {
            docs[Number(String(d['name']).slice(1))] = d;
            collect(d['segments'] as unknown[]);
          }
        };
        collect(doc.segments);
        cams.forEach((c) => {
          const cameras = docs[c.seg]!['cameras'] as unknown[];
          cameras.push({
            bitrate: `${c.main}Mb/s`,
            sub: `${c.sub}Mb/s`,
            count: c.count,
            record: c.record,
            ...(c.recordTo === undefined ? {} : { recordTo: `r${c.recordTo}` }),
          });
        });
        entries.forEach((e) => {
          const list = (docs[e.at]!['viewers'] ??= []) as unknown[];
          list.push({
            streams: e.streams,
            ...(e.of >= 0 ? { of: pathOf(segs, e.of) } : {}),
            stream: e.stream,
            from: e.from,
            multicast: e.multicast,
            stations: e.stations,
            ...(e.bitrate === undefined ? {} : { bitrate: `${e.bitrate}Mb/s` }),
          });
        });
        const report = await size(doc as FleetDocument);
        const expected = referenceViewing(segs, cams, entries);
        for (let s = 0; s < segs.length; s++) {
          const row = report.segments.find((r) => r.path.join('/') === pathOf(segs, s))!;
          expect([row.up.viewingBitsPerSecond, row.down.viewingBitsPerSecond], `s${s}`).toEqual([
            expected.get(`${s}:up`) ?? 0n,
            expected.get(`${s}:down`) ?? 0n,
          ]);
        }
      }),
      { numRuns: Number(process.env['CAMSIZE_TEST_RUNS'] ?? 150), seed: Number(process.env['CAMSIZE_TEST_SEED'] ?? 22) },
    );
  });
});
