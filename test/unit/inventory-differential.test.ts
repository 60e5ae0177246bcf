/**
 * Differential tests of every fast path of the inventory scanners against the
 * plain path (no line cache, the whole input in one chunk): the line cache
 * at small limits and at the real ones, chunks from 1 byte up, shape changes,
 * key-table growth and counts that spill into bigints. Generated inputs have
 * sizes that straddle each threshold; results must be equal, errors and their
 * places included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanOptions } from '../../src/core/inventory/chunks.js';
import { CACHE_LIMITS } from '../../src/core/inventory/span-cache.js';
import { scanOutcome, testCatalog } from '../helpers/inventory.js';

const cat = await testCatalog();
const PLAIN: ScanOptions = { cache: false };

/** A record's fields as text (CSV) or JSON values; undefined leaves the field out. */
interface Row {
  segment: string;
  preset?: string;
  bitrate?: string;
  mbps?: string | number;
  count?: string | number;
  label?: string;
  site?: string;
}

const segment = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a/x', 'a/y', 'b', 'd/sw-1', 'é/ü') },
  { weight: 1, arbitrary: fc.constantFrom('', 'a//b', ' c / d ') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n) => `u/${n}`) }, // many distinct keys
);
const row: fc.Arbitrary<Row> = fc.record(
  {
    segment,
    preset: fc.constantFrom('720p30', '4k30', 'nope', '', '4K30'),
    bitrate: fc.constantFrom('2Mb/s', '', '3 Mbs'),
    mbps: fc.constantFrom('5', '0.625', 'x', '', 4),
    count: fc.constantFrom('', '1', '3', '-1', '2.5', '1e3', '1000000000000000', '9007199254740993', 0, 7),
    label: fc.constantFrom('', 'lobby', 'pole 12'),
    site: fc.constantFrom('s1', 's2'),
  },
  { requiredKeys: ['segment'] },
);

/**
 * Lines drawn from a small pool (tails repeat, as in exports), in runs, each
 * followed by lines whose tails are new (a unique site) and a few with new
 * keys: hit rates that swing around each window's judgement.
 */
const plan = fc.record({
  pool: fc.array(row, { minLength: 1, maxLength: 8 }),
  picks: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 12 }),
  unique: fc.array(row, { maxLength: 30 }),
});
interface Plan {
  pool: Row[];
  picks: Array<[number, number, number]>;
  unique: Row[];
}

function rowsOf(p: Plan): Row[] {
  const rows: Row[] = [];
  let u = 0;
  for (const [k, run, fresh] of p.picks) {
    const pooled = p.pool[k % p.pool.length]!;
    for (let i = 0; i < run; i++) rows.push(pooled);
    // New tails: a unique site, or every other time a unique label (free text that names nothing on a preset row).
    for (let i = 0; i < fresh; i++) rows.push(i % 2 ? { ...pooled, label: `pole ${rows.length}` } : { ...pooled, site: `u${rows.length}` });
    if (u < p.unique.length) rows.push(p.unique[u++]!);
  }
  return rows;
}

const tuning = fc.record({
  cache: fc.record({
    maxSpans: fc.oneof(fc.integer({ min: 1, max: 16 }), fc.constant(1 << 16)),
    maxBytes: fc.oneof(fc.integer({ min: 8, max: 400 }), fc.constant(1 << 20)),
    window: fc.integer({ min: 1, max: 40 }),
  }),
  shapeRun: fc.integer({ min: 1, max: 8 }),
});
const chunk = fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 17, max: 4096 }));

const HEADERS = [
  'id,segment,preset,count',
  'segment,preset,mbps,id',
  'segment,id,preset',
  'id,site,segment,bitrate,label,count,mbps',
  'id,segment,site,preset,count',
  'segment,site,bitrate,mbps,label,count,id,extra',
  'id,site,segment,preset,count,bitrate,label', // an operator's export: the label after every other needed column
  'label,segment,preset,bitrate',
];

function csvOf(header: string, rows: Row[], eol: string, quote: boolean): string {
  const columns = header.split(',');
  const cell = (v: string) => (quote && v.includes('/') ? `"${v}"` : v);
  const lines = rows.map((r, i) =>
    columns.map((c) => (c === 'id' ? `cam-${i}` : cell(String((r as unknown as Record<string, unknown>)[c] ?? '')))).join(','),
  );
  return `${header}${eol}${lines.join(eol)}${eol}`;
}

