/**
 * The public types of sizeInventory: plain interfaces, without Node's types,
 * so that a consumer compiles them with `"types": []`. A Node readable stream
 * and an AbortSignal fit them as they are.
 */
import type { Fleet } from '../core/model/fleet.js';
import type { FileUrl } from './fleet.js';
import type { FleetDocument } from './fleet-document.js';
import type { SizeCallOptions } from './size.js';

/** One camera record, as one line of an NDJSON inventory would be (docs/inventories.md). Other keys are ignored, as in files, except one that looks like a misspelt field. */
export interface InventoryRecord {
  /** Required: a "/"-separated path such as "north/sw-1". */
  segment?: string;
  preset?: string;
  /** A per-camera rate with a unit: "2.5Mb/s". */
  bitrate?: string;
  mbps?: number | string;
  /** Cameras this record stands for (default 1); a bigint or a string of digits above 2^53. */
  count?: number | string | bigint;
  label?: string;
  id?: string | number;
  readonly [other: string]: string | number | bigint | boolean | null | undefined;
}

/**
 * What sizeInventory reads: a file's path (or file: URL), a readable stream
 * of bytes or text (a Node Readable, `process.stdin`, any async iterable of
 * Uint8Array or string chunks: CSV, NDJSON or a JSON array, gzip or not), or
 * an iterable or async iterable of record objects.
 */
export type InventorySource =
  | string
  | FileUrl
  | AsyncIterable<Uint8Array | string>
  | AsyncIterable<InventoryRecord>
  | Iterable<InventoryRecord>;

/** An AbortSignal (the one every AbortController gives): only these members are read. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  throwIfAborted?(): void;
}

/** How far the read has come: records read (an estimate while several threads read) and bytes. */
export interface InventoryProgress {
  readonly records: number;
  readonly bytes: number;
  /** For a file: its bytes read so far (of a gzip file, what was read, not what it unpacks to) and its size. */
  readonly read?: number;
  readonly total?: number;
  /** True once, when the read ends (whether it succeeded or not). */
  readonly done: boolean;
}

export interface SizeInventoryOptions extends Omit<SizeCallOptions, 'calibration'> {
  /** The topology the cameras are placed in (as `camsize FLEET --inventory FILE`): a fleet model, or a fleet file's value or text. */
  fleet?: Fleet | FleetDocument | string;
  /** With `fleet`: an inventory segment the fleet lacks is added instead of refused (`--allow-new-segments`). */
  allowNewSegments?: boolean;
  /** Skip invalid records (counted; the report is marked partial) instead of stopping at the first (`--skip-invalid`). */
  skipInvalid?: boolean;
  /** Told each skipped record's message, for the first 10 (with `skipInvalid`). */
  onSkipped?: (message: string) => void;
  /** 'csv', 'ndjson' or 'json' (`--input-format`); default: by the file's extension, else the first byte. Records need none. */
  format?: 'csv' | 'ndjson' | 'json';
  /** What messages and `report.inventory.name` call a stream (default `<stream>`, `<records>` for records; a path names itself). */
  name?: string;
  /** Threads for a large file (default: every core Node may use, or 1 with `signal`; the result is the same either way). */
  threads?: number;
  /** Stops the read: the call rejects with the signal's reason. Checked between chunks (1 MiB from a file). */
  signal?: AbortSignalLike;
  /** Called about four times a second while the read goes on, and once when it ends. */
  progress?: (progress: InventoryProgress) => void;
  /** A site calibration file for the fleet's estimated groups and a schedule's rows to estimate (`--calibration`). */
  calibration?: string;
  /**
   * A schedule's explicit mapping (`--columns`): a field, or `ignore`, to the header read as it,
   * `{ count: 'Anzahl', segment: 'Standort', ignore: ['Unit'] }` (docs/schedules.md).
   */
  columns?: Readonly<Record<string, string | readonly string[]>>;
  /** The columns whose values make a camera's segment path, in order (`--segment-columns`): `['Site', 'Switch']`. */
  segmentColumns?: readonly string[];
  /** A CSV schedule's delimiter when its header line cannot tell (`--delimiter`): `','`, `';'` or `'tab'`. */
  delimiter?: string;
  /** The worksheet of an XLSX workbook (`--sheet`; default: the first visible). */
  sheet?: string;
}
