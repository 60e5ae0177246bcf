/**
 * The text writer (src/render/json-text.ts, json-bytes.ts, json-digits.ts)
 * against the plain path: `JSON.stringify(document, null, 2)` of the objects
 * ObjectOut makes from the same writes. Differential property tests on
 * random writes (every JsonOut call, nested, with hostile strings: lone
 * surrogates, U+0000, U+2028, quotes, backslashes, names longer than the
 * writer's buffer), on the digits written for bigints, Mb/s and percentages
 * either side of 2^53 and 10^15, and on reports of fleets whose names are
 * random Unicode, with parts of 1 byte to the real JSON_CHUNK.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { size } from '../../src/api/size.js';
import { toMbpsNumber } from '../../src/core/numbers/rate.js';
import type { Report } from '../../src/core/model/report.js';
import { jsonRenderer, reportJson } from '../../src/render/formats/json.js';
import { JSON_CHUNK, JsonElements, jsonByteChunks, jsonChunks } from '../../src/render/json-chunks.js';
import { safeInteger, scalable, writeInteger, writeScaled } from '../../src/render/json-digits.js';
import { unInline } from '../../src/render/json-inline.js';
import type { JsonOut } from '../../src/render/json-out.js';
import { NO_PAINT } from '../../src/render/view.js';

/** Strings that JSON escapes, or that are long: every code unit, lone surrogates, U+2028/2029, quotes, backslashes. */
const hostile = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '"', '\\', '\u0000', '\u001f', '\u007f', '\u2028\u2029', '\ud800', '\udfff', 'a\ud83d\ude00b', '\ufeff'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }).map((s) => s.repeat(40_000)) },
);

/** Bigints either side of every limit the digits cross: 10^8, 10^15, 2^53, 2^64, and random ones. */
const bigints = fc.oneof(
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
  fc.constantFrom(
    0n,
    1n,
    -1n,
    10n ** 8n - 1n,
    10n ** 8n,
    10n ** 15n - 1n,
    10n ** 15n,
    2n ** 53n - 1n,
    2n ** 53n,
    2n ** 53n + 1n,
    -(2n ** 53n) + 1n,
    -(2n ** 53n),
    2n ** 63n,
    2n ** 64n + 5n,
    10n ** 21n,
    10n ** 27n,
  ),
  fc.tuple(fc.bigInt({ min: -999_999n, max: 999_999n }), fc.integer({ min: 0, max: 22 })).map(([m, e]) => m * 10n ** BigInt(e)),
);

const numbers = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 0.1, 1e21, 1e-7, 123e-20, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY),
);
const scalar = fc.oneof(hostile, numbers, fc.boolean());

type Member =
  | { kind: 'string'; value: string | null }
  | { kind: 'number'; value: number | null }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'bigint' | 'mbps'; value: bigint }
  | { kind: 'scaled'; value: bigint; places: number }
  | { kind: 'strings'; value: string[] }
  | { kind: 'inline'; value: (string | number | boolean)[] }
  | { kind: 'value'; value: unknown }
  | { kind: 'object'; members: Named[] }
  | { kind: 'objects'; items: Named[][] };
type Named = Member & { key: string };

const keys = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('a', 'bitsPerSecond', 'mbps', 'path') }, { weight: 1, arbitrary: hostile });

const members: fc.Arbitrary<Named[]> = fc.letrec<{ list: Named[]; member: Member }>((tie) => ({
  member: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.option(hostile, { nil: null }).map((value) => ({ kind: 'string' as const, value })),
    fc.option(numbers, { nil: null }).map((value) => ({ kind: 'number' as const, value })),
    fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
    fc.tuple(fc.constantFrom('bigint' as const, 'mbps' as const), bigints).map(([kind, value]) => ({ kind, value })),
    fc.tuple(bigints, fc.integer({ min: 0, max: 8 })).map(([value, places]) => ({ kind: 'scaled' as const, value, places })),
    fc.array(hostile, { maxLength: 4 }).map((value) => ({ kind: 'strings' as const, value })),
    fc.array(scalar, { maxLength: 4 }).map((value) => ({ kind: 'inline' as const, value })),
    fc
      .oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(undefined, () => 1, 'line\nbreak', [], {}, [[]], { a: {} }),
      )
      .map((value) => ({ kind: 'value' as const, value })),
    tie('list').map((list) => ({ kind: 'object' as const, members: list as Named[] })),
    fc.array(tie('list'), { maxLength: 3 }).map((items) => ({ kind: 'objects' as const, items: items as Named[][] })),
  ),
  // Keys made unique in their object and never an array index (ObjectOut refuses both: an object could not
  // hold the one, and would put the other first).
  list: fc
    .array(fc.tuple(keys, tie('member')), { maxLength: 5 })
    .map((list) => list.map(([key, member], i) => ({ ...(member as Member), key: `${key}_${i}` }))),
})).list;

