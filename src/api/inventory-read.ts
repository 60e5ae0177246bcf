/**
 * Reading an inventory into a fleet, shared by sizeInventory and the command
 * line's --inventory (so both give the same report): the streaming readers
 * (src/io/inventory), then the cameras placed in the fleet's segments or a
 * tree built from their paths.
 */
import { InputError } from '../core/diagnostics/errors.js';
import type { CameraIds } from '../core/measure/match.js';
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import type { Catalog } from '../core/model/catalog.js';
import type { Fleet } from '../core/model/fleet.js';
import type { Report } from '../core/model/report.js';
import type { InventoryAggregate } from '../core/inventory/aggregate.js';
import type { MissingSegment } from '../core/inventory/to-fleet.js';
import { sizeAggregate } from '../core/inventory/sizing/size-aggregate.js';
import { sizeFleet, type SizeOptions } from '../core/sizing/size.js';
import type { ColumnSettings } from '../core/inventory/column-plan.js';
import { headerKey } from '../core/inventory/columns.js';
import type { Delimiter } from '../core/inventory/header-rows.js';
import type { StopSignal } from '../io/abort.js';
import type { InventoryColumns, InventoryOptions } from '../io/inventory/options.js';
import type { InputFormat } from '../io/inventory/split.js';
import type { ChunkSource } from './inventory-source.js';

/** An inventory read and placed: the fleet to size, and what the report says about the read. */
export interface InventoryRead {
  /** The fleet to size: placed in the given fleet at once (its missing segments refused), else built when first read. */
  readonly fleet: Fleet;
  /** The inventory as read, and its base name: sizeRead sizes it without the fleet model where it can. */
  readonly aggregate: InventoryAggregate;
  readonly baseName: string;
  /** Whether the cameras were placed in a given fleet. */
  readonly placed: boolean;
  name: string;
  records: number;
  bytes: number;
  skipped: number;
  /** The first 10 skipped records' messages. */
  skippedSamples: readonly string[];
  /** How the file's columns or keys were read (each header and its field, or ignored). */
  columns?: InventoryColumns | undefined;
  /** Where the measurements' camera ids are in the inventory (a second pass over a file). */
  ids: (measurements: readonly FlaggedMeasurement[]) => Promise<CameraIds>;
}

export interface InventoryReadOptions {
  skipInvalid: boolean;
  threads: number;
  format?: InputFormat | undefined;
  progress?: InventoryOptions['progress'] | undefined;
  signal?: StopSignal | undefined;
  /** The fleet the cameras are placed in, and what messages call it. */
  into?: { fleet: Fleet; name: string } | undefined;
  allowNewSegments: boolean;
  /** What the missing-segment message says adds one: `--allow-new-segments` or `allowNewSegments`. */
  allowWord: string;
  /** A schedule's reading (--columns, --segment-columns, --delimiter, --sheet), a site calibration and --estimate-at for its rows to estimate. */
  columns?: InventoryOptions['columns'];
  delimiter?: InventoryOptions['delimiter'];
  sheet?: InventoryOptions['sheet'];
  calibration?: InventoryOptions['calibration'];
  estimateAt?: InventoryOptions['estimateAt'];
}

