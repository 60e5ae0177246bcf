/** Exact numbers as people write them, for the library: bit rates in b/s and sizes in bytes, both bigint. */
import { UsageError } from '../core/diagnostics/errors.js';
import { checkSettings, described } from './arguments.js';
import { outputUnit } from '../core/numbers/rate-units.js';
import { type BitsPerSecond, formatRate as formatRateCore } from '../core/numbers/rate.js';

export interface FormatRateOptions {
  /** b/s, kb/s, Mb/s, Gb/s, Tb/s or Pb/s (default: the largest unit the value reaches). */
  unit?: string;
  /** Round to at most this many decimals (half up), marked '~' where that changed the value (default: exact). */
  precision?: number;
  /** Group the whole part in thousands with commas: "1,255.71375 Mb/s". */
  group?: boolean;
}

/** 80000000000000n → "80 Tb/s"; exact unless `precision` asks otherwise. */
export function formatRate(bitsPerSecond: BitsPerSecond, options?: FormatRateOptions): string {
  if (typeof bitsPerSecond !== 'bigint' || bitsPerSecond < 0n) {
    throw new UsageError(`formatRate: the rate is a bigint of b/s, 0 or more, not ${described(bitsPerSecond)}`);
  }
  const checked = checkSettings<FormatRateOptions>('formatRate', options, { unit: 'text', precision: 'number', group: 'boolean' });
  if (checked.precision !== undefined && !(Number.isInteger(checked.precision) && checked.precision >= 0 && checked.precision <= 99)) {
    throw new UsageError(`formatRate: precision is a whole number of decimals from 0 to 99, not ${checked.precision}`, {
      path: 'precision',
    });
  }
  const { unit: name, ...rest } = checked;
  if (name === undefined) return formatRateCore(bitsPerSecond, rest);
  const unit = outputUnit(name);
  if (!unit) throw new UsageError(`unit '${name}' is not one of b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s`, { path: 'unit' });
  return formatRateCore(bitsPerSecond, { ...rest, unit });
}
