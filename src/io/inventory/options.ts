/** How an inventory is read (loadInventory, loadInParts) and what reading it gives. */
import type { InventoryAggregate } from '../../core/inventory/aggregate.js';
import type { ScanOptions } from '../../core/inventory/chunks.js';
import type { ColumnRead, ColumnSettings } from '../../core/inventory/column-plan.js';
import type { RowObserver } from '../../core/inventory/csv-columns.js';
import type { Delimiter, TitleRow } from '../../core/inventory/header-rows.js';
import type { SiteCalibration } from '../../core/model/calibration.js';
import type { EstimateAtSetting } from '../../core/model/fleet.js';
import type { InputFormat, SplitTuning } from './split.js';

export interface InventoryOptions {
  format?: InputFormat;
  skipInvalid: boolean;
  /** Called about every quarter second with how far the read is (the progress line), and once at the end (`done`). */
  progress?: (progress: ReadProgress, done: boolean) => void;
  /** Threads for a large file (default: every core Node may use; 1 reads on this thread only). */
  threads?: number;
  /** When files are split and how they are read (tests make it small). */
  split?: SplitTuning;
  /** The scanners' fast paths (tests turn them down or off). */
  scan?: ScanOptions;
  /** Stops the read (with the signal's reason) between chunks, or between parts when several threads read. */
  signal?: AbortSignal;
  /** How a schedule's columns are read beyond the column table (--columns, --segment-columns). */
  columns?: ColumnSettings;
  /** A CSV file's delimiter, when its header line cannot tell (--delimiter). */
  delimiter?: Delimiter;
  /** The worksheet of an XLSX workbook to read (default: the first). */
  sheet?: string;
  /** A site calibration for the rows estimated from resolution and fps. */
  calibration?: SiteCalibration;
  /** --estimate-at: the point of their ranges the rows estimated take (default: links at the peak's high end, storage at the average's centre). */
  estimateAt?: EstimateAtSetting;
  /** Told each row of a CSV or XLSX schedule as read, on the general path and one thread (camsize columns). */
  observe?: RowObserver;
}

/** How the file's columns (CSV, XLSX) or keys (NDJSON, JSON) were read: what the report and `camsize columns` say. */
export interface InventoryColumns {
  /** Every column (or key seen), in order, and what it was read as. */
  readonly reads: readonly ColumnRead[];
  /** The header's line (a worksheet's row); 0 for NDJSON and JSON. */
  readonly line: number;
  /** Rows above the header, skipped (a title, a date). */
  readonly titles: readonly TitleRow[];
  readonly delimiter?: Delimiter;
  /** The worksheet read, for a workbook. */
  readonly sheet?: string;
  /** Keys left out of `reads` past the first 100 (NDJSON, JSON). */
  readonly moreKeys?: number;
}

/** How far an inventory's read is. */
export interface ReadProgress {
  /** Records scanned so far. */
  readonly records: number;
  /** Bytes scanned so far (uncompressed). */
  readonly bytes: number;
  /** When the input's size is known (a file): bytes of it read so far (compressed, for gzip) and its size. */
  readonly read?: number;
  readonly total?: number;
}

export interface InventoryResult {
  aggregate: InventoryAggregate;
  name: string;
  bytes: number;
  /** How its columns or keys were read. */
  columns?: InventoryColumns;
}
