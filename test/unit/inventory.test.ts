import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InventoryError } from '../../src/core/inventory/chunks.js';
import { scan, testCatalog } from '../helpers/inventory.js';

const cat = await testCatalog();

const CSV = [
  '\ufeffid,segment,preset,bitrate,count,label',
  '1,"city/sw-1",720p30,,3,',
  '2,city/sw-2,,2.5Mb/s,4,lobby',
  '',
  '3,"city/sw,x",4k30,,,',
  '4,"city/sw-1","720p30",,"2",',
  '5,city/sw-3,,"3Mb/s",1,"a ""quoted"" label"',
  '6,"city/sw-4","4k30",,1,', // a quoted field over two lines follows
  '7,"city/sw-5","4k30",,1,"two',
  'lines"',
].join('\r\n'); // CRLF, and the last line has no line break

const NDJSON = [
  '{"segment":"city/sw-1","preset":"720p30","count":3}',
  '{"segment":"city/sw-2","bitrate":"2.5Mb/s","count":4,"label":"lobby"}',
  '',
  '{"segment":"city/sw,x","preset":"4k30","id":7}',
  '{"segment":"city/sw-1","preset":"720p30","count":"2","extra":{"nested":[1,2,"}"]}}',
  '{"segment":"city/sw-3","bitrate":"3Mb/s","count":1,"label":"a \\"quoted\\" label"}',
  '{ "segment" : "city/sw-4" , "preset" : "4k30" , "count" : 1 }',
  '{"segment":"city/sw-5","preset":"4k30","count":1,"label":"two\\nlines"}',
].join('\n');

const JSON_ARRAY = `[\n${NDJSON.split('\n')
  .filter((l) => l !== '')
  .join(',\n')}\n]\n`;

const EXPECTED = {
  'city/sw-1': { '720p30': 5n },
  'city/sw-2': { lobby: 4n },
  'city/sw,x': { '4k30': 1n },
  'city/sw-3': { 'a "quoted" label': 1n },
  'city/sw-4': { '4k30': 1n },
  'city/sw-5': { '4k30': 1n },
};

