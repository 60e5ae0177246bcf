/**
 * Streaming CSV inventory scanner (RFC 4180: header row, quoted fields with
 * "" escapes and line breaks, CRLF or LF, a UTF-8 BOM). An unquoted line
 * whose columns (after a leading id) were seen on an earlier line is counted
 * from a line cache; other unquoted lines take a byte-level path with no
 * per-field strings; quoted lines take a general path.
 */
import type { InventoryAggregate, RecordError } from './aggregate.js';
import { InventoryError, lineBytes, lineTooLong, MAX_RECORD_BYTES, type ScanOptions } from './chunks.js';
import type { CsvReading } from './csv-columns.js';
import { CsvRecords } from './csv-record.js';
import { boundedQuotedRecord } from './csv-quoted.js';
import { afterCommas, tailEnd, tailHash } from './comma-scan.js';
import { hashToLineEnd, lineHash, SpanCache } from './span-cache.js';
import type { CsvTableScanner } from './csv-table.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

export class CsvScanner extends CsvRecords {
  private started = false;
  /** Lines seen before, by their tail: the columns from the first that plays a role to the last (see SpanCache). */
  private readonly cache: SpanCache;

  constructor(aggregate: InventoryAggregate, onError: (error: RecordError) => void, options: ScanOptions = {}, reading: CsvReading = {}) {
    super(aggregate, onError, reading);
    this.cache = SpanCache.of(options.cache);
  }

  /** Everything fed so far ended at a record boundary (on the general path too, once the header handed the file to it). */
  override get atRecordBoundary(): boolean {
    return this.table ? this.table.atRecordBoundary : super.atRecordBoundary;
  }

