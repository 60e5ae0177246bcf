/**
 * Storage amounts in bytes (bigint): read from "100TB", "500 TiB", "2PB";
 * written in decimal units (1 TB = 10^12 B) with binary units beside.
 */
import { scaleToInteger } from './decimal.js';
import { readQuantity } from './quantity.js';
import { InputError } from '../diagnostics/errors.js';
import { formatScaled } from './rate.js';
import { closest } from '../diagnostics/suggest.js';

const DECIMAL: ReadonlyArray<[string, bigint]> = [
  ['B', 1n],
  ['kB', 10n ** 3n],
  ['MB', 10n ** 6n],
  ['GB', 10n ** 9n],
  ['TB', 10n ** 12n],
  ['PB', 10n ** 15n],
  ['EB', 10n ** 18n],
  ['ZB', 10n ** 21n],
];
const BINARY: ReadonlyArray<[string, bigint]> = [
  ['B', 1n],
  ['KiB', 2n ** 10n],
  ['MiB', 2n ** 20n],
  ['GiB', 2n ** 30n],
  ['TiB', 2n ** 40n],
  ['PiB', 2n ** 50n],
  ['EiB', 2n ** 60n],
  ['ZiB', 2n ** 70n],
];
const UNITS = new Map<string, bigint>([...DECIMAL, ...BINARY, ['KB', 10n ** 3n]]);

/** "100TB", "500 TiB", "1.5 PB" → bytes. Bits (Tb) are refused: storage is counted in bytes. */
export function parseBytes(text: string): bigint {
  const quantity = readQuantity(text, 'storage size');
  if (!quantity) {
    if (text.trim() === '') throw new InputError('empty storage size');
    if (/\d,\d/.test(text)) {
      throw new InputError(`'${text}' is not a storage size: write decimals with a point and no thousands separators (e.g. 2.5TB)`);
    }
    throw new InputError(`'${text}' is not a storage size (e.g. 500TB or 400 TiB)`);
  }
  const { value, number, unit } = quantity;
  if (unit === undefined) throw new InputError(`'${text.trim()}' has no unit (write e.g. ${number}TB)`);
  const factor = UNITS.get(unit);
  if (factor === undefined) {
    if (/^[kKMGTPEZ]?i?b$/.test(unit)) throw new InputError(`'${unit}' is bits; storage is in bytes (write ${unit.replace(/b$/, 'B')})`);
    const near = closest(unit, UNITS.keys(), 1)[0];
    throw new InputError(`unknown storage unit '${unit}'${near ? ` (did you mean '${near}'?)` : ' (use e.g. TB, PB or TiB)'}`);
  }
  if (value.coefficient < 0n) throw new InputError(`storage size '${text.trim()}' is negative`);
  const bytes = scaleToInteger(value, factor);
  if (bytes === undefined) throw new InputError(`storage size '${text.trim()}' is not a whole number of bytes`);
  return bytes;
}

function scaled(bytes: bigint, units: ReadonlyArray<[string, bigint]>): [string, bigint] {
  let chosen = units[0]!;
  for (const unit of units) if (bytes >= unit[1]) chosen = unit;
  return chosen;
}

/** The largest decimal unit `bytes` reaches, and its size in bytes. */
export function decimalByteUnit(bytes: bigint): [string, bigint] {
  return scaled(bytes < 0n ? -bytes : bytes, DECIMAL);
}

/** "25.92 EB": exact, in the largest decimal unit the value reaches. */
export function formatBytes(bytes: bigint, options: { group?: boolean } = {}): string {
  const [name, factor] = scaled(bytes, DECIMAL);
  return `${formatScaled(bytes, factor, options)} ${name}`;
}

/** "~22.48 EiB": the same amount in binary units, to two decimals (marked '~' when rounded). */
export function formatBinaryBytes(bytes: bigint): string {
  const [name, factor] = scaled(bytes, BINARY);
  return `${formatScaled(bytes, factor, { precision: 2 })} ${name}`;
}