describe('inventory scanners', () => {
  it.each([1, 2, 3, 7, 64, 1 << 16])('CSV (quotes, CRLF, BOM, blank line, no final line break) in %i-byte chunks', (chunk) => {
    const result = scan(cat, 'csv', CSV, chunk);
    expect(result.errors).toEqual([]);
    expect(result.bySegment).toEqual(EXPECTED);
    expect(result.records).toBe(7);
  });

  it.each([1, 5, 64, 1 << 16])('NDJSON and a JSON array in %i-byte chunks', (chunk) => {
    expect(scan(cat, 'json', NDJSON, chunk).bySegment).toEqual(EXPECTED);
    expect(scan(cat, 'json', JSON_ARRAY, chunk).bySegment).toEqual(EXPECTED);
  });

  it('reads non-ASCII segment names through UTF-8', () => {
    const result = scan(cat, 'csv', 'segment,preset\n重庆/渝中/sw-042,720p30\n');
    expect(result.bySegment).toEqual({ '重庆/渝中/sw-042': { '720p30': 1n } });
    expect(
      scan(cat, 'json', '{"segment":"重庆/渝中/sw-042","preset":"720p30"}\n{"segment":"\\u91cd\\u5e86/渝中/sw-042","preset":"720p30"}')
        .bySegment,
    ).toEqual({
      '重庆/渝中/sw-042': { '720p30': 2n },
    });
  });

  it('takes mbps as a number, read exactly, and a rate from the record over the preset', () => {
    const result = scan(
      cat,
      'json',
      '{"segment":"a","mbps":0.625}\n{"segment":"a","preset":"720p30","mbps":3.5}\n{"segment":"a","preset":"720p30","mbps":4}',
    );
    expect(result.bySegment).toEqual({ a: { custom: 1n, '720p30': 2n } });
  });

  it('sums counts above 2^53 exactly', () => {
    const result = scan(cat, 'csv', 'segment,preset,count\na,720p30,9007199254740993\na,720p30,9007199254740993\n');
    expect(result.errors).toEqual([
      "2: count: '9007199254740993' is absurd: more than 10^15 cameras (is there a typo?)",
      "3: count: '9007199254740993' is absurd: more than 10^15 cameras (is there a typo?)",
    ]);
    expect(scan(cat, 'csv', 'segment,preset,count\na,720p30,0\na,4k30,2\n').bySegment).toEqual({ a: { '720p30': 0n, '4k30': 2n } });
    const big = scan(cat, 'csv', `segment,preset,count\n${'a,720p30,900000000000000\n'.repeat(20)}`);
    expect(big.bySegment).toEqual({ a: { '720p30': 18_000_000_000_000_000n } });
  });

  it.each([
    ['csv', 'segment,preset,count\na,720p30,-3\n', "2: count: '-3' is negative (expected a whole number of cameras, 0 or more)"],
    ['csv', 'segment,preset,count\na,720p30,2.5\n', "2: count: '2.5' is not a whole number of cameras"],
    ['csv', 'segment,preset\na,720p3\n', "2: preset: unknown preset '720p3' (did you mean '720p30'?)"],
    ['csv', 'segment,bitrate\na,4 Mbs\n', "2: bitrate: unknown unit 'Mbs' (did you mean 'Mb/s'?)"],
    ['csv', 'segment,preset\n,720p30\n', '2: segment: missing (every record needs a segment path, e.g. site/switch-1)'],
    ['csv', 'segment,preset\na//b,720p30\n', "2: segment: segment 'a//b' has an empty name between slashes"],
    ['csv', 'segment,preset,bitrate\na,,\n', '2: preset: a record needs a preset, a bitrate or mbps'],
    ['csv', 'segment,bitrate,mbps\na,4Mb/s,4\n', '2: mbps: give bitrate or mbps, not both'],
    [
      'json',
      '{"segment":"a","preset":"720p30","count":-1}',
      "1:1: count: '-1' is negative (expected a whole number of cameras, 0 or more)",
    ],
    ['json', '{"segment":"a","preset":true}', '1:25: preset: expected a string or a number, found true'],
    // A NUL would shift the key's fields: "a" at preset 720p30, silently.
    ['json', '{"segment":"a\\u0000720p30"}', '1:1: a field contains a NUL character (U+0000)'],
    ['csv', 'segment,preset\na\u0000b,720p30\n', '2: a field contains a NUL character (U+0000)'],
    ['json', '{"segment":"a","preset":"720p30","cout":3}', "1:41: unknown field 'cout' (did you mean 'count'?)"],
  ] as const)('%s record %j: %s', (format, input, message) => {
    expect(scan(cat, format, input).errors).toEqual([message]);
  });

  it.each([
    ['csv', 'id,name\n1,x\n', "header: no column gives the cameras' rate: a preset, a rate (bitrate, mbps) or resolution and fps"],
    ['csv', 'segment,presett\n', "header: unknown field 'presett' (did you mean 'preset'?)"],
    ['csv', 'segment,preset\na,"720p30\n', 'a quoted field is not closed before the end of the input'],
    ['json', '{"segment":"a","preset":"720p30"', 'the input ends inside a record (truncated?)'],
    ['json', '[{"segment":"a","preset":"720p30"}', 'the JSON array is not closed (truncated input?)'],
    ['json', '{"segment":"a" "preset":"720p30"}', "expected ',' or '}' in a record, found '\"'"],
    ['json', '{"segment":"a"}\nnot json', "expected a record object '{', found 'n'"],
    ['json', '{"id":"c\\x1","segment":"a","preset":"720p30"}', 'a string with an invalid escape: \\x1'],
  ] as const)('%s %j stops: %s', (format, input, message) => {
    expect(() => scan(cat, format, input)).toThrow(InventoryError);
    expect(() => scan(cat, format, input)).toThrow(message);
  });

  it('gives the same report for the same records in CSV, NDJSON and a JSON array, however chunked', () => {
    const record = fc.record({
      segment: fc.constantFrom('a/x', 'a/y', 'b', 'c/d/e', 'sw,1', 'q"uote'),
      preset: fc.option(fc.constantFrom('720p30', '4k30', '1080p10-conference-2'), { nil: undefined }),
      bitrate: fc.constantFrom('2Mb/s', '0.5 Mbps', '750 kb/s'),
      count: fc.integer({ min: 1, max: 1e9 }),
      label: fc.constantFrom('', 'lobby', 'a,b'),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 300 }), (records, chunk) => {
        const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const csv = [
          'segment,preset,bitrate,count,label',
          ...records.map((r) => [r.segment, r.preset ?? '', r.preset ? '' : r.bitrate, String(r.count), r.label].map(csvField).join(',')),
        ].join('\n');
        const objects = records.map((r) =>
          JSON.stringify({
            segment: r.segment,
            ...(r.preset ? { preset: r.preset } : { bitrate: r.bitrate }),
            count: r.count,
            label: r.label,
          }),
        );
        const a = scan(cat, 'csv', csv, chunk);
        const b = scan(cat, 'json', objects.join('\n'), chunk);
        const c = scan(cat, 'json', `[${objects.join(',\n')}]`, chunk);
        expect(a.errors).toEqual([]);
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });
});

describe('1,000,000 generated records', () => {
  it('sum exactly to an independent computation', () => {
    const presets: Array<[string, bigint]> = [
      ['720p30', 4_000_000n],
      ['1080p10-conference-2', 625_000n],
      ['4k10-night', 24_000_000n],
    ];
    const expected = new Map<string, bigint>();
    const lines = ['id,segment,preset,count'];
    let seed = 7;
    for (let i = 0; i < 1_000_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const segment = `d-${seed % 97}/sw-${(seed >> 8) % 13}`;
      const [preset, bps] = presets[(seed >> 4) % 3]!;
      const count = 1 + ((seed >> 12) % 5);
      lines.push(`cam-${i},${segment},${preset},${count}`);
      expected.set(segment, (expected.get(segment) ?? 0n) + BigInt(count) * bps);
    }
    const result = scan(cat, 'csv', `${lines.join('\n')}\n`, 1 << 20, false);
    expect(result.records).toBe(1_000_000);
    const got = new Map<string, bigint>();
    for (const [segment, profiles] of Object.entries(result.bySegment)) {
      for (const [name, cameras] of Object.entries(profiles))
        got.set(segment, (got.get(segment) ?? 0n) + cameras * presets.find(([p]) => p === name)![1]);
    }
    const digest = (m: Map<string, bigint>) =>
      createHash('sha256')
        .update(JSON.stringify([...m].sort().map(([k, v]) => [k, v.toString()])))
        .digest('hex');
    expect(got.size).toBe(expected.size);
    expect(digest(got)).toBe(digest(expected));
  });
});
