import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/core/numbers/number-text.js';

const HOURS = { what: '--night-hours', min: 0, max: 24, integer: true };
const RHO = { what: '--correlation', min: 0, max: 1 };

describe('readNumber: one strict reader for typed numbers', () => {
  it.each([
    ['11', HOURS, 11],
    [' 0 ', HOURS, 0],
    ['24', HOURS, 24],
    ['0.3', RHO, 0.3],
    ['1', RHO, 1],
    ['0', RHO, 0],
    [7, HOURS, 7],
  ] as const)('reads %j', (input, spec, expected) => {
    expect(readNumber(input, spec)).toBe(expected);
  });

  it.each([
    ['', HOURS, "--night-hours '' must be a whole number from 0 to 24"],
    ['   ', HOURS, "--night-hours '   ' must be a whole number from 0 to 24"],
    ['0x10', HOURS, "--night-hours '0x10' must be a whole number from 0 to 24"],
    ['1e-400', HOURS, "--night-hours '1e-400' must be a whole number from 0 to 24"],
    ['1e1', HOURS, "--night-hours '1e1' must be a whole number from 0 to 24"],
    ['25', HOURS, "--night-hours '25' must be a whole number from 0 to 24"],
    ['-1', HOURS, "--night-hours '-1' must be a whole number from 0 to 24"],
    ['1.5', HOURS, "--night-hours '1.5' must be a whole number from 0 to 24"],
    ['+3', HOURS, "--night-hours '+3' must be a whole number from 0 to 24"],
    ['Infinity', RHO, "--correlation 'Infinity' must be a number from 0 to 1"],
    ['', RHO, "--correlation '' must be a number from 0 to 1"],
    ['.5', RHO, "--correlation '.5' must be a number from 0 to 1"],
    ['1.01', RHO, "--correlation '1.01' must be a number from 0 to 1"],
    ['a\nb', RHO, "--correlation 'a\\nb' must be a number from 0 to 1"],
    [Number.NaN, HOURS, "--night-hours 'NaN' must be a whole number from 0 to 24"],
    [1e21, HOURS, "--night-hours '1e+21' must be a whole number from 0 to 24"],
  ] as const)('refuses %j', (input, spec, message) => {
    expect(() => readNumber(input, spec)).toThrow(message);
  });

  it('checks exclusive bounds and says the range as given', () => {
    const p = { what: '--percentile', min: 50, max: 100, exclusive: true, range: 'more than 50 and less than 100 (e.g. 99)' };
    expect(readNumber('99.9', p)).toBe(99.9);
    expect(() => readNumber('100', p)).toThrow("--percentile '100' must be more than 50 and less than 100 (e.g. 99)");
    expect(() => readNumber('50', p)).toThrow("--percentile '50' must be more than 50 and less than 100 (e.g. 99)");
  });
});
