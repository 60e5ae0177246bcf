import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InventoryError } from '../../src/core/inventory/chunks.js';
import { hashToLineEnd, lineHash, SpanCache, spanHash } from '../../src/core/inventory/span-cache.js';
import { scan, testCatalog, type Scanned } from '../helpers/inventory.js';

const cat = await testCatalog();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Adds `text` to the cache under `value` and returns where it is found again, from a copy at another offset. */
function roundTrip(cache: SpanCache, stored: Uint8Array, probe: Uint8Array): number {
  cache.add(stored, 0, stored.length, spanHash(view(stored), 0, stored.length), 41, 1);
  const padded = new Uint8Array(probe.length + 3);
  padded.set(probe, 3); // an odd offset: the loads are unaligned
  return cache.find(view(padded), 3, padded.length, spanHash(view(padded), 3, padded.length));
}

describe('SpanCache', () => {
  it('finds a tail by its bytes at any offset, and nothing else', () => {
    const cache = new SpanCache();
    const a = Buffer.from('","segment":"district-087/switch-06","preset":"1080p30-ir","mbps":5}');
    const slot = roundTrip(cache, a, a);
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(cache.entry(slot)).toBe(41);
    expect(cache.count(slot)).toBe(1);
    const b = Buffer.from(a);
    b[b.length - 2] = 0x36; // "mbps":6
    expect(cache.find(view(b), 0, b.length, spanHash(view(b), 0, b.length))).toBe(-1);
    expect(cache.find(view(a), 0, a.length - 1, spanHash(view(a), 0, a.length - 1))).toBe(-1); // a prefix is not the tail
  });

  it('compares bytes exactly where float64 loads would not (-0 and 0, NaN and NaN)', () => {
    const zero = new Uint8Array(8);
    const minusZero = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0x80]);
    const nan = Uint8Array.from([1, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
    const otherNan = Uint8Array.from([2, 0, 0, 0, 0, 0, 0xf8, 0x7f]);
    const cache = new SpanCache();
    cache.add(zero, 0, 8, 7, 0, 1);
    cache.add(nan, 0, 8, 7, 1, 1); // same hash on purpose: only the bytes can tell them apart
    expect(cache.find(view(minusZero), 0, 8, 7)).toBe(-1);
    expect(cache.find(view(otherNan), 0, 8, 7)).toBe(-1);
    expect(cache.entry(cache.find(view(Uint8Array.from(nan)), 0, 8, 7))).toBe(1);
    expect(cache.entry(cache.find(view(new Uint8Array(8)), 0, 8, 7))).toBe(0);
  });

  it('finds the line end as indexOf does, and hashes the line as spanHash does', () => {
    // Bytes near 0x0a (0x0b after a 0x0a trips the word trick's borrow), high bytes, and line feeds.
    const byte = fc.oneof(fc.constantFrom(0x0a, 0x0b, 0x09, 0x8a, 0xff, 0x00, 0x01), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }).chain((a) => fc.tuple(fc.constant(a), fc.array(byte, { maxLength: 40 }))),
        fc.nat(),
        fc.nat(),
        ([head, tail], s, l) => {
          const bytes = Buffer.from([...head, ...tail]);
          const start = bytes.length === 0 ? 0 : s % (bytes.length + 1);
          const limit = start + (l % (bytes.length - start + 1));
          const nl = bytes.indexOf(0x0a, start);
          const expected = nl >= 0 && nl < limit ? nl : -1;
          expect(hashToLineEnd(view(bytes), start, limit)).toBe(expected);
          if (expected >= 0) expect(lineHash).toBe(spanHash(view(bytes), start, expected));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps every tail through its growth, and none it must not (a count below 1 or from 2^31, a tail over 1,023 bytes)', () => {
    const cache = new SpanCache();
    const tail = (i: number) => Buffer.from(`s${i}/sw-${i % 7},720p30,${i % 3}`);
    for (let i = 0; i < 20_000; i++) {
      const t = tail(i);
      cache.add(t, 0, t.length, spanHash(view(t), 0, t.length), i, 1 + (i % 5));
    }
    expect(cache.spans).toBe(20_000);
    for (let i = 0; i < 20_000; i += 97) {
      const t = tail(i);
      const slot = cache.find(view(t), 0, t.length, spanHash(view(t), 0, t.length));
      expect([cache.entry(slot), cache.count(slot)]).toEqual([i, 1 + (i % 5)]);
    }
    const refused = [Buffer.from('zero'), Buffer.from('big'), Buffer.alloc(1024, 0x61)];
    const counts = [0, 2 ** 31, 1];
    refused.forEach((t, k) => {
      const hash = spanHash(view(t), 0, t.length);
      cache.add(t, 0, t.length, hash, 1, counts[k]!);
      expect(cache.find(view(t), 0, t.length, hash)).toBe(-1);
    });
    expect(cache.spans).toBe(20_000);
    const longest = Buffer.alloc(1023, 0x62);
    cache.add(longest, 0, 1023, spanHash(view(longest), 0, 1023), 7, 1);
    expect(cache.entry(cache.find(view(longest), 0, 1023, spanHash(view(longest), 0, 1023)))).toBe(7);
  });

  it('stops growing at its limits, and gives up when tails rarely repeat', () => {
    const tail = (i: number) => Buffer.from(`,"ip":"10.0.${i >> 8}.${i & 255}"}`);
    const lookUpOrAdd = (cache: SpanCache, i: number) => {
      const t = tail(i);
      const hash = spanHash(view(t), 0, t.length);
      if (cache.find(view(t), 0, t.length, hash) < 0) cache.add(t, 0, t.length, hash, i, 1);
    };
    const capped = new SpanCache({ maxSpans: 100, maxBytes: 1 << 20, window: 1 << 20 });
    for (let i = 0; i < 200; i++) lookUpOrAdd(capped, i);
    expect(capped.spans).toBe(100);
    expect(capped.enabled).toBe(true);
    // Every tail new: off (and emptied) at the end of the first window.
    const unique = new SpanCache({ maxSpans: 1000, maxBytes: 1 << 20, window: 64 });
    for (let i = 0; i < 63; i++) lookUpOrAdd(unique, i);
    expect(unique.enabled).toBe(true);
    lookUpOrAdd(unique, 63);
    expect(unique.enabled).toBe(false);
    expect(unique.spans).toBe(0);
    // One tail in six repeats (more than an eighth): on.
    const repeating = new SpanCache({ maxSpans: 1000, maxBytes: 1 << 20, window: 60 });
    for (let i = 0; i < 600; i++) lookUpOrAdd(repeating, i % 6 === 0 ? 0 : i);
    expect(repeating.enabled).toBe(true);
  });
});

