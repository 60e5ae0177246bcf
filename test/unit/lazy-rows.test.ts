import { describe, expect, it } from 'vitest';
import { lazyArray } from '../../src/core/inventory/sizing/lazy-rows.js';

// The inventory's segment rows are a lazy array: every way a renderer reads it must give the same
// elements in the same order, for…of (its own iterator) as well as indexing and the array methods.
describe('lazyArray', () => {
  for (const length of [0, 1, 2, 5, 1000]) {
    it(`reads ${length} elements alike every way`, () => {
      let made = 0;
      const rows = lazyArray(length, (i) => {
        made++;
        return { i, square: i * i };
      });
      const plain = Array.from({ length }, (_, i) => ({ i, square: i * i }));
      const walked: unknown[] = [];
      for (const row of rows) walked.push(row);
      expect(walked).toEqual(plain);
      expect([...rows]).toEqual(plain);
      expect(Array.from(rows)).toEqual(plain);
      expect(rows.map((r) => r.i)).toEqual(plain.map((r) => r.i));
      expect(rows.length).toBe(length);
      expect(Array.isArray(rows)).toBe(true);
      expect(JSON.stringify(rows)).toBe(JSON.stringify(plain));
      for (let i = 0; i < length; i++) expect(rows[i]).toEqual(plain[i]);
      expect(rows[length]).toBeUndefined();
      expect(made).toBeGreaterThanOrEqual(length);
    });
  }

  it('walks twice, each walk from the start', () => {
    const rows = lazyArray(3, (i) => i);
    expect([...rows]).toEqual([0, 1, 2]);
    expect([...rows]).toEqual([0, 1, 2]);
  });
});
