/**
 * Reads presets/*.json. Every catalog is validated with the zod schema, but a
 * catalog whose text is exactly what the build validated is taken from
 * dist/catalog-cache.json, so the everyday path never loads zod (~70 ms).
 * The cache keeps the validated text itself rather than a hash of it: comparing
 * ~50 kB of strings is cheaper than loading node:crypto, and it is exact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, presetFromJson, type Catalog, type Preset } from '../core/model/catalog.js';
import { coded, InputError } from '../core/diagnostics/errors.js';
import { fileProblem } from './file-problem.js';

export const PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));
export const CACHE_FILE = fileURLToPath(new URL('../catalog-cache.json', import.meta.url));

export interface CatalogFile {
  name: string;
  text: string;
}

export function readCatalogFiles(dir = PRESETS_DIR): CatalogFile[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new InputError(`cannot read the preset catalog in ${dir}`, { code: 'FILE_UNREADABLE', cause: error, file: dir });
  }
  return names.map((name) => {
    const file = join(dir, name);
    try {
      return { name, text: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new InputError(`${file}: ${fileProblem(error)}`, { code: 'FILE_UNREADABLE', cause: error, file });
    }
  });
}

/** The key the cache is valid for: every file name and its exact text. */
export function catalogKey(files: readonly CatalogFile[]): string {
  return files.map((f) => `${f.name}\0${f.text}`).join('\0');
}

export async function validateCatalogFiles(files: readonly CatalogFile[]): Promise<Preset[]> {
  const { validateCatalogFile } = await import('../schema/preset-schema.js');
  const presets: Preset[] = [];
  const issues: string[] = [];
  for (const f of files) {
    try {
      presets.push(...validateCatalogFile(f.name, f.text));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new InputError(issues[0]!, { code: 'CATALOG_INVALID', issues });
  return presets;
}

export async function loadCatalog(dir = PRESETS_DIR): Promise<Catalog> {
  const files = readCatalogFiles(dir);
  const cached = readCache(catalogKey(files));
  const presets = cached ?? (await validateCatalogFiles(files));
  return coded('CATALOG_INVALID', () => buildCatalog(presets));
}

function readCache(key: string): Preset[] | undefined {
  try {
    const cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { key: string; presets: Array<Record<string, unknown>> };
    return cache.key === key ? cache.presets.map(presetFromJson) : undefined;
  } catch {
    return undefined; // no cache (e.g. running from source): validate instead
  }
}