  /** Scans every complete line of `chunk` (with what was carried over). */
  feed(chunk: Buffer): void {
    if (this.table) {
      this.table.feed(chunk);
      return;
    }
    const buf = this.join(chunk);
    let pos = 0;
    if (!this.started) {
      if (buf.length < 3 && buf.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        this.carry = Buffer.from(buf); // might still be a BOM
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    if (!this.found) {
      // The header phase: the rows above the header and the header, before the byte loop below.
      pos = this.headerRows(buf, pos, false);
      if (pos < 0) return;
      const table = this.table as CsvTableScanner | undefined; // set by the header, when it asks for the general path
      if (table) {
        if (pos < buf.length) table.feed(buf.subarray(pos));
        return;
      }
    }
    let nextQuote = buf.indexOf(QUOTE, pos);
    const n = buf.length;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    while (pos < n) {
      // The fast path finds the line's end while it hashes the line's tail (from the first column
      // that plays a role to the end); any other line is looked for with indexOf.
      let tail = -1;
      let nl: number;
      if (this.tailToEnd && this.cache.enabled && (tail = this.tailStart(buf, pos, n)) >= 0) nl = hashToLineEnd(view, tail, n);
      else nl = buf.indexOf(LF, pos);
      if (nl === -1) break;
      // nl - pos first: the CR check (lineBytes) only for a line already near the limit, not for every line.
      if (nl - pos > MAX_RECORD_BYTES && lineBytes(buf, pos, nl) > MAX_RECORD_BYTES && (nextQuote === -1 || nextQuote > nl))
        throw lineTooLong(this.line + 1);
      if (nextQuote !== -1 && nextQuote < nl) {
        const next = this.quotedRecord(buf, pos, false);
        if (next === -1) break; // a quoted field runs past this chunk
        pos = next;
        nextQuote = buf.indexOf(QUOTE, pos);
        continue;
      }
      this.line++;
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (end > pos) {
        if (tail >= 0) this.cachedTail(buf, view, pos, end, tail, nl, lineHash);
        else if (this.columns && this.cache.enabled && !this.tailToEnd) this.cachedLine(buf, view, pos, end);
        else this.plainRecord(buf, pos, end);
      }
      pos = nl + 1;
    }
    if (pos < n) {
      this.keep(buf, pos, () => lineTooLong(this.line + 1));
    }
  }

  /**
   * The next bytes fed are a part of the file read apart from what came
   * before (by this thread or another): lines counted from 0 again, no
   * byte-order mark; the header, the line cache and the aggregate stay.
   */
  startPart(): void {
    this.carry = undefined;
    this.started = true;
    this.line = 0;
    this.table?.startPart();
  }

  /** The last line, if the input does not end with a line break. */
  end(): void {
    if (this.table) {
      this.table.end();
      return;
    }
    let buf = this.carry;
    this.carry = undefined;
    if (!buf || buf.length === 0) return;
    if (!this.found) {
      const pos = this.headerRows(buf, 0, true);
      if (this.table) {
        (this.table as CsvTableScanner).feed(buf.subarray(pos));
        (this.table as CsvTableScanner).end();
        return;
      }
      buf = buf.subarray(pos);
      if (buf.length === 0) return;
    }
    if (buf.indexOf(QUOTE) !== -1) {
      if (this.quotedRecord(buf, 0, true) === -1)
        throw new InventoryError('a quoted field is not closed before the end of the input', { line: this.line + 1 });
      return;
    }
    this.line++;
    const end = buf[buf.length - 1] === CR ? buf.length - 1 : buf.length;
    if (end > 0) this.plainRecord(buf, 0, end);
  }

  /**
   * Where the tail of the line at `start` begins: after its leading columns
   * that play no role (an id, say); -1 when the line (or the buffer) ends first.
   */
  private tailStart(buf: Buffer, start: number, n: number): number {
    let t = start;
    for (let skip = this.leadingSkip; skip > 0; t++) {
      if (t >= n) return -1;
      const b = buf[t]!;
      if (b === COMMA) skip--;
      else if (b === LF) return -1;
    }
    return t;
  }

  /**
   * The hot path: a line whose tail buf[tail, tailEnd) (line break aside,
   * with this spanHash) a full parse has seen is counted from the cache; any
   * other line is parsed, and its tail remembered.
   */
  private cachedTail(buf: Buffer, view: DataView, start: number, end: number, tail: number, tailEnd: number, hash: number): void {
    const cache = this.cache;
    const index = cache.find(view, tail, tailEnd, hash);
    if (index >= 0 && this.aggregate.countInto(cache.entry(index), cache.count(index))) return;
    this.added = -1;
    this.plainRecord(buf, start, end);
    // A tail that leaves the label out stands for its lines only when they have a preset (the label names nothing then).
    if (this.added >= 0 && this.addedCount > 0 && index < 0 && (this.presetGiven || !this.labelAfterTail))
      cache.add(buf, tail, tailEnd, hash, this.added, this.addedCount);
  }

  /** As cachedTail, for a line whose tail ends at the comma after its tail's last column (found here). */
  private cachedLine(buf: Buffer, view: DataView, start: number, end: number): void {
    const t = afterCommas(view, start, end, this.leadingSkip);
    if (t < 0) {
      this.plainRecord(buf, start, end); // a short row
      return;
    }
    // The tail's commas, then the one that ends it (found four bytes at a time, hashed on the way).
    const e = tailEnd(view, t, end, this.tailLast - this.leadingSkip);
    this.cachedTail(buf, view, start, end, t, e, tailHash);
  }

  /**
   * A record with quotes, from `start`; returns the offset after its line
   * break, or -1 when the buffer ends first (and `final` is false).
   */
  private quotedRecord(buf: Buffer, start: number, final: boolean): number {
    const record = boundedQuotedRecord(buf, start, final, this.line + 1);
    if (record === undefined) return -1;
    this.line++;
    const recordLine = this.line;
    this.line += record.lines - 1;
    if (!this.columns) this.header(record.fields);
    else this.textRecord(record.fields, recordLine);
    return record.next;
  }
}
