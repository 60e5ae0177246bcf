/**
 * Percentages as exact ratios (num/den), for link ceilings and overheads:
 * "70%", 70, "72.5 %", 5.5. Never floats.
 */
import { parseDecimal } from './decimal.js';
import { InputError } from '../diagnostics/errors.js';

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** "70%", "70", 70, "72.5 %" → 70/100, 725/1000. Range checks are the caller's. */
export function parsePercent(input: string | number, what: string): Ratio {
  const text = typeof input === 'number' ? String(input) : input.trim().replace(/\s*%$/, '');
  const decimal = parseDecimal(text);
  if (!decimal) throw new InputError(`${what} '${input}' is not a percentage (e.g. 70 or "70%")`);
  if (decimal.coefficient < 0n) throw new InputError(`${what} '${input}' is negative`);
  return decimal.exponent >= 0
    ? { num: decimal.coefficient * 10n ** BigInt(decimal.exponent), den: 100n }
    : { num: decimal.coefficient, den: 100n * 10n ** BigInt(-decimal.exponent) };
}

/** A ceiling: more than 0 % and at most 100 %. */
export function parseCeiling(input: string | number): Ratio {
  const ratio = parsePercent(input, 'max utilization');
  if (ratio.num === 0n || ratio.num > ratio.den) {
    throw new InputError(`max utilization '${input}' must be more than 0 % and at most 100 %`);
  }
  return ratio;
}

/** floor(value × ratio): usable capacity rounds down, the safe direction. */
export function applyFloor(value: bigint, ratio: Ratio): bigint {
  return (value * ratio.num) / ratio.den;
}

/** The ratio as percent text, exact: 70/100 → "70", 725/1000 → "72.5". */
export function percentText(ratio: Ratio): string {
  // percent = num × 100 / den; den is 100 × 10^k, so this is an exact decimal.
  const scaled = ratio.num * 100n;
  let den = ratio.den;
  let decimals = 0;
  while (den % 10n === 0n && den > 1n) {
    den /= 10n;
    decimals++;
  }
  const value = scaled / den;
  if (decimals === 0) return value.toString();
  const digits = value.toString().padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return text.replace(/\.?0+$/, '');
}

export const DEFAULT_CEILING: Ratio = { num: 70n, den: 100n };

/** A switch's PoE budget counts as full at 80 % (the SOP, §5 Step 5a.2: "keep the total at or below 80% of the switch's PoE budget"). */
export const DEFAULT_POE_CEILING: Ratio = { num: 80n, den: 100n };
