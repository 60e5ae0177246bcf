/**
 * The JSON tokenizer under the inventory's JSON scanner: white space and line
 * counting, strings (noting escapes and line breaks), other values skipped,
 * and syntax errors with their line and column. A base class, so the scanner
 * built on it reads these fields as its own (one object, no indirection on
 * the hot path).
 */
import { ChunkScanner, InventoryError, latin1 } from './chunks.js';
import { shownText } from './encoding.js';

export const enum B {
  TAB = 9,
  LF = 10,
  CR = 13,
  SPACE = 32,
  QUOTE = 34,
  COMMA = 44,
  MINUS = 45,
  COLON = 58,
  OPEN_ARRAY = 91,
  BACKSLASH = 92,
  CLOSE_ARRAY = 93,
  OPEN_OBJECT = 123,
  CLOSE_OBJECT = 125,
}

/** Thrown inside the scan when the chunk ends mid-record: wait for more bytes. */
export const INCOMPLETE = Symbol('incomplete');

/** What stringEnd saw in a string. */
export const HAS_BACKSLASH = 1;
export const HAS_LINE_BREAK = 2;
/** A raw control character other than a line feed (U+0000–U+001F): JSON writes them escaped, JSON.parse refuses them. */
export const HAS_CONTROL = 4;

export abstract class JsonCursor extends ChunkScanner {
  protected line = 1;
  /** Offset of the current line in the current buffer (for columns). */
  protected lineStart = 0;
  /** What the last stringEnd saw in its string: HAS_BACKSLASH, HAS_LINE_BREAK, HAS_CONTROL. */
  protected stringSeen = 0;

  get linesConsumed(): number {
    return this.line - 1;
  }

  get lines(): number {
    return this.line;
  }

  /** Skips white space from `i`, counting line breaks; returns the offset of the next other byte. */
  protected ws(buf: Buffer, i: number): number {
    const n = buf.length;
    while (i < n) {
      const c = buf[i]!;
      if (c === B.LF) {
        this.line++;
        this.lineStart = i + 1;
      } else if (c !== B.SPACE && c !== B.TAB && c !== B.CR) return i;
      i++;
    }
    return i;
  }

  /**
   * Offset of the closing quote of the string opening at `i`, noting escapes
   * and line breaks on the way. A plain loop: strings here are short, and a
   * native indexOf costs more per call than it saves.
   */
  protected stringEnd(buf: Buffer, i: number): number {
    const n = buf.length;
    let seen = 0;
    for (let j = i + 1; j < n; j++) {
      const b = buf[j]!;
      if (b === B.QUOTE) {
        this.stringSeen = seen;
        return j;
      }
      if (b === B.BACKSLASH) {
        seen |= HAS_BACKSLASH;
        j++; // the escaped character, whatever it is (decode checks the escape)
      } else if (b < B.SPACE) seen |= b === B.LF ? HAS_LINE_BREAK : HAS_CONTROL;
    }
    throw INCOMPLETE;
  }

  /** Refuses the string buf[open, end] stringEnd just read when it held a raw line break or control character (JSON.parse refuses both). */
  protected plainString(buf: Buffer, open: number, end: number): void {
    if (this.stringSeen & HAS_LINE_BREAK) throw this.syntax(end, 'a line break inside a string');
    let at = open + 1;
    while (at < end && (buf[at]! >= B.SPACE || buf[at] === B.LF)) at += buf[at] === B.BACKSLASH ? 2 : 1;
    const code = `\\u${(buf[at] ?? 0).toString(16).padStart(4, '0')}`;
    throw this.syntax(at, `a control character inside a string: JSON writes it as ${code}`);
  }

  /** Skips a number, literal, object or array value; returns the offset after it. */
  protected skipValue(buf: Buffer, i: number): number {
    const c = buf[i]!;
    if (c === B.OPEN_OBJECT || c === B.OPEN_ARRAY) return this.skipNested(buf, i);
    const start = i;
    i = scalarEnd(buf, start);
    if (i >= buf.length) throw INCOMPLETE;
    if (!isScalar(buf, start, i))
      throw this.syntax(start, `not a JSON value: ${shownText(latin1(buf, start, Math.min(i + 1, start + 20)))}`);
    return i;
  }

