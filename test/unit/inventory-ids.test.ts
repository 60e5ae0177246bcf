/**
 * Finding the measured cameras in an inventory by id (the second pass of
 * --measured): CSV with quoted fields and line breaks, NDJSON, JSON arrays,
 * and the same answer however the bytes are chunked.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CameraIdFinder } from '../../src/core/measure/inventory-ids.js';
import type { Catalog } from '../../src/core/model/catalog.js';
import { loadCatalog } from '../../src/io/catalog-load.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const CSV = [
  '\ufeffid,segment,preset,bitrate,label,count',
  'cam-1,north/sw-1,720p30,,,1',
  '"cam,2","north/sw-1",,2Mb/s,"door ""A""\ncams",1',
  'cam-3,south,4K30,,,2',
  'cam-1,north/sw-2,720p30,,,1',
  'cam-4,south,,,,1',
  'câm-5,south,720p30,,,1',
  '',
].join('\r\n');

const NDJSON = [
  '{"id":"cam-1","segment":"north/sw-1","preset":"720p30"}',
  '{"id":"cam,2","segment":"north/sw-1","bitrate":"2Mb/s","label":"door \\"A\\"\\ncams","note":{"x":"}"}}',
  '{"id":7,"segment":"south","mbps":1.5}',
  '{"id":"câm-5","segment":"south","preset":"720p30"}',
  '',
].join('\n');

const WANTED = ['cam-1', 'cam,2', 'cam-3', 'cam-4', '7', 'câm-5', 'nobody'];

function find(text: string, format: 'csv' | 'ndjson' | 'json', chunks: number[] = []) {
  const finder = new CameraIdFinder(WANTED, catalog, format);
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (const cut of [...chunks].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    finder.feed(bytes.subarray(at, cut));
    at = cut;
  }
  finder.feed(bytes.subarray(at));
  const { byId, noIdColumn } = finder.end();
  return { places: Object.fromEntries([...byId].map(([id, p]) => [id, [p.path.join('/'), p.group, p.line, p.records]])), noIdColumn };
}

describe('CameraIdFinder', () => {
  it('finds CSV records by id: quoted fields over line breaks, presets in any case, an id given twice, an invalid record left out', () => {
    expect(find(CSV, 'csv')).toEqual({
      places: {
        'cam-1': ['north/sw-1', '720p30', 2, 2],
        'cam,2': ['north/sw-1', 'door "A"\ncams', 3, 1],
        'cam-3': ['south', '4k30', 5, 1],
        'câm-5': ['south', '720p30', 8, 1],
      },
      noIdColumn: false,
    });
  });

  it('finds NDJSON records by id, a number id included', () => {
    expect(find(NDJSON, 'ndjson').places).toEqual({
      'cam-1': ['north/sw-1', '720p30', 1, 1],
      'cam,2': ['north/sw-1', 'door "A"\ncams', 2, 1],
      '7': ['south', 'custom', 3, 1],
      'câm-5': ['south', '720p30', 4, 1],
    });
  });

  it('reads a JSON array as NDJSON (one line further down, after the "[")', () => {
    const array = `[\n${NDJSON.trim().split('\n').join(',\n')}\n]\n`;
    const shifted = Object.entries(find(NDJSON, 'ndjson').places).map(([id, [path, group, line, n]]) => [
      id,
      [path, group, Number(line) + 1, n],
    ]);
    expect(find(array, 'json').places).toEqual(Object.fromEntries(shifted));
  });

  it('says when a CSV inventory has no id column', () => {
    expect(find('segment,preset\nnorth,720p30\n', 'csv')).toEqual({ places: {}, noIdColumn: true });
  });

  it.each([
    ['csv', CSV],
    ['ndjson', NDJSON],
  ] as const)('gives the same answer for %s however the bytes are chunked', (format, text) => {
    const whole = find(text, format);
    const length = Buffer.byteLength(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 8 }), (cuts) => {
        expect(find(text, format, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
    // Every single cut, too: a chunk boundary inside a quote, an escape, a UTF-8 sequence, a CRLF.
    for (let cut = 1; cut < length; cut++) expect(find(text, format, [cut])).toEqual(whole);
  });
});