/** Reads the inventory and places its cameras; a segment the fleet lacks is refused (the first 10 named) unless allowed. */
export async function readInventoryFleet(
  source: ChunkSource,
  catalog: Catalog,
  options: InventoryReadOptions,
  stdin: () => AsyncIterable<Buffer>,
): Promise<InventoryRead> {
  const [{ loadInventory, loadInventoryFrom }, { inventoryFleet }] = await Promise.all([
    import('../io/inventory/load.js'),
    import('../core/inventory/to-fleet.js'),
  ]);
  const read = {
    skipInvalid: options.skipInvalid,
    threads: options.threads,
    ...(options.format ? { format: options.format } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.calibration ? { calibration: options.calibration } : {}),
    ...(options.estimateAt ? { estimateAt: options.estimateAt } : {}),
  };
  const { aggregate, name, bytes, columns } =
    source.kind === 'path'
      ? await loadInventory(source.path, catalog, read, { stdinChunks: stdin })
      : await loadInventoryFrom(source.chunks, source.name, '', catalog, { ...read, ...(source.records ? { format: 'ndjson' } : {}) });
  const baseName = name.replace(/^.*\//, '');
  const placed = options.into ? inventoryFleet(aggregate.entries, baseName, options.into.fleet, options.allowNewSegments) : undefined;
  if (placed && placed.missing.length > 0) throw missingSegments(placed.missing, name, options);
  const ids = async (measurements: readonly FlaggedMeasurement[]): Promise<CameraIds> => {
    const { inventoryCameraIds, STDIN_IDS } = await import('../io/measured-input.js');
    if (source.kind === 'path') return inventoryCameraIds({ path: source.path, format: options.format, columns }, measurements, catalog);
    return { byId: new Map(), unavailable: STDIN_IDS };
  };
  // Without a fleet to place them in, the tree of the records' paths is built only if sizing needs the fleet model (sizeRead).
  let built = placed?.fleet;
  return {
    get fleet() {
      built ??= inventoryFleet(aggregate.entries, baseName).fleet;
      return built;
    },
    aggregate,
    baseName,
    placed: placed !== undefined,
    name,
    records: aggregate.records,
    bytes,
    skipped: aggregate.skipped,
    skippedSamples: aggregate.skippedSamples,
    columns,
    ids,
  };
}

/** The refusal of the segments a given fleet lacks: the first 10 named, with a near name and what adds them. */
export function missingSegments(missing: readonly MissingSegment[], name: string, options: InventoryReadOptions): InputError {
  const where = options.into!.name;
  // In file order, whichever thread read each record first: the aggregate's entry order follows the
  // threads (a worker's entries are merged after the main thread's), and the message must not.
  const ordered = [...missing].sort((a, b) => a.first.line - b.first.line || (a.first.column ?? 0) - (b.first.column ?? 0));
  const lines = ordered
    .slice(0, 10)
    .map(
      (m) =>
        `${name}:${m.first.line}${m.first.column === undefined ? '' : `:${m.first.column}`}: segment '${m.path}' is not in ${where}` +
        (m.suggestion ? ` (did you mean '${m.suggestion}'?)` : '') +
        ` (${options.allowWord} adds it)`,
    );
  if (missing.length > 10) lines.push(`… and ${missing.length - 10} more segments not in the fleet file`);
  const first = ordered[0]!.first;
  return new InputError(lines[0]!, {
    code: 'INVENTORY_INVALID',
    issues: lines,
    file: name,
    line: first.line,
    ...(first.column === undefined ? {} : { column: first.column }),
    path: 'segment',
  });
}

/**
 * The report of an inventory read, without measurements: sized from its
 * aggregate (core/inventory/sizing/) when its cameras were placed in no
 * fleet and that path sizes it (the same report, without the fleet model),
 * else through the fleet model; `plain` always through the model (for
 * comparison: CAMSIZE_INVENTORY_SIZING=plain).
 */
export function sizeRead(read: InventoryRead, options: SizeOptions, plain = false): Report {
  const fast = read.placed || plain ? undefined : sizeAggregate(read.aggregate, read.baseName, options);
  return fast ?? sizeFleet(read.fleet, options);
}

/** The report with what the inventory adds: its name, records and bytes, and the skipped records that make it partial. */
export function withInventory(report: Report, read: InventoryRead): Report {
  return {
    ...report,
    inventory: {
      name: read.name,
      records: read.records,
      bytes: read.bytes,
      ...(read.columns ? { columns: read.columns.reads } : {}),
      ...(read.columns?.sheet !== undefined ? { sheet: read.columns.sheet } : {}),
    },
    ...(read.skipped > 0 ? { partial: { skippedRecords: read.skipped } } : {}),
  };
}

/** A schedule's reading settings as people give them: --columns, --segment-columns, --delimiter, --sheet, a fleet file's "inventory". */
export interface ScheduleSettings {
  readonly columns?: ColumnSettings['columns'];
  readonly segmentColumns?: readonly string[];
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
}

/** The schedule settings as the inventory reader takes them. */
export function scheduleOptions(schedule: ScheduleSettings): Pick<InventoryReadOptions, 'columns' | 'delimiter' | 'sheet'> {
  const columns = {
    ...(schedule.columns ? { columns: schedule.columns } : {}),
    ...(schedule.segmentColumns ? { segmentColumns: schedule.segmentColumns } : {}),
  };
  return {
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(schedule.delimiter ? { delimiter: schedule.delimiter } : {}),
    ...(schedule.sheet !== undefined ? { sheet: schedule.sheet } : {}),
  };
}

/**
 * A fleet file's "inventory" settings with the ones given (flags, the library's settings) over them, field by
 * field: a mapping given replaces the fleet's only for the fields and headers it names (so --columns label=Switch
 * keeps the fleet's count=Anzahl); segment columns, the delimiter and the sheet given replace the fleet's.
 */
export function mergedSchedule(fleet: ScheduleSettings | undefined, given: ScheduleSettings): ScheduleSettings {
  const mapped = given.columns ?? [];
  const fields = new Set<string>(mapped.map(([field]) => field).filter((field) => field !== 'ignore'));
  const headers = new Set(mapped.map(([, header]) => headerKey(header)));
  const kept = (fleet?.columns ?? []).filter(([field, header]) => !fields.has(field) && !headers.has(headerKey(header)));
  const columns = [...kept, ...mapped];
  return { ...fleet, ...given, ...(columns.length > 0 ? { columns } : {}) };
}
