/** Camera counts: exact positive integers, from text or JSON. */
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
  if (trimmed === '') throw new InputError('count is empty (expected a positive integer)');
  const plain = /^\d{1,3}(,\d{3})+$/.test(trimmed) || /^\d{1,3}(_\d{3})+$/.test(trimmed) ? trimmed.replace(/[,_]/g, '') : trimmed;
  const decimal = parseDecimal(plain);
  if (!decimal) throw new InputError(`count '${text}' is not a number (expected a positive integer)`);
  if (decimal.coefficient < 0n) throw new InputError(`count '${text}' is negative (expected a positive integer)`);
  const value = scaleToInteger(decimal, 1n);
  if (value === undefined) throw new InputError(`count '${text}' is not a whole number of cameras`);
  return checkCount(value, text);
}

/** A count from a JSON number or string. Numbers beyond 2^53 lose digits in JSON, so they must be strings. */
export function countFromJson(value: unknown): bigint {
  if (typeof value === 'string') return parseCount(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InputError(`count ${value} is not a number`);
    if (value < 0) throw new InputError(`count ${value} is negative (expected a positive integer)`);
    if (!Number.isInteger(value)) throw new InputError(`count ${value} is not a whole number of cameras`);
    if (!Number.isSafeInteger(value)) {
      throw new InputError(`count ${value} is above 2^53 and may have lost digits: write it as a string, e.g. "${BigInt(value)}"`);
    }
    return checkCount(BigInt(value), String(value));
  }
  throw new InputError(`count must be a positive integer, got ${value === null ? 'null' : typeof value}`);
}

function checkCount(value: bigint, shown: string): bigint {
  if (value === 0n) throw new InputError(`count '${shown}' is zero (expected a positive integer)`);
  if (value > MAX_COUNT) {
    throw new InputError(`count '${shown}' is absurd: more than 10^15 cameras (is there a typo?)`);
  }
  return value;
}
