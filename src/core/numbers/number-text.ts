/**
 * The one reader for numbers typed as text (options such as --night-hours,
 * --correlation, --depth, --fps): plain decimal digits only, with an
 * optional fraction where fractions make sense. No empty value (an unset
 * shell variable), no hex (0x10), no exponent (1e-400 underflows to 0), no
 * sign, no blanks inside; and a range check whose message states the range.
 * Number("") is 0 and Number("0x10") is 16: such a value must never reach a
 * capacity verdict.
 */
import { InputError } from '../diagnostics/errors.js';
import { printable } from '../diagnostics/printable.js';

export interface NumberSpec {
  /** How the message names the value, e.g. "--night-hours" or "night hours". */
  readonly what: string;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** The bounds themselves are not allowed (a percentile of 50 < p < 100). */
  readonly exclusive?: boolean;
  /** How the range reads in the message, when "from MIN to MAX" is not the best wording. */
  readonly range?: string;
}

const WHOLE = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export function readNumber(input: string | number, spec: NumberSpec): number {
  const text = typeof input === 'number' ? numberText(input) : input.trim();
  const range = spec.range ?? `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
  const refuse = (): never => {
    const shown = typeof input === 'number' ? String(input) : printable(input);
    throw new InputError(`${spec.what} '${shown}' must be ${range}`);
  };
  if (text === undefined || !(spec.integer ? WHOLE : DECIMAL).test(text)) return refuse();
  const value = Number(text);
  const inside = spec.exclusive ? value > spec.min && value < spec.max : value >= spec.min && value <= spec.max;
  if (!Number.isFinite(value) || !inside) return refuse();
  return value;
}

/** A JSON number as the decimal text its author wrote (undefined for NaN, infinities and exponent forms). */
function numberText(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const text = String(value);
  return /e/i.test(text) ? undefined : text;
}