  /** An object or array value, skipped by counting brackets outside strings (a loop: no recursion over its depth). */
  private skipNested(buf: Buffer, i: number): number {
    const n = buf.length;
    let depth = 0;
    const start = i;
    for (; i < n; i++) {
      const d = buf[i]!;
      if (d === B.QUOTE) i = this.stringEnd(buf, i);
      else if (d === B.OPEN_OBJECT || d === B.OPEN_ARRAY) depth++;
      else if (d === B.CLOSE_OBJECT || d === B.CLOSE_ARRAY) {
        if (--depth === 0) return this.nestedEnd(buf, start, i + 1);
      } else if (d === B.LF) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    throw INCOMPLETE;
  }

  /**
   * `end`, once buf[start, end) (an ignored object or array, its brackets
   * counted) is proven one JSON value: counting alone let `[1,,]` and `{"a"}`
   * through. JSON.parse reads nesting of any depth without recursion; such
   * values are rare in inventories, and a line the cache counts was proven
   * when its tail was first parsed.
   */
  private nestedEnd(buf: Buffer, start: number, end: number): number {
    try {
      JSON.parse(buf.toString('utf8', start, end));
    } catch {
      throw this.syntax(start, `not a JSON value: ${shownText(latin1(buf, start, Math.min(end, start + 20)))}`);
    }
    return end;
  }

  /** The JSON string from the quote at `open` to the one at `close`, with its escapes decoded. */
  protected decode(buf: Buffer, open: number, close: number): string {
    try {
      return JSON.parse(buf.toString('utf8', open, close + 1)) as string;
    } catch {
      const at = buf.indexOf(B.BACKSLASH, open);
      throw this.syntax(open, `a string with an invalid escape: ${shownText(latin1(buf, at, Math.min(at + 6, close)))}`);
    }
  }

  protected syntax(at: number, message: string): InventoryError {
    return new InventoryError(message, { line: this.line, column: at - this.lineStart + 1 });
  }
}

const LITERALS = ['true', 'false', 'null'].map((l) => Buffer.from(l, 'latin1'));

/**
 * The end of the number or literal at `i`: past the characters either may hold (the buffer's length
 * when it ends inside one). Whether they make one is isScalar's answer; a count's or rate's exact
 * form is then checked where it is read.
 */
export function scalarEnd(buf: Uint8Array, i: number): number {
  const n = buf.length;
  while (i < n) {
    const d = buf[i]!;
    if ((d >= 48 && d <= 57) || d === B.MINUS || d === 43 || d === 46 || d === 101 || d === 69) i++;
    else if (d >= 97 && d <= 122)
      i++; // true, false, null
    else break;
  }
  return i;
}

/** Whether buf[start, end) is a JSON number or literal (true, false, null). */
export function isScalar(buf: Uint8Array, start: number, end: number): boolean {
  return buf[start]! >= 97 ? isLiteral(buf, start, end) : isJsonNumber(buf, start, end);
}

export function isLiteral(buf: Uint8Array, start: number, end: number): boolean {
  // A loop, not some/every closures: the line cache asks this of a line's leading values.
  for (const l of LITERALS) {
    if (l.length !== end - start) continue;
    let k = 0;
    while (k < l.length && buf[start + k] === l[k]) k++;
    if (k === l.length) return true;
  }
  return false;
}

/**
 * Whether buf[start, end) is a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. A member
 * camsize ignores is still JSON: '-abc', '01', '+1' or '1.' are refused as JSON.parse refuses them.
 */
export function isJsonNumber(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (buf[i] === 45) i++; // '-'
  const first = i;
  while (i < end && buf[i]! >= 48 && buf[i]! <= 57) i++;
  if (i === first || (buf[first] === 48 && i - first > 1)) return false; // no digit, or a leading zero
  if (i < end && buf[i] === 46) {
    const digits = ++i;
    while (i < end && buf[i]! >= 48 && buf[i]! <= 57) i++;
    if (i === digits) return false;
  }
  if (i < end && (buf[i] === 101 || buf[i] === 69)) {
    i++;
    if (i < end && (buf[i] === 43 || buf[i] === 45)) i++;
    const digits = i;
    while (i < end && buf[i]! >= 48 && buf[i]! <= 57) i++;
    if (i === digits) return false;
  }
  return i === end;
}

/** A byte for a message: the character, or its code when it is not printable ASCII. */
export function shown(byte: number): string {
  return byte >= 32 && byte < 127 ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
