/**
 * How a large inventory file is read by two threads: which files qualify,
 * where the second half starts, and the worker that reads it. A file that
 * might read differently from its middle (a JSON array, a CSV header with
 * quotes) stays on one thread: two threads give exactly what one gives.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { looksBinary } from '../../core/inventory/encoding.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { WorkerJob, WorkerResult } from './worker.js';

export const INPUT_FORMATS = ['csv', 'ndjson', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** When a file is split and how it is read; tests make both small to reach the split with small files. */
export interface SplitTuning {
  /** Below this size a second thread costs more to start than it saves. */
  minBytes: number;
  /** Bytes per read. */
  chunkBytes: number;
}

export const SPLIT_TUNING: SplitTuning = { minBytes: 16 << 20, chunkBytes: 1 << 20 };

/** Where this thread's half ends (then the next line break). Shares of 42 % and 58 % measured no faster. */
const SPLIT_SHARE = 0.5;
/** How much of the head is read to find the CSV header or the first NDJSON record. */
const HEAD_BYTES = 1 << 20;

/** By extension (a .gz suffix aside), else by the first byte that is not white space. */
export function formatOf(path: string, firstChunk: Buffer): InputFormat {
  const base = path.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv')) return 'csv';
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) return 'ndjson';
  if (base.endsWith('.json')) return 'json';
  const first = firstSignificantByte(firstChunk);
  return first === 0x5b ? 'json' : first === 0x7b ? 'ndjson' : 'csv';
}

/** The first byte that is neither white space nor part of a UTF-8 byte-order mark (-1 if none). */
function firstSignificantByte(chunk: Buffer): number {
  for (const byte of chunk) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte;
  }
  return -1;
}

/**
 * The CSV header as the scanner finds it: the first line that is not empty
 * (a UTF-8 BOM at the start aside). Undefined when it is not in `head`, or
 * has quotes (a quoted header is read on one thread).
 */
export function csvHeader(head: Buffer): string | undefined {
  let pos = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (;;) {
    const nl = head.indexOf(10, pos);
    if (nl < 0) return undefined;
    const end = nl > pos && head[nl - 1] === 13 ? nl - 1 : nl;
    if (end > pos) {
      const header = head.toString('latin1', pos, end);
      return header.includes('"') ? undefined : header;
    }
    pos = nl + 1;
  }
}

/**
 * The worker's share of `path` when the file is read in two halves: an
 * uncompressed CSV or NDJSON file of tuning.minBytes or more, split at the
 * first line break after the middle. Undefined for anything else, including
 * a file that cannot be read (the one-thread path reports it) and an NDJSON
 * file that is a JSON array (it cannot be entered in the middle).
 */
export function planSplit(
  path: string,
  format: InputFormat | undefined,
  skipInvalid: boolean,
  catalog: Catalog,
  tuning: SplitTuning = SPLIT_TUNING,
): WorkerJob | undefined {
  let fd: number | undefined;
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size < tuning.minBytes || stat.size < 2) return undefined;
    const size = stat.size;
    fd = openSync(path, 'r');
    const head = readAt(fd, 0, Math.min(HEAD_BYTES, size));
    if ((head[0] === 0x1f && head[1] === 0x8b) || looksBinary(head)) return undefined;
    const chosen = format ?? formatOf(path, head);
    if (chosen === 'json' || (chosen === 'ndjson' && firstSignificantByte(head) !== 0x7b)) return undefined;
    const header = chosen === 'csv' ? csvHeader(head) : '';
    if (header === undefined) return undefined;
    const from = Math.floor(size * SPLIT_SHARE);
    const nl = readAt(fd, from, Math.min(HEAD_BYTES, size - from)).indexOf(10);
    if (nl < 0) return undefined;
    return { path, start: from + nl + 1, end: size, format: chosen, header, skipInvalid, catalog, chunkBytes: tuning.chunkBytes };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, at);
  return buf.subarray(0, n);
}

export interface StartedWorker {
  job: WorkerJob;
  worker: Worker;
  /** Its result, listened for from the start so that none is missed. */
  finished: Promise<WorkerResult>;
}

export function startWorker(job: WorkerJob): StartedWorker {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job });
  const finished = new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the inventory worker stopped (exit ${code}) without a result`)));
  });
  finished.catch(() => undefined); // handled by whoever awaits it; never an unhandled rejection
  return { job, worker, finished };
}

/** Feeds bytes [from, to) of the open file `fd` to `feed`, in reads of `chunk` bytes into one reused buffer. */
export function readRange(fd: number, from: number, to: number, chunk: number, feed: (bytes: Buffer, at: number) => void): void {
  const buffer = Buffer.allocUnsafe(Math.min(chunk, Math.max(to - from, 1))); // the scanners copy what they carry over
  for (let at = from; at < to; ) {
    const buf = to - at < buffer.length ? buffer.subarray(0, to - at) : buffer;
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n === 0) break;
    at += n;
    feed(n === buf.length ? buf : buf.subarray(0, n), at);
  }
}
