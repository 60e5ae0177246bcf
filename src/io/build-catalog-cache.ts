/**
 * Build step (`npm run build`): validates presets/*.json with the zod schema
 * and records the result with the exact text it came from in dist/catalog-cache.json.
 * A broken catalog fails the build with every problem listed.
 */
import { writeFileSync } from 'node:fs';
import { buildCatalog, presetToJson } from '../core/model/catalog.js';
import { InputError } from '../core/diagnostics/errors.js';
import { CACHE_FILE, catalogKey, readCatalogFiles, validateCatalogFiles } from './catalog-load.js';

try {
  const files = readCatalogFiles();
  const presets = await validateCatalogFiles(files);
  buildCatalog(presets); // rejects duplicate ids
  const cache = { key: catalogKey(files), presets: presets.map(presetToJson) };
  writeFileSync(CACHE_FILE, `${JSON.stringify(cache)}\n`);
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  for (const line of error.issues) process.stderr.write(`camsize: ${line}\n`);
  process.exitCode = 2;
}
