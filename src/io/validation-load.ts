/** Reads the estimate model's validation set, which ships in presets/validation/ (never loaded as a catalog). */
import { join } from 'node:path';
import { InputError } from '../core/diagnostics/errors.js';
import type { ValidationSet } from '../core/estimate/validation.js';
import { PRESETS_DIR } from './catalog-load.js';
import type { Io } from './io.js';

export const VALIDATION_PATH = join(PRESETS_DIR, 'validation', 'estimate-points.json');
/** The measured averages, in the measurements CSV that `camsize measure` reads. */
export const MEASURED_PATH = join(PRESETS_DIR, 'validation', 'measured-averages.csv');

export async function loadValidationSet(io: Io, path = VALIDATION_PATH, measuredPath = MEASURED_PATH): Promise<ValidationSet> {
  const { readValidationSet } = await import('../core/estimate/validation.js');
  const read = async (file: string) => {
    try {
      return (await io.readFile(file)).toString('utf8');
    } catch {
      throw new InputError(`cannot read the estimate model's validation set ${file}`);
    }
  };
  const [text, csv] = await Promise.all([read(path), read(measuredPath)]);
  try {
    return readValidationSet(JSON.parse(text), { csv, file: measuredPath });
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}
