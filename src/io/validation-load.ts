/** Reads the estimate model's validation set, which ships in presets/validation/ (never loaded as a catalog). */
import { dirname, join } from 'node:path';
import { InputError } from '../core/diagnostics/errors.js';
import type { ValidationSet } from '../core/estimate/validation.js';
import { PRESETS_DIR } from './catalog-load.js';
import type { Io } from './io.js';

export const VALIDATION_PATH = join(PRESETS_DIR, 'validation', 'estimate-points.json');
/** The measured averages, in the measurements CSV that `camsize measure` reads. */
export const MEASURED_PATH = join(PRESETS_DIR, 'validation', 'measured-averages.csv');
/** Later batches of points, each `<name>.json` beside the points file (presets/validation/README.md). */
export const BATCHES: readonly string[] = ['holdout-2026-12', 'holdout-2026-12b'];

export async function loadValidationSet(io: Io, path = VALIDATION_PATH, measuredPath = MEASURED_PATH): Promise<ValidationSet> {
  const { readValidationSet } = await import('../core/estimate/validation.js');
  const read = async (file: string) => {
    try {
      return (await io.readFile(file)).toString('utf8');
    } catch {
      throw new InputError(`cannot read the estimate model's validation set ${file}`);
    }
  };
  const batchPath = (name: string) => join(dirname(path), `${name}.json`);
  const [text, csv, ...batches] = await Promise.all([read(path), read(measuredPath), ...BATCHES.map((b) => read(batchPath(b)))]);
  try {
    const later = BATCHES.map((name, i) => ({ name, json: JSON.parse(batches[i]!) as unknown }));
    return readValidationSet(JSON.parse(text), { csv, file: measuredPath }, later);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}
