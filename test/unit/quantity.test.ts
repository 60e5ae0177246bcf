/**
 * Numbers with a unit (bit rates, storage sizes) are read by one reader
 * (core/numbers/quantity.ts): a size takes exactly the numbers a rate takes,
 * and refuses the same ones, with an InputError, never a crash (issue 22,
 * item 2: `--storage-capacity 1e100TB` was an internal error).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/diagnostics/errors.js';
import { parseBytes } from '../../src/core/numbers/bytes.js';
import { parseRate } from '../../src/core/numbers/rate.js';

const outcome = (read: () => bigint): bigint | string => {
  try {
    return read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return 'refused';
  }
};

describe('storage sizes and bit rates: one reader', () => {
  it.each(['1e100TB', '1e-100TB', '1e400TB', '1E+999 GB', '1e-400B', '9e100ZiB'])(
    'refuses %j with an exponent of more than two digits',
    (text) => {
      expect(() => parseBytes(text)).toThrow(/has an exponent of more than two digits/);
    },
  );

  it.each([
    ['1e99B', 10n ** 99n],
    ['1e2TB', 10n ** 14n],
    ['25e-1 kB', 2_500n],
  ])('reads %j as a rate would', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each([
    ['', /empty storage size/],
    ['2,5TB', /decimals with a point/],
    ['-1TB', /negative/],
    ['0.5B', /not a whole number of bytes/],
    ['1e100Mb/s', /exponent of more than two digits/],
  ])('refuses %j', (text, message) => {
    expect(() => (text.endsWith('/s') ? parseRate(text) : parseBytes(text))).toThrow(message);
  });

  it('a size and a rate take and refuse the same numbers (property)', () => {
    const digits = fc.stringMatching(/^\d{1,25}$/);
    const number = fc
      .tuple(
        fc.constantFrom('', '+', '-'),
        digits,
        fc.option(fc.stringMatching(/^\d{0,6}$/)),
        fc.option(fc.stringMatching(/^[eE][+-]?\d{1,4}$/)),
      )
      .map(([sign, whole, fraction, exponent]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent ?? ''}`);
    fc.assert(
      fc.property(number, fc.constantFrom('', ' '), (n, gap) => {
        const size = outcome(() => parseBytes(`${n}${gap}B`));
        const rate = outcome(() => parseRate(`${n}${gap}b/s`));
        expect(size).toEqual(rate);
      }),
      { seed: 22_002, numRuns: 2_000 },
    );
  });
});