/** The records of `lines` scanned one at a time (a fresh scanner, so no cache hits), summed. */
function oneAtATime(format: 'csv' | 'json', header: string | undefined, lines: string[]): Scanned {
  const total: Scanned = { bySegment: {}, records: 0, errors: [] };
  for (const line of lines) {
    const one = scan(cat, format, header === undefined ? line : `${header}\n${line}`);
    total.records += one.records;
    total.errors.push(...one.errors);
    for (const [segment, profiles] of Object.entries(one.bySegment)) {
      const seg = (total.bySegment[segment] ??= {});
      for (const [profile, n] of Object.entries(profiles)) seg[profile] = (seg[profile] ?? 0n) + n;
    }
  }
  return total;
}

/**
 * The scan's result, or that a syntax error stopped it (its message may
 * differ: a string left open runs on into the next line in a whole file).
 */
function outcome(run: () => Scanned): Scanned | string {
  try {
    return unplaced(run());
  } catch (error) {
    if (error instanceof InventoryError) return 'stopped';
    throw error;
  }
}

/** Error messages without their place (a record's line differs between the two ways of scanning). */
function unplaced(result: Scanned): Scanned {
  return { ...result, errors: result.errors.map((e) => e.replace(/^\d+(:\d+)?: /, '')) };
}

