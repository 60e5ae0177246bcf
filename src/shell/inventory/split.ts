/**
 * How a large inventory file is read by two threads: which files qualify,
 * where the second half starts, and the worker that reads it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerResult } from './worker.js';

export const INPUT_FORMATS = ['csv', 'ndjson', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Bytes per read. */
export const CHUNK = 1 << 20;
/** Below this size a second thread costs more to start than it saves. */
const PARALLEL_MIN_BYTES = 16 << 20;
/** Where this thread's half ends (then the next line break). Shares of 42 % and 58 % measured no faster. */
const SPLIT_SHARE = 0.5;

/** By extension (a .gz suffix aside), else by the first byte that is not white space. */
export function formatOf(path: string, firstChunk: Buffer): InputFormat {
  const base = path.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv')) return 'csv';
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) return 'ndjson';
  if (base.endsWith('.json')) return 'json';
  for (const byte of firstChunk) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte === 0x5b ? 'json' : byte === 0x7b ? 'ndjson' : 'csv';
  }
  return 'csv';
}

/** NUL bytes, or mostly control bytes, in the first 4 kB: not text. */
export function looksBinary(chunk: Buffer): boolean {
  const sample = chunk.subarray(0, 4096);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length / 10;
}

/**
 * The worker's share of `path` when the file is read in two halves: an
 * uncompressed CSV (header without quotes) or NDJSON file of 16 MiB or more,
 * split at the first line break after the middle. Undefined for anything
 * else, including a file that cannot be read (the one-thread path reports it).
 */
export function planSplit(path: string, format: InputFormat | undefined, skipInvalid: boolean): WorkerJob | undefined {
  let fd: number | undefined;
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size < PARALLEL_MIN_BYTES) return undefined;
    const size = stat.size;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(Math.min(CHUNK, size));
    readSync(fd, head, 0, head.length, 0);
    if ((head[0] === 0x1f && head[1] === 0x8b) || looksBinary(head)) return undefined;
    const chosen = format ?? formatOf(path, head);
    if (chosen === 'json') return undefined; // a JSON array cannot be entered in the middle
    let header = '';
    if (chosen === 'csv') {
      const nl = head.indexOf(10);
      if (nl < 0) return undefined;
      header = head
        .toString('latin1', 0, nl)
        .replace(/\r$/, '')
        .replace(/^\u00ef\u00bb\u00bf/, '');
      if (header.includes('"')) return undefined;
    }
    const from = Math.floor(size * SPLIT_SHARE);
    const probe = Buffer.alloc(Math.min(CHUNK, size - from));
    readSync(fd, probe, 0, probe.length, from);
    const nl = probe.indexOf(10);
    if (nl < 0) return undefined;
    return { path, start: from + nl + 1, end: size, format: chosen, header, skipInvalid };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
