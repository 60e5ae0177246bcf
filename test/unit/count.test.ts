import { describe, expect, it } from 'vitest';
import { countFromJson, parseCount } from '../../src/core/numbers/count.js';

describe('parseCount', () => {
  it.each([
    ['0', 0n],
    ['1', 1n],
    ['20000000', 20_000_000n],
    ['20,000,000', 20_000_000n],
    ['20_000_000', 20_000_000n],
    ['2e7', 20_000_000n],
    ['1000000000000', 1_000_000_000_000n],
    [' 3 ', 3n],
  ])('%j = %s', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['-3', /negative/],
    ['2.5', /not a whole number/],
    ['abc', /not a number/],
    ['0x10', /not a number/],
    ['1e-400', /not a number/],
    ['1e20', /absurd/],
    ['2,50', /not a number/],
    // A sign is refused, as docs/cli.md says (+5 was accepted).
    ['+5', /'\+5' has a sign/],
    [' +5', /has a sign/],
    ['-0', /negative/],
  ])('rejects %j', (text, message) => {
    expect(() => parseCount(text)).toThrow(message);
  });
});

describe('countFromJson', () => {
  it('takes safe integers and integer strings', () => {
    expect(countFromJson(3)).toBe(3n);
    expect(countFromJson('900000000000000')).toBe(900_000_000_000_000n);
  });
  it.each([
    [2 ** 60, /absurd: more than 10\^15/],
    [1e15 + 1, /absurd/],
    [1.5, /not a whole number/],
    [-1, /negative/],
    [-0, /negative/],
    ['+5', /has a sign/],
    [null, /got null/],
    [true, /got boolean/],
  ])('rejects %j', (value, message) => {
    expect(() => countFromJson(value)).toThrow(message);
  });
});
