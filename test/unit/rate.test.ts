import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRate, formatScaled, parseRate, toMbpsNumber } from '../../src/core/numbers/rate.js';
import { OUTPUT_UNITS } from '../../src/core/numbers/rate-units.js';

describe('parseRate', () => {
  it.each([
    ['4Mb/s', 4_000_000n],
    ['4 Mb/s', 4_000_000n],
    ['0.625 Mb/s', 625_000n],
    ['0.625Mbps', 625_000n],
    ['2.5Mbit/s', 2_500_000n],
    ['10 Gbps', 10_000_000_000n],
    ['10 gbps', 10_000_000_000n],
    ['1Gb/s', 1_000_000_000n],
    ['80 Tb/s', 80_000_000_000_000n],
    ['1.5 Pb/s', 1_500_000_000_000_000n],
    ['512 kbps', 512_000n],
    ['512 Kbps', 512_000n],
    ['512kb/s', 512_000n],
    ['300 b/s', 300n],
    ['300 bps', 300n],
    ['1 MB/s', 8_000_000n],
    ['1.5 kB/s', 12_000n],
    ['2 GB/s', 16_000_000_000n],
    ['1 Mibit/s', 1_048_576n],
    ['1 MiB/s', 8_388_608n],
    ['2e3 kb/s', 2_000_000n],
    ['.5Mb/s', 500_000n],
    ['0.1 Mb/s', 100_000n],
    ['1.2 Mb/s', 1_200_000n],
    [' 7 Mb/s ', 7_000_000n],
  ])('%s = %s b/s', (text, expected) => {
    expect(parseRate(text)).toBe(expected);
  });

  it('reads a bare number in the default unit when one is given', () => {
    expect(parseRate('0.625', 'Mb/s')).toBe(625_000n);
  });

  it.each([
    ['4', /has no unit/],
    ['', /empty bit rate/],
    ['fast', /not a bit rate/],
    ['4 Mbs', /unknown unit 'Mbs' \(did you mean 'Mb\/s'\?\)/],
    ['4 MBPS', /ambiguous unit 'MBPS'/],
    ['4 mB/s', /unknown unit|ambiguous/],
    ['4 Mb', /'Mb' is an amount, not a rate/],
    ['4 furlongs/s', /unknown unit/],
    ['-4 Mb/s', /negative/],
    ['0.5 b/s', /not a whole number of bits per second/],
    ['2,5 Mb/s', /decimals with a point/],
    ['1e400 Mb/s', /has an exponent of more than two digits/],
    ['2,5Mb/s', /decimals with a point/],
  ])('rejects %j', (text, message) => {
    expect(() => parseRate(text)).toThrow(message);
  });
});

describe('formatRate', () => {
  it.each([
    [0n, '0 b/s'],
    [999n, '999 b/s'],
    [1_000n, '1 kb/s'],
    [625_000n, '625 kb/s'],
    [4_000_000n, '4 Mb/s'],
    [23_000_000n, '23 Mb/s'],
    [80_000_000_000_000n, '80 Tb/s'],
    [12_718_520_500_000n, '12.7185205 Tb/s'],
    [24_000_000_000_000_000n, '24 Pb/s'],
    [24_000_000_000_000_000_000n, '24000 Pb/s'],
    [1_000_000_000_000_001n, '1.000000000000001 Pb/s'],
  ])('%s b/s is %s', (bps, text) => {
    expect(formatRate(bps)).toBe(text);
  });

  it('groups thousands for people', () => {
    expect(formatRate(80_000_000_000_000n, { unit: { name: 'Mb/s', factor: 10n ** 6n }, group: true })).toBe('80,000,000 Mb/s');
  });

  it('rounds only when asked, and marks the rounding', () => {
    expect(formatRate(12_718_520_500_000n, { precision: 2 })).toBe('~12.72 Tb/s');
    expect(formatRate(12_718_520_500_000n, { precision: 7 })).toBe('12.7185205 Tb/s');
    // A negative figure (a headroom over its limit, diff's After) scales by its magnitude.
    expect(formatRate(-130_000_000n)).toBe('-130 Mb/s');
    expect(formatRate(-1_500n)).toBe('-1.5 kb/s');
    expect(formatRate(-999n)).toBe('-999 b/s');
    expect(formatRate(625_000n, { unit: { name: 'Mb/s', factor: 10n ** 6n }, precision: 2 })).toBe('~0.63 Mb/s');
    expect(formatRate(4_000_000n, { precision: 0 })).toBe('4 Mb/s');
  });

  it('format then parse is the identity (auto unit and every fixed unit)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.integer({ min: -1, max: OUTPUT_UNITS.length - 1 }), (bps, unitIndex) => {
        const unit = unitIndex < 0 ? undefined : OUTPUT_UNITS[unitIndex];
        expect(parseRate(formatRate(bps, unit ? { unit } : {}))).toBe(bps);
      }),
    );
  });
});

describe('toMbpsNumber', () => {
  // The plain path: the exact decimal text, parsed. The fast path divides doubles up to 2^53.
  const plain = (bps: bigint) => Number(formatScaled(bps, 10n ** 6n));
  const edge = BigInt(Number.MAX_SAFE_INTEGER);

  it('equals the parsed exact decimal, on both sides of 2^53 and for every size', () => {
    const around = fc.bigInt({ min: edge - 1000n, max: edge + 1000n });
    const anySize = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
    const small = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    fc.assert(
      fc.property(fc.oneof(around, anySize, small), (bps) => {
        expect(Object.is(toMbpsNumber(bps), plain(bps))).toBe(true);
      }),
      { numRuns: 20_000, seed: 53 },
    );
  });

  it.each([0n, 1n, 999_999n, 1_000_000n, 302_375_000n, edge, edge + 1n, -edge, -edge - 1n, 80n * 10n ** 12n])('%s b/s', (bps) => {
    expect(toMbpsNumber(bps)).toBe(plain(bps));
  });
});
