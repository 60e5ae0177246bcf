import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/core/diagnostics/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['mpbs', 'mbps', 1],
    ['720p3', '720p30', 1],
    ['segmnets', 'segments', 1],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  it('prefers prefixes, then the nearest, then alphabetical', () => {
    expect(closest('4k', ['4k30', '4k10-night', '720p30'])).toEqual(['4k30', '4k10-night']);
    expect(closest('cout', ['count', 'cameras', 'label'])).toEqual(['count']);
    expect(closest('zzzzzz', ['count'])).toEqual([]);
  });
});
