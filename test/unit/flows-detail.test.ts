/**
 * --flows rows add up to the load each link is checked with (issue 22, item
 * 7: with rates that vary over the day each row was its own cameras' peak, so
 * the rows of a link could add up to more than its load). Random fleets with
 * day, night and event rates, recorders anywhere, both forms of viewers and
 * every kind of link, checked at the peak and on the daily average.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { size } from '../../src/api/size.js';
import type { FleetDocument } from '../../src/api/fleet.js';
import type { FlowItem } from '../../src/core/model/report.js';

const camera = fc.record({
  bitrate: fc.integer({ min: 1, max: 9 }).map((n) => `${n}Mb/s`),
  night: fc.option(
    fc.integer({ min: 1, max: 9 }).map((n) => `${n}Mb/s`),
    { nil: undefined },
  ),
  events: fc.option(fc.record({ rate: fc.constantFrom('x2', 'x3', '12Mb/s'), duty: fc.integer({ min: 1, max: 50 }) }), { nil: undefined }),
  count: fc.integer({ min: 0, max: 5 }),
  sub: fc.constant('1Mb/s'),
  recordTo: fc.option(fc.nat(5), { nil: undefined }),
});

const fleetArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.array(
    fc.record({
      parent: fc.integer({ min: -1, max: n - 1 }),
      recorder: fc.boolean(),
      link: fc.constantFrom(undefined, '1Gb/s', { shared: '1Gb/s' }, { up: '100Mb/s', down: '1Gb/s' }),
      cameras: fc.array(camera, { maxLength: 2 }),
      viewers: fc.option(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant([{ streams: 2, stream: 'sub' }])), { nil: undefined }),
    }),
    { minLength: n, maxLength: n },
  ),
);

type Raw = typeof fleetArb extends fc.Arbitrary<infer T> ? T : never;

function documentOf(raw: Raw): FleetDocument {
  const segs = raw.map((s, i) => ({ ...s, parent: s.parent < i ? s.parent : -1 }));
  const recorders = new Set(segs.flatMap((s, i) => (s.recorder ? [i] : [])));
  const docs = segs.map((s, i) => ({
    name: `s${i}`,
    ...(s.link ? { link: s.link } : {}),
    ...(s.recorder ? { recorders: [{ name: `r${i}` }] } : {}),
    ...(s.viewers === undefined ? {} : { viewers: s.viewers }),
    cameras: s.cameras.map(({ recordTo, night, events, ...c }) => ({
      ...c,
      ...(night ? { night } : {}),
      ...(events ? { events } : {}),
      ...(recordTo !== undefined && recorders.has(recordTo) ? { recordTo: `r${recordTo}` } : {}),
    })),
    segments: [] as unknown[],
  }));
  const top: unknown[] = [];
  segs.forEach((s, i) => {
    (s.parent < 0 ? top : docs[s.parent]!.segments).push(docs[i]);
  });
  return { name: 'f', retention: '1d', segments: top } as FleetDocument;
}

const total = (flows: readonly FlowItem[] | undefined) => (flows ?? []).reduce((a, f) => a + f.bitsPerSecond, 0n);

describe('--flows rows and the load they explain', () => {
  it('add up to each checked load, at the peak hour; on the daily average, each rounded up at most', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb, fc.constantFrom('peak' as const, 'average' as const), async (raw, checkOn) => {
        const report = await size(documentOf(raw), { flows: true, checkOn });
        for (const row of report.segments) {
          const shared = row.linkKind === 'shared';
          const [up, down] = [total(row.up.flows), total(row.down.flows)];
          const [wantUp, wantDown] = shared ? [row.loadBitsPerSecond, 0n] : [row.up.loadBitsPerSecond, row.down.loadBitsPerSecond];
          const [gotUp, gotDown] = shared ? [up + down, 0n] : [up, down];
          const slack = checkOn === 'peak' ? 0n : BigInt((row.up.flows?.length ?? 0) + (row.down.flows?.length ?? 0));
          expect(gotUp - wantUp, `${row.path.join('/')} up`).toBeGreaterThanOrEqual(0n);
          expect(gotUp - wantUp, `${row.path.join('/')} up`).toBeLessThanOrEqual(slack);
          expect(gotDown - wantDown, `${row.path.join('/')} down`).toBeGreaterThanOrEqual(0n);
          expect(gotDown - wantDown, `${row.path.join('/')} down`).toBeLessThanOrEqual(slack);
        }
      }),
      { numRuns: Number(process.env['CAMSIZE_TEST_RUNS'] ?? 150), seed: Number(process.env['CAMSIZE_TEST_SEED'] ?? 7) },
    );
  });

  it('the case of the issue: a day camera and a night camera on one link add up to its peak, not to both peaks', async () => {
    const report = await size(
      {
        name: 'f',
        segments: [
          { name: 'site', link: '10Mb/s', recorders: [{ name: 'nvr' }] },
          {
            name: 'hq',
            cameras: [
              { bitrate: '4Mb/s', night: '1Mb/s', count: 1, recordTo: 'nvr' },
              { bitrate: '1Mb/s', night: '4Mb/s', count: 1, label: 'night', recordTo: 'nvr' },
            ],
          },
        ],
      } as FleetDocument,
      { flows: true },
    );
    const site = report.segments.find((r) => r.path.join('/') === 'site')!;
    expect(site.down.loadBitsPerSecond).toBe(5_000_000n);
    expect(total(site.down.flows)).toBe(5_000_000n);
  });
});
