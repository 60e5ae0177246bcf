/**
 * Numbers written as ASCII digits straight into the text writer's bytes
 * (json-text.ts), without making a string: a report of 100,000 segments
 * writes some 3 million bigints and 2 million Mb/s figures, and a bigint's
 * `toString` (or `Number(…)`) costs several times what its digits do.
 *
 * A bigint of at most 2^53 − 1 in magnitude is read as the same number
 * through a BigInt64Array; anything larger is the caller's to write another
 * way (safeInteger gives NaN). A decimal `n ÷ 10^places` is written only when
 * |n| < 10^15: with at most 15 significant digits the exact quotient is what
 * JavaScript prints for the double nearest to it (15 digits survive a
 * double and back, so no other decimal of 15 digits or fewer maps to that
 * double, and Number.prototype.toString prints the shortest), without an
 * exponent (from 10^-6 up, below 10^21). test/unit/json-text.test.ts checks
 * both against `String(…)`.
 */

const INT64 = new BigInt64Array(1);
const WORDS = new Uint32Array(INT64.buffer);
const SIGNED_WORDS = new Int32Array(INT64.buffer);
/** Which 32-bit word of an int64 is the high one on this machine. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The bigint as a number when that is exact (|value| ≤ 2^53 − 1), else NaN. */
export function safeInteger(value: bigint): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) return Number.NaN;
  INT64[0] = value;
  return SIGNED_WORDS[HIGH]! * 4294967296 + WORDS[LOW]!;
}

/** Decimal digits of 0 ≤ x < 10^8. */
function digitCount(x: number): number {
  if (x < 10_000) return x < 100 ? (x < 10 ? 1 : 2) : x < 1000 ? 3 : 4;
  return x < 1_000_000 ? (x < 100_000 ? 5 : 6) : x < 10_000_000 ? 7 : 8;
}

/** 0 ≤ x < 10^8, an integer, in `width` digits (0: as many as it has), at `at`; returns the end. */
function writeSmall(bytes: Uint8Array, at: number, x: number, width: number): number {
  const end = at + (width || digitCount(x));
  let rest = x | 0;
  for (let p = end - 1; p >= at; p--) {
    bytes[p] = 0x30 + (rest % 10);
    rest = (rest / 10) | 0;
  }
  return end;
}

/** ⌊n ÷ d⌋, exact for integers 0 ≤ n < 2^53 and d ≤ 10^8 (the division's rounding mended; n − q·d is exact). */
function quotient(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/** An integer of magnitude below 2^53 in decimal (room for 17 bytes); returns the end. */
export function writeInteger(bytes: Uint8Array, at: number, n: number): number {
  if (n < 0) {
    bytes[at++] = 0x2d;
    n = -n;
  }
  if (n < 100_000_000) return writeSmall(bytes, at, n, 0);
  const high = quotient(n, 100_000_000);
  return writeSmall(bytes, writeSmall(bytes, at, high, 0), n - high * 100_000_000, 8);
}

/** Whether writeScaled writes `n` exactly as JavaScript prints n ÷ 10^places. */
export function scalable(n: number, places: number): boolean {
  return n > -1e15 && n < 1e15 && places >= 0 && places <= 6;
}

const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/** n ÷ 10^places as JavaScript prints it, for `scalable(n, places)` (room for 24 bytes); returns the end. */
export function writeScaled(bytes: Uint8Array, at: number, n: number, places: number): number {
  if (n < 0) {
    bytes[at++] = 0x2d;
    n = -n;
  }
  const power = POWERS[places]!;
  const whole = quotient(n, power);
  at = writeInteger(bytes, at, whole);
  const fraction = n - whole * power;
  if (fraction === 0) return at;
  bytes[at++] = 0x2e;
  let digits = fraction | 0;
  let width = places;
  while (digits % 10 === 0) {
    digits = (digits / 10) | 0;
    width--;
  }
  return writeSmall(bytes, at, digits, width);
}
