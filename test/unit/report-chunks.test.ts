/**
 * The JSON and CSV reports written part by part (src/render/json-chunks.ts,
 * csvChunks in src/render/formats/csv.ts) against the whole-document writing
 * they replaced: `JSON.stringify(document, null, 2)` of the same document
 * with every array made at once, and the CSV lines joined in one string.
 * Each CSV row's fields, put in place face by face, equal the faces merged
 * into one object (csvCells) and read in column order, as before.
 * Batches and parts straddle their thresholds (JSON_BATCH, JSON_CHUNK,
 * CSV_CHUNK): on generated documents with small thresholds, and on generated
 * fleets and wide fleets of JSON_BATCH ± 1 segments with the real ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { renderReport } from '../../src/api/render.js';
import { size, type SizeCallOptions } from '../../src/api/size.js';
import type { Report } from '../../src/core/model/report.js';
import { CSV_COLUMNS } from '../../src/render/columns/csv-layout.js';
import { unInline } from '../../src/render/json-inline.js';
import { type Column, csvCells } from '../../src/render/columns/column.js';
import { FLOW_COLUMNS, flowLines } from '../../src/render/columns/flows.js';
import { PROFILE_COLUMNS } from '../../src/render/columns/profiles.js';
import { RECORDER_COLUMNS } from '../../src/render/columns/recorders.js';
import { SEGMENT_COLUMNS } from '../../src/render/columns/segments.js';
import { TOTAL_COLUMNS } from '../../src/render/columns/totals.js';
import { CSV_CHUNK, csvChunks, csvField, csvRenderer, fieldsOf, reportRows } from '../../src/render/formats/csv.js';
import { jsonRenderer, reportJson } from '../../src/render/formats/json.js';
import { JSON_CHUNK, JsonElements, jsonChunks } from '../../src/render/json-chunks.js';
import { NO_PAINT, type RenderOptions } from '../../src/render/view.js';
import { fleetArb } from '../helpers/fleet-arb.js';

const OPTIONS: RenderOptions = { paint: NO_PAINT };

/** What the JSON renderer wrote before: the whole document, stringified once. */
const wholeJson = (report: Report) => unInline(`${JSON.stringify(reportJson(report), null, 2)}\n`);

