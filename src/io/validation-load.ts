/** Reads the estimate model's validation set, which ships in presets/validation/ (never loaded as a catalog). */
import { join } from 'node:path';
import { InputError } from '../core/diagnostics/errors.js';
import type { ValidationSet } from '../core/estimate/validation.js';
import { PRESETS_DIR } from './catalog-load.js';
import type { Io } from './io.js';

export const VALIDATION_PATH = join(PRESETS_DIR, 'validation', 'estimate-points.json');

export async function loadValidationSet(io: Io, path = VALIDATION_PATH): Promise<ValidationSet> {
  const { readValidationSet } = await import('../core/estimate/validation.js');
  let text: string;
  try {
    text = (await io.readFile(path)).toString('utf8');
  } catch {
    throw new InputError(`cannot read the estimate model's validation set ${path}`);
  }
  try {
    return readValidationSet(JSON.parse(text));
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}
