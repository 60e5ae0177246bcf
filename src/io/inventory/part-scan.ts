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
import type { CsvReading } from '../../core/inventory/csv-columns.js';
import { JsonScanner } from '../../core/inventory/json.js';
import type { Catalog } from '../../core/model/catalog.js';
import { jsonMapping, type PlacedProblem } from './messages.js';
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
  /** After each part, with the distinct entries of this thread's aggregate. */
  afterPart?: (entries: number) => void;
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
  csv: CsvReading = {},
): { aggregate: InventoryAggregate; outcome: ThreadOutcome; scanner: CsvScanner | JsonScanner } {
  const aggregate = new InventoryAggregate(catalog);
  const outcome: ThreadOutcome = { done: [], samples: [], skipped: 0, records: 0 };
  let part = -1;
  const onError = (e: RecordError) => {
    if (!skipInvalid) throw e;
    outcome.skipped++;
    if (outcome.samples.length < 10) outcome.samples.push({ part, problem: problemOf(e) });
  };
  const scanner =
    plan.format === 'csv'
      ? new CsvScanner(aggregate, onError, scan, csv)
      : new JsonScanner(aggregate, onError, scan, jsonMapping(plan.path, csv));
  const reading: Reading = {
    plan,
    fd: openSync(plan.path, 'r'),
    buffer: Buffer.allocUnsafe(plan.chunkBytes),
    scanner,
    aggregate,
    fresh: true,
  };
  if (role.progress) reading.progress = role.progress;
  try {
    while (Atomics.load(shared, STOPPED) === 0) {
      if (role.worker) waitWhilePaused(shared, plan.parts);
      part = Atomics.add(shared, NEXT_PART, 1);
      if (part >= plan.parts) break;
      const read = readPart(reading, part);
      if (read === undefined) {
        outcome.done.push({ part, lines: 0, atBoundary: false }); // a line too long to find: read on one thread
        continue;
      }
      if ('problem' in read) {
        outcome.failure = read;
        Atomics.store(shared, STOPPED, 1);
        break;
      }
      outcome.done.push(read);
      if (role.worker) {
        Atomics.add(shared, WORKER_PARTS, 1);
        Atomics.notify(shared, WORKER_PARTS); // a main thread in a test's hand-off waits for it (pace.ts)
      } else role.afterPart?.(aggregate.size);
    }
  } finally {
    closeSync(reading.fd);
  }
  outcome.records = aggregate.records;
  return { aggregate, outcome, scanner };
}

/** What one thread reads its parts with. */
interface Reading {
  plan: PartPlan;
  fd: number;
  buffer: Buffer;
  scanner: CsvScanner | JsonScanner;
  aggregate: InventoryAggregate;
  /** No part read yet: a CSV scanner is told the header before a part after the file's first. */
  fresh: boolean;
  progress?: (bytes: number, records: number) => void;
}

/**
 * Part `part` read to its end, or where it failed (a bad record, when not
 * skipping, or a syntax error); undefined when the part's start or end
 * cannot be found (a line too long to find: the part is read on one thread).
 */
function readPart(r: Reading, part: number): PartDone | PartFailure | undefined {
  const { plan, fd, scanner, aggregate } = r;
  const start = partStart(fd, plan, part);
  const end = start < 0 ? -1 : partStart(fd, plan, part + 1);
  if (start < 0 || end < 0) return undefined;
  if (part > 0 && r.fresh && plan.format === 'csv') scanner.feed(Buffer.from(`${plan.header}\n`, 'latin1'));
  if (part > 0) {
    if (scanner instanceof JsonScanner) scanner.startPart(plan.format === 'json', part);
    else scanner.startPart();
  }
  r.fresh = false;
  aggregate.placeBase = part * PART_STRIDE;
  try {
    readRange(fd, start, end, r.buffer, (bytes) => {
      scanner.feed(bytes);
      r.progress?.(bytes.length, aggregate.records);
    });
    const atBoundary = scanner.atPartBoundary;
    // A --columns mapping is checked against every thread's keys, once combined (parts.ts).
    if (part === plan.parts - 1) {
      if (scanner instanceof JsonScanner) scanner.end(false);
      else scanner.end();
    }
    return { part, lines: scanner.linesConsumed, atBoundary };
  } catch (error) {
    if (!(error instanceof RecordError || error instanceof InventoryError)) throw error;
    const placeless = error instanceof InventoryError && error.place === undefined;
    return { part, problem: problemOf(error), syntax: error instanceof InventoryError, placeless };
  }
}

/** A worker waits while paused (pace.ts), warm, until let go, a thread stops, or no part is left. */
function waitWhilePaused(shared: Int32Array, parts: number): void {
  while (Atomics.load(shared, WORKERS_PAUSED) === 1 && Atomics.load(shared, STOPPED) === 0 && Atomics.load(shared, NEXT_PART) < parts) {
    Atomics.wait(shared, WORKERS_PAUSED, 1, 50); // woken by Atomics.notify; the timeout only a safety net
  }
}
