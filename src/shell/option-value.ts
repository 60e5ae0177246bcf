/** An option's value that the core refuses is a usage mistake: the same message, with a pointer to --help. */
import { InputError, UsageError } from '../core/diagnostics/errors.js';
import { type NumberSpec, readNumber } from '../core/numbers/number-text.js';

export function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError && !(error instanceof UsageError)) throw new UsageError(error.message, error.issues);
    throw error;
  }
}

/** A number option read strictly (see readNumber), refused as a usage mistake. */
export function numberOption(value: string, spec: NumberSpec): number {
  return asUsage(() => readNumber(value, spec));
}

/** --fps of `presets` and `estimate`: any positive number here (the estimate model checks its own range). */
export const FPS: NumberSpec = { what: '--fps', min: 0, max: Number.MAX_SAFE_INTEGER, range: 'a positive number' };
