/** The preset catalog camsize ships (presets/*.json), read once per process and shared. */
import type { Catalog } from '../core/model/catalog.js';
import { loadCatalog as readCatalog } from '../io/catalog-load.js';
import { checkArgument } from './arguments.js';

let shipped: Promise<Catalog> | undefined;

/** The shipped catalog; a failed read is not remembered, so the next call tries again. */
export function defaultCatalog(): Promise<Catalog> {
  shipped ??= readCatalog().catch((error: unknown) => {
    shipped = undefined;
    throw error;
  });
  return shipped;
}

/**
 * A preset catalog: the one camsize ships, or every *.json in `dir` (each file
 * checked against the catalog schema; a broken one is an InputError naming
 * the file and the field).
 */
export async function loadCatalog(dir?: string): Promise<Catalog> {
  if (dir !== undefined) checkArgument('loadCatalog', 'dir', dir, 'text');
  return dir === undefined ? defaultCatalog() : readCatalog(dir);
}
