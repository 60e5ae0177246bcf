/**
 * What the inventory scanners share: bytes arrive in chunks of any size, and
 * a record cut by a chunk's end is carried over and joined to the next chunk.
 */

import type { SpanCacheLimits } from './span-cache.js';

/**
 * How a scanner's fast paths are tuned. The defaults are what camsize runs
 * with; tests set small limits (or turn the line cache off) to compare every
 * fast path against the plain one on inputs that straddle each threshold.
 */
export interface ScanOptions {
  /** The line cache's limits, or false for none (every line parsed). */
  cache?: SpanCacheLimits | false;
  /** JSON: records of a new shape in a row after which the line cache follows it (default 64). */
  shapeRun?: number;
}

/**
 * A record longer than this is not a camera record (a 10 MB line, binary data …):
 * a CSV line (its bytes before the line break, LF or CRLF) or a JSON record object, counted
 * on the record itself, so that the same record is refused from a file, a gzip
 * file or a pipe alike, whatever the reads' sizes (an adversarial test found a
 * 2,000,000-byte record read from a file and refused from standard input).
 */
export const MAX_RECORD_BYTES = 1 << 20;

/** A CSV line (or quoted record) longer than MAX_RECORD_BYTES, from its first line: a record, or a row above the header. */
export function lineTooLong(line: number, what = 'a camera record'): InventoryError {
  return new InventoryError(`a line longer than 1 MiB: not ${what} (is this the right file?)`, { line });
}

/** The bytes of the line or record buf[start, end), a CR just before its line feed (`end`) left out: CRLF and LF files alike. */
export function lineBytes(buf: Buffer, start: number, end: number): number {
  return end > start && buf[end - 1] === 13 ? end - 1 - start : end - start;
}

/** A record read from buf[start] up to `next` (after its line break, if it has one) is over the limit, its line break left out. */
export function recordTooLong(buf: Buffer, start: number, next: number): boolean {
  return lineBytes(buf, start, next > start && buf[next - 1] === 10 ? next - 1 : next) > MAX_RECORD_BYTES;
}

/**
 * `buf` cut `limit` bytes after `start` when it runs further: a record read
 * from it that ends inside is no longer than the limit, one that does not is
 * longer (what lies past the limit is never read). `buf` itself otherwise.
 */
export function within(buf: Buffer, start: number, limit: number): Buffer {
  return buf.length - start > limit ? buf.subarray(0, start + limit) : buf;
}

/** A problem that stops the scan (syntax, header): where, and what. */
export class InventoryError extends Error {
  constructor(
    message: string,
    readonly place?: { line: number; column?: number },
  ) {
    super(message);
  }
}

/** Bytes as a latin1 string (one char per byte): exact for any input, decoded as UTF-8 once per distinct key. */
export function latin1(buf: Buffer, start: number, end: number): string {
  return buf.toString('latin1', start, end);
}

export abstract class ChunkScanner {
  /** Bytes of an unfinished record, copied (the caller may reuse its buffer). */
  protected carry: Buffer | undefined;
  /** A reused buffer for the carried-over tail plus the next chunk: no new chunk-sized buffer per chunk. */
  private work = Buffer.alloc(0);

  /** Line breaks consumed so far: add this to the line numbers of a part read after this one. */
  abstract get linesConsumed(): number;

  /** True when everything fed so far ended exactly at a record boundary (nothing carried over). */
  get atRecordBoundary(): boolean {
    return this.carry === undefined || this.carry.length === 0;
  }

  /** True when a part read apart may begin where this one ended (JsonScanner says more for a JSON array). */
  get atPartBoundary(): boolean {
    return this.atRecordBoundary;
  }

  /** The carried-over bytes and `chunk` as one buffer (the chunk itself when nothing was carried). */
  protected join(chunk: Buffer): Buffer {
    const carry = this.carry;
    this.carry = undefined;
    if (!carry || carry.length === 0) return chunk;
    const length = carry.length + chunk.length;
    if (this.work.length < length) this.work = Buffer.allocUnsafe(Math.max(length, this.work.length * 2));
    carry.copy(this.work, 0);
    chunk.copy(this.work, carry.length);
    return this.work.subarray(0, length);
  }

  /** Carries buf[from, end) over to the next chunk, unless it is too long to be a record. */
  protected keep(buf: Buffer, from: number, tooLong: () => InventoryError): void {
    if (lineBytes(buf, from, buf.length) > MAX_RECORD_BYTES) throw tooLong(); // a CR whose LF is in the next read is a line break's
    this.carry = Buffer.from(buf.subarray(from));
  }
}
