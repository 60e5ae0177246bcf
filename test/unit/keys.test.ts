import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathKey, tupleKey } from '../../src/core/model/keys.js';

// Keys of names that hold any character: equal keys only for equal tuples.
describe('tupleKey and pathKey', () => {
  it('tell apart names that hold a separator', () => {
    expect(pathKey(['a\u0000b'])).not.toBe(pathKey(['a', 'b']));
    expect(tupleKey(['a'], 'b\u0001c')).not.toBe(tupleKey(['a\u0001b'], 'c'));
    expect(tupleKey('lbl', '4000000')).not.toBe(tupleKey('lbl\u00004000000'));
    expect(tupleKey('a|b', 'c')).not.toBe(tupleKey('a', 'b|c'));
    expect(tupleKey([], '')).not.toBe(tupleKey(['']));
    expect(tupleKey(1, 'x')).toBe(tupleKey('1', 'x'));
  });

  it('are equal exactly when the tuples are', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '[', '\u0000', '1', '|', '/') });
    const part = fc.oneof(text, fc.array(text, { maxLength: 3 }));
    const tuple = fc.array(part, { maxLength: 4 });
    fc.assert(
      fc.property(tuple, tuple, (a, b) => {
        expect(tupleKey(...a) === tupleKey(...b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      { numRuns: 2000, seed: 21 },
    );
  });
});
