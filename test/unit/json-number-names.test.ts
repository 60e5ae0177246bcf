/**
 * A segment, preset or label given as a JSON number is named by its value, as
 * JavaScript writes it: 1, 1.0 and 1e0 are one JSON value, so one segment, and
 * a file rewritten by JSON.stringify(JSON.parse(line)) gives the same sums
 * (an adversarial test found them three segments). Counts and rates are read
 * exactly from their digits, as before. The line cache keeps no split.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanOutcome, testCatalog } from '../helpers/inventory.js';
import { runInProcess } from '../helpers/in-process.js';

const cat = await testCatalog();
const CACHE_OFF = { cache: false } as const;

/** Each line as JSON.parse reads it, written back by JSON.stringify. */
const canonical = (text: string) =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : JSON.stringify(JSON.parse(l))))
    .join('\n');

describe('a name given as a JSON number', () => {
  it.each([
    ['segment', ['1', '1.0', '1e0', '10E-1', '0.1e1', '100e-2'], { '1': { '720p30': 24n } }],
    ['segment', ['0', '-0', '0.0', '0e5'], { '0': { '720p30': 16n } }],
    ['segment', ['0.5', '5e-1', '50E-2'], { '0.5': { '720p30': 12n } }],
    ['segment', ['1e21', '1000000000000000000000'], { '1e+21': { '720p30': 8n } }],
    ['segment', ['123456789012345678', '123456789012345680'], { '123456789012345680': { '720p30': 8n } }],
  ])('%s spelt %j: one name, as JavaScript writes the value', (field, spellings, want) => {
    const text = spellings.map((n) => `{"${field}":${n},"preset":"720p30","count":4}\n`).join('');
    const got = scanOutcome(cat, 'json', text, 1 << 16);
    expect(got).toEqual({ bySegment: want, records: spellings.length, errors: [] });
    expect(scanOutcome(cat, 'json', canonical(text), 1 << 16)).toEqual(got);
  });

  it('labels 7, 7.0 and 70e-1 name one custom profile; beside a preset a label names nothing, as before', () => {
    const text = ['7', '7.0', '70e-1'].map((n) => `{"segment":"a","mbps":2,"label":${n}}\n`).join('');
    expect(scanOutcome(cat, 'json', text, 1 << 16)).toEqual({ bySegment: { a: { '7': 3n } }, records: 3, errors: [] });
    const preset = '{"segment":"a","preset":"720p30","label":7.5}\n{"segment":"a","preset":"720p30","label":1e400}\n';
    expect(scanOutcome(cat, 'json', preset, 1 << 16)).toEqual({ bySegment: { a: { '720p30': 2n } }, records: 2, errors: [] });
  });

  it('a number too large for a double (Infinity to JSON.parse) names nothing certain: refused at its place', () => {
    const text = '{"segment":"a","preset":"720p30"}\n{"segment":1e400,"preset":"720p30"}\n{"segment":"a","mbps":2,"label":-1E999}\n';
    expect(scanOutcome(cat, 'json', text, 1 << 16)).toMatchObject({
      errors: [
        '2:12: segment: the number 1e400 is too large to be a name: write it as a string',
        '3:33: label: the number -1E999 is too large to be a name: write it as a string',
      ],
    });
  });

  it('the line cache keeps no split: lines 1 and 1.0, either first, many times, count into one segment', () => {
    for (const [first, then] of [
      ['1', '1.0'],
      ['1.0', '1'],
      ['1e0', '1'],
    ]) {
      const line = (i: number, n: string) => `{"id":${i},"segment":${n},"preset":"720p30","count":2}`;
      const lines = [...Array.from({ length: 300 }, (_, i) => line(i, first!)), ...Array.from({ length: 300 }, (_, i) => line(i, then!))];
      const text = `${lines.join('\n')}\n`;
      const want = { bySegment: { '1': { '720p30': 1200n } }, records: 600, errors: [] };
      expect(scanOutcome(cat, 'json', text, 1 << 16)).toEqual(want);
      expect(scanOutcome(cat, 'json', text, 97)).toEqual(want);
      expect(scanOutcome(cat, 'json', text, 1 << 16, CACHE_OFF)).toEqual(want);
    }
  });

  it('any file of numbers in every field: the same sums as its canonical rewrite, with the line cache and without', () => {
    const spellings = ['1', '1.0', '1e0', '2', '20e-1', '0.25', '25E-2', '-3', '-3.0', '1e3', '1000', '0'];
    // A count or rate of -0 is refused (read exactly) where its rewrite, 0, is not: -0 in names only.
    const number = fc.constantFrom(...spellings);
    const name = fc.constantFrom(...spellings, '-0', '-0.0');
    const member = (key: string, value = number) =>
      fc.option(
        value.map((n) => `,"${key}":${n}`),
        { nil: '', freq: 2 },
      );
    const record = fc
      .tuple(name, member('label', name), member('mbps'), member('count'), fc.boolean())
      .map(([seg, label, mbps, count, preset]) => `{"id":1,"segment":${seg}${preset ? ',"preset":"720p30"' : ''}${mbps}${count}${label}}`);
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 500 }), (records, chunk) => {
        const text = `${records.join('\n')}\n`;
        const rewritten = canonical(text);
        const plain = scanOutcome(cat, 'json', rewritten, 1 << 20, CACHE_OFF);
        // Errors name places: a rewrite moves columns, so only the sums and the records read are compared.
        const sums = (o: ReturnType<typeof scanOutcome>) =>
          'stopped' in o ? o : { bySegment: o.bySegment, records: o.records, n: o.errors.length };
        expect(sums(scanOutcome(cat, 'json', text, chunk))).toEqual(sums(plain));
        expect(sums(scanOutcome(cat, 'json', text, chunk, CACHE_OFF))).toEqual(sums(plain));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("the command line: the adversarial test's file gives the report of its canonical rewrite", async () => {
    const text =
      '{"segment":1,"preset":"720p30","count":4}\n{"segment":1.0,"preset":"720p30","count":4}\n{"segment":1e0,"preset":"720p30","count":4}\n' +
      '{"segment":"a","mbps":2,"label":7}\n{"segment":"a","mbps":2,"label":7.0}\n';
    const run = (input: string) => runInProcess(['-i', '-', '--input-format', 'ndjson', '--json'], { input });
    const [got, want] = [await run(text), await run(canonical(text))];
    expect(got.code).toBe(0);
    const report = JSON.parse(got.stdout) as { segments: Array<{ path: string[]; cameras: string }> };
    expect(report.segments.filter((s) => s.path.length === 1).map((s) => `${s.path[0]}=${s.cameras}`)).toEqual(['1=12', 'a=2']);
    expect(got.stdout.replace(/"bytes": \d+/, '')).toBe(want.stdout.replace(/"bytes": \d+/, '')); // the rewrite is shorter
  });
});
