/**
 * A CSV record with quotes (RFC 4180: "" escapes a quote, a quoted field may
 * hold commas and line breaks), read into its fields as latin1 strings. The
 * scanner's general path: lines without quotes never come here.
 */
import { InventoryError, latin1, lineTooLong, MAX_RECORD_BYTES, recordTooLong, within } from './chunks.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

export interface QuotedRecord {
  fields: string[];
  /** The offset after the record's line break. */
  next: number;
  /** Lines the record spans (a quoted field with line breaks spans several). */
  lines: number;
}

/**
 * readQuotedRecord, reading no further than the record limit (its line
 * break, CRLF or LF, aside): a record that does not end within it, or is
 * longer once read, is refused (lineTooLong), however the input was cut.
 */
export function boundedQuotedRecord(buf: Buffer, start: number, final: boolean, line: number, delimiter = COMMA): QuotedRecord | undefined {
  const bounded = within(buf, start, MAX_RECORD_BYTES + 2);
  const record = readQuotedRecord(bounded, start, final && bounded === buf, line, delimiter);
  if (record === undefined ? bounded !== buf : recordTooLong(buf, start, record.next)) throw lineTooLong(line);
  return record;
}

/**
 * The record from `start`, or undefined when the buffer ends first (and
 * `final` is false). `line` is the record's line, for the one error here;
 * `delimiter` the byte between fields (',' unless the header said otherwise).
 */
export function readQuotedRecord(buf: Buffer, start: number, final: boolean, line: number, delimiter = COMMA): QuotedRecord | undefined {
  const fields: string[] = [];
  const n = buf.length;
  let i = start;
  let lines = 1;
  for (;;) {
    if (i < n && buf[i] === QUOTE) {
      const field = quotedField(buf, i, final);
      if (field === undefined) return undefined;
      fields.push(field.value);
      lines += field.lines;
      i = field.next;
    } else {
      let j = i;
      while (j < n && buf[j] !== delimiter && buf[j] !== LF) j++;
      if (j >= n && !final) return undefined;
      let e = j;
      if (buf[j] !== delimiter && e > i && buf[e - 1] === CR) e--;
      fields.push(latin1(buf, i, e));
      i = j;
    }
    if (i >= n) break;
    if (buf[i] === delimiter) {
      i++;
      continue;
    }
    if (buf[i] === CR && buf[i + 1] === LF) i++;
    if (buf[i] === LF) {
      i++;
      break;
    }
    if (i + 1 >= n && !final) return undefined;
    throw new InventoryError('unexpected text after a closing quote', { line: line + lines - 1 });
  }
  return { fields, next: i, lines };
}

/** The quoted field opening at `i`: its value, the line breaks inside it, and the offset after its closing quote. */
function quotedField(buf: Buffer, i: number, final: boolean): { value: string; lines: number; next: number } | undefined {
  const n = buf.length;
  const open = i;
  let value = '';
  let from = i + 1;
  i++;
  for (;;) {
    const q = buf.indexOf(QUOTE, i);
    if (q === -1) return undefined; // not closed yet (or, when final, never)
    if (buf[q + 1] === QUOTE) {
      value += latin1(buf, from, q + 1);
      i = from = q + 2;
      continue;
    }
    if (q + 1 >= n && !final) return undefined;
    value += latin1(buf, from, q);
    let lines = 0;
    for (let k = open + 1; k < q; k++) if (buf[k] === LF) lines++; // the whole field's, before any "" too
    return { value, lines, next: q + 1 };
  }
}