/** What the CSV renderer wrote before: every line, joined once. */
function wholeCsv(report: Report, options: RenderOptions): string {
  const rows = [...reportRows(report, options)];
  return `${[CSV_COLUMNS, ...rows].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A row's fields as the CSV renderer made them before: every face merged into one object by csvCells, then read in column order. */
function mergedFields<Row, Context>(columns: readonly Column<Row, Context>[], row: Row, section: string): string[] {
  const cells = csvCells(columns, row, { section });
  return CSV_COLUMNS.map((c) => cells[c] ?? '');
}

function expectSameRows(report: Report): void {
  for (const row of report.profiles)
    expect(fieldsOf(PROFILE_COLUMNS, row, { section: 'p' })).toEqual(mergedFields(PROFILE_COLUMNS, row, 'p'));
  for (const row of report.segments) {
    const shown = { row, name: '', depth: row.depth };
    expect(fieldsOf(SEGMENT_COLUMNS, shown, { section: 's' })).toEqual(mergedFields(SEGMENT_COLUMNS, shown, 's'));
    for (const line of flowLines([shown]))
      expect(fieldsOf(FLOW_COLUMNS, line, { section: 'f' })).toEqual(mergedFields(FLOW_COLUMNS, line, 'f'));
  }
  for (const r of report.recorders ?? [])
    expect(fieldsOf(RECORDER_COLUMNS, r, { section: 'r' })).toEqual(mergedFields(RECORDER_COLUMNS, r, 'r'));
  expect(fieldsOf(TOTAL_COLUMNS, report, { section: 't' })).toEqual(mergedFields(TOTAL_COLUMNS, report, 't'));
}

function expectSameReports(report: Report, options: RenderOptions = OPTIONS): void {
  expectSameRows(report);
  const json = [...jsonRenderer.reportChunks!(report, options)];
  expect(json.join('')).toBe(wholeJson(report));
  expect(jsonRenderer.report(report, options)).toBe(json.join(''));
  const csv = [...csvRenderer.reportChunks!(report, options)];
  expect(csv.join('')).toBe(wholeCsv(report, options));
  expect(csvRenderer.report(report, options)).toBe(csv.join(''));
  // No part is much longer than its threshold plus one batch or line, and none is empty.
  for (const part of json) expect(part.length).toBeGreaterThan(0);
  for (const part of csv) expect(part.length).toBeGreaterThan(0);
}

describe('jsonChunks writes what JSON.stringify writes', () => {
  /** A JSON value, or one JSON.stringify leaves out of an object (undefined, a function). */
  const leaf = fc.oneof(
    { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, () => 1, 'line\nbreak', 'quote " \\ \u2028', -0, 1e21, 0.1) },
  );
  const elements = fc.tuple(fc.array(leaf, { maxLength: 9 }), fc.boolean()).map(
    ([items, wrapped]) =>
      new JsonElements(items, (item, out) => {
        out.value('item', item);
        if (wrapped) out.value('n', [item]);
      }),
  );
  /** An object whose values are leaves, JsonElements, or objects of them, down to depth 3. */
  const spine: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
    node: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, elements, tie('node')), {
      maxKeys: 5,
    }),
  })).node as fc.Arbitrary<Record<string, unknown>>;

  it('for documents with arrays made an element at a time, at any part size', () => {
    fc.assert(
      fc.property(spine, fc.constantFrom(1, 5, 40, 200, JSON_CHUNK), (document, chunk) => {
        expect([...jsonChunks(document, chunk)].join('')).toBe(`${JSON.stringify(document, null, 2)}\n`);
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it('for arrays of elements either side of a part, at every depth', () => {
    for (const count of [0, 1, 2, 3, 7, 8, 9, 200]) {
      const items = Array.from({ length: count }, (_, i) => ({ i, text: `n\n${i}`, list: [i, [i]], none: undefined }));
      const make = () =>
        new JsonElements(items, (item, out) => {
          for (const [key, value] of Object.entries(item)) out.value(key, value);
        });
      for (const document of [{ a: make() }, { a: 1, b: { c: make(), d: [] }, e: 'x' }, { a: { b: { c: make() } }, z: make() }]) {
        // Elements here are 60-odd bytes: parts of 1, 130 and 500 bytes end after every element, every other, every eighth.
        for (const chunk of [1, 130, 500, JSON_CHUNK])
          expect([...jsonChunks(document, chunk)].join('')).toBe(`${JSON.stringify(document, null, 2)}\n`);
      }
    }
  });
});

describe('csvChunks writes what one join writes', () => {
  const field = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "x"', 'two\r\nlines', ''));
  it('for any rows and part size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { maxLength: 30 }),
        fc.constantFrom(1, 3, 20, CSV_CHUNK),
        (rows, chunk) => {
          const whole = `${[['h', 'k'], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
          const parts = [...csvChunks(['h', 'k'], rows, chunk)];
          expect(parts.join('')).toBe(whole);
          expect(parts.every((p) => p.length > 0)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  // Lines are built from their filled fields and runs of commas: rows of any width, mostly empty or not.
  it('for rows of any width, filled anywhere', () => {
    const sparseField = fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: field, weight: 1 });
    fc.assert(
      fc.property(
        fc.array(fc.array(sparseField, { minLength: 0, maxLength: 120 }), { maxLength: 20 }),
        fc.constantFrom(1, 50, CSV_CHUNK),
        (rows, chunk) => {
          const whole = `${[['h'], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
          expect([...csvChunks(['h'], rows, chunk)].join('')).toBe(whole);
        },
      ),
      { numRuns: 300, seed: 24 },
    );
  });
});

/** A fleet of one region holding `count` switches (segments: count + 2 with the root). */
function wideFleet(count: number, flows: boolean) {
  return {
    name: 'wide',
    link: '100Gb/s',
    ...(flows ? { recorders: [{ name: 'nvr-hq' }] } : {}),
    segments: [
      {
        name: 'region',
        link: '40Gb/s',
        segments: Array.from({ length: count }, (_, i) => ({
          name: `sw-${i}`,
          link: i % 3 === 0 ? { up: '1Gb/s', down: '100Mb/s' } : '1Gb/s',
          ...(i % 5 === 0 ? { viewers: 2 } : {}),
          cameras: [
            { preset: i % 2 === 0 ? '720p30' : '4k30', count: i % 40 },
            { bitrate: `${(i % 9) + 1}Mb/s`, count: 3, label: 'pole, "east"' },
          ],
        })),
      },
    ],
  };
}

describe('the JSON and CSV reports, streamed, equal the whole documents', () => {
  it('on generated fleets and settings', async () => {
    const settings = fc.constantFrom<SizeCallOptions>(
      {},
      { percentile: 99 },
      { checkOn: 'peak', nightStart: 20, nightHours: 9 },
      { retention: '30d', storageCapacity: '1PB' },
      { flows: true },
    );
    await fc.assert(
      fc.asyncProperty(fleetArb, settings, async (fleet, options) => {
        const report = await size(fleet as never, options).catch(() => undefined);
        if (report) expectSameReports(report, { ...OPTIONS, ...(options.checkOn ? { timeline: '' } : {}) });
      }),
      { numRuns: 60, seed: 14 },
    );
  });

  it('on fleets either side of one part and of two, with and without flows, and the library returns the same text', async () => {
    // A segment of wideFleet is 2–4 KB of JSON: a part (JSON_CHUNK, 64 KiB) ends after some 20 of them.
    for (const count of [3, 14, 15, 16, 29, 31, 45]) {
      for (const flows of [false, true]) {
        const report = await size(wideFleet(count, flows) as never, { flows, ...(count % 2 ? { retention: '7d' } : {}) });
        expectSameReports(report);
        expect(await renderReport(report, 'json')).toBe(wholeJson(report));
        expect(await renderReport(report, 'csv')).toBe(wholeCsv(report, OPTIONS));
      }
    }
  });

  it('on a fleet whose CSV and JSON are many parts long', async () => {
    const report = await size(wideFleet(3000, true) as never, { flows: true, percentile: 95 });
    expect(csvRenderer.report(report, OPTIONS).length).toBeGreaterThan(4 * CSV_CHUNK);
    expectSameReports(report);
  });

  it('on the fixture with every feature', async () => {
    const fleet = JSON.parse(await readFile('test/fixtures/every-feature.json', 'utf8'));
    for (const options of [{}, { retention: '7d', percentile: 99 }, { flows: true }] as SizeCallOptions[]) {
      expectSameReports(await size(fleet, options), { ...OPTIONS, timeline: '' });
    }
  });
});
