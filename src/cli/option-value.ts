/** Number options of the subcommands, read strictly and refused as usage mistakes (asUsage, core/diagnostics/errors.ts). */
import { asUsage } from '../core/diagnostics/errors.js';
import { type NumberSpec, readNumber } from '../core/numbers/number-text.js';

/** A number option read strictly (see readNumber), refused as a usage mistake. */
export function numberOption(value: string, spec: NumberSpec): number {
  return asUsage(() => readNumber(value, spec));
}

/** --fps of `presets` and `estimate`: any positive number here (the estimate model checks its own range). */
export const FPS: NumberSpec = { what: '--fps', min: 0, max: Number.MAX_SAFE_INTEGER, range: 'a positive number' };
