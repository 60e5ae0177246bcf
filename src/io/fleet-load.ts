/** Reads a fleet file's text into the fleet model, listing every problem as `file: path: message`. */
import type { Catalog } from '../core/model/catalog.js';
import { coded, InputError } from '../core/diagnostics/errors.js';
import { fleetCalibrationPath, fleetFromJson } from '../core/input/fleet-json.js';
import type { SiteCalibration } from '../core/model/calibration.js';
import type { ReferencedFiles } from './calibration-load.js';
import type { Io } from './io.js';
import { type EstimateAtSetting, estimateAtPoints, type Fleet } from '../core/model/fleet.js';
import { formatIssue, issuePath, orderIssues } from '../core/diagnostics/issues.js';
import { fleetText } from '../core/input/fleet-text.js';
import { type DuplicateKey, duplicateKeys } from '../core/input/json-duplicates.js';
import { type JsonSyntaxError, locateJsonError } from '../core/input/json-syntax.js';
import { mayRepeatKeys } from '../core/input/key-count.js';
import { lineAndColumn } from '../core/diagnostics/issues.js';
import { fleetLooksValid } from '../schema/fleet-precheck.js';
import { PIECES_MIN_CHARS, readInPieces } from './fleet-pieces.js';

/** Where the site calibration comes from: --calibration FILE (`override`), else the fleet's own "calibration", read with `io` or as `files` says. */
export interface CalibrationSource {
  readonly override?: string;
  /** What named `override` (`--calibration`, the library's `calibration`), for an empty one. */
  readonly option?: string;
  readonly io: Pick<Io, 'readFile'>;
  readonly files?: ReferencedFiles;
}

/**
 * `calibration`: the site calibration for estimated groups, read with `io`: --calibration FILE (`override`) or
 * else the file's own "calibration", inside the fleet file's folder (calibration-load.ts).
 */
export async function loadFleet(
  bytes: Uint8Array,
  file: string,
  catalog: Catalog,
  calibration?: CalibrationSource,
  estimateAt?: EstimateAtSetting,
): Promise<Fleet> {
  const body = coded('FLEET_SYNTAX', () => fleetText(bytes, file));
  if (body.trim() === '') {
    throw new InputError(`${file}: empty input (expected a fleet file: JSON with "name" and "segments")`, { code: 'FLEET_SYNTAX', file });
  }
  // A large file, certainly valid, is read in pieces (io/fleet-pieces.ts); anything else as below.
  if (body.length >= PIECES_MIN_CHARS && calibration?.override === undefined) {
    const read = readInPieces(body, catalog, estimateAt);
    if (read && 'fleet' in read) return read.fleet;
    if (read && 'duplicates' in read) throw givenTwice(read.duplicates, body, file); // as below, without parsing the text again
    // A syntax error the pieces located: JSON.parse still fails on the text (its error is the cause), the walk is spared.
    if (read) return wholeFleet(body, file, catalog, calibration, estimateAt, read.syntax);
  }
  return wholeFleet(body, file, catalog, calibration, estimateAt);
}

/** The plain path: the whole text parsed, then read (exported for the differential tests, test/unit/fleet-pieces.test.ts). */
export async function wholeFleet(
  body: string,
  file: string,
  catalog: Catalog,
  calibration?: CalibrationSource,
  estimateAt?: EstimateAtSetting,
  /** The text's first syntax error, when it is known (reading in pieces found it): used only if JSON.parse fails. */
  located?: JsonSyntaxError,
): Promise<Fleet> {
  const json = parsed(body, file, placeIn(body, file), located);
  const duplicates = mayRepeatKeys(body, json) ? duplicateKeys(body) : [];
  if (duplicates.length > 0) throw givenTwice(duplicates, body, file);
  const site = await siteCalibration(json, file, calibration);
  const read = fleetFromJson(json, catalog, site, false, estimateAtPoints(estimateAt));
  // The calibration goes with the fleet: a schedule sized into it estimates its rows with it too.
  const withCalibration = (fleet: Fleet): Fleet => (site ? { ...fleet, calibration: site } : fleet);
  if (read.fleet && fleetLooksValid(json)) return withCalibration(read.fleet); // certainly valid: zod would find nothing
  const { validateFleet, FLEET_KEYS } = await import('../schema/fleet-schema.js');
  const { keysAt } = await import('../core/input/fleet-keys.js');
  const { fromZodIssues } = await import('../schema/zod-issues.js');
  const structural = validateFleet(json).flatMap(({ path, issue }) => fromZodIssues([issue], keysAt, path));
  // The value checks come first: where both flag a field, theirs is the more specific message.
  const issues = [...read.issues, ...structural];
  if (issues.length > 0 || !read.fleet) {
    const ordered = orderIssues(issues, FLEET_KEYS);
    const lines = ordered.map((issue) => formatIssue(file, issue));
    const first = ordered[0] && issuePath(ordered[0].path);
    throw new InputError(lines[0] ?? `${file}: invalid fleet file`, {
      code: 'FLEET_INVALID',
      issues: lines,
      file,
      ...(first ? { path: first } : {}),
    });
  }
  return withCalibration(read.fleet);
}

/** `file:line:column` of an offset in `body`. */
function placeIn(body: string, file: string): (offset: number) => string {
  return (offset) => {
    const { line, column } = lineAndColumn(body, offset);
    return `${file}:${line}:${column}`;
  };
}

/** The error for keys given twice (JSON keeps only the last: a second "cameras" would silently drop the first one's cameras). */
function givenTwice(duplicates: readonly DuplicateKey[], body: string, file: string): InputError {
  const place = placeIn(body, file);
  const lines = duplicates.map(
    (d) => `${place(d.offset)}: key "${d.key}" given twice in one object (first at ${place(d.firstOffset).slice(file.length + 1)})`,
  );
  return new InputError(lines[0]!, { code: 'FLEET_INVALID', issues: lines, file, ...lineAndColumn(body, duplicates[0]!.offset) });
}

/** The parsed text, or its first syntax error, where it is. */
function parsed(body: string, file: string, place: (offset: number) => string, located?: JsonSyntaxError): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    const where = located ?? locateJsonError(body);
    throw new InputError(`${place(where.offset)}: ${where.message}`, {
      code: 'FLEET_SYNTAX',
      cause: error,
      file,
      ...lineAndColumn(body, where.offset),
    });
  }
}

/** The calibration --calibration or the fleet's "calibration" names, read; undefined when neither does. */
async function siteCalibration(json: unknown, file: string, given: CalibrationSource | undefined): Promise<SiteCalibration | undefined> {
  const written = fleetCalibrationPath(json);
  if (!given || (given.override === undefined && written === undefined)) return undefined;
  const { loadCalibration, loadFleetCalibration } = await import('./calibration-load.js');
  if (given.override !== undefined) return loadCalibration(given.override, given.io, given.option);
  return loadFleetCalibration(file, written!, given.io, given.files);
}