// Property and window tests scan hundreds of thousands of lines: give a loaded machine time.
describe('scanning with the line cache', { timeout: 120_000 }, () => {
  const segment = fc.constantFrom('a/x', 'a/y', 'b', 'd/sw-1');
  const rate = fc.oneof(
    fc.constantFrom('720p30', '4k30', 'nope').map((p) => ({ preset: p })),
    fc.constantFrom('2Mb/s', '3 Mb/s').map((b) => ({ bitrate: b })),
    fc.constantFrom(5, 0.625, '4').map((m) => ({ mbps: m })),
  );
  const count = fc.option(fc.constantFrom(1, 3, '2', -1, 2.5, 1e15), { nil: undefined });
  /** A few distinct records, then lines drawn from them with their own ids: the tails repeat, as in real exports. */
  const templates = <T>(record: fc.Arbitrary<T>) => fc.array(record, { minLength: 1, maxLength: 5 });
  const id = fc.oneof(
    fc.integer({ min: 1, max: 1e6 }).map((n) => `cam-${n}`),
    // The last one ends in a lone backslash: its line is not JSON, whatever follows.
    fc.constantFrom('a\\"b', 'x\\\\', 'é', 'q\\u0041', 'A\\'),
  );
  const picks = fc.array(fc.tuple(fc.nat(), id), { minLength: 1, maxLength: 60 });

  it('counts NDJSON lines as a full parse of each line would', () => {
    const record = fc.record({
      segment,
      rate,
      count,
      id,
      label: fc.constantFrom(undefined, 'lobby'),
      idFirst: fc.boolean(),
      extra: fc.constantFrom(undefined, 'site', 'cout'),
    });
    const render = (r: {
      segment: string;
      rate: Record<string, unknown>;
      count: unknown;
      id: string;
      label: string | undefined;
      idFirst: boolean;
      extra: string | undefined;
    }) => {
      const fields: string[] = [];
      if (r.id !== undefined && r.idFirst) fields.push(`"id":"${r.id}"`);
      fields.push(`"segment":${JSON.stringify(r.segment)}`);
      for (const [k, v] of Object.entries(r.rate)) fields.push(`"${k}":${JSON.stringify(v)}`);
      if (r.count !== undefined) fields.push(`"count":${JSON.stringify(r.count)}`);
      if (r.label !== undefined) fields.push(`"label":"${r.label}"`);
      if (r.extra !== undefined) fields.push(`"${r.extra}":1`);
      if (r.id !== undefined && !r.idFirst) fields.push(`"id":"${r.id}"`);
      return `{${fields.join(',')}}`;
    };
    fc.assert(
      fc.property(templates(record), picks, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 200 }), (pool, chosen, eol, chunk) => {
        const lines = chosen.map(([k, id]) => render({ ...pool[k % pool.length]!, id }));
        const whole = outcome(() => scan(cat, 'json', lines.join(eol) + eol, chunk));
        expect(whole).toEqual(outcome(() => oneAtATime('json', undefined, lines)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts CSV lines as a full parse of each line would, whatever the columns', () => {
    const headers = ['id,segment,preset,count', 'segment,preset,mbps,id', 'segment,id,preset', 'id,site,segment,bitrate,label,extra'];
    const row = fc.record({
      id: fc.integer({ min: 1, max: 1e6 }).map((n) => `cam-${n}`),
      segment,
      preset: fc.constantFrom('720p30', '4k30', 'nope', ''),
      mbps: fc.constantFrom('5', '0.625', 'x', ''),
      bitrate: fc.constantFrom('2Mb/s', '', '3 Mbs'),
      count: fc.constantFrom('', '1', '3', '-1', '2.5'),
      label: fc.constantFrom('', 'lobby'),
      extra: fc.constantFrom('', 'e1', 'e2'),
    });
    fc.assert(
      fc.property(fc.constantFrom(...headers), templates(row), picks, fc.integer({ min: 1, max: 200 }), (header, pool, chosen, chunk) => {
        const columns = header.split(',');
        const lines = chosen.map(([k, id]) => {
          const r: Record<string, unknown> = { ...pool[k % pool.length]!, id };
          return columns.map((c) => (c === 'site' ? 's' : String(r[c]))).join(',');
        });
        const whole = outcome(() => scan(cat, 'csv', `${header}\n${lines.join('\n')}\n`, chunk));
        expect(whole).toEqual(outcome(() => oneAtATime('csv', header, lines)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('records the line cache must not take', () => {
  it('counts records that span lines or share a line, whatever repeats', () => {
    const pretty = '{\n  "id": "c1",\n  "segment": "a",\n  "preset": "720p30"\n}\n';
    const shared = '{"id":"c2","segment":"a","preset":"720p30"} {"id":"c3","segment":"a","preset":"720p30","count":2}\n';
    const plain = '{"id":"c4","segment":"a","preset":"720p30"}\n';
    const input = (pretty + shared + plain).repeat(50);
    for (const chunk of [7, 64, 1 << 16]) {
      expect(scan(cat, 'json', input, chunk)).toEqual({ bySegment: { a: { '720p30': 250n } }, records: 200, errors: [] });
    }
  });

  it('follows the file when its first lines have another shape than the rest', () => {
    const odd = '{"segment":"a","preset":"720p30","id":"x"}\n{"id":"y\\u0041","segment":"a","preset":"720p30"}\n';
    const lines = Array.from({ length: 300 }, (_, i) => `{"id":"c${i}","segment":"${i % 2 ? 'a' : 'b'}","preset":"720p30"}`);
    expect(scan(cat, 'json', `${odd + lines.join('\n')}\n`, 100)).toEqual({
      bySegment: { a: { '720p30': 152n }, b: { '720p30': 150n } },
      records: 302,
      errors: [],
    });
  });
});

describe('the window that turns the cache off (issue 9, item 1)', { timeout: 120_000 }, () => {
  // Every line's tail is new, except the last: its lookup is the window's last, finds line 1's
  // tail, and the judgement at that moment empties the cache. The line must still count.
  it('counts a hit on the last lookup of a window that turns the cache off (CSV, 65,536 lines)', () => {
    const lines = ['id,segment,preset'];
    for (let i = 1; i < 65536; i++) lines.push(`c${i},s${i},720p30`);
    lines.push('x,s1,720p30');
    const result = scan(cat, 'csv', `${lines.join('\n')}\n`, 1 << 20);
    expect(result.records).toBe(65536);
    expect(result.bySegment['s1']).toEqual({ '720p30': 2n });
  });

  it('likewise for NDJSON (65,537 lines)', () => {
    const lines: string[] = [];
    for (let i = 1; i < 65537; i++) lines.push(`{"id":"c${i}","segment":"s${i}","preset":"720p30"}`);
    lines.push('{"id":"x","segment":"s1","preset":"720p30"}');
    const result = scan(cat, 'json', `${lines.join('\n')}\n`, 1 << 20);
    expect(result.records).toBe(65537);
    expect(result.bySegment['s1']).toEqual({ '720p30': 2n });
  });
});
