/**
 * A worker thread that scans the second half of an uncompressed inventory
 * file and sends back its sums (keys, counts) for the main thread to merge.
 * It checks every record as the main thread would (it has the catalog), so
 * its bad records are reported at their own lines, in file order.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { InventoryAggregate, RecordError } from '../../core/inventory/aggregate.js';
import { InventoryError } from '../../core/inventory/chunks.js';
import { CsvScanner } from '../../core/inventory/csv.js';
import { JsonScanner } from '../../core/inventory/json.js';
import type { Catalog } from '../../core/model/catalog.js';
import { readRange } from './split.js';

export interface WorkerJob {
  path: string;
  start: number;
  end: number;
  format: 'csv' | 'ndjson';
  /** The CSV header line, fed first so the columns are known (it counts as line 1 here). */
  header: string;
  skipInvalid: boolean;
  catalog: Catalog;
  chunkBytes: number;
}

export interface WorkerRecordError {
  line: number;
  column?: number;
  field?: string;
  message: string;
}

export type WorkerResult =
  | {
      ok: true;
      raw: ReturnType<InventoryAggregate['raw']>;
      records: number;
      skipped: number;
      samples: WorkerRecordError[];
      /** Subtract from this worker's line numbers before adding the main thread's line count. */
      lineBase: number;
    }
  | { ok: false; error: WorkerRecordError; lineBase: number; syntax: boolean };

const plain = (e: RecordError): WorkerRecordError => ({ ...e.place, ...(e.field ? { field: e.field } : {}), message: e.message });

function scanHalf(job: WorkerJob): WorkerResult {
  const lineBase = job.format === 'csv' ? 1 : 0;
  const aggregate = new InventoryAggregate(job.catalog);
  const samples: WorkerRecordError[] = [];
  let skipped = 0;
  const onError = (e: RecordError) => {
    if (!job.skipInvalid) throw e;
    skipped++;
    if (samples.length < 10) samples.push(plain(e));
  };
  try {
    // The worker's bytes start inside the file: an NDJSON half has no array and no byte-order mark.
    const scanner = job.format === 'csv' ? new CsvScanner(aggregate, onError) : new JsonScanner(aggregate, onError, { ndjsonPart: true });
    if (job.format === 'csv') scanner.feed(Buffer.from(`${job.header}\n`, 'latin1'));
    const fd = openSync(job.path, 'r');
    try {
      readRange(fd, job.start, job.end, job.chunkBytes, (bytes) => scanner.feed(bytes));
    } finally {
      closeSync(fd);
    }
    scanner.end();
    return { ok: true, raw: aggregate.raw(), records: aggregate.records, skipped, samples, lineBase };
  } catch (error) {
    if (error instanceof RecordError) return { ok: false, error: plain(error), lineBase, syntax: false };
    if (error instanceof InventoryError) {
      return { ok: false, error: { ...(error.place ?? { line: 0 }), message: error.message }, lineBase, syntax: true };
    }
    throw error;
  }
}

if (parentPort) parentPort.postMessage(scanHalf(workerData as WorkerJob));
