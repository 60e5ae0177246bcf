/**
 * A worksheet's rows, streamed from its XML (xl/worksheets/sheetN.xml):
 * each <row>'s cells as text, by column, in constant memory. A cell's text is
 * its saved value: a number's own digits (cell-number.ts), a shared or
 * inline string, TRUE/FALSE, a formula's cached value; an error value
 * (#REF!) or a formula saved without its value is flagged, for the reader
 * to refuse where a column it reads holds one. Beyond Excel's own limits
 * (1,048,576 rows, 16,384 columns: XFD) a sheet is refused, as are rows or
 * cells out of order.
 */
import { excelNumberText } from './cell-number.js';
import type { SharedStrings } from './shared-strings.js';
import {
  type CellAttributes,
  cellAttributes,
  columnName,
  TYPE_BOOLEAN,
  TYPE_ERROR,
  TYPE_INLINE,
  TYPE_NUMBER,
  TYPE_SHARED,
  TYPE_TEXT,
} from './cell-attributes.js';
import { attribute, bytes, isTag, nextTag, type Tag, XmlError, xmlText } from './xml-text.js';

export { columnName, columnOf } from './cell-attributes.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A cell flag: its value is an error (#N/A, #REF! …; its text is the error), or a formula saved without a value. */
export const CELL_ERROR = 1;
export const CELL_NO_VALUE = 2;

const ROW = bytes('row');
const C = bytes('c');
const V = bytes('v');
const F = bytes('f');
const IS = bytes('is');
const T = bytes('t');
const RPH = bytes('rPh');
const SHEET_DATA = bytes('sheetData');
const R_ATTR = bytes('r');

/** One cell element, carried over a chunk's end, at most (a cell is at most 32,767 characters in Excel). */
const MAX_CELL_BYTES = 1 << 20;

export type RowSink = (row: number, cells: readonly string[], width: number, flags: Uint8Array) => void;

export class SheetRows {
  private carry: Buffer | undefined;
  private row = 0;
  private inRow = false;
  private inData = false;
  private column = -1;
  private width = 0;
  private readonly cells: string[] = [];
  private flags = new Uint8Array(64);
  private readonly tag: Tag = { start: 0, nameStart: 0, nameEnd: 0, attrsEnd: 0, end: 0, closing: false, selfClosing: false };
  /** The tags inside a cell, and the cell's attributes (reused: a sheet has millions of cells). */
  private readonly inner: Tag = { ...this.tag };
  private readonly attrs: CellAttributes = { column: -1, type: TYPE_NUMBER };

  constructor(
    private readonly strings: SharedStrings | undefined,
    private readonly sink: RowSink,
  ) {}

  feed(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    const pos = this.elements(buf);
    if (pos < buf.length) {
      if (buf.length - pos > MAX_CELL_BYTES) throw new XmlError('a cell longer than 1 MiB: not a camera schedule');
      this.carry = Buffer.from(buf.subarray(pos));
    }
  }

  end(): void {
    if (this.inRow || (this.carry !== undefined && this.carry.indexOf(60) >= 0))
      throw new XmlError('the worksheet ends inside a row (truncated?)');
  }

  /** The elements of `buf` (rows, cells) read; returns where the first incomplete one starts. */
  private elements(buf: Buffer): number {
    const tag = this.tag;
    let pos = 0;
    while (nextTag(buf, pos, tag)) {
      if (!this.inData) {
        if (isTag(buf, tag, SHEET_DATA) && !tag.closing) this.inData = !tag.selfClosing;
        pos = tag.end;
        continue;
      }
      if (isTag(buf, tag, C) && !tag.closing) {
        const next = this.cell(buf, tag);
        if (next < 0) return tag.start;
        pos = next;
        continue;
      }
      if (isTag(buf, tag, ROW)) this.rowTag(buf, tag);
      else if (isTag(buf, tag, SHEET_DATA) && tag.closing) this.inData = false;
      pos = tag.end;
    }
    return pos;
  }

