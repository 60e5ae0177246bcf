/** Camera counts: exact whole numbers, 0 or more (a site without that camera type sizes to 0 b/s), from text or JSON. */
import { parseDecimal, scaleToInteger } from './decimal.js';
import { InputError } from '../diagnostics/errors.js';

/**
 * The largest count camsize accepts. Well past any real fleet (about 10^9
 * cameras exist worldwide), it is there to catch typos such as an extra
 * exponent, not to protect the arithmetic, which is exact at any size.
 */
export const MAX_COUNT = 10n ** 15n;

/** Reads "20000000", "20,000,000", "20_000_000" or "2e7". */
export function parseCount(text: string): bigint {
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('count is empty (expected a whole number of cameras, 0 or more)');
  // A sign is refused, as the docs say: '+5' is most likely a slip, and '-0' is negative in intent.
  if (trimmed[0] === '-') throw new InputError(`count '${text}' is negative (expected a whole number of cameras, 0 or more)`);
  if (trimmed[0] === '+') throw new InputError(`count '${text}' has a sign (expected a whole number of cameras, 0 or more, without one)`);
  const plain = /^\d{1,3}(,\d{3})+$/.test(trimmed) || /^\d{1,3}(_\d{3})+$/.test(trimmed) ? trimmed.replace(/[,_]/g, '') : trimmed;
  const decimal = parseDecimal(plain);
  if (!decimal) throw new InputError(`count '${text}' is not a number (expected a whole number of cameras, 0 or more)`);
  if (decimal.coefficient < 0n) throw new InputError(`count '${text}' is negative (expected a whole number of cameras, 0 or more)`);
  const value = scaleToInteger(decimal, 1n);
  if (value === undefined) throw new InputError(`count '${text}' is not a whole number of cameras`);
  return checkCount(value, text);
}

/** A count from a JSON number or string (every count up to 10^15 is exact as a JSON number). */
export function countFromJson(value: unknown): bigint {
  if (typeof value === 'string') return parseCount(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InputError(`count ${value} is not a number`);
    if (value < 0 || Object.is(value, -0))
      throw new InputError(`count ${Object.is(value, -0) ? '-0' : value} is negative (expected a whole number of cameras, 0 or more)`);
    if (!Number.isInteger(value)) throw new InputError(`count ${value} is not a whole number of cameras`);
    // Beyond 2^53 the number read is not the one written: do not quote it.
    if (value > Number(MAX_COUNT)) throw new InputError('count is absurd: more than 10^15 cameras (is there a typo?)');
    return checkCount(BigInt(value), String(value));
  }
  throw new InputError(`count must be a whole number of cameras, got ${value === null ? 'null' : typeof value}`);
}

function checkCount(value: bigint, shown: string): bigint {
  if (value > MAX_COUNT) {
    throw new InputError(`count '${shown}' is absurd: more than 10^15 cameras (is there a typo?)`);
  }
  return value;
}
