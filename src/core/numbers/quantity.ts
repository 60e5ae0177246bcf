/**
 * A number and its unit as people write them ("4Mb/s", "2.5 TB", "1e3kb/s"):
 * the one reading of such text for bit rates (rate.ts) and storage sizes
 * (bytes.ts), so both take the same numbers and refuse the same ones. An
 * exponent has at most two digits: "1e100TB" or "1e-400Mb/s" is a typo, not
 * a size (and 10^400 is not worth the arithmetic).
 */
import { InputError } from '../diagnostics/errors.js';
import { type Decimal, parseDecimal } from './decimal.js';

const QUANTITY_TEXT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*([^\s\d.+-][^\s]*)?\s*$/;

export interface Quantity {
  readonly value: Decimal;
  /** The number as written. */
  readonly number: string;
  /** The unit as written; undefined when there is none. */
  readonly unit: string | undefined;
}

/** The number and unit of `text`; undefined when it is not a number followed by an optional unit. `what` names it in the error. */
export function readQuantity(text: string, what: string): Quantity | undefined {
  // "2,5TB" is a decimal comma or a thousands separator, never the number 2 in a unit ",5TB".
  const match = /\d,\d/.test(text) ? null : QUANTITY_TEXT.exec(text);
  if (!match) return undefined;
  const [, number = '', unit] = match;
  const value = parseDecimal(number);
  // The pattern is the decimal's own but for the exponent's length.
  if (!value) throw new InputError(`${what} '${text.trim()}' has an exponent of more than two digits (is there a typo?)`);
  return { value, number, unit };
}
