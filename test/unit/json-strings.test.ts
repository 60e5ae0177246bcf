import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

// An NDJSON or JSON inventory is JSON: a raw control character inside a string, and an ignored
// object or array that only counts its brackets right ([1,,]), made files JSON.parse refuses pass
// with exit 0, on the full parse and on the line cache's path alike (the same rule as the ignored
// numbers in json-number.test.ts).
const good = (i: number) => `{"id":"c${i + 1}","site":"x","segment":"s/a","preset":"720p30","count":1,"label":"pole ${i}"}`;

async function ndjson(lines: string[], format = 'ndjson') {
  const input = format === 'json' ? `[\n${lines.join(',\n')}\n]\n` : `${lines.join('\n')}\n`;
  return runInProcess(['-i', '-', '--input-format', format, '-q'], { input });
}

describe('an NDJSON or JSON inventory with text JSON.parse refuses', () => {
  const cases: [string, (line: string) => string, RegExp][] = [
    [
      'a control character in an ignored id',
      (l) => l.replace('"c', '"\u0001c'),
      /a control character inside a string: JSON writes it as \\u0001/,
    ],
    ['a tab in an ignored member', (l) => l.replace('"x"', '"x\ty"'), /a control character inside a string: JSON writes it as \\u0009/],
    ['an escape character in the segment', (l) => l.replace('s/a', 's/\u001b[31ma'), /JSON writes it as \\u001b/],
    ['a control character in the label', (l) => l.replace('pole', 'po\u0002le'), /JSON writes it as \\u0002/],
    ['a control character in a member name', (l) => l.replace('"site"', '"si\u0003te"'), /JSON writes it as \\u0003/],
    ['an ignored array with a hole', (l) => l.replace('"site":"x"', '"site":[1,,2]'), /not a JSON value: \[1,,2\]/],
    ['an ignored object without a value', (l) => l.replace('"site":"x"', '"site":{"a"}'), /not a JSON value: \{"a"\}/],
    ['an ignored array closed by a brace', (l) => l.replace('"site":"x"', '"site":[1}'), /not a JSON value: \[1\}/],
  ];
  for (const [what, spoil, message] of cases) {
    it(`refuses ${what}, early or after the cache has learned the file, as NDJSON and as a JSON array`, async () => {
      for (const format of ['ndjson', 'json'])
        for (const at of [0, 500]) {
          const lines = Array.from({ length: 600 }, (_, i) => good(i));
          lines[at] = spoil(lines[at]!);
          const r = await ndjson(lines, format);
          expect(r.code, `${format}, line ${at + 1}`).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(message);
          expect(r.stderr).toContain(`:${at + (format === 'json' ? 2 : 1)}:`);
        }
    });
  }

  it('still reads ignored objects and arrays that are JSON, and escaped control characters', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => good(i));
    lines[3] = lines[3]!.replace('"site":"x"', '"site":{"tags":[1,{"a":[]}],"n":null}');
    lines[520] = lines[520]!.replace('"c', '"\\u0001\\tc');
    const r = await ndjson(lines);
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  it('accepts a line exactly when JSON.parse does, whatever characters its strings hold', async () => {
    const chars = fc.constantFrom('a', ' ', '\u0000', '\u0001', '\t', '\u001f', '\u007f', 'é', '\\\\', '\\n', '\\u0001');
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 4 }), fc.array(chars, { maxLength: 4 }), async (a, b) => {
        const line = `{"id":"${a.join('')}","site":"${b.join('')}","segment":"s/a","preset":"720p30","count":1}`;
        let json = true;
        try {
          JSON.parse(line);
        } catch {
          json = false;
        }
        const lines = Array.from({ length: 80 }, (_, i) => good(i));
        lines[70] = line;
        const r = await ndjson(lines);
        expect(r.code, JSON.stringify(line)).toBe(json ? 0 : 2);
      }),
      { numRuns: 60, seed: 21 },
    );
  });
});

describe('member names and ignored strings with escapes, as JSON.parse reads them', () => {
  const total = async (text: string) => {
    const r = await runInProcess(['-i', '-', '--input-format', 'ndjson', '--json'], { input: text });
    return { code: r.code, cameras: r.code === 0 ? JSON.parse(r.stdout).total.cameras : undefined, stderr: r.stderr };
  };
  it('reads an alias or a field spelt with escapes as that field (its count was lost: every record counted once)', async () => {
    const escaped = [
      '{"segment":"north/sw-1","preset":"720p30","q\\u0074y":40}',
      '{"segment":"north/sw-1","preset":"720p30","number\\u0020of cameras":25}',
      '{"s\\u0065gment":"north/sw-2","preset":"4k30","co\\u0075nt":3}',
    ];
    const plain = escaped.map((l) => JSON.stringify(JSON.parse(l)));
    expect(await total(`${escaped.join('\n')}\n`)).toMatchObject({ code: 0, cameras: '68' });
    expect(await total(`${plain.join('\n')}\n`)).toMatchObject({ code: 0, cameras: '68' });
  });
  it('refuses a record that gives an alias twice, once with escapes', async () => {
    const r = await total('{"segment":"s","preset":"720p30","qty":2,"q\\u0074y":3}\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/given twice/);
  });
  it('refuses an ignored string with an escape JSON does not have, and reads one with escapes it has', async () => {
    for (const bad of ['C:\\\\cams\\x', '\\u00zz', 'D:\\cams']) {
      const r = await total(`{"segment":"s","preset":"720p30","count":1,"note":"${bad}"}\n`);
      expect([r.code, r.stderr], bad).toEqual([2, expect.stringMatching(/invalid escape/)]);
    }
    expect(await total('{"segment":"s","preset":"720p30","count":2,"note":"C:\\\\cams\\n\\u00e9"}\n')).toMatchObject({
      code: 0,
      cameras: '2',
    });
  });
});
