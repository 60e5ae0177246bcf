/**
 * Streams a camera inventory (file or stdin; CSV, NDJSON or a JSON array;
 * gzip detected by its magic bytes) through the byte scanners into an
 * aggregate, with a progress line on a terminal. Never holds the records.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Catalog } from '../../core/model/catalog.js';
import { InputError } from '../../core/diagnostics/errors.js';
import { InventoryAggregate, type RecordError } from '../../core/inventory/aggregate.js';
import { InventoryError } from '../../core/inventory/chunks.js';
import { CsvScanner } from '../../core/inventory/csv.js';
import { JsonScanner } from '../../core/inventory/json.js';
import { CHUNK, formatOf, looksBinary, planSplit, startWorker, type InputFormat, type StartedWorker } from './split.js';
import type { WorkerRecordError } from './worker.js';

export interface InventoryOptions {
  format?: InputFormat;
  skipInvalid: boolean;
  /** Called about every quarter second with records and bytes so far (progress line). */
  progress?: (records: number, bytes: number, done: boolean) => void;
  /** Scan large files on two threads (default true). */
  parallel?: boolean;
}

export interface InventoryResult {
  aggregate: InventoryAggregate;
  name: string;
  bytes: number;
}

/** "cameras.csv:12" or "cameras.ndjson:12:7", or just the name when there is no place. */
function placeText(name: string, place: { line: number; column?: number | undefined } | undefined): string {
  return place === undefined ? name : `${name}:${place.line}${place.column === undefined ? '' : `:${place.column}`}`;
}

function recordMessage(name: string, e: { line: number; column?: number; field?: string | undefined; message: string }): string {
  return `${placeText(name, e)}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

/** A scan-stopping problem (syntax, header) as the user sees it. */
function scanError(name: string, error: InventoryError): InputError {
  return new InputError(`${placeText(name, error.place)}: ${error.message}`);
}

/** An empty aggregate, its bad-record handler, and the scanner for the format. */
function startScan(name: string, format: InputFormat, catalog: Catalog, skipInvalid: boolean) {
  const aggregate = new InventoryAggregate(catalog);
  const handle = recordErrorHandler(name, aggregate, skipInvalid);
  const onError = (error: RecordError) => handle({ ...error.place, field: error.field, message: error.message });
  const scanner = format === 'csv' ? new CsvScanner(aggregate, onError) : new JsonScanner(aggregate, onError);
  return { aggregate, handle, scanner };
}

/** What to do with a bad record: stop (exit 2), or count it and keep the first 10 messages. */
function recordErrorHandler(name: string, aggregate: InventoryAggregate, skipInvalid: boolean) {
  return (error: { line: number; column?: number; field?: string | undefined; message: string }, records = 1) => {
    const message = recordMessage(name, error);
    if (!skipInvalid) throw new InputError(message);
    aggregate.skipped += records;
    if (aggregate.skippedSamples.length < 10) aggregate.skippedSamples.push(message);
  };
}

export async function loadInventory(path: string, catalog: Catalog, options: InventoryOptions): Promise<InventoryResult> {
  if (path !== '-' && options.parallel !== false) {
    const result = await loadInTwoHalves(path, catalog, options);
    if (result) return result;
  }
  const name = path === '-' ? '<stdin>' : path;
  const source: AsyncIterable<Buffer> = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: CHUNK });
  let aggregate: InventoryAggregate | undefined;
  let bytes = 0;
  let scanner: CsvScanner | JsonScanner | undefined;
  let lastProgress = Date.now();
  try {
    for await (const chunk of decompressed(source, name)) {
      if (!scanner) {
        if (chunk.length === 0) continue;
        if (looksBinary(chunk)) throw new InputError(`${name}: binary data, not a camera inventory (CSV, NDJSON or JSON)`);
        ({ aggregate, scanner } = startScan(name, options.format ?? formatOf(path, chunk), catalog, options.skipInvalid));
      }
      bytes += chunk.length;
      scanner.feed(chunk);
      if (options.progress && Date.now() - lastProgress > 250) {
        lastProgress = Date.now();
        options.progress(aggregate!.records, bytes, false);
      }
    }
    scanner?.end();
  } catch (error) {
    if (error instanceof InventoryError) throw scanError(name, error);
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${name}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${name}: is a directory`);
    if (code === 'EACCES') throw new InputError(`${name}: permission denied`);
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test((error as Error).message)) {
      throw new InputError(`${name}: truncated or corrupt gzip data (${(error as Error).message})`);
    }
    throw error;
  } finally {
    options.progress?.(aggregate?.records ?? 0, bytes, true);
  }
  if (!aggregate || aggregate.records + aggregate.skipped === 0) {
    throw new InputError(`${name}: empty inventory (no camera records)`);
  }
  return { aggregate, name, bytes };
}