function ndjsonOf(rows: Row[], idFirst: boolean[], eol: string): string {
  return (
    rows
      .map((r, i) => {
        const body = JSON.stringify(r).slice(1, -1);
        const id = `"id":"cam-${i}"`;
        return idFirst[i % idFirst.length] ? `{${id}${body ? `,${body}` : ''}}` : `{${body ? `${body},` : ''}${id}}`;
      })
      .join(eol) + eol
  );
}

// Hundreds of thousands of generated lines per test: give a loaded machine time.
describe('the line cache and chunking change nothing', { timeout: 120_000 }, () => {
  it('CSV: small cache limits, any chunk size, quotes and CRLF', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEADERS),
        plan,
        tuning,
        chunk,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (header, p, t, size, eol, quote) => {
          const input = csvOf(header, rowsOf(p), eol, quote);
          const plain = scanOutcome(cat, 'csv', input, input.length + 1, PLAIN);
          expect(scanOutcome(cat, 'csv', input, size, t)).toEqual(plain);
          expect(scanOutcome(cat, 'csv', input, size)).toEqual(plain);
          // The schedules' general path (TableRecords), which the byte paths hand a file to, reads it the same.
          expect(scanOutcome(cat, 'csv', input, size, {}, true, { general: true })).toEqual(plain);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('NDJSON and JSON arrays: small limits, shape changes (id first or last), any chunk size', () => {
    fc.assert(
      fc.property(
        plan,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        tuning,
        chunk,
        fc.boolean(),
        (p, idFirst, t, size, array) => {
          const lines = ndjsonOf(rowsOf(p), idFirst, '\n');
          const input = array ? `[\n${lines.trimEnd().split('\n').join(',\n')}\n]\n` : lines;
          const plain = scanOutcome(cat, 'json', input, input.length + 1, PLAIN);
          expect(scanOutcome(cat, 'json', input, size, t)).toEqual(plain);
          expect(scanOutcome(cat, 'json', input, size)).toEqual(plain);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('NDJSON exports: leading members that play no role, a trailing label, and lines the cache must not take', () => {
    // Lines as an export writes them (id, site, ip first; the label last), with odd ones the
    // line cache must leave to the full parse: escapes, a bad literal, a nested value, blanks, a
    // label that is a number or has an escape, a raw line break inside a leading value.
    const odd = fc.constantFrom(
      (l: string) => l.replace('"ip":"', '"ip":"\\u0041'),
      (l: string) => l.replace(/"id":"[^"]*"/, '"id":"a\\x"'),
      (l: string) => l.replace(/"ip":"[^"]*"/, '"ip":tru'),
      (l: string) => l.replace(/"ip":"[^"]*"/, '"ip":{"a":[1]}'),
      (l: string) => l.replace(/"ip":"[^"]*"/, '"ip":12.5'),
      (l: string) => l.replace(',"site"', ' ,"site"'),
      (l: string) => l.replace(/"label":("[^"]*"|null)/, '"label":7'),
      (l: string) => l.replace(/"label":"/, '"label":"\\"'),
      (l: string) => l.replace(/"ip":"/, '"ip":"x\n'),
      (l: string) => l.replace(/}$/, '} '),
      (l: string) => l.replace(/}$/, ',"site":"again"}'),
    );
    // The same lines as a JSON array's elements, one to a line (the line cache takes them, each line's comma
    // with it), or two to a line, or the commas at the start of the next line, or CRLF (which it must not mistake).
    const style = fc.constantFrom('ndjson', 'array', 'array-crlf', 'array-leading-commas', 'array-pairs', 'array-spaced');
    fc.assert(
      fc.property(plan, fc.array(fc.tuple(fc.nat(), odd), { maxLength: 6 }), tuning, chunk, style, (p, odds, t, size, how) => {
        const lines = rowsOf(p).map((r, i) => {
          const { site = 's', label, ...roles } = r;
          const body = JSON.stringify({ id: `cam-${i}`, site, ip: `10.0.${i}`, ...roles, label: label ?? null });
          return body;
        });
        for (const [at, change] of odds) if (lines.length > 0) lines[at % lines.length] = change(lines[at % lines.length]!);
        const joined: Record<string, () => string> = {
          ndjson: () => `${lines.join('\n')}\n`,
          array: () => `[${lines.join(',\n')}\n]\n`,
          'array-crlf': () => `[\r\n${lines.join(',\r\n')}\r\n]\r\n`,
          'array-leading-commas': () => `[\n${lines.join('\n,')}\n]`,
          'array-pairs': () => `[\n${lines.map((l, i) => (i % 2 ? `${l},\n` : `${l}, `)).join('')}{"segment":"z","preset":"4k30"}]\n`,
          'array-spaced': () => `[\n${lines.join(' ,\n')}\n]\n`,
        };
        const input = joined[how]!();
        const plain = scanOutcome(cat, 'json', input, input.length + 1, PLAIN);
        expect(scanOutcome(cat, 'json', input, size, t)).toEqual(plain);
        expect(scanOutcome(cat, 'json', input, size)).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });

  it('stops at the same first error, in the same place, when not skipping', () => {
    fc.assert(
      fc.property(plan, tuning, chunk, fc.boolean(), (p, t, size, csv) => {
        const rows = rowsOf(p);
        const input = csv ? csvOf(HEADERS[3]!, rows, '\n', false) : ndjsonOf(rows, [true], '\n');
        const format = csv ? 'csv' : 'json';
        const plain = scanOutcome(cat, format, input, input.length + 1, PLAIN, false);
        expect(scanOutcome(cat, format, input, size, t, false)).toEqual(plain);
      }),
      { numRuns: 100 },
    );
  });
});

/** Outcomes as text: equal text, equal outcome (and far cheaper to compare than 100,000-entry objects). */
function digest(outcome: ReturnType<typeof scanOutcome>): string {
  return JSON.stringify(outcome, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

describe('at the real thresholds', { timeout: 120_000 }, () => {
  // A column inside the tail but outside the key (site) makes tails new without making keys new.
  it('the cache window (65,536 lookups): hit rates just above and below an eighth, around the judgement', () => {
    for (const every of [7, 8, 9]) {
      const lines: string[] = [];
      // Every `every`-th line repeats an earlier tail; the rest are new: the cache stays on or turns off.
      for (let i = 1; i <= CACHE_LIMITS.window + 5; i++) lines.push(`c${i},s${i % 5},${i % every === 0 ? 'x' : i},720p30`);
      const csv = `id,segment,site,preset\n${lines.join('\n')}\n`;
      expect(digest(scanOutcome(cat, 'csv', csv, 1 << 20))).toBe(digest(scanOutcome(cat, 'csv', csv, 1 << 20, PLAIN)));
      const ndjson = `${lines
        .map((l) => {
          const [id, seg, site, preset] = l.split(',');
          return JSON.stringify({ id, segment: seg, site, preset });
        })
        .join('\n')}\n`;
      expect(digest(scanOutcome(cat, 'json', ndjson, 1 << 20))).toBe(digest(scanOutcome(cat, 'json', ndjson, 1 << 20, PLAIN)));
    }
  });

  it('the cache size (2^16 tails) and bytes (4 MiB) limits', () => {
    // Each tail twice in a row (half the lookups hit, so the cache stays on) until it is full, and past it.
    const spans: string[] = ['id,segment,site,preset'];
    for (let i = 0; i < CACHE_LIMITS.maxSpans + 1000; i++) spans.push(`a${i},k/${i & 7},${i},720p30`, `b${i},k/${i & 7},${i},720p30`);
    const bySpans = `${spans.join('\n')}\n`;
    expect(digest(scanOutcome(cat, 'csv', bySpans, 1 << 20))).toBe(digest(scanOutcome(cat, 'csv', bySpans, 1 << 20, PLAIN)));
    const long = 'x'.repeat(1000);
    const bytes: string[] = ['id,segment,site,preset'];
    for (let i = 0; i < (CACHE_LIMITS.maxBytes >> 10) + 500; i++) bytes.push(`a${i},k,${long}${i},4k30`, `b${i},k,${long}${i},4k30`);
    const byBytes = `${bytes.join('\n')}\n`;
    expect(digest(scanOutcome(cat, 'csv', byBytes, 1 << 20))).toBe(digest(scanOutcome(cat, 'csv', byBytes, 1 << 20, PLAIN)));
  });

  it('the key table growing past each doubling (2,048, 4,096, 8,192 … distinct keys)', () => {
    for (const distinct of [2047, 2048, 2049, 4097, 20_000]) {
      const lines = ['segment,preset,count'];
      for (let i = 0; i < distinct * 2; i++) lines.push(`g/${i % distinct},720p30,${1 + (i % 3)}`);
      const input = `${lines.join('\n')}\n`;
      const result = scanOutcome(cat, 'csv', input, 4093);
      expect(digest(result)).toBe(digest(scanOutcome(cat, 'csv', input, 1 << 20, PLAIN)));
      if ('stopped' in result) throw new Error(result.stopped);
      expect(Object.keys(result.bySegment)).toHaveLength(distinct);
      const total = Object.values(result.bySegment).reduce((sum, p) => sum + (p['720p30'] ?? 0n), 0n);
      let expected = 0n;
      for (let i = 0; i < distinct * 2; i++) expected += BigInt(1 + (i % 3));
      expect(total).toBe(expected);
    }
  });
});