  private rowTag(buf: Buffer, tag: Tag): void {
    if (tag.closing) {
      if (this.inRow) this.sink(this.row, this.cells, this.width, this.flags);
      this.inRow = false;
      return;
    }
    const r = attribute(buf, tag.nameEnd, tag.attrsEnd, R_ATTR);
    const row = r === undefined ? this.row + 1 : Number(r);
    if (!Number.isInteger(row) || row <= this.row || row > MAX_ROWS)
      throw new XmlError(`row ${r ?? row} is out of order or beyond Excel's ${MAX_ROWS.toLocaleString('en-US')} rows`);
    this.row = row;
    this.column = -1;
    this.flags.fill(0, 0, this.width);
    this.width = 0;
    this.cells.length = 0;
    this.inRow = !tag.selfClosing;
  }

  /** The cell whose <c> tag is `open`: its text into the row; the offset after it, or -1 when the buffer ends first. */
  private cell(buf: Buffer, open: Tag): number {
    if (!this.inRow) throw new XmlError('a cell outside a row');
    cellAttributes(buf, open.nameEnd, open.attrsEnd, this.attrs);
    const column = this.attrs.column < 0 ? this.column + 1 : this.attrs.column;
    if (column <= this.column || column >= MAX_COLUMNS)
      throw new XmlError(
        `cell ${this.attrs.column < 0 ? column + 1 : columnName(column)} is out of order or beyond Excel's last column, XFD`,
      );
    let end = open.end;
    let value: string | undefined;
    let inline = '';
    let formula = false;
    if (!open.selfClosing) {
      const tag = this.inner;
      let phonetic = false;
      for (let pos = open.end; ; pos = tag.end) {
        if (!nextTag(buf, pos, tag)) return -1;
        if (isTag(buf, tag, C) && tag.closing) {
          end = tag.end;
          break;
        }
        if (isTag(buf, tag, F)) formula = true;
        else if (isTag(buf, tag, RPH)) phonetic = !tag.closing && !tag.selfClosing;
        else if ((isTag(buf, tag, V) || (isTag(buf, tag, T) && !phonetic)) && !tag.closing && !tag.selfClosing) {
          const start = tag.end;
          if (!nextTag(buf, start, tag)) return -1;
          const text = xmlText(buf, start, tag.start);
          if (tag.closing && isTag(buf, tag, V)) value = text;
          else inline += text;
        } else if (isTag(buf, tag, IS) && tag.selfClosing) inline = '';
      }
    }
    this.put(column, this.attrs.type, value, inline, formula);
    return end;
  }

  private put(column: number, type: number, value: string | undefined, inline: string, formula: boolean): void {
    if (column >= this.flags.length) {
      const grown = new Uint8Array(Math.max(this.flags.length * 2, column + 1));
      grown.set(this.flags);
      this.flags = grown;
    }
    for (let c = this.width; c < column; c++) this.cells[c] = '';
    this.width = column + 1;
    this.column = column;
    let text = '';
    if (type === TYPE_INLINE) text = inline;
    else if (value === undefined) {
      if (formula) this.flags[column] = CELL_NO_VALUE;
    } else if (type === TYPE_SHARED) text = this.shared(value);
    else if (type === TYPE_BOOLEAN) text = value === '1' ? 'TRUE' : 'FALSE';
    else if (type === TYPE_ERROR) {
      this.flags[column] = CELL_ERROR;
      text = value;
    } else if (type === TYPE_TEXT) text = value;
    else {
      const number = value.length <= 15 && PLAIN_NUMBER.test(value) ? value : excelNumberText(value);
      if (number === undefined) throw new XmlError(`cell ${columnName(column)}${this.row}: '${value.slice(0, 40)}' is not a number`);
      text = number;
    }
    this.cells[column] = text;
  }

  private shared(index: string): string {
    const text = /^\d{1,10}$/.test(index) ? this.strings?.latin1(Number(index)) : undefined;
    if (text === undefined) throw new XmlError(`a cell refers to shared string ${index.slice(0, 20)}, which the workbook does not have`);
    return text;
  }
}

/** Number text read as it is (when it is 15 characters or fewer, so 15 digits or fewer: Excel's): digits, maybe a point and more digits. */
export const PLAIN_NUMBER = /^(?:-?[1-9]\d*(?:\.\d*[1-9])?|-?0\.\d*[1-9]|0)$/;
