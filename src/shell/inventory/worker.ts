/**
 * A worker thread that scans one byte range of an uncompressed inventory file
 * and sends back its raw sums (keys, counts) for the main thread to check and
 * merge. Started by load.ts on large files: the machine's second core.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { InventoryAggregate, RecordError } from '../../core/inventory/aggregate.js';
import { InventoryError } from '../../core/inventory/chunks.js';
import { CsvScanner } from '../../core/inventory/csv.js';
import { JsonScanner } from '../../core/inventory/json.js';

export interface WorkerJob {
  path: string;
  start: number;
  end: number;
  format: 'csv' | 'ndjson';
  /** The CSV header line, fed first so the columns are known (it counts as line 1 here). */
  header: string;
  skipInvalid: boolean;
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

const CHUNK = 1 << 20;
const job = workerData as WorkerJob;
const lineBase = job.format === 'csv' ? 1 : 0;
const aggregate = new InventoryAggregate(undefined);
const samples: WorkerRecordError[] = [];
let skipped = 0;
const plain = (e: RecordError): WorkerRecordError => ({ ...e.place, ...(e.field ? { field: e.field } : {}), message: e.message });

try {
  const scanner =
    job.format === 'csv'
      ? new CsvScanner(aggregate, (e) => {
          if (!job.skipInvalid) throw e;
          skipped++;
          if (samples.length < 10) samples.push(plain(e));
        })
      : new JsonScanner(aggregate, (e) => {
          if (!job.skipInvalid) throw e;
          skipped++;
          if (samples.length < 10) samples.push(plain(e));
        });
  if (job.format === 'csv') scanner.feed(Buffer.from(`${job.header}\n`, 'latin1'));
  const fd = openSync(job.path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK); // reused: the scanner copies what it carries over
    for (let at = job.start; at < job.end; ) {
      const buf = job.end - at < CHUNK ? buffer.subarray(0, job.end - at) : buffer;
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n === 0) break;
      scanner.feed(n === buf.length ? buf : buf.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  scanner.end();
  const result: WorkerResult = { ok: true, raw: aggregate.raw(), records: aggregate.records, skipped, samples, lineBase };
  parentPort!.postMessage(result);
} catch (error) {
  if (error instanceof RecordError) {
    parentPort!.postMessage({ ok: false, error: plain(error), lineBase, syntax: false } satisfies WorkerResult);
  } else if (error instanceof InventoryError) {
    parentPort!.postMessage({
      ok: false,
      error: { ...(error.place ?? { line: 0 }), message: error.message },
      lineBase,
      syntax: true,
    } satisfies WorkerResult);
  } else {
    throw error;
  }
}
