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
import { checkArgument, checkSettings, type Kind } from './arguments.js';
import { defaultCatalog } from './catalog.js';
import { readFleet } from './fleet.js';
import type { FleetDocument } from './fleet-document.js';
import { isFleetModel } from './fleet-model.js';
import { type MeasuredSettings, measuredRequest, sizeWithMeasurements } from './measured.js';
import { readSizeSettings, SIZE_SETTING_KINDS, type SizeSettings } from './options.js';

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
  /** The point of their ranges estimated groups take (`low`, `mid`, `high`); applied when the fleet is read, like calibration. */
  estimateAt?: 'low' | 'mid' | 'high';
}

/** What each of size()'s settings may be given as. */
export const SIZE_CALL_KINDS = {
  ...SIZE_SETTING_KINDS,
  measured: 'text-or-list',
  tolerance: 'text-or-number',
  useMeasured: 'boolean',
  catalog: 'catalog',
  calibration: 'text',
  allowFiles: 'boolean',
  readFile: 'function',
  estimateAt: 'text',
} as const satisfies Record<keyof SizeCallOptions, Kind>;

/**
 * Sizes a fleet: every segment rolled up from everything below it, every link
 * checked. `report.verdict` is 'pass', 'fail' or 'unchecked' (nothing had a
 * capacity); exitCodeOf(report) is what the command line exits with. A string
 * is a fleet file's text, never a path (loadFleet reads files).
 */
export async function size(fleet: Fleet | FleetDocument | string, options?: SizeCallOptions): Promise<Report> {
  const checked = checkSettings<SizeCallOptions>('size', options, SIZE_CALL_KINDS);
  const { catalog: given, calibration, estimateAt, measured, tolerance, useMeasured, allowFiles, readFile, ...settings } = checked;
  const catalog = given ?? (await defaultCatalog());
  const model = isFleetModel(fleet) ? fleet : undefined;
  if ((calibration !== undefined || estimateAt !== undefined) && model) {
    const name = calibration !== undefined ? 'calibration' : 'estimateAt';
    throw new UsageError(`${name} is applied when the fleet is read: give it to parseFleet or loadFleet, or pass the fleet file here`, {
      path: name,
    });
  }
  const files = { ...(allowFiles === undefined ? {} : { allowFiles }), ...(readFile === undefined ? {} : { readFile }) };
  const read =
    model ??
    (await readFleet('size', fleet, {
      catalog,
      ...(calibration === undefined ? {} : { calibration }),
      ...(estimateAt === undefined ? {} : { estimateAt }),
      ...files,
    }));
  const sizing = readSizeSettings(settings, catalog);
  const request = measuredRequest({ measured, tolerance, useMeasured });
  return request ? sizeWithMeasurements(read, sizing, request) : sizeFleet(read, sizing);
}

/** howManyFit's settings: size()'s sizing settings but the capacity (its own argument), and the catalog. */
export interface HowManyFitOptions extends Omit<SizeSettings, 'capacity'> {
  catalog?: Catalog;
}

/**
 * "How many of these cameras fit on this capacity?", under the same ceiling
 * and overhead as any check: `report.capacityAnswer.maxCameras`. The camera is
 * a preset id or a per-camera rate ("2.5Mb/s").
 */
export async function howManyFit(camera: string, capacity: string | bigint, options?: HowManyFitOptions): Promise<Report> {
  checkArgument('howManyFit', 'camera', camera, 'text');
  checkArgument('howManyFit', 'capacity', capacity, 'text-or-bigint');
  const { capacity: _, ...kinds } = SIZE_SETTING_KINDS;
  const { catalog: given, ...settings } = checkSettings<HowManyFitOptions>('howManyFit', options, { ...kinds, catalog: 'catalog' });
  const catalog = given ?? (await defaultCatalog());
  const profile = withContext('camera', () => profileFor(camera, catalog));
  const sizing = readSizeSettings({ ...settings, capacity }, catalog);
  return answerCapacity(profile, sizing.capacityBitsPerSecond!, sizing);
}
