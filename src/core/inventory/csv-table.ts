/**
 * A schedule's CSV rows after its header, on the general path: each record
 * (quotes, "" escapes and line breaks in quoted fields, CRLF or LF) split at
 * its delimiter into cells for TableRecords. The CSV scanner hands a file to
 * it when the header asks for more than its byte paths do (csv.ts).
 */
import { ChunkScanner, InventoryError, lineTooLong } from './chunks.js';
import { boundedQuotedRecord } from './csv-quoted.js';
import type { TableRecords } from './table-records.js';

export class CsvTableScanner extends ChunkScanner {
  constructor(
    private readonly records: TableRecords,
    private readonly delimiter: number,
    private line: number,
  ) {
    super();
  }

  get linesConsumed(): number {
    return this.line;
  }

  feed(chunk: Buffer): void {
    const buf = this.join(chunk);
    const pos = this.rows(buf, false);
    if (pos < buf.length) {
      this.keep(buf, pos, () => lineTooLong(this.line + 1));
    }
  }

  end(): void {
    const buf = this.carry;
    this.carry = undefined;
    if (buf && buf.length > 0) this.rows(buf, true);
  }

  /** As CsvScanner.startPart: a part read apart, lines counted from 0 again. */
  startPart(): void {
    this.carry = undefined;
    this.line = 0;
  }

  /** Every complete record of `buf` into the records; returns where the first incomplete one starts. */
  private rows(buf: Buffer, final: boolean): number {
    let pos = 0;
    while (pos < buf.length) {
      const record = boundedQuotedRecord(buf, pos, final, this.line + 1, this.delimiter);
      if (record === undefined) {
        if (final) throw new InventoryError('a quoted field is not closed before the end of the input', { line: this.line + 1 });
        break;
      }
      const line = ++this.line;
      this.line += record.lines - 1;
      this.records.record(record.fields, line);
      pos = record.next;
    }
    return pos;
  }
}
