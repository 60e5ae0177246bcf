/**
 * Large uncompressed CSV or NDJSON files are scanned in two halves at once:
 * this thread reads up to the first line break after the middle while a
 * worker reads the rest. If this half does not end between records (a quoted
 * CSV field or a JSON record over several lines spans the middle), the worker
 * is dropped and this thread reads on. Either way the result, bad records and
 * their messages included, is what one thread gives.
 */
import { closeSync, openSync } from 'node:fs';
import { InputError } from '../../core/diagnostics/errors.js';
import { InventoryError } from '../../core/inventory/chunks.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { InventoryOptions, InventoryResult } from './load.js';
import { type RecordErrorHandler, scanError, startScan } from './messages.js';
import { planSplit, readRange, SPLIT_TUNING, startWorker, type StartedWorker } from './split.js';
import type { WorkerRecordError, WorkerResult } from './worker.js';

/** Undefined when the file is not one to split (the caller reads it on one thread). */
export async function loadInTwoHalves(path: string, catalog: Catalog, options: InventoryOptions): Promise<InventoryResult | undefined> {
  const tuning = options.split ?? SPLIT_TUNING;
  const job = planSplit(path, options.format, options.skipInvalid, catalog, tuning);
  if (!job) return undefined;
  const { format, start: middle, end: size } = job;
  const fd = openSync(path, 'r');
  let worker: StartedWorker | undefined = startWorker(job);
  const { aggregate, handle, scanner } = startScan(path, format, catalog, options.skipInvalid, options.scan);
  try {
    let last = Date.now();
    const feed = (bytes: Buffer, at: number) => {
      scanner.feed(bytes);
      if (options.progress && Date.now() - last > 250) {
        last = Date.now();
        options.progress(aggregate.records * 2, at * 2, false); // the worker reads the other half about as fast
      }
    };
    try {
      readRange(fd, 0, middle, tuning.chunkBytes, feed);
      if (!scanner.atRecordBoundary) {
        await worker.worker.terminate();
        worker = undefined;
        readRange(fd, middle, size, tuning.chunkBytes, feed);
        scanner.end();
      } else {
        scanner.end();
        mergeHalf(path, scanner.linesConsumed, await worker.finished, aggregate, handle);
      }
    } catch (error) {
      throw error instanceof InventoryError ? scanError(path, error) : error;
    } finally {
      options.progress?.(aggregate.records, size, true);
    }
    if (aggregate.records + aggregate.skipped === 0) throw new InputError(`${path}: empty inventory (no camera records)`);
    return { aggregate, name: path, bytes: size };
  } finally {
    closeSync(fd);
    if (worker) void worker.worker.terminate();
  }
}

/** The worker's half after this thread's `lines`: its first problem, or its sums and skipped records. */
function mergeHalf(
  name: string,
  lines: number,
  result: WorkerResult,
  aggregate: ReturnType<typeof startScan>['aggregate'],
  handle: RecordErrorHandler,
): void {
  const fileLine = (e: WorkerRecordError) => ({ ...e, line: lines + e.line - result.lineBase });
  if (!result.ok) {
    if (result.syntax) throw scanError(name, new InventoryError(result.error.message, fileLine(result.error)));
    handle(fileLine(result.error));
    return;
  }
  aggregate.records += result.records;
  for (const sample of result.samples) handle(fileLine(sample));
  aggregate.skipped += result.skipped - result.samples.length;
  aggregate.merge(result.raw, lines - result.lineBase, (error, records) =>
    handle({ ...error.place, field: error.field, message: error.message }, records),
  );
}