function write(list: readonly Named[], out: JsonOut): void {
  for (const m of list) {
    if (m.kind === 'object') {
      out.object(m.key);
      write(m.members, out);
      out.end();
    } else if (m.kind === 'objects') out.objects(m.key, m.items, write);
    else if (m.kind === 'scaled') out.scaled(m.key, m.value, m.places);
    else (out[m.kind] as (key: string, value: unknown) => void).call(out, m.key, m.value);
  }
}

describe('the text writer writes what JSON.stringify writes of the same writes', () => {
  it('for random writes, nested, with hostile strings, at any part size and depth', () => {
    fc.assert(
      fc.property(
        fc.array(members, { maxLength: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(1, 7, 300, JSON_CHUNK),
        (elements, depth, chunk) => {
          let document: object = { elements: new JsonElements(elements, write), after: 1 };
          for (let i = 0; i < depth; i++) document = { inner: document };
          const plain = unInline(`${JSON.stringify(document, null, 2)}\n`);
          expect([...jsonChunks(document, chunk)].join('')).toBe(plain);
          // The bytes the bin writes: each part read before the next is asked for (it is the writer's buffer).
          const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
          const parts: string[] = [];
          for (const part of jsonByteChunks(document, chunk)) parts.push(decoder.decode(part, { stream: true }));
          expect(parts.join('') + decoder.decode()).toBe(plain);
        },
      ),
      { numRuns: 400, seed: 24 },
    );
  });

  it('writes bigints, Mb/s and scaled numbers as String() of the same values', () => {
    const bytes = new Uint8Array(64);
    const text = (end: number) => new TextDecoder().decode(bytes.subarray(0, end));
    fc.assert(
      fc.property(bigints, fc.integer({ min: 0, max: 6 }), (value, places) => {
        const n = safeInteger(value);
        const exact = value <= 2n ** 53n - 1n && value >= -(2n ** 53n) + 1n;
        expect(Number.isNaN(n)).toBe(!exact);
        if (!exact) return;
        expect(text(writeInteger(bytes, 0, n))).toBe(String(value));
        if (!scalable(n, places)) return;
        expect(text(writeScaled(bytes, 0, n, places))).toBe(String(Number(value) / 10 ** places));
        if (places === 6) expect(text(writeScaled(bytes, 0, n, 6))).toBe(String(toMbpsNumber(value)));
      }),
      { numRuns: 5000, seed: 24 },
    );
  });
});

/** The report's text in parts of `chunk` bytes, and the plain path's. */
function expectSameText(report: Report): void {
  const plain = unInline(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  expect([...jsonRenderer.reportChunks!(report, { paint: NO_PAINT })].join('')).toBe(plain);
  for (const chunk of [1, 4096]) expect([...jsonChunks(reportJson(report), chunk)].join('')).toBe(plain);
}

describe('reports of fleets with names of any characters', () => {
  const name = fc.oneof(hostile, fc.constantFrom('\u0000camsize-inline\u0000["x"]', 'x'.repeat(200_000)));
  const fleet = fc
    .tuple(name, fc.array(fc.tuple(name, fc.array(name, { maxLength: 3 })), { minLength: 1, maxLength: 4 }))
    .map(([root, sites]) => ({
      name: root === '' ? 'f' : root,
      recorders: [{ name: `${root}nvr` }],
      segments: sites.map(([site, children], i) => ({
        name: `${i}${site}`,
        link: i % 2 ? '1Gb/s' : { up: '100Mb/s', down: '1Gb/s' },
        ...(i === 0 ? { viewers: 2 } : {}),
        cameras: [{ bitrate: '4Mb/s', count: 3 + i, label: `${site}l` }],
        segments: children.map((child, j) => ({
          name: `${j}${child}`,
          link: '100Mb/s',
          cameras: [{ preset: '720p30', count: j + 1 }],
        })),
      })),
    }));

  it('write the plain path text, with and without flows and storage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fleet,
        fc.constantFrom({}, { flows: true }, { retention: '7d' }, { percentile: 99, checkOn: 'peak' as const }),
        async (f, options) => {
          expectSameText(await size(f as never, options));
        },
      ),
      { numRuns: 25, seed: 24 },
    );
  });
});

describe('a value of another type than its write says (a model built in code by a library caller)', () => {
  it('is written as JSON.stringify writes it, as ObjectOut does, not thrown on', () => {
    const odd: unknown[] = [undefined, 7, 'x', true, null, { a: 1 }, [1, 'a'], Number.NaN];
    const writes = (_: unknown, out: JsonOut) => {
      odd.forEach((v, i) => {
        out.string(`s${i}_`, v as string);
        out.number(`n${i}_`, v as number);
        out.boolean(`b${i}_`, v as boolean);
        out.strings(`l${i}_`, v as string[]);
      });
    };
    const document = { elements: new JsonElements([0, 1], writes), after: 1 };
    const plain = unInline(`${JSON.stringify(document, null, 2)}\n`);
    for (const chunk of [1, 300, JSON_CHUNK]) expect([...jsonChunks(document, chunk)].join('')).toBe(plain);
  });
});
