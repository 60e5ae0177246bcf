/** Exact numbers as people write them, for the library: bit rates in b/s and sizes in bytes, both bigint. */
import { InputError } from '../core/diagnostics/errors.js';
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
export function formatRate(bitsPerSecond: BitsPerSecond, options: FormatRateOptions = {}): string {
  const { unit: name, ...rest } = options;
  if (name === undefined) return formatRateCore(bitsPerSecond, rest);
  const unit = outputUnit(name);
  if (!unit) throw new InputError(`unit '${name}' is not one of b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s`);
  return formatRateCore(bitsPerSecond, { ...rest, unit });
}
