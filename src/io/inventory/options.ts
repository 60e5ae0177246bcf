/** How an inventory is read (loadInventory, loadInParts) and what reading it gives. */
import type { InventoryAggregate } from '../../core/inventory/aggregate.js';
import type { ScanOptions } from '../../core/inventory/chunks.js';
import type { InputFormat, SplitTuning } from './split.js';

export interface InventoryOptions {
  format?: InputFormat;
  skipInvalid: boolean;
  /** Called about every quarter second with records and bytes so far (progress line). */
  progress?: (records: number, bytes: number, done: boolean) => void;
  /** Threads for a large file (default: every core Node may use; 1 reads on this thread only). */
  threads?: number;
  /** When files are split and how they are read (tests make it small). */
  split?: SplitTuning;
  /** The scanners' fast paths (tests turn them down or off). */
  scan?: ScanOptions;
  /** Stops the read (with the signal's reason) between chunks, or between parts when several threads read. */
  signal?: AbortSignal;
}

export interface InventoryResult {
  aggregate: InventoryAggregate;
  name: string;
  bytes: number;
}
