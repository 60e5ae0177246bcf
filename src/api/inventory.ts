/**
 * sizeInventory: a camera inventory (a file, a stream, records) sized as
 * `camsize [FLEET] --inventory FILE` sizes it, through the same readers
 * (inventory-read.ts), with the library's checks of its arguments.
 */
import { InputError, UsageError } from '../core/diagnostics/errors.js';
import { printable } from '../core/diagnostics/printable.js';
import { columnPairsOf, columnSettings, delimiterOf, isHeaders } from '../core/inventory/column-settings.js';
import type { Fleet } from '../core/model/fleet.js';
import type { Report } from '../core/model/report.js';
import { checkEstimateAt, checkSettings, described, type Kind } from './arguments.js';
import { defaultCatalog } from './catalog.js';
import { type ParseFleetOptions, readFleet } from './fleet.js';
import { isFleetModel } from './fleet-model.js';
import { mergedSchedule, readInventoryFleet, scheduleOptions, sizeRead, withInventory } from './inventory-read.js';
import { stopIfAborted } from '../io/abort.js';
import type { ReadProgress } from '../io/inventory/options.js';
import { chunkSource } from './inventory-source.js';
import type { InventorySource, SizeInventoryOptions } from './inventory-types.js';
import { measuredRequest } from './measured.js';
import { readSizeSettings, refuseStorageWithoutRetention, storageSettingsGiven } from './options.js';
import { SIZE_CALL_KINDS } from './size.js';

const INVENTORY_KINDS = {
  ...SIZE_CALL_KINDS,
  fleet: 'text-or-object',
  allowNewSegments: 'boolean',
  skipInvalid: 'boolean',
  onSkipped: 'function',
  format: 'text',
  name: 'text',
  threads: 'number',
  signal: 'signal',
  progress: 'function',
  columns: 'object',
  segmentColumns: 'text-list',
  delimiter: 'text',
  sheet: 'text',
} as const satisfies Record<keyof SizeInventoryOptions, Kind>;

/**
 * Sizes a camera inventory, streamed in constant memory, as `camsize
 * --inventory` does: the same readers, checks, messages and report. The
 * cameras are placed in `fleet`'s segments when given, else in a tree built
 * from the records' segment paths.
 */
export async function sizeInventory(source: InventorySource, options?: SizeInventoryOptions): Promise<Report> {
  const checked = checkSettings<SizeInventoryOptions>('sizeInventory', options, INVENTORY_KINDS);
  const {
    catalog: given,
    calibration,
    estimateAt,
    measured,
    tolerance,
    useMeasured,
    fleet,
    allowNewSegments,
    skipInvalid,
    onSkipped,
    ...rest
  } = checked;
  const { format, name, threads, signal, progress, allowFiles, readFile, columns, segmentColumns, delimiter, sheet, ...settings } = rest;
  await checkReading(format, threads, estimateAt);
  const schedule = scheduleSettings(columns, segmentColumns, delimiter);
  stopIfAborted(signal);
  const catalog = given ?? (await defaultCatalog());
  const chunks = await chunkSource(source, name);
  const sizing = readSizeSettings(settings, catalog);
  const request = measuredRequest({ measured, tolerance, useMeasured });
  const reading = { catalog, calibration, estimateAt, allowFiles, readFile };
  const into = fleet === undefined ? undefined : { fleet: await placeIn(fleet, definedOnly(reading)), name: 'the fleet' };
  // The fleet's calibration (its own, or `calibration` over it) calibrates a schedule's rows too; without a fleet, `calibration` does.
  const rows = into?.fleet.calibration ?? (calibration === undefined ? undefined : await rowCalibration(calibration));
  const read = await libraryWords(async () =>
    readInventoryFleet(
      chunks,
      catalog,
      {
        skipInvalid: skipInvalid === true,
        threads: threads ?? (signal ? 1 : (await import('node:os')).availableParallelism()),
        format,
        progress: progress && progressOf(progress),
        signal,
        into,
        allowNewSegments: allowNewSegments === true,
        allowWord: 'allowNewSegments',
        // The fleet's "inventory" settings, each replaced by the call's own when given.
        ...scheduleOptions(mergedSchedule(into?.fleet.inventory, { ...schedule, ...(sheet === undefined ? {} : { sheet }) })),
        ...(rows ? { calibration: rows } : {}),
        ...(estimateAt === undefined ? {} : { estimateAt }),
      },
      () => {
        throw new UsageError('sizeInventory: pass process.stdin itself to read standard input');
      },
    ),
  );
  for (const sample of read.skippedSamples) onSkipped?.(sample);
  const report = request
    ? await (await import('./measured.js')).sizeWithMeasurements(read.fleet, sizing, request, read.ids)
    : sizeRead(read, sizing);
  refuseStorageWithoutRetention(storageSettingsGiven(settings, String), report, 'the retention setting');
  return withInventory(report, read);
}

