/**
 * One thread's share of a file read in parts (the main thread's and each
 * worker's alike): it takes the next part not yet taken, reads it into its
 * own aggregate, and so on until none is left (work stealing: a thread on a
 * busy core simply takes fewer). Places are kept per part (the part's index
 * times 2^32 plus its line) until every part's line count is known.
 */
import { closeSync, openSync } from 'node:fs';
import { InventoryAggregate, RecordError } from '../../core/inventory/aggregate.js';
import { InventoryError, type ScanOptions } from '../../core/inventory/chunks.js';
import { CsvScanner } from '../../core/inventory/csv.js';
import { JsonScanner } from '../../core/inventory/json.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { PlacedProblem } from './messages.js';
import { type PartPlan, partStart, readRange } from './split.js';

/** A stored place's part: places are part × 2^32 + line within the part. */
export const PART_STRIDE = 2 ** 32;

/**
 * The shared counters: the next part to take; 1 once a thread has stopped at
 * an error; 1 while the main thread has the workers wait before their next
 * part (see pace.ts); the parts the workers have read.
 */
export const NEXT_PART = 0;
export const STOPPED = 1;
export const WORKERS_PAUSED = 2;
export const WORKER_PARTS = 3;
export const COUNTERS = 4;

export interface PartDone {
  part: number;
  /** Lines in the part (its line breaks). */
  lines: number;
  /** The part ended between records: the next part began where a record does. */
  atBoundary: boolean;
}

/** Where a thread stopped: a bad record (when not skipping), a syntax error, or a limit with no place. */
export interface PartFailure {
  part: number;
  problem: PlacedProblem;
  syntax: boolean;
  placeless: boolean;
}

export interface ThreadOutcome {
  done: PartDone[];
  failure?: PartFailure;
  /** With --skip-invalid: the first 10 bad records this thread met (in its parts' order), and how many in all. */
  samples: Array<{ part: number; problem: PlacedProblem }>;
  skipped: number;
  records: number;
}

const problemOf = (e: RecordError | InventoryError): PlacedProblem =>
  e instanceof RecordError
    ? { ...e.place, ...(e.field ? { field: e.field } : {}), message: e.message }
    : { ...(e.place ?? { line: 0 }), message: e.message };

/** How a thread takes part: a worker, or the main thread (told after each part, to pace the workers). */
export interface ThreadRole {
  worker: boolean;
  afterPart?: () => void;
  progress?: (bytes: number, records: number) => void;
}

/** Reads parts as they are free until none is left (or a thread has stopped); `progress` after each read. */
export function scanParts(
  plan: PartPlan,
  shared: Int32Array,
  catalog: Catalog,
  skipInvalid: boolean,
  scan: ScanOptions | undefined,
  role: ThreadRole,
): { aggregate: InventoryAggregate; outcome: ThreadOutcome } {
  const progress = role.progress;
  const aggregate = new InventoryAggregate(catalog);
  const outcome: ThreadOutcome = { done: [], samples: [], skipped: 0, records: 0 };
  let part = -1;
  const onError = (e: RecordError) => {
    if (!skipInvalid) throw e;
    outcome.skipped++;
    if (outcome.samples.length < 10) outcome.samples.push({ part, problem: problemOf(e) });
  };
  const scanner = plan.format === 'csv' ? new CsvScanner(aggregate, onError, scan) : new JsonScanner(aggregate, onError, scan);
  let fresh = true;
  const fd = openSync(plan.path, 'r');
  const buffer = Buffer.allocUnsafe(plan.chunkBytes);
  try {
    while (Atomics.load(shared, STOPPED) === 0) {
      if (role.worker) waitWhilePaused(shared, plan.parts);
      part = Atomics.add(shared, NEXT_PART, 1);
      if (part >= plan.parts) break;
      const start = partStart(fd, plan, part);
      const end = start < 0 ? -1 : partStart(fd, plan, part + 1);
      if (start < 0 || end < 0) {
        outcome.done.push({ part, lines: 0, atBoundary: false }); // a line too long to find: read on one thread
        continue;
      }
      if (part > 0 && fresh && plan.format === 'csv') scanner.feed(Buffer.from(`${plan.header}\n`, 'latin1'));
      if (part > 0) scanner.startPart();
      fresh = false;
      aggregate.placeBase = part * PART_STRIDE;
      try {
        readRange(fd, start, end, buffer, (bytes) => {
          scanner.feed(bytes);
          progress?.(bytes.length, aggregate.records);
        });
        const atBoundary = scanner.atRecordBoundary;
        if (part === plan.parts - 1) scanner.end();
        outcome.done.push({ part, lines: scanner.linesConsumed, atBoundary });
        if (role.worker) {
          Atomics.add(shared, WORKER_PARTS, 1);
          Atomics.notify(shared, WORKER_PARTS); // a main thread in a test's hand-off waits for it (pace.ts)
        } else role.afterPart?.();
      } catch (error) {
        if (!(error instanceof RecordError || error instanceof InventoryError)) throw error;
        const placeless = error instanceof InventoryError && error.place === undefined;
        outcome.failure = { part, problem: problemOf(error), syntax: error instanceof InventoryError, placeless };
        Atomics.store(shared, STOPPED, 1);
        break;
      }
    }
  } finally {
    closeSync(fd);
  }
  outcome.records = aggregate.records;
  return { aggregate, outcome };
}

/** A worker waits while paused (pace.ts), warm, until let go, a thread stops, or no part is left. */
function waitWhilePaused(shared: Int32Array, parts: number): void {
  while (Atomics.load(shared, WORKERS_PAUSED) === 1 && Atomics.load(shared, STOPPED) === 0 && Atomics.load(shared, NEXT_PART) < parts) {
    Atomics.wait(shared, WORKERS_PAUSED, 1, 50); // woken by Atomics.notify; the timeout only a safety net
  }
}