/** The input's bytes, gunzipped when they start with gzip's magic number (1f 8b). */
async function* decompressed(source: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return;
  const head: Buffer = first.value;
  const rest = { [Symbol.asyncIterator]: () => iterator };
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    yield* rest as AsyncIterable<Buffer>;
    return;
  }
  const gunzip = createGunzip({ chunkSize: CHUNK });
  const feeding = (async () => {
    try {
      if (!gunzip.write(head)) await new Promise((r) => gunzip.once('drain', r));
      for await (const chunk of rest as AsyncIterable<Buffer>) {
        if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r));
      }
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error as Error);
    }
  })();
  void name;
  for await (const chunk of gunzip) yield chunk as Buffer;
  await feeding;
}

/**
 * Large uncompressed CSV or NDJSON files are scanned in two halves at once:
 * this thread reads up to the first line break after the middle while a
 * worker reads the rest. If this half does not end between records (a quoted
 * CSV field with a line break spans the middle), the worker is dropped and
 * this thread reads on. Returns undefined when the file is not a candidate.
 */
async function loadInTwoHalves(path: string, catalog: Catalog, options: InventoryOptions): Promise<InventoryResult | undefined> {
  const job = planSplit(path, options.format, options.skipInvalid);
  if (!job) return undefined;
  const { format, start: middle, end: size } = job;
  const fd = openSync(path, 'r');
  let worker: StartedWorker | undefined;
  try {
    worker = startWorker(job);
    const { finished } = worker;
    const name = path;
    const { aggregate, handle, scanner } = startScan(name, format, catalog, options.skipInvalid);
    const buffer = Buffer.allocUnsafe(CHUNK); // reused: the scanners copy what they carry over
    const scan = (from: number, to: number) => {
      let last = Date.now();
      for (let at = from; at < to; ) {
        const buf = to - at < CHUNK ? buffer.subarray(0, to - at) : buffer;
        const n = readSync(fd, buf, 0, buf.length, at);
        if (n === 0) break;
        scanner.feed(n === buf.length ? buf : buf.subarray(0, n));
        at += n;
        if (options.progress && Date.now() - last > 250) {
          last = Date.now();
          // The worker reads the other half about as fast.
          options.progress(aggregate.records * 2, at * 2, false);
        }
      }
    };
    try {
      scan(0, middle);
      if (!scanner.atRecordBoundary) {
        await worker.worker.terminate();
        worker = undefined;
        scan(middle, size);
        scanner.end();
      } else {
        scanner.end();
        const offset = scanner.linesConsumed;
        const result = await finished;
        const fileLine = (e: WorkerRecordError) => ({ ...e, line: offset + e.line - result.lineBase });
        if (!result.ok) {
          if (result.syntax) throw new InputError(`${placeText(name, fileLine(result.error))}: ${result.error.message}`);
          handle(fileLine(result.error));
        } else {
          aggregate.records += result.records;
          for (const sample of result.samples) handle(fileLine(sample));
          aggregate.skipped += result.skipped - result.samples.length;
          aggregate.merge(result.raw, offset - result.lineBase, (error, records) =>
            handle({ ...error.place, field: error.field, message: error.message }, records),
          );
        }
      }
    } catch (error) {
      throw error instanceof InventoryError ? scanError(name, error) : error;
    } finally {
      options.progress?.(aggregate.records, size, true);
    }
    if (aggregate.records + aggregate.skipped === 0) throw new InputError(`${name}: empty inventory (no camera records)`);
    return { aggregate, name, bytes: size };
  } finally {
    closeSync(fd);
    if (worker) void worker.worker.terminate();
  }
}
