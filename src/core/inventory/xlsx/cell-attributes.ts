/**
 * A worksheet cell's attributes, read from the bytes of its <c> tag: its
 * column (from r="B7") and its type (t="s", "str", "inlineStr", "b", "e",
 * "d" or none, a number), with no string made for the common r and t="s";
 * and column letters as numbers and back.
 */
import { XmlError } from './xml-text.js';

/** A cell's type attribute: n (or none), s, str, inlineStr, b, e, d. */
export const TYPE_NUMBER = 0;
export const TYPE_SHARED = 1;
export const TYPE_TEXT = 2;
export const TYPE_INLINE = 3;
export const TYPE_BOOLEAN = 4;
export const TYPE_ERROR = 5;
const TYPES = new Map<string, number>([
  ['n', TYPE_NUMBER],
  ['s', TYPE_SHARED],
  ['str', TYPE_TEXT],
  ['d', TYPE_TEXT],
  ['inlineStr', TYPE_INLINE],
  ['b', TYPE_BOOLEAN],
  ['e', TYPE_ERROR],
]);

export interface CellAttributes {
  /** From r="B7" (-1: none); the row part is not read (the row's own r is). */
  column: number;
  type: number;
}

/** A cell's r and t attributes in buf[from, to), read from the bytes (no string for the common r="B7" t="s"). */
export function cellAttributes(buf: Buffer, from: number, to: number, into: CellAttributes): void {
  into.column = -1;
  into.type = TYPE_NUMBER;
  let i = from;
  while (i < to) {
    const eq = buf.indexOf(61, i);
    if (eq < 0 || eq >= to) return;
    const q = buf[eq + 1] === 34 || buf[eq + 1] === 39 ? eq + 1 : -1;
    if (q < 0) throw new XmlError('a cell attribute without a quoted value');
    const close = buf.indexOf(buf[q]!, q + 1);
    if (close < 0 || close >= to) throw new XmlError('a cell attribute without its closing quote');
    const name = buf[eq - 1];
    const single =
      eq - 2 < from || buf[eq - 2] === 32 || buf[eq - 2] === 9 || buf[eq - 2] === 10 || buf[eq - 2] === 13 || buf[eq - 2] === 58;
    if (single && name === 114 /* r */) {
      let column = 0;
      let k = q + 1;
      for (; k < close && buf[k]! >= 65 && buf[k]! <= 90 && k - q <= 3; k++) column = column * 26 + (buf[k]! - 64);
      if (k === q + 1 || k - q > 4)
        throw new XmlError(`'${buf.toString('latin1', q + 1, Math.min(close, q + 21))}' is not a cell reference`);
      into.column = column - 1;
    } else if (single && name === 116 /* t */) {
      const type = close === q + 2 && buf[q + 1] === 115 /* s */ ? TYPE_SHARED : TYPES.get(buf.toString('latin1', q + 1, close));
      if (type === undefined) throw new XmlError(`a cell of an unknown type '${buf.toString('latin1', q + 1, Math.min(close, q + 21))}'`);
      into.type = type;
    }
    i = close + 1;
  }
}

/** 'B7' → 1 (columns from 0); -1 for a reference that is no cell. */
export function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === 0 || i > 3) throw new XmlError(`'${ref.slice(0, 20)}' is not a cell reference`);
  return column - 1;
}

/** 1 → 'B'. */
export function columnName(column: number): string {
  let name = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}