/** The reading settings the readers take on trust: a format, a number of threads, a point of the estimates' ranges. */
async function checkReading(format: string | undefined, threads: number | undefined, estimateAt: string | undefined): Promise<void> {
  const { INPUT_FORMATS } = await import('../io/inventory/split.js'); // io/ is loaded when called
  if (format !== undefined && !(INPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`format '${printable(format, 60)}' is not one of ${INPUT_FORMATS.join(', ')}`, { path: 'format' });
  }
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 256)) {
    throw new UsageError(`threads: ${threads} is not a number of threads (1 to 256)`, { path: 'threads' });
  }
  checkEstimateAt('sizeInventory', estimateAt);
}

/** The reader's progress as the library's callback takes it. */
function progressOf(progress: NonNullable<SizeInventoryOptions['progress']>) {
  return (at: ReadProgress, done: boolean) =>
    progress({ records: at.records, bytes: at.bytes, ...(at.total === undefined ? {} : { read: at.read, total: at.total }), done });
}

/** The readers' refusals in the library's words: the hint that stops a run at a bad record names `skipInvalid`, not the flag. */
async function libraryWords<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InputError && error.hint === (await import('../io/inventory/messages.js')).SKIP_INVALID_HINT)
      (error as { hint?: string }).hint =
        'Pass skipInvalid: true to skip invalid records (counted, the first 10 told to onSkipped) and size the rest.';
    throw error;
  }
}

/** A schedule's column settings as the reader takes them; a wrong field, header list or delimiter is a UsageError naming the setting. */
function scheduleSettings(
  columns: SizeInventoryOptions['columns'],
  segmentColumns: SizeInventoryOptions['segmentColumns'],
  delimiter: SizeInventoryOptions['delimiter'],
) {
  const usage = <T>(path: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new UsageError(`sizeInventory: ${path}: ${error.message}`, { path, cause: error });
    }
  };
  const pairs = columns === undefined ? [] : usage('columns', () => columnPairsOf(checkedMapping(columns)));
  const settings = usage('segmentColumns', () => columnSettings(pairs, segmentColumns));
  return {
    ...settings,
    ...(delimiter === undefined ? {} : { delimiter: usage('delimiter', () => delimiterOf(delimiter)) }),
  };
}

/** A mapping's values are each a header or a list of headers. */
function checkedMapping(columns: object): Record<string, string | readonly string[]> {
  for (const [field, headers] of Object.entries(columns)) {
    if (!isHeaders(headers))
      throw new InputError(`${printable(field, 60)}: a header is text, or a list of text, not ${described(headers)}`);
  }
  return columns as Record<string, string | readonly string[]>;
}

/** The site calibration for a schedule's rows to estimate, read as --calibration reads it. */
async function rowCalibration(path: string) {
  const [{ loadCalibration }, { readFileBounded }] = await Promise.all([import('../io/calibration-load.js'), import('../io/io.js')]);
  return loadCalibration(path, { readFile: readFileBounded }, 'calibration');
}

/** The fleet the cameras are placed in: a model as it is, or a fleet file's value or text read as parseFleet reads it. */
async function placeIn(fleet: unknown, reading: ParseFleetOptions): Promise<Fleet> {
  if (isFleetModel(fleet)) {
    // Applied as a fleet is read: to a model's groups they would come too late, and its rows and groups would differ.
    for (const name of ['calibration', 'estimateAt'] as const)
      if (reading[name] !== undefined)
        throw new UsageError(
          `${name} is applied when the fleet is read: give it to loadFleet or parseFleet, or give the fleet file's value or text`,
          {
            path: name,
          },
        );
    return fleet;
  }
  return readFleet('sizeInventory', fleet, reading);
}

/** The settings given, without those left undefined (the readers tell an absent setting from one given). */
function definedOnly<T extends object>(settings: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as never;
}
