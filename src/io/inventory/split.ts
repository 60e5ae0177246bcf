/**
 * How a large inventory file is cut into parts that threads read apart:
 * which files qualify, where each part begins (after a line break near its
 * nominal start), and the reads. A file that might read differently from its
 * middle (a JSON array, a CSV header with quotes, gzip) stays on one thread;
 * a part that does not end between records is found out after the fact and
 * the file read again on one (see chunked.ts): the threads give exactly what
 * one gives.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../core/diagnostics/errors.js';
import { MAX_RECORD_BYTES } from '../../core/inventory/chunks.js';
import { looksBinary } from '../../core/inventory/encoding.js';
import { type Delimiter, filledCells, MAX_TITLE_ROWS, recordExtent } from '../../core/inventory/header-rows.js';

export const INPUT_FORMATS = ['csv', 'ndjson', 'json', 'xlsx'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** When a file is split and how it is read; tests make all three small to reach the split with small files. */
export interface SplitTuning {
  /** Below this size a worker costs more than it saves (its start, its own JIT warm-up and line cache: measured, bench/RESULTS.md). */
  minBytes: number;
  /** Bytes per read. */
  chunkBytes: number;
  /** The nominal size of a part, the unit threads take in turn as they free up. */
  partBytes: number;
  /**
   * Tests: start the workers at once (or after `startAfter` parts) and, if
   * more than 0, pause them or let them go after every `handOff` parts the
   * main thread reads, instead of as the timing says (pace.ts): every
   * hand-off is reached whatever the machine's load. -1: never start them
   * (the main thread reads every part).
   */
  handOff?: number;
  /** Tests: the workers start after the main thread's `startAfter`-th part (0: at once). */
  startAfter?: number;
}

export const SPLIT_TUNING: SplitTuning = { minBytes: 64 << 20, chunkBytes: 1 << 20, partBytes: 1 << 20 };

/** How much of the head is read to find the CSV header or the first NDJSON record. */
const HEAD_BYTES = 1 << 20;

/** CAMSIZE_THREADS (a whole number of threads, 1 or more), else every core Node may use. */
export function threadCount(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return availableParallelism();
  // Decimal digits only: Number() would also take '0x2', '1e0' and '0b1'.
  const n = /^\s*\d{1,3}\s*$/.test(setting) ? Number(setting) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`CAMSIZE_THREADS: '${setting}' is not a number of threads (1 to 256)`);
  return n;
}

/** By extension (a .gz suffix aside), else by the first byte that is not white space. */
export function formatOf(path: string, firstChunk: Buffer): InputFormat {
  if (isZip(firstChunk)) return 'xlsx';
  const named = formatByName(path);
  if (named) return named;
  const first = firstSignificantByte(firstChunk);
  return first === 0x5b ? 'json' : first === 0x7b ? 'ndjson' : 'csv';
}

