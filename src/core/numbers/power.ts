/**
 * Electrical power as exact integers of milliwatts (bigint): a switch's PoE
 * budget ("370W", "1.2kW") and a camera's draw ("6.5W", or an IEEE
 * 802.3af/at/bt class, "class 3"). Never floats: 6.5 W is 6500 mW.
 */
import { InputError } from '../diagnostics/errors.js';
import { parseDecimal, scaleToInteger } from './decimal.js';
import { formatScaled } from './rate.js';

export type Milliwatts = bigint;

/** Case matters: mW is a milliwatt, MW would be a megawatt (refused: no switch has one). */
const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['mW', 1n],
  ['W', 1000n],
  ['kW', 1_000_000n],
  ['KW', 1_000_000n],
]);

/**
 * The maximum power a switch port (the PSE) gives each class, in mW: IEEE 802.3af/at (Clause 33:
 * classes 0–3 at 15.4 / 4.0 / 7.0 / 15.4 W, class 4 at 30 W, 802.3at Type 2) and 802.3bt (Clause 145:
 * classes 5–8 at 45 / 60 / 75 / 90 W). A class is budgeted at the switch at its maximum: what a
 * switch reserves for a port of that class, whatever the camera draws below it.
 */
export const POE_CLASS_MILLIWATTS: readonly bigint[] = [15_400n, 4_000n, 7_000n, 15_400n, 30_000n, 45_000n, 60_000n, 75_000n, 90_000n];

/** The largest power camsize reads (1 MW): a typo, not a switch, above it. */
const MAX_MILLIWATTS = 10n ** 9n;

/** "370W", "370 W", "1.2kW", "6500mW" → mW. A bare number is refused: say the unit. */
export function parsePower(text: string): Milliwatts {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)?\s*$/.exec(text);
  if (!match) throw new InputError(`'${text}' is not a power (e.g. "370W" or "6.5W")`);
  const [, number = '', unit] = match;
  if (unit === undefined) throw new InputError(`'${text.trim()}' has no unit (write e.g. ${number}W)`);
  const factor = UNITS.get(unit);
  if (factor === undefined) throw new InputError(`unknown power unit '${unit}' (use W, kW or mW)`);
  const milliwatts = scaleToInteger(parseDecimal(number)!, factor);
  if (milliwatts === undefined) throw new InputError(`power '${text.trim()}' is not a whole number of milliwatts`);
  if (milliwatts > MAX_MILLIWATTS) throw new InputError(`power '${text.trim()}' is more than 1 MW`);
  return milliwatts;
}

/** A camera's PoE draw: watts, or a class whose maximum at the switch port is budgeted. */
export interface CameraPower {
  readonly milliwatts: Milliwatts;
  /** Set when given as an IEEE 802.3af/at/bt class. */
  readonly poeClass?: number;
}

/** "6.5W" or "class 3" (also "class3", "Class 3") → the camera's draw at the switch port. */
export function parseCameraPower(text: string): CameraPower {
  const classMatch = /^\s*class\s*(\d+)\s*$/i.exec(text);
  if (classMatch) {
    const poeClass = Number(classMatch[1]);
    const milliwatts = POE_CLASS_MILLIWATTS[poeClass];
    if (milliwatts === undefined) throw new InputError(`PoE class '${classMatch[1]}' is not 0 to 8 (IEEE 802.3af/at/bt)`);
    return { milliwatts, poeClass };
  }
  const milliwatts = parsePower(text);
  if (milliwatts === 0n) throw new InputError('a camera drawing 0 W over PoE is not powered by the switch: leave "poe" out');
  return { milliwatts };
}

/** "370 W", "6.5 W", "1,024.5 W": exact, in watts. */
export function wattsText(milliwatts: Milliwatts, options: { group?: boolean } = {}): string {
  return `${formatScaled(milliwatts, 1000n, options)} W`;
}
