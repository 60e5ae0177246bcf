/**
 * Arrays written on one line (src/render/json-inline.ts): each value as
 * JSON writes it, joined by ", ". A comma inside a name is the name's: the
 * path of a segment named "a,b" was written ["a, b"] when the whole array's
 * text had ", " put after every comma.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineJson, inlineText, unInline } from '../../src/render/json-inline.js';

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
});