function formatByName(path: string): InputFormat | undefined {
  const base = path.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv') || base.endsWith('.tsv') || base.endsWith('.txt')) return 'csv';
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) return 'ndjson';
  if (base.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * Whether the input's first bytes `head` are enough to read it by: not
 * while they may be the start of a byte-order mark, nor, when neither the
 * format given nor the name tells it, while they are only white space
 * (formatOf would take them for CSV). A pipe's first read may hold just
 * that: an adversarial test found an NDJSON stream read as CSV.
 */
export function formatTold(path: string, format: InputFormat | undefined, head: Buffer): boolean {
  if (head.length < 3 && head.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) return false;
  return format !== undefined || formatByName(path) !== undefined || firstSignificantByte(head) >= 0;
}

/**
 * The chunks, the first ones joined until they tell how to read the input
 * (`told`: see formatTold), then as they come; what was held, at the end of
 * an input that never told.
 */
export async function* firstTelling(chunks: AsyncIterable<Buffer>, told: (head: Buffer) => boolean): AsyncGenerator<Buffer> {
  let head: Buffer | null | undefined; // null once told
  for await (const chunk of chunks) {
    if (head === null) {
      yield chunk;
      continue;
    }
    const joined = head === undefined ? chunk : Buffer.concat([head, chunk]);
    // A megabyte of white space tells nothing more: read it as it says (formatOf).
    if (joined.length > 0 && (told(joined) || joined.length >= 1 << 20)) {
      head = null;
      yield joined;
    } else head = joined === chunk ? Buffer.from(chunk) : joined; // held past the next read, which may reuse the chunk's buffer
  }
  if (head) yield head;
}

/** A zip archive's first bytes (an XLSX workbook is one). */
export function isZip(chunk: Uint8Array): boolean {
  return chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04;
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
 * The CSV header as the scanner finds it (core/inventory/header-rows.ts):
 * the first line with two cells or more, the empty lines and one-cell lines
 * (titles) above it aside, with everything before it (fed again to a
 * thread's scanner before a part that is not the first, so that it finds the
 * same header at the same place), and where the line after it begins.
 * Undefined when it is not in `head`, the lines up to it have quotes (a
 * quoted header is read on one thread) or its delimiter is not clear.
 */
export function csvHeader(head: Buffer, given?: Delimiter): { header: string; after: number } | undefined {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  let pos = start;
  for (let rows = 0; rows <= MAX_TITLE_ROWS + 1000; rows++) {
    const nl = head.indexOf(10, pos);
    if (nl < 0) return undefined;
    const end = nl > pos && head[nl - 1] === 13 ? nl - 1 : nl;
    const line = head.toString('latin1', pos, end);
    if (line.includes('"')) return undefined;
    const found = recordExtent(head, pos).found;
    if (given === undefined && found.length > 1) return undefined;
    const delimiter = given ?? found[0];
    if (delimiter !== undefined && filledCells(line.split(delimiter)) >= 2)
      return { header: head.toString('latin1', start, end), after: nl + 1 };
    pos = nl + 1;
  }
  return undefined;
}

/** A file cut into parts: what every thread needs to read any of them. */
export interface PartPlan {
  path: string;
  size: number;
  /** 'json': a JSON array, read in parts as NDJSON is when its elements are one to a line, each line's comma at its end. */
  format: 'csv' | 'ndjson' | 'json';
  /** The CSV header line (fed to a thread's scanner before its first part that is not the first). */
  header: string;
  /** Where the line after the CSV header begins (0 for NDJSON): no part but the first begins before it. */
  headerEnd: number;
  parts: number;
  partBytes: number;
  chunkBytes: number;
}

/**
 * The parts of `path`: an uncompressed CSV, NDJSON or JSON array file of
 * tuning.minBytes or more. Undefined for anything else, including a file
 * that cannot be read (the one-thread path reports it). A JSON array (a
 * file whose records start with '[', whatever its name) is cut at line
 * breaks as NDJSON is; whether each part ended after an element's comma is
 * checked after the fact (JsonScanner.atPartBoundary), and a file whose
 * parts did not is read on one thread.
 */
export function planParts(
  path: string,
  format: InputFormat | undefined,
  tuning: SplitTuning = SPLIT_TUNING,
  delimiter?: Delimiter,
): PartPlan | undefined {
  let fd: number | undefined;
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size < tuning.minBytes || stat.size < 2) return undefined;
    fd = openSync(path, 'r');
    const head = readAt(fd, 0, Math.min(HEAD_BYTES, stat.size));
    if ((head[0] === 0x1f && head[1] === 0x8b) || looksBinary(head)) return undefined;
    const given = format ?? formatOf(path, head);
    if (given === 'xlsx') return undefined;
    const first = firstSignificantByte(head);
    const chosen = given === 'csv' ? 'csv' : first === 0x5b ? 'json' : first === 0x7b ? 'ndjson' : undefined;
    if (chosen === undefined) return undefined;
    const header = chosen === 'csv' ? csvHeader(head, delimiter) : { header: '', after: 0 };
    if (header === undefined) return undefined;
    const parts = Math.max(1, Math.ceil(stat.size / tuning.partBytes));
    const { partBytes, chunkBytes } = tuning;
    return { path, size: stat.size, format: chosen, header: header.header, headerEnd: header.after, parts, partBytes, chunkBytes };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Where part `i` begins: 0 for the first, else just after the first line
 * break at or after its nominal start - 1 (the file's size if there is none).
 * -1 when no line break comes within a record's length: such a line is an
 * error the one-thread read reports.
 */
export function partStart(fd: number, plan: PartPlan, i: number): number {
  if (i === 0) return 0;
  if (i >= plan.parts) return plan.size;
  const from = Math.max(i * plan.partBytes, plan.headerEnd) - 1; // a part that began before the header's end would read it as a record
  for (let at = from, window = 1 << 16; at < plan.size; at += window, window = Math.min(window * 4, MAX_RECORD_BYTES)) {
    const nl = readScratch(fd, at, Math.min(window, plan.size - at)).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    if (at + window - from > MAX_RECORD_BYTES + 1) return -1;
  }
  return plan.size;
}

function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, at);
  return buf.subarray(0, n);
}

/**
 * This thread's buffer for finding where parts begin (each thread has its own
 * module). A new 64 KiB buffer per part was garbage V8 collects late (its
 * heap stays small): 25 MiB more peak RSS at 20,000,000 records than at 2,000,000.
 */
let scratch = Buffer.allocUnsafe(1 << 16);

function readScratch(fd: number, at: number, length: number): Buffer {
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  const n = readSync(fd, scratch, 0, length, at);
  return scratch.subarray(0, n);
}

/** Feeds bytes [from, to) of the open file `fd` to `feed`, in reads of `chunk` bytes into `buffer` (reused). */
export function readRange(fd: number, from: number, to: number, buffer: Buffer, feed: (bytes: Buffer, at: number) => void): void {
  for (let at = from; at < to; ) {
    const buf = to - at < buffer.length ? buffer.subarray(0, to - at) : buffer;
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n === 0) break;
    at += n;
    feed(n === buf.length ? buf : buf.subarray(0, n), at); // the scanners copy what they carry over
  }
}
