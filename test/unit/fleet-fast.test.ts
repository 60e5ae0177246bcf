/**
 * The fleet reader's fast paths (src/core/input/fleet-*.ts: plain preset and
 * rate groups of a text read before, plain segments, shared small groups)
 * against the reader with them turned off, on generated fleets: the same
 * fleet model and the same issues. Counts straddle the shared-group limit,
 * presets and rates repeat (so the memos hit) and sometimes go wrong, and
 * groups and segments carry the fields that leave the fast paths.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fleetFromJson } from '../../src/core/input/fleet-json.js';
import { SHARED_COUNTS } from '../../src/core/input/fleet-reader.js';
import type { Catalog } from '../../src/core/model/catalog.js';
import { testCatalog } from '../helpers/inventory.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await testCatalog();
});

const COUNTS = [0, 1, 7, SHARED_COUNTS - 1, SHARED_COUNTS, SHARED_COUNTS + 1, 2 ** 40, -0, -1, 1.5, '12', '0', 'x', 2 ** 60];
const count = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 4, arbitrary: fc.constantFrom(...COUNTS) });
const maybe = <T>(a: fc.Arbitrary<T>, freq = 2) => fc.option(a, { nil: undefined, freq });
/** An unknown or a rarer key on some objects. */
const extra = fc.oneof(
  { weight: 12, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { cout: 1 },
      { night: 'x2' },
      { events: { rate: 'x2', duty: 10 } },
      { scene: 'busy' },
      { sub: '1Mb/s' },
      { record: 'sub', sub: '0.5Mb/s' },
      { record: 'none' },
      { recordTo: 'nvr' },
    ),
  },
);

const presetGroup = fc
  .record(
    { preset: fc.constantFrom('720p30', '720p30', '4k30', 'nope', ''), count, label: maybe(fc.constantFrom('lobby'), 8) },
    { requiredKeys: ['preset', 'count'] },
  )
  .chain((g) => extra.map((e) => ({ ...g, ...e })));
const rateGroup = fc
  .record(
    {
      bitrate: fc.constantFrom('4Mb/s', '4Mb/s', '2.5 Mb/s', '0Mb/s', '4 Mbs', 4),
      count,
      label: maybe(fc.constantFrom('custom', 'pole 12', '', 7)),
    },
    { requiredKeys: ['bitrate', 'count'] },
  )
  .chain((g) => extra.map((e) => ({ ...g, ...e })));
const group = fc.oneof(
  { weight: 3, arbitrary: presetGroup },
  { weight: 2, arbitrary: rateGroup },
  { weight: 1, arbitrary: fc.constantFrom(null, 3, {}) },
);

const segmentFields = fc.record(
  {
    name: fc.constantFrom('sw-1', 'sw-2', 'core', ''),
    // Issue #11's link shapes too: a fast path once dropped them (read as plain links).
    link: fc.constantFrom(
      '10Gb/s',
      '10Gb/s',
      '1Gb/s',
      '10 Gbps',
      'fast',
      10,
      { up: '20Mb/s', down: '100Mb/s' },
      { shared: '300Mb/s' },
      {
        up: '1Gb/s',
        shared: '1Gb/s',
      },
    ),
    description: fc.constantFrom('closet 4', 3),
    cameras: fc.oneof({ weight: 9, arbitrary: fc.array(group, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.constant('none') }),
    maxUtilization: fc.constantFrom(70, '80%'),
    viewers: fc.constantFrom(2, { streams: 1, bitrate: '2Mb/s' }, [{ streams: 4, stream: 'sub', multicast: true, stations: 2 }]),
    storage: fc.constantFrom('10TB', 'lots'),
    recorders: fc.constantFrom(
      [{ name: 'nvr', ingest: '400Mb/s' }],
      [{ name: 'nvr', units: 'auto', ingest: '400Mb/s', storage: '10TB' }],
      'x',
    ),
    recordTo: fc.constantFrom('nvr', 'nope'),
  },
  { requiredKeys: ['name'] },
);

const segment = fc.letrec<{ seg: Record<string, unknown> }>((tie) => ({
  seg: fc
    .tuple(segmentFields, maybe(fc.array(tie('seg'), { maxLength: 4 }), 1))
    .map(([fields, segments]) => (segments === undefined ? fields : { ...fields, segments })),
})).seg;

describe('fleet reader: the fast paths read what the plain reader reads', () => {
  it('on generated fleets (counts around the shared-group limit, repeated and wrong presets and rates)', () => {
    fc.assert(
      fc.property(segment, (fleet) => {
        expect(fleetFromJson(fleet, catalog)).toEqual(fleetFromJson(fleet, catalog, undefined, true));
      }),
      { numRuns: 1500 },
    );
  });

  it('on a wide fleet whose every group repeats (the memos hit on most groups)', () => {
    const cameras = (i: number) => [
      { preset: '720p30', count: i % (SHARED_COUNTS + 2) },
      { bitrate: '2.5Mb/s', count: (i * 7) % 5, label: 'pole' },
      { bitrate: '2.5Mb/s', count: 1 },
    ];
    const fleet = {
      name: 'wide',
      link: '100Gb/s',
      segments: Array.from({ length: 2100 }, (_, i) => ({ name: `sw-${i}`, link: '10Gb/s', cameras: cameras(i) })),
    };
    const fast = fleetFromJson(fleet, catalog);
    expect(fast).toEqual(fleetFromJson(fleet, catalog, undefined, true));
    // Small groups are shared objects; a count at the limit gets its own.
    const groups = fast.fleet!.root.children.map((s) => s.groups[0]!);
    expect(groups[3]).toBe(groups[3 + SHARED_COUNTS + 2]);
    expect(groups[SHARED_COUNTS]).not.toBe(groups[2 * SHARED_COUNTS + 2]);
    expect(groups[SHARED_COUNTS]).toEqual(groups[2 * SHARED_COUNTS + 2]);
    expect(groups[SHARED_COUNTS]!.count).toBe(BigInt(SHARED_COUNTS));
  });

  it('on valid fleets whose plain segments have every link shape (a fast path once dropped { up, down } and { shared })', () => {
    const link = fc.constantFrom('10Gb/s', '1Gb/s', { up: '20Mb/s', down: '100Mb/s' }, { shared: '300Mb/s' });
    const site = fc.tuple(link, fc.integer({ min: 0, max: 3 })).map(([l, i]) => ({ link: l, cameras: [{ preset: '720p30', count: i }] }));
    fc.assert(
      fc.property(fc.array(site, { minLength: 1, maxLength: 8 }), (sites) => {
        const fleet = { name: 'f', link: '100Gb/s', segments: sites.map((s, i) => ({ name: `site-${i}`, ...s })) };
        const fast = fleetFromJson(fleet, catalog);
        expect(fast.fleet).toBeDefined();
        expect(fast).toEqual(fleetFromJson(fleet, catalog, undefined, true));
      }),
      { numRuns: 300 },
    );
  });
});
