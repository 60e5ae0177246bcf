/**
 * A worker thread of a file read in parts: it takes parts as they are free
 * (part-scan.ts) and sends back its sums (keys, counts) and what it met, for
 * the main thread to merge in file order. It checks every record as the main
 * thread would (it has the catalog), so its bad records are reported at their
 * own lines; NDJSON and JSON: the keys it met, put together in file order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type RawEntries, rawOf } from '../../core/inventory/aggregate-raw.js';
import type { ScanOptions } from '../../core/inventory/chunks.js';
import type { CsvReading } from '../../core/inventory/csv-columns.js';
import { JsonScanner } from '../../core/inventory/json.js';
import type { JsonKeysMet } from '../../core/inventory/json-keys.js';
import type { Catalog } from '../../core/model/catalog.js';
import { scanParts, type ThreadOutcome } from './part-scan.js';
import type { PartPlan } from './split.js';

export interface WorkerJob {
  plan: PartPlan;
  /** The shared part counters (see part-scan.ts). */
  shared: SharedArrayBuffer;
  skipInvalid: boolean;
  catalog: Catalog;
  scan?: ScanOptions;
  reading: CsvReading;
}

export interface WorkerResult {
  outcome: ThreadOutcome;
  raw: RawEntries;
  /** NDJSON, JSON: the keys this thread met, for the report and the --columns check (parts.ts). */
  keys?: JsonKeysMet;
}

if (parentPort) {
  const job = workerData as WorkerJob;
  const { aggregate, outcome, scanner } = scanParts(
    job.plan,
    new Int32Array(job.shared),
    job.catalog,
    job.skipInvalid,
    job.scan,
    { worker: true },
    job.reading,
  );
  const keys = scanner instanceof JsonScanner ? { keys: scanner.keysMet() } : {};
  parentPort.postMessage({ outcome, raw: rawOf(aggregate), ...keys } satisfies WorkerResult);
}
