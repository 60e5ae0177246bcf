/**
 * The library's sizing calls: a fleet (the model, or a fleet file's value or
 * text) and settings as people write them, to the report every format
 * renders. The arithmetic is the core's (sizeFleet, answerCapacity), exact.
 */
import { UsageError } from '../core/diagnostics/errors.js';
import type { Catalog } from '../core/model/catalog.js';
import type { Fleet } from '../core/model/fleet.js';
import type { Report } from '../core/model/report.js';
import { profileFor, withContext } from '../core/input/camera-spec.js';
import { answerCapacity } from '../core/sizing/capacity.js';
import { sizeFleet } from '../core/sizing/size.js';
import { defaultCatalog } from './catalog.js';
import { type FleetDocument, parseFleet } from './fleet.js';
import { type MeasuredSettings, measuredRequest, sizeWithMeasurements } from './measured.js';
import { type SizeSettings, sizeOptions } from './options.js';

export interface SizeCallOptions extends SizeSettings, MeasuredSettings {
  /** Where preset ids are looked up (default: the catalog camsize ships). */
  catalog?: Catalog;
  /**
   * A site calibration file (`camsize measure … --fit`) for the fleet's estimated groups, in place of
   * its own `"calibration"`. Applied when the fleet is read, so not with a model from parseFleet (pass it there).
   */
  calibration?: string;
  /** As parseFleet's: false refuses a fleet file's value or text that refers to a file (its `"calibration"`). */
  allowFiles?: boolean;
  /** As parseFleet's: supplies the files a fleet refers to, so that camsize reads none itself. */
  readFile?: (path: string) => Promise<Uint8Array | string>;
}

/** A fleet model as parseFleet and loadFleet return it (it has a root segment; a fleet file's value does not). */
function isFleetModel(fleet: Fleet | FleetDocument | string): fleet is Fleet {
  return typeof fleet === 'object' && fleet !== null && 'root' in fleet && typeof fleet.root === 'object';
}

/**
 * Sizes a fleet: every segment rolled up from everything below it, every link
 * checked. `report.verdict` is 'pass', 'fail' or 'unchecked' (nothing had a
 * capacity); exitCodeOf(report) is what the command line exits with.
 */
export async function size(fleet: Fleet | FleetDocument | string, options: SizeCallOptions = {}): Promise<Report> {
  const { catalog: given, calibration, measured, tolerance, useMeasured, allowFiles, readFile, ...settings } = options;
  const catalog = given ?? (await defaultCatalog());
  if (calibration !== undefined && isFleetModel(fleet))
    throw new UsageError('calibration is applied when the fleet is read: give it to parseFleet or loadFleet, or pass the fleet file here');
  const files = { ...(allowFiles === undefined ? {} : { allowFiles }), ...(readFile === undefined ? {} : { readFile }) };
  const model = isFleetModel(fleet)
    ? fleet
    : await parseFleet(fleet, { catalog, ...(calibration === undefined ? {} : { calibration }), ...files });
  const sizing = sizeOptions(settings, catalog);
  const request = measuredRequest({ measured, tolerance, useMeasured });
  return request ? sizeWithMeasurements(model, sizing, request) : sizeFleet(model, sizing);
}

/**
 * "How many of these cameras fit on this capacity?", under the same ceiling
 * and overhead as any check: `report.capacityAnswer.maxCameras`. The camera is
 * a preset id or a per-camera rate ("2.5Mb/s").
 */
export async function howManyFit(
  camera: string,
  capacity: string | bigint,
  options: Omit<SizeCallOptions, 'capacity'> = {},
): Promise<Report> {
  const { catalog: given, ...settings } = options;
  const catalog = given ?? (await defaultCatalog());
  const profile = withContext('camera', () => profileFor(camera, catalog));
  const sizing = sizeOptions({ ...settings, capacity }, catalog);
  return answerCapacity(profile, sizing.capacityBitsPerSecond!, sizing);
}
