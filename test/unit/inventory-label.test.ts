/**
 * What a label means (issue 14): it names a custom profile (a rate without a
 * preset) and nothing else. On a preset row it is a note, like the id, and
 * must not split the sums: the report is the one the same rows give without
 * it. Also: the distinct profiles are bounded, and fields are trimmed of
 * ASCII blanks only (a UTF-8 'à' ends in the byte 0xA0).
 */
import { describe, expect, it } from 'vitest';
import { InventoryAggregate, type RecordError } from '../../src/core/inventory/aggregate.js';
import { InventoryError } from '../../src/core/inventory/chunks.js';
import { CsvScanner } from '../../src/core/inventory/csv.js';
import { JsonScanner } from '../../src/core/inventory/json.js';
import { MAX_PROFILES } from '../../src/core/inventory/meaning.js';
import { scan, scanOutcome, testCatalog } from '../helpers/inventory.js';

const cat = await testCatalog();

/** Cameras of a scan by segment and profile, as `segment|profile key|cameras`, sorted. */
function entries(format: 'csv' | 'json', input: string, chunk = 1 << 16): string[] {
  const aggregate = new InventoryAggregate(cat);
  const fail = (e: RecordError) => {
    throw e;
  };
  const scanner = format === 'csv' ? new CsvScanner(aggregate, fail) : new JsonScanner(aggregate, fail);
  const bytes = Buffer.from(input);
  for (let at = 0; at < bytes.length; at += chunk) scanner.feed(Buffer.from(bytes.subarray(at, at + chunk)));
  scanner.end();
  const sums = new Map<string, bigint>();
  for (const e of aggregate.entries) {
    const key = `${e.segment.join('/')}|${e.profile.key}`;
    sums.set(key, (sums.get(key) ?? 0n) + e.spilled + BigInt(e.count));
  }
  return [...sums].map(([key, cameras]) => `${key}|${cameras}`).sort();
}

const REAL_HEADER = 'id,site,ip,model,segment,preset,count,bitrate,label';

describe('a label on a preset row names nothing', () => {
  it('CSV: preset rows with different labels are one entry; custom rows are split by label', () => {
    const rows = [
      '1,s,10.0.0.1,m,a/sw-1,720p30,,,pole 12',
      '2,s,10.0.0.2,m,a/sw-1,720p30,2,,pole 13',
      '3,s,10.0.0.3,m,a/sw-1,720p30,,3Mb/s,gate',
      '4,s,10.0.0.4,m,a/sw-1,720p30,,3Mb/s,dock',
      '5,s,10.0.0.5,m,a/sw-1,,,2Mb/s,thermal',
      '6,s,10.0.0.6,m,a/sw-1,,,2Mb/s,LPR',
      '7,s,10.0.0.7,m,a/sw-1,,,2Mb/s,thermal',
      '8,s,10.0.0.8,m,a/sw-1, ,1,2Mb/s,thermal',
    ];
    const expected = ['a/sw-1|720p30@3000000|2', 'a/sw-1|720p30|3', 'a/sw-1|custom:LPR@2000000|1', 'a/sw-1|custom:thermal@2000000|3'];
    for (const chunk of [1, 7, 1 << 16]) expect(entries('csv', `${REAL_HEADER}\n${rows.join('\n')}\n`, chunk)).toEqual(expected);
    // The same rows with the preset rows' labels taken out: the same entries.
    const cut = rows.map((r) => (r.split(',')[5]!.trim() === '' ? r : r.replace(/,[^,]*$/, ',')));
    expect(entries('csv', `${REAL_HEADER}\n${cut.join('\n')}\n`)).toEqual(expected);
  });

  it('CSV: the label before the other columns, inside the line cache tail, and in quoted rows', () => {
    const input = 'label,segment,preset,bitrate\nx,a,720p30,\ny,a,720p30,\n"z",a,720p30,\nq,a,,1Mb/s\n"q",a,,1Mb/s\nr,a,"",1Mb/s\n';
    expect(entries('csv', input)).toEqual(['a|720p30|3', 'a|custom:q@1000000|2', 'a|custom:r@1000000|1']);
  });

  it('NDJSON: the same, and a bad label value on a preset row is no error', () => {
    const lines = [
      '{"id":1,"segment":"a","preset":"720p30","label":"pole 1"}',
      '{"id":2,"segment":"a","preset":"720p30","label":"pole 2"}',
      '{"id":3,"segment":"a","preset":"720p30","label":true}',
      '{"id":4,"segment":"a","preset":"720p30","label":"\\ud800"}',
      '{"id":5,"segment":"a","bitrate":"2Mb/s","label":"thermal"}',
      '{"id":6,"segment":"a","label":"thermal","bitrate":"2Mb/s"}',
      '{"id":7,"segment":"a","preset":" ","bitrate":"2Mb/s","label":"lpr"}',
    ];
    expect(entries('json', `${lines.join('\n')}\n`)).toEqual(['a|720p30|4', 'a|custom:lpr@2000000|1', 'a|custom:thermal@2000000|2']);
  });

  it('NDJSON: a bad label without a preset is an error, in the order of the record', () => {
    const bad = scanOutcome(cat, 'json', '{"segment":"a","bitrate":"2Mb/s","label":true}\n', 1 << 16, {}, false);
    expect(bad).toEqual({ stopped: '1:42: label: expected a string or a number, found true' });
    const first = scanOutcome(cat, 'json', '{"label":true,"segment":"a","bitrate":"2Mb/s","count":[1]}\n', 1 << 16, {}, false);
    expect(first).toEqual({ stopped: '1:10: label: expected a string or a number, found true' });
  });

  it('a label that is not UTF-8 is an error only where it names a profile', () => {
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    expect(scan(cat, 'csv', latin1('segment,preset,label\na,720p30,caf\xe9\n')).errors).toEqual([]);
    expect(scan(cat, 'csv', latin1('segment,preset,bitrate,label\na,,2Mb/s,caf\xe9\n')).errors).toEqual([
      '2: label: not valid UTF-8 (byte 0xe9 at byte 4 of the field); save the file as UTF-8',
    ]);
  });
});

