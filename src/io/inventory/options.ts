/** How an inventory is read (loadInventory, loadInParts) and what reading it gives. */
import type { InventoryAggregate } from '../../core/inventory/aggregate.js';
import type { ScanOptions } from '../../core/inventory/chunks.js';
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
}
