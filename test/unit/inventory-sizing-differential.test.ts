/**
 * The inventory sized from its aggregate (core/inventory/sizing/) against
 * the plain path, `sizeFleet(inventoryFleet(aggregate.entries))`: every
 * format's text byte for byte, on generated inventories with every sizing
 * setting an inventory without a fleet file takes (overheads, schedules and
 * time-of-day rates, --check-on, retention, recording, storage overhead and
 * capacity, --capacity, --as; --percentile and --flows, where the fast path
 * declines). Sizes straddle its thresholds: sums past 2^53 (it declines, the
 * plain path is exact with bigints), counts spilling past 2^52, sibling
 * groups around the radix sort's insertion-sort limit, names that sort by
 * UTF-16 code units (é, 東, 😀), paths that are prefixes of others, the
 * same path spelt with blanks. The whole command line, with and without a
 * fleet file (recorders, viewers, links), is compared with
 * CAMSIZE_INVENTORY_SIZING=plain in test/e2e/inventory-sizing.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SizeSettings, sizeOptions } from '../../src/api/options.js';
import { InventoryAggregate, type RecordError } from '../../src/core/inventory/aggregate.js';
import { CsvScanner } from '../../src/core/inventory/csv.js';
import { pathKeys, pathOrder } from '../../src/core/inventory/sizing/path-order.js';
import { sizeAggregate } from '../../src/core/inventory/sizing/size-aggregate.js';
import { inventoryFleet } from '../../src/core/inventory/to-fleet.js';
import type { Report } from '../../src/core/model/report.js';
import { sizeFleet } from '../../src/core/sizing/size.js';
import { renderer } from '../../src/render/renderer.js';
import { NO_PAINT } from '../../src/render/view.js';
import { testCatalog } from '../helpers/inventory.js';

const cat = await testCatalog();

const NAMES = ['a', 'A', 'a b', 'a-b', 'ab', 'é', 'e', '東', '😀', 'z\u00a0', 'sw-1', 'sw-10', 'sw-2'];
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 80 }).map((n) => `n${n}`) }, // siblings around the insertion-sort limit
);
/** A path as written in the record: 1–4 parts, sometimes with blanks around them. */
const segment = fc
  .tuple(fc.array(name, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([parts, blanks]) => (blanks ? parts.map((p) => ` ${p} `) : parts).join('/'));

interface Row {
  segment: string;
  preset: string;
  bitrate: string;
  count: string;
  label: string;
  /** Read only under the header with resolution and fps (a row without a preset or rate is estimated from them). */
  resolution?: string;
  fps?: string;
}

const row: fc.Arbitrary<Row> = fc
  .record(
    {
      segment,
      // Night rates (…-plan, two figures: the average given, the peak derived), constant ones (one rate), a
      // vendor cap (the peak given), a custom camera (no preset) and an unknown preset (skipped).
      preset: fc.constantFrom('720p30', '4k30', '1080p15-h264-plan', '5mp15-h265-smart-plan', '4mp30-h264', '', '', 'nope'),
      // One rate, or a camera's two figures (both, or one of them: the other derived).
      bitrate: fc.constantFrom('', '', '2Mb/s', '3.5Mb/s', '4b/s', '5b/s', 'peak:8Mb/s;average:3Mb/s', 'peak:6Mb/s', 'average:2Mb/s'),
      count: fc.oneof(
        { weight: 30, arbitrary: fc.constantFrom('', '1', '3', '0', '17') },
        fc.constantFrom('1000000000000000', '4000000000000000'),
      ),
      label: fc.constantFrom('', 'lobby', 'kind 7'),
      resolution: fc.constantFrom('', '1080p', '4mp', '3840x2160'),
      fps: fc.constantFrom('', '15', '30'),
    },
    { requiredKeys: ['segment', 'preset', 'bitrate', 'count', 'label'] },
  )
  .map((r) => (r.bitrate.includes(':') ? { ...r, preset: '' } : r)); // two figures come without a preset (with one, the row is refused)

/** A few enormous groups at a few b/s: their load straddles 2^53 as there are more or fewer of them. */
const huge = fc.oneof(
  { weight: 3, arbitrary: fc.constant([]) },
  fc.array(
    fc.record({
      segment: fc.constantFrom('big/1', 'big/2', 'big/3'),
      preset: fc.constant(''),
      bitrate: fc.constantFrom('4b/s', '5b/s', '7b/s'),
      count: fc.constant('1000000000000000'),
      label: fc.constant('huge'),
    }),
    { maxLength: 3 },
  ),
);

const sizing: fc.Arbitrary<SizeSettings> = fc.record(
  {
    overhead: fc.constantFrom('none', 'udp', 'tcp', '4.2'),
    maxUtilization: fc.constantFrom('70', '50.5'),
    capacity: fc.constantFrom('10Gb/s', '1Tb/s', '20Mb/s'),
    as: fc.constantFrom('720p30', '1080p15-h264-plan'),
    checkOn: fc.constantFrom('peak', 'average'),
    nightStart: fc.integer({ min: 0, max: 23 }),
    nightHours: fc.integer({ min: 0, max: 24 }),
    retention: fc.constantFrom('30d', '72h'),
    recording: fc.constantFrom('continuous', 'motion:30'),
    storageOverhead: fc.constantFrom('0', '12.5'),
    storageCapacity: fc.constantFrom('100TB', '5PB'),
  },
  { requiredKeys: [] },
);
/** Now and then a setting the fast path leaves to the plain one: --percentile, --flows, growth, storage headroom, link speeds or suggestions, a PoE ceiling. */
const settings: fc.Arbitrary<SizeSettings> = fc
  .tuple(
    sizing,
    fc.oneof(
      { weight: 8, arbitrary: fc.constant<Partial<SizeSettings>>({}) },
      fc.constantFrom<Partial<SizeSettings>>(
        { percentile: '99' },
        { flows: true },
        { growth: '10' },
        { growth: '0' },
        { storageHeadroom: '20', retention: '30d' },
        { suggestLinks: true },
        { linkSpeeds: ['1Gb/s', '10Gb/s'] },
        { maxPoeUtilization: '80' },
      ),
    ),
  )
  .map(([given, declined]) => ({ ...given, ...declined }));

/**
 * How the file's header names the columns: the fields' own names, aliases
 * (a schedule's `Path`, `Bit rate`, `Qty`), the path composed from `Site`
 * and `Switch` columns (a segment's first part, and the rest joined by '-'),
 * with resolution and fps columns (rows to estimate: the general path), or
 * without a segment column (every camera in the file's own segment, the root).
 */
const HEADERS = ['canonical', 'aliases', 'composed', 'estimates', 'whole'] as const;
type Header = (typeof HEADERS)[number];
const header = fc.constantFrom<Header>('canonical', 'canonical', 'canonical', 'aliases', 'aliases', 'composed', 'estimates', 'whole');

function csvText(rows: readonly Row[], style: Header): string {
  const line = (r: Row): string[] => {
    if (style === 'whole') return [r.preset, r.bitrate, r.count, r.label];
    if (style !== 'composed') return [r.segment, r.preset, r.bitrate, r.count, r.label];
    const [site, ...rest] = r.segment.split('/');
    return [site!, rest.length > 0 ? rest.join('-') : 'main', r.preset, r.bitrate, r.count, r.label];
  };
  const head = {
    canonical: 'segment,preset,bitrate,count,label',
    aliases: 'Path,Camsize Preset,Bit Rate,Qty,Label',
    composed: 'Site,Switch,preset,bitrate,count,label',
    estimates: 'segment,preset,bitrate,count,label,resolution,fps',
    whole: 'preset,bitrate,count,label',
  }[style];
  const lines = rows.map((r) => [...line(r), ...(style === 'estimates' ? [r.resolution ?? '', r.fps ?? ''] : [])].join(','));
  return `${head}\n${lines.join('\n')}\n`;
}

function aggregateOf(rows: readonly Row[], style: Header): InventoryAggregate {
  const aggregate = new InventoryAggregate(cat);
  const scanner = new CsvScanner(aggregate, (_e: RecordError) => {}, {});
  scanner.feed(Buffer.from(csvText(rows, style)));
  scanner.end();
  return aggregate;
}

/** Settings the fast path never takes (growth '0' neither: the report then says which growth it includes). */
const DECLINED = ['percentile', 'flows', 'growth', 'storageHeadroom', 'suggestLinks', 'linkSpeeds', 'maxPoeUtilization'];

const FORMATS = ['json', 'csv', 'markdown', 'table', 'html'] as const;

async function texts(report: Report): Promise<string[]> {
  const out: string[] = [];
  for (const format of FORMATS) {
    const r = await renderer(format);
    const options = { paint: NO_PAINT, width: 120, timeline: format === 'csv' ? '' : undefined };
    out.push(r.reportChunks ? [...r.reportChunks(report, options)].join('') : r.report(report, options));
  }
  return out;
}

/** Sizes both ways; whether the fast path took it. Errors must be the same too. */
async function expectSame(rows: readonly Row[], given: SizeSettings, style: Header = 'canonical'): Promise<boolean> {
  const aggregate = aggregateOf(rows, style);
  if (aggregate.records === 0) return false;
  const options = sizeOptions(given, cat);
  let plain: Report | Error;
  try {
    plain = sizeFleet(inventoryFleet(aggregate.entries, 'inv.csv').fleet, options);
  } catch (error) {
    plain = error as Error;
  }
  const fast = sizeAggregate(aggregate, 'inv.csv', options);
  if (fast === undefined) return false;
  expect(plain).not.toBeInstanceOf(Error);
  const [a, b] = [await texts(fast), await texts(plain as Report)];
  FORMATS.forEach((format, k) => {
    if (a[k] === b[k]) return;
    let at = 0;
    while (a[k]![at] === b[k]![at]) at++;
    expect(`${format} at ${at}: ${a[k]!.slice(Math.max(0, at - 300), at + 200)}`).toBe(
      `${format} at ${at}: ${b[k]!.slice(Math.max(0, at - 300), at + 200)}`,
    );
  });
  expect(JSON.stringify(fast.segments.map((s) => s.path))).toBe(JSON.stringify((plain as Report).segments.map((s) => s.path)));
  return true;
}

describe('an inventory sized from its aggregate equals the plain path', () => {
  it('on generated inventories and settings, every format byte for byte', async () => {
    let fast = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 120 }), huge, settings, header, async (rows, big, given, style) => {
        runs++;
        const took = await expectSame([...rows, ...big], given, style);
        if (took) fast++;
        if (Object.keys(given).some((k) => DECLINED.includes(k))) expect(took).toBe(false);
      }),
      { numRuns: 150 },
    );
    // Most cases go the fast way (the others: the settings it declines, estimates, sums past 2^53, counts past 2^52).
    expect(fast).toBeGreaterThan(runs / 4);
  });

  it('sizes two figures (storage on the average, links at the peak) and declines rows to estimate', async () => {
    const r = (segmentName: string, preset: string, bitrate: string, more: Partial<Row> = {}): Row => ({
      segment: segmentName,
      preset,
      bitrate,
      count: '3',
      label: '',
      ...more,
    });
    const figures = [r('a/1', '', 'peak:8Mb/s;average:3Mb/s'), r('a/2', '', 'average:2Mb/s'), r('b', '1080p15-h264-plan', '')];
    for (const checkOn of ['peak', 'average'] as const)
      expect(await expectSame(figures, { retention: '30d', checkOn, capacity: '20Mb/s', nightHours: 10 })).toBe(true);
    const estimated = [...figures, r('c', '', '', { resolution: '4mp', fps: '15' })];
    expect(await expectSame(estimated, { retention: '30d' }, 'estimates')).toBe(false);
    // The same header without a row to estimate: read by the general table path, and sized from the aggregate.
    expect(await expectSame(figures, { retention: '30d' }, 'estimates')).toBe(true);
    expect(await expectSame(figures, { retention: '30d' }, 'aliases')).toBe(true);
    expect(await expectSame(figures, { retention: '30d' }, 'composed')).toBe(true);
    expect(await expectSame(figures, { retention: '30d' }, 'whole')).toBe(true);
  });

  it('declines where a sum would pass 2^53, and sizes just below it', async () => {
    const big = (segmentName: string, bitrate: string): Row => ({
      segment: segmentName,
      preset: '',
      bitrate,
      count: '1000000000000000',
      label: '',
    });
    // 10^15 cameras at 4 b/s and 10^15 at 5 b/s: 9 × 10^15 b/s < 2^53; at 5 and 7 b/s, 1.2 × 10^16 > 2^53. (At 5 and
    // 5 b/s the sum is 2 × 10^15 in units of 5 b/s: exact, and sized.)
    expect(await expectSame([big('x/1', '4b/s'), big('x/2', '5b/s')], {})).toBe(true);
    expect(await expectSame([big('x/1', '5b/s'), big('x/2', '7b/s')], {})).toBe(false);
    expect(await expectSame([big('x/1', '5b/s'), big('x/2', '5b/s')], {})).toBe(true);
    // An entry's count past 2^52 is a bigint in the aggregate: the plain path sums it.
    const spilled = { ...big('x/1', '1b/s'), count: '4000000000000000' };
    expect(await expectSame([spilled, spilled], {})).toBe(false);
  });

  it('on wide trees: siblings around the radix sort limits, long shared prefixes, a path deeper than the limit declines', async () => {
    for (const n of [1, 31, 32, 33, 64, 300]) {
      const rows = Array.from(
        { length: n },
        (_, i): Row => ({
          segment: `site-with-a-long-shared-prefix/${String((i * 7919) % n).padStart(4, '0')}/c${i % 3}`,
          preset: i % 2 ? '720p30' : '1080p15-h264-plan',
          bitrate: '',
          count: String(1 + (i % 4)),
          label: '',
        }),
      );
      expect(await expectSame(rows, { retention: '30d' })).toBe(true);
    }
    const deep: Row = {
      segment: Array.from({ length: 1001 }, (_, i) => `d${i}`).join('/'),
      preset: '720p30',
      bitrate: '',
      count: '',
      label: '',
    };
    expect(await expectSame([deep], {})).toBe(false);
  });
});

describe('pathOrder', () => {
  it('orders paths as JavaScript compares their parts, a path before its extensions', () => {
    const part = fc.oneof(
      fc.constantFrom(...NAMES),
      fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }).filter((s) => !s.includes('\u0000') && !s.includes('/')),
    );
    fc.assert(
      fc.property(fc.array(fc.array(part, { minLength: 1, maxLength: 4 }), { maxLength: 200 }), (paths) => {
        const compare = (a: readonly string[], b: readonly string[]) => {
          for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
          return a.length - b.length;
        };
        const expected = paths.map((_, i) => i).sort((a, b) => compare(paths[a]!, paths[b]!) || a - b);
        expect([...pathOrder(pathKeys(paths.length, (i) => paths[i]!.join('/')))]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
