/**
 * Bit rates as exact integers of bits per second (bigint), parsed from text
 * with a unit and formatted back without losing a digit.
 */
import { decimalFromNumber, scaleToInteger, type Decimal } from './decimal.js';
import { readQuantity } from './quantity.js';
import { InputError } from '../diagnostics/errors.js';
import { lookupUnit, OUTPUT_UNITS } from './rate-units.js';

export type BitsPerSecond = bigint;

/**
 * Parses "4Mb/s", "0.625 Mbps", "10 Gbps", "2 MB/s" into bits per second.
 * A bare number is an error unless `defaultUnit` says what it is in.
 * Throws InputError with a message that does not name the field (callers add that).
 */
export function parseRate(text: string, defaultUnit?: string): BitsPerSecond {
  const quantity = readQuantity(text, 'bit rate');
  if (!quantity) {
    if (text.trim() === '') throw new InputError('empty bit rate');
    if (/\d,\d/.test(text)) {
      throw new InputError(`'${text}' is not a bit rate: write decimals with a point and no thousands separators (e.g. 2.5Mb/s)`);
    }
    throw new InputError(`'${text}' is not a bit rate (expected a number and a unit, e.g. 4Mb/s)`);
  }
  const { value, number, unit: unitText } = quantity;
  const unit = unitText ?? defaultUnit;
  if (unit === undefined) {
    throw new InputError(`'${text.trim()}' has no unit (write e.g. ${number}Mb/s or ${number}kb/s)`);
  }
  return rateFromDecimal(value, unit, text.trim());
}

/** A per-camera rate: like parseRate, but a camera sending 0 b/s is a mistake, not a camera. */
export function parseCameraRate(text: string): BitsPerSecond {
  return checkCameraRate(parseRate(text));
}

export function checkCameraRate(bps: BitsPerSecond): BitsPerSecond {
  if (bps === 0n) throw new InputError('a camera bit rate must be more than 0 b/s');
  return bps;
}

/** A JSON number in a known unit (e.g. an inventory's `mbps` field), read through its decimal text. */
export function rateFromNumber(value: number, unit: string): BitsPerSecond {
  const decimal = decimalFromNumber(value);
  if (!decimal) throw new InputError(`${value} is not a finite number`);
  return rateFromDecimal(decimal, unit, `${String(value)} ${unit}`);
}

function rateFromDecimal(value: Decimal, unit: string, shown: string): BitsPerSecond {
  const lookup = lookupUnit(unit);
  if (!lookup.ok) throw new InputError(lookup.reason);
  if (value.coefficient < 0n) throw new InputError(`bit rate '${shown}' is negative`);
  const bps = scaleToInteger(value, lookup.factor);
  if (bps === undefined) {
    throw new InputError(`bit rate '${shown}' is not a whole number of bits per second`);
  }
  return bps;
}

export interface FormatOptions {
  /** A unit from OUTPUT_UNITS by name; default: the largest unit the value reaches. */
  unit?: { name: string; factor: bigint };
  /** Round to at most this many decimals (half up); the result is marked with '~' when that changed it. */
  precision?: number;
  /** Group the integer part in thousands with commas (for people, not machines). */
  group?: boolean;
}

/**
 * The unit auto-scaling picks: the largest in which the value's magnitude is at least 1 (b/s for
 * zero). By magnitude: a headroom of -130 Mb/s reads "-130 Mb/s", not "-130,000,000 b/s".
 */
export function autoUnit(bps: BitsPerSecond): { name: string; factor: bigint } {
  const magnitude = bps < 0n ? -bps : bps;
  let chosen = OUTPUT_UNITS[0]!;
  for (const unit of OUTPUT_UNITS) if (magnitude >= unit.factor) chosen = unit;
  return chosen;
}

/** "80 Tb/s", "0.625 Mb/s", "12.7185205 Tb/s": exact unless `precision` asks otherwise. */
export function formatRate(bps: BitsPerSecond, options: FormatOptions = {}): string {
  const unit = options.unit ?? autoUnit(bps);
  return `${formatScaled(bps, unit.factor, options)} ${unit.name}`;
}

/** value / factor as exact decimal text (or rounded to `precision`, marked '~'). */
export function formatScaled(value: bigint, factor: bigint, options: Pick<FormatOptions, 'precision' | 'group'> = {}): string {
  const negative = value < 0n;
  let magnitude = negative ? -value : value;
  let scale = factor;
  let approximate = false;
  if (options.precision !== undefined) {
    const target = 10n ** BigInt(options.precision);
    // Re-express as an integer count of 10^-precision units, rounding half up.
    const scaled = (magnitude * target * 2n + factor) / (factor * 2n);
    approximate = scaled * factor !== magnitude * target;
    magnitude = scaled;
    scale = target;
  }
  const whole = magnitude / scale;
  let fraction = '';
  const remainder = magnitude % scale;
  if (remainder !== 0n) {
    const width = scale.toString().length - 1;
    fraction = `.${remainder.toString().padStart(width, '0').replace(/0+$/, '')}`;
  }
  const wholeText = options.group ? groupThousands(whole.toString()) : whole.toString();
  return `${approximate ? '~' : ''}${negative ? '-' : ''}${wholeText}${fraction}`;
}

export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** Mb/s as a JS number, for JSON convenience fields only (may round above 2^53 b/s). */
export function toMbpsNumber(bps: BitsPerSecond): number {
  // Up to 2^53 both b/s and 10^6 are exact doubles, and IEEE division rounds the exact quotient to
  // the nearest double: the number the decimal text would parse to, without making the text
  // (a 100,000-segment --json report makes millions of these).
  if (bps <= MAX_EXACT && bps >= -MAX_EXACT) return Number(bps) / 1e6;
  return Number(formatScaled(bps, 10n ** 6n));
}
