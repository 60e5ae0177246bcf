/**
 * Exact decimal numbers read from text. "0.625" is 625 × 10^-3, never the
 * binary float 0.625 (which happens to be exact, unlike 0.1 or 1.2).
 */
export interface Decimal {
  /** value = coefficient × 10^exponent */
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d{1,2}))?$/;

/** Parses decimal text such as "12", "0.625", "2.5e3" or "-1". Returns undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign = '', body = '', exp = '0'] = match;
  const dot = body.indexOf('.');
  const intDigits = dot === -1 ? body : body.slice(0, dot);
  const fracDigits = dot === -1 ? '' : body.slice(dot + 1);
  const digits = (intDigits + fracDigits).replace(/^0+(?=\d)/, '') || '0';
  const magnitude = BigInt(digits);
  return {
    coefficient: sign === '-' ? -magnitude : magnitude,
    exponent: Number(exp) - fracDigits.length,
  };
}

/**
 * A JSON number reaches us as a float; its shortest round-trip text (what
 * String() gives) is the decimal the author wrote for any literal with at most
 * 15–17 significant digits, which covers every realistic bit rate.
 */
export function decimalFromNumber(value: number): Decimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  return parseDecimal(String(value));
}

/** value × multiplier as an integer, or undefined when the product is not whole. */
export function scaleToInteger(value: Decimal, multiplier: bigint): bigint | undefined {
  const scaled = value.coefficient * multiplier;
  if (value.exponent >= 0) return scaled * 10n ** BigInt(value.exponent);
  const divisor = 10n ** BigInt(-value.exponent);
  return scaled % divisor === 0n ? scaled / divisor : undefined;
}

/** Integer division rounding towards +infinity (for non-negative operands). */
export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}