describe('blanks around fields', () => {
  it("a UTF-8 field ending in 'à' (its last byte is 0xA0) reads", () => {
    expect(scan(cat, 'csv', 'segment,preset,bitrate,label\nvoilà/là,720p30,,\nb,,1Mb/s,déjà là\n').bySegment).toEqual({
      'voilà/là': { '720p30': 1n },
      b: { 'déjà là': 1n },
    });
    expect(scan(cat, 'json', '{"segment":"a/là","preset":"720p30"}\n').bySegment).toEqual({ 'a/là': { '720p30': 1n } });
  });

  it('ASCII blanks are trimmed as before', () => {
    expect(scan(cat, 'csv', 'segment,preset,mbps\n a ,\t720p30 ,\nb,, 2 \n').bySegment).toEqual({ a: { '720p30': 1n }, b: { custom: 1n } });
  });
});

describe('distinct profiles are bounded', () => {
  const customRows = (n: number) => Array.from({ length: n }, (_, i) => `a,,2Mb/s,cam ${i}`).join('\n');

  it(`${MAX_PROFILES.toLocaleString('en-US')} custom labels read; one more stops with a message`, () => {
    const ok = scan(cat, 'csv', `segment,preset,bitrate,label\n${customRows(MAX_PROFILES - 20)}\n`);
    expect(Object.keys(ok.bySegment.a!)).toHaveLength(MAX_PROFILES - 20);
    const over = `segment,preset,bitrate,label\n${customRows(MAX_PROFILES + 1)}\n`;
    expect(() => scan(cat, 'csv', over)).toThrow(InventoryError);
    expect(() => scan(cat, 'csv', over)).toThrow(/more than 10,000 distinct camera profiles/);
  });

  it('rates given with a preset count as profiles too; repeats do not', () => {
    const rates = Array.from({ length: MAX_PROFILES + 1 }, (_, i) => `a,720p30,${1_000_000 + i}b/s,`).join('\n');
    expect(() => scan(cat, 'csv', `segment,preset,bitrate,label\n${rates}\n`)).toThrow(/distinct camera profiles/);
    const repeats = Array.from({ length: 3 * MAX_PROFILES }, (_, i) => `a,,2Mb/s,cam ${i % 100}`).join('\n');
    expect(Object.keys(scan(cat, 'csv', `segment,preset,bitrate,label\n${repeats}\n`).bySegment.a!)).toHaveLength(100);
  });
});

describe('a rate in the record', () => {
  it('wins all day over a preset with a night rate (the preset night rate is not that camera’s)', () => {
    const aggregate = new InventoryAggregate(cat);
    const scanner = new CsvScanner(aggregate, (e) => {
      throw e;
    });
    scanner.feed(Buffer.from('segment,preset,bitrate\na,720p15-h264-plan,3Mb/s\na,720p15-h264-plan,\n'));
    scanner.end();
    const [measured, plain] = aggregate.entries;
    expect(measured!.profile).toMatchObject({ key: '720p15-h264-plan@3000000', bitsPerSecond: 3_000_000n });
    expect(measured!.profile.states).toBeUndefined();
    expect(measured!.profile.average).toBeUndefined(); // one rate: the preset's peak and average are not this camera's either
    // The planning preset gives its average (day and night); its peak follows from the ratio 0.81.
    expect(plain!.profile.average?.states).toEqual({ day: 2_000_000n, night: 2_400_000n });
    expect(plain!.profile.states).toEqual({ day: 2_469_136n, night: 2_962_963n });
  });
});
