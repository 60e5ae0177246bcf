/**
 * Arrays written on one line (src/render/json-inline.ts): each value as
 * JSON writes it, joined by ", ". A comma inside a name is the name's: the
 * path of a segment named "a,b" was written ["a, b"] when the whole array's
 * text had ", " put after every comma. A name holding the mark is a name:
 * with a fixed mark, a segment named "\u0000camsize-inline\u0000{…}" put
 * its own JSON into the report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/api/render.js';
import { size } from '../../src/api/size.js';
import { inlineJson, inlineText, unInline } from '../../src/render/json-inline.js';

/** The mark as it was, fixed: a fleet file could hold it. */
const OLD_MARK = '\u0000camsize-inline\u0000';

describe('inline arrays', () => {
  it('keeps a comma inside a name', () => {
    expect(inlineText(['a,b', 'c'])).toBe('["a,b", "c"]');
    expect(JSON.parse(inlineText(['a,b', 'c']))).toEqual(['a,b', 'c']);
  });

  it('writes numbers, booleans and the empty array as before', () => {
    expect(inlineText([])).toBe('[]');
    expect(inlineText([1, 2.5, -0])).toBe('[1, 2.5, 0]');
    expect(inlineText([true, false])).toBe('[true, false]');
  });

  it('reads back as the values, and unInline restores the marked array inside pretty-printed JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.boolean(), fc.integer())), (values) => {
        expect(JSON.parse(inlineText(values))).toEqual(values);
        const text = unInline(JSON.stringify({ path: inlineJson(values) }, null, 2));
        expect(text).toBe(`{\n  "path": ${inlineText(values)}\n}`);
      }),
    );
  });

  it('leaves a name that holds a mark as the name, in every place of the report', async () => {
    const name = `${OLD_MARK}"pass", "injected": {"x": 1}`;
    expect(unInline(JSON.stringify({ where: name }, null, 2))).toBe(JSON.stringify({ where: name }, null, 2));
    const report = await size({
      name: OLD_MARK,
      segments: [{ name, link: '1Gb/s', cameras: [{ preset: '1080p30-ir', count: 2 }] }],
    });
    const text = await renderReport(report, 'json');
    expect(text).not.toContain('"injected"');
    const json = JSON.parse(text);
    expect(json.fleet).toBe(OLD_MARK);
    expect(json.segments[1].path).toEqual([name]);
    expect(json.checks.map((c: { where: string }) => c.where)).toContain(name);
    expect(json.checks.find((c: { where: string }) => c.where === name).path).toEqual([name]);
  });
});
