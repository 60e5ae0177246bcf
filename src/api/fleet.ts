/**
 * Fleet files into the fleet model, for the library and the command line
 * alike: the same strict reading (UTF-8, JSON syntax with line and column,
 * duplicate keys, unknown keys with a did-you-mean, every value checked),
 * and every problem listed in the InputError's `issues`.
 */
import type { z } from 'zod';
import { InputError } from '../core/diagnostics/errors.js';
import type { Catalog } from '../core/model/catalog.js';
import type { Fleet } from '../core/model/fleet.js';
import type { fleetSchema } from '../schema/fleet-schema.js';
import { defaultCatalog } from './catalog.js';

/** A fleet file as a JavaScript value: what `JSON.parse` gives for one (see fleet.schema.json). */
export type FleetDocument = z.input<typeof fleetSchema>;

export interface ParseFleetOptions {
  /** The preset catalog that `preset` ids are looked up in (default: the catalog camsize ships). */
  catalog?: Catalog;
  /** What error messages call the input (default: `<fleet>`; loadFleet uses the path). */
  file?: string;
  /**
   * A site calibration file (`camsize measure … --fit`) for the fleet's estimated groups, in place of
   * the fleet's own `"calibration"` (which is read relative to `file`, or the working directory).
   */
  calibration?: string;
  /**
   * false: refuse a fleet that refers to a file (its `"calibration"`), for fleets from untrusted hands.
   * By default camsize reads it, inside the folder of `file` (the working directory without one).
   */
  allowFiles?: boolean;
  /** Supplies the files a fleet refers to (its `"calibration"`, as the fleet writes the path): camsize then reads none itself. */
  readFile?: (path: string) => Promise<Uint8Array | string>;
}

/**
 * A fleet from its text, its bytes, or its parsed value. A count is a whole
 * number from 0 to 10^15 (exact as a JSON number, since 10^15 is below 2^53,
 * or as a string of digits); a bigint count is read as its digits, and a
 * bigint anywhere else is refused.
 */
export async function parseFleet(source: string | Uint8Array | FleetDocument, options: ParseFleetOptions = {}): Promise<Fleet> {
  const bytes =
    typeof source === 'string' ? new TextEncoder().encode(source) : source instanceof Uint8Array ? source : documentBytes(source);
  const [{ loadFleet }, catalog] = await Promise.all([
    import('../io/fleet-load.js'), // off the start-up path of --preset runs
    options.catalog ?? defaultCatalog(),
  ]);
  const { readFileBounded: readFile } = await import('../io/io.js');
  const files = {
    ...(options.allowFiles === undefined ? {} : { allowFiles: options.allowFiles }),
    ...(options.readFile === undefined ? {} : { readFile: options.readFile }),
  };
  const calibration = { ...(options.calibration === undefined ? {} : { override: options.calibration }), io: { readFile }, files };
  return loadFleet(bytes, options.file ?? '<fleet>', catalog, calibration);
}

/** A fleet from a file. */
export async function loadFleet(path: string | URL, options: Omit<ParseFleetOptions, 'file'> = {}): Promise<Fleet> {
  const file = typeof path === 'string' ? path : path.pathname;
  const { readFile } = await import('node:fs/promises');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const { fileProblem } = await import('../io/file-problem.js');
    throw new InputError(`${file}: ${fileProblem(error)}`);
  }
  return parseFleet(bytes, { ...options, file });
}

function documentBytes(document: FleetDocument): Uint8Array {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InputError('a fleet is an object with "name" and "segments" or "cameras"');
  }
  const text = JSON.stringify(document, (key, value) => {
    if (typeof value !== 'bigint') return value;
    if (key === 'count') return value.toString();
    throw new InputError(`"${key}": ${value}n is a bigint; only a count may be one (write rates and sizes with a unit, e.g. "4Mb/s")`);
  });
  return new TextEncoder().encode(text);
}
