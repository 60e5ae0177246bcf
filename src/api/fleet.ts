/**
 * Fleet files into the fleet model, for the library and the command line
 * alike: the same strict reading (UTF-8, JSON syntax with line and column,
 * duplicate keys, unknown keys with a did-you-mean, every value checked),
 * and every problem listed in the error's `issues`. parseFleet takes a
 * fleet's text, bytes or value and never reads it as a path; loadFleet
 * takes a path and reads the file.
 */
import { InputError, UsageError } from '../core/diagnostics/errors.js';
import { printable } from '../core/diagnostics/printable.js';
import type { Catalog } from '../core/model/catalog.js';
import type { Fleet } from '../core/model/fleet.js';
import { checkEstimateAt, checkSettings, described, type Kind } from './arguments.js';
import { defaultCatalog } from './catalog.js';
import type { FleetDocument } from './fleet-document.js';
import { fleetValueText } from './fleet-value.js';

export type * from './fleet-document.js';

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
  /**
   * The point of their 80 % ranges the fleet's estimated groups take, for links and storage alike:
   * `low`, `mid` or `high` (default: links at the peak's high end, storage at the average's centre).
   */
  estimateAt?: 'low' | 'mid' | 'high';
}

const PARSE_OPTIONS = {
  catalog: 'catalog',
  file: 'text',
  calibration: 'text',
  allowFiles: 'boolean',
  readFile: 'function',
  estimateAt: 'text',
} as const satisfies Record<keyof ParseFleetOptions, Kind>;

/**
 * A fleet from its text, its bytes, or its parsed value. A count is a whole
 * number from 0 to 10^15 (exact as a JSON number, since 10^15 is below 2^53,
 * or as a string of digits); a bigint count is read as its digits, and a
 * bigint anywhere else is refused. Text is always a fleet file's JSON, never
 * a path: loadFleet reads files.
 */
export async function parseFleet(source: string | Uint8Array | FleetDocument, options?: ParseFleetOptions): Promise<Fleet> {
  return readFleet('parseFleet', source, options);
}

/** parseFleet, with the name of the call that errors give (size() passes its own). */
export async function readFleet(call: string, source: unknown, given: ParseFleetOptions | undefined): Promise<Fleet> {
  const options = checkSettings<ParseFleetOptions>(call, given, PARSE_OPTIONS);
  const file = options.file ?? '<fleet>';
  const bytes = fleetBytes(call, source, file);
  const [{ loadFleet }, catalog] = await Promise.all([
    import('../io/fleet-load.js'), // off the start-up path of --preset runs
    options.catalog ?? defaultCatalog(),
  ]);
  const { readFileBounded: readFile } = await import('../io/io.js');
  const files = {
    ...(options.allowFiles === undefined ? {} : { allowFiles: options.allowFiles }),
    ...(options.readFile === undefined ? {} : { readFile: options.readFile }),
  };
  const calibration = {
    ...(options.calibration === undefined ? {} : { override: options.calibration, option: 'calibration' }),
    io: { readFile },
    files,
  };
  checkEstimateAt(call, options.estimateAt);
  return loadFleet(bytes, file, catalog, calibration, options.estimateAt);
}

/** A fleet file's bytes from what the caller gave: text, bytes, or a value (checked: fleet-value.ts). */
function fleetBytes(call: string, source: unknown, file: string): Uint8Array {
  if (source instanceof Uint8Array) return source;
  if (typeof source === 'string') {
    notAPath(call, source);
    return new TextEncoder().encode(source);
  }
  if (typeof source !== 'object' || source === null || Array.isArray(source) || isUrl(source)) {
    const path = isUrl(source) ? ` (to read a file, use loadFleet(url))` : '';
    throw new UsageError(`${call}: a fleet is its file's text or value ({ name, segments }), not ${described(source)}${path}`, {
      path: 'fleet',
    });
  }
  return new TextEncoder().encode(fleetValueText(source, file));
}

/**
 * Text that is one line and no JSON value is most likely a file's path:
 * never read as one (parseFleet and size() take a fleet's text), but said so.
 */
function notAPath(call: string, text: string): void {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[' || text.includes('\n') || text.trim() === '') return;
  try {
    JSON.parse(text);
  } catch {
    const shown = printable(text, 200);
    throw new UsageError(
      `${call}: '${shown}' is not a fleet's JSON text: ${call}() never reads files; to read this one, use loadFleet('${shown}')`,
      { path: 'fleet' },
    );
  }
}

/** A file: URL (a URL object, or anything with its `href` and `protocol`): typed without the DOM's or Node's URL. */
export interface FileUrl {
  readonly href: string;
  readonly protocol: string;
}

const isUrl = (value: unknown): value is FileUrl =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FileUrl).href === 'string' &&
  typeof (value as FileUrl).protocol === 'string';

/** A fleet from a file: a path, or a file: URL (a URL object whose protocol is file:). */
export async function loadFleet(path: string | FileUrl, options?: Omit<ParseFleetOptions, 'file'>): Promise<Fleet> {
  if (typeof path !== 'string' && !isUrl(path)) {
    throw new UsageError(
      `loadFleet: the path is text or a file: URL, not ${described(path)} (a fleet's text or value goes to parseFleet)`,
      {
        path: 'path',
      },
    );
  }
  const { file: _, ...kinds } = PARSE_OPTIONS;
  const checked = checkSettings<Omit<ParseFleetOptions, 'file'>>('loadFleet', options, kinds);
  const file = typeof path === 'string' ? path : await fileUrlPath(path);
  const [{ readFileBounded }, { fileProblem, MAX_FLEET_BYTES }] = await Promise.all([
    import('../io/io.js'),
    import('../io/file-problem.js'),
  ]);
  let bytes: Uint8Array;
  try {
    bytes = await readFileBounded(file, MAX_FLEET_BYTES);
  } catch (error) {
    throw new InputError(`${file}: ${fileProblem(error)}`, { code: 'FILE_UNREADABLE', cause: error, file });
  }
  try {
    return await readFleet('loadFleet', bytes, { ...checked, file });
  } catch (error) {
    if (!(error instanceof InputError) || error instanceof UsageError) throw error;
    // Another kind of file (an inventory, measurements, a calibration …): said as the command line says it (io/fleet-input.ts).
    const { otherFileKind } = await import('../core/input/file-kind.js');
    const kind = otherFileKind(file, bytes, 'library');
    if (kind === undefined) throw error;
    throw new UsageError(`${file}: ${kind}`, { code: 'FLEET_SYNTAX', cause: error, file });
  }
}

/** The path of a file: URL; any other URL is refused (camsize reads files, never the network). */
async function fileUrlPath(url: FileUrl): Promise<string> {
  const { fileURLToPath } = await import('node:url');
  try {
    return fileURLToPath(new URL(url.href));
  } catch (error) {
    throw new UsageError(`loadFleet: '${printable(url.href, 200)}' is not a file: URL of a path (camsize reads files, never the network)`, {
      cause: error,
      path: 'path',
    });
  }
}
