/**
 * --measured FILE...: reads the measurements (any file `camsize measure`
 * reads), finds the inventory's records of the cameras they name by id, and
 * matches them to the fleet's groups for the core to compare (DriftInput).
 */
import { createReadStream } from 'node:fs';
import type { DriftInput, MeasuredRequest } from '../core/measure/drift.js';
import type { CameraIds } from '../core/measure/match.js';
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import type { Catalog } from '../core/model/catalog.js';
import type { Fleet } from '../core/model/fleet.js';
import { readMeasurements } from './measurement-files.js';
import { fileProblem } from './file-problem.js';
import type { Io } from './io.js';
import { decompressed } from './inventory/load.js';
import type { InventoryColumns } from './inventory/options.js';
import { formatOf, type InputFormat } from './inventory/split.js';

export type { MeasuredRequest } from '../core/measure/drift.js';

export const STDIN_IDS =
  "matching by camera id reads the inventory a second time: give --inventory a file, not standard input, or name the camera's segment and group in a measurements CSV";

/** The measurements of every file, flagged (short, likely cap) together. */
export async function readMeasured(files: readonly string[], io: Io): Promise<FlaggedMeasurement[]> {
  const measured = [];
  for (const file of files) measured.push(...(await readMeasurements(file, io)));
  const { flagMeasurements, oneMeasurementPerCamera } = await import('../core/measure/measurement.js');
  oneMeasurementPerCamera(measured);
  return flagMeasurements(measured);
}

/** The measurements matched to the fleet's groups, with the inventory's camera ids when the cameras came from one. */
export async function driftInput(
  fleet: Fleet,
  measurements: readonly FlaggedMeasurement[],
  request: MeasuredRequest,
  ids: CameraIds | undefined,
): Promise<DriftInput> {
  const { matchMeasurements } = await import('../core/measure/match.js');
  const { groups, unmatched } = matchMeasurements(fleet, measurements, ids);
  return { groups, unmatched, measurements: measurements.length, tolerance: request.tolerance };
}

const SCHEDULE_IDS =
  'camera ids are matched in comma-separated inventories with one segment column and their header on the first line, not in schedules with a composed path, rows to estimate, a unit in a header, other delimiters or a workbook';

/**
 * The second pass (core/measure/inventory-ids.ts) finds the columns where the scan read them, but
 * reads a segment from one column and a rate as its text: a schedule read otherwise is not matched by id.
 */
function plainLayout(columns: InventoryColumns): boolean {
  if (columns.sheet !== undefined || (columns.delimiter !== undefined && columns.delimiter !== ',') || columns.titles.length > 0)
    return false;
  const estimates = ['resolution', 'fps', 'codec', 'scene', 'quality'];
  return columns.reads.every((r) => r.level === undefined && r.unit === undefined && !estimates.includes(r.field));
}

/** Where the inventory puts each camera the measurements name by id (a second pass over the file, keeping only those). */
export async function inventoryCameraIds(
  inventory: { path: string; format: InputFormat | undefined; columns?: InventoryColumns | undefined },
  measurements: readonly FlaggedMeasurement[],
  catalog: Catalog,
): Promise<CameraIds> {
  const { cameraIdCandidates } = await import('../core/measure/match.js');
  const wanted = new Set(measurements.flatMap(cameraIdCandidates));
  if (wanted.size === 0) return { byId: new Map() };
  if (inventory.path === '-') return { byId: new Map(), unavailable: STDIN_IDS };
  if (inventory.columns && !plainLayout(inventory.columns)) return { byId: new Map(), unavailable: SCHEDULE_IDS };
  const reads = inventory.columns?.line === 0 ? undefined : inventory.columns?.reads;
  const columnOf = reads && ((field: string) => reads.findIndex((r) => r.field === field));
  const { CameraIdFinder } = await import('../core/measure/inventory-ids.js');
  let finder: InstanceType<typeof CameraIdFinder> | undefined;
  try {
    for await (const chunk of decompressed(createReadStream(inventory.path, { highWaterMark: 1 << 20 }), 1 << 20)) {
      const format = inventory.format ?? formatOf(inventory.path, chunk);
      if (format === 'xlsx') return { byId: new Map(), unavailable: SCHEDULE_IDS };
      finder ??= new CameraIdFinder(wanted, catalog, format, columnOf);
      finder.feed(chunk);
    }
  } catch (error) {
    const { InputError } = await import('../core/diagnostics/errors.js');
    throw new InputError(`${inventory.path}: ${fileProblem(error)}`);
  }
  const found = finder?.end() ?? { byId: new Map(), noIdColumn: false };
  return found.noIdColumn ? { byId: found.byId, unavailable: 'the inventory has no id column' } : { byId: found.byId };
}
