/**
 * One JSON record object read for the fields camsize needs: where each
 * field's value lies in the buffer (its slot, from the field registry), or
 * its decoded text when it has escapes, and the record's first problem (a
 * field given twice, a value of the wrong type, a misspelt field name: kept
 * by the base class, json-field-problems.ts).
 */
import { latin1 } from './chunks.js';
import { shownText } from './encoding.js';
import { hasText, ID_SLOT, LABEL_SLOT, PRESET_SLOT, SLOTS, trimBlank } from './fields.js';
import { B, HAS_BACKSLASH, HAS_CONTROL, HAS_LINE_BREAK, INCOMPLETE, shown } from './json-cursor.js';
import { JsonFieldProblems, nameAt } from './json-field-problems.js';

const SLOT_COUNT = SLOTS.length;
const SLOT_BY_NAME = new Map<string, number>(SLOTS.map((name, slot) => [name, slot]));
const SLOT_NAME_BYTES: Uint8Array[] = SLOTS.map((name) => Buffer.from(name, 'latin1'));

/** A UTF-16 surrogate without its other half: what \ud800 alone decodes to. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export abstract class JsonObjectReader extends JsonFieldProblems {
  /** The buffer the slots point into. */
  protected buf: Buffer = Buffer.alloc(0);
  /** Where each slot's value is in `buf` (content between quotes, or the raw number); empty when absent or null. */
  protected readonly starts = new Int32Array(SLOT_COUNT);
  protected readonly ends = new Int32Array(SLOT_COUNT);
  /** A value with escapes, decoded (as latin1 of its UTF-8), with `anyDecoded` set. */
  protected readonly decoded: Array<string | undefined> = new Array(SLOT_COUNT);
  protected anyDecoded = false;
  /**
   * The record's leading members that play no role (an id, a site, an IP …)
   * with plain values, for the NDJSON line cache: where each one's separator
   * ('{' or ',') and value begin, and where the last one's value ends.
   */
  protected leadCount = 0;
  protected readonly leadSep = new Int32Array(16);
  protected readonly leadValue = new Int32Array(16);
  protected leadEnd = -1;
  /** The last member read: its separator, where its value begins, its slot (-1: none of camsize's), and whether its value is plain. */
  protected lastSep = -1;
  protected lastValue = -1;
  protected lastSlot = -1;
  protected lastPlain = false;
  /** The record has a preset (so its label names nothing): set by settleLabel. */
  protected presetGiven = false;
  /** Still among the leading members (see leadCount). */
  private leading = true;
  /** The known fields met so far in this record, one bit per slot. */
  private seen = 0;
  /** The fields met in any record so far, one bit per slot (for the report). */
  protected fileSeen = 0;

  /** One record object from `{` at `start`; notes where its fields are; returns the offset after `}`. */
  protected object(buf: Buffer, start: number): number {
    this.buf = buf;
    for (let f = 0; f < SLOT_COUNT; f++) this.starts[f] = this.ends[f] = 0;
    if (this.anyDecoded) {
      this.decoded.fill(undefined);
      this.anyDecoded = false;
    }
    this.fieldError = undefined;
    this.seen = 0;
    this.unknownSeen = 0;
    this.unknownNames.length = 0;
    this.leadCount = 0;
    this.leadEnd = this.lastSep = this.lastSlot = -1;
    this.leading = true;
    const n = buf.length;
    let i = this.ws(buf, start + 1);
    if (i >= n) throw INCOMPLETE;
    if (buf[i] === B.CLOSE_OBJECT) return i + 1;
    for (let sep = start; ; ) {
      i = this.member(buf, i, sep);
      if (i < n && buf[i]! <= B.SPACE) i = this.ws(buf, i);
      if (i >= n) throw INCOMPLETE;
      if (buf[i] === B.COMMA) {
        sep = i;
        i++;
        if (i < n && buf[i]! <= B.SPACE) i = this.ws(buf, i);
        if (i >= n) throw INCOMPLETE;
        continue;
      }
      if (buf[i] === B.CLOSE_OBJECT) return i + 1;
      throw this.syntax(i, `expected ',' or '}' in a record, found ${shown(buf[i]!)}`);
    }
  }

  /** One `"name": value` from the quote at `i` (its separator at `sep`); returns the offset after the value. */
  private member(buf: Buffer, i: number, sep: number): number {
    const n = buf.length;
    if (buf[i] !== B.QUOTE) throw this.syntax(i, `expected a "quoted" field name, found ${shown(buf[i]!)}`);
    const keyEnd = this.stringEnd(buf, i);
    if (this.stringSeen & (HAS_LINE_BREAK | HAS_CONTROL)) this.plainString(buf, i, keyEnd);
    const keyStart = i + 1;
    let slot = slotAt(buf, keyStart, keyEnd);
    i = keyEnd + 1;
    if (buf[i] !== B.COLON) i = this.ws(buf, i); // blanks are rare: skip the call when there are none
    if (i >= n) throw INCOMPLETE;
    if (buf[i] !== B.COLON) throw this.syntax(i, `expected ':' after "${shownText(latin1(buf, keyStart, keyEnd))}"`);
    i++;
    if (i < n && buf[i]! <= B.SPACE) i = this.ws(buf, i);
    if (i >= n) throw INCOMPLETE;
    // A name written with escapes is its decoded text, as JSON.parse reads it: "co\u0075nt" is count,
    // "q\u0074y" the alias qty (an adversarial test found such an alias ignored and its count lost).
    let named: Buffer | undefined;
    if (slot < 0 && this.stringSeen & HAS_BACKSLASH) {
      const name = this.decode(buf, keyStart - 1, keyEnd);
      slot = SLOT_BY_NAME.get(name) ?? -1;
      named = Buffer.from(name, 'utf8');
    }
    const c = buf[i]!;
    let end: number;
    if (slot < 0) slot = this.unknown(buf, keyStart, keyEnd, i, named); // an alias ("qty") gives its field's slot
    if (slot < 0) end = c === B.QUOTE ? this.stringValue(buf, i, -1) : this.skipValue(buf, i);
    else {
      if (this.seen & (1 << slot)) this.twice(SLOTS[slot]!, keyStart - 1);
      this.seen |= 1 << slot;
      end = c === B.QUOTE ? this.stringValue(buf, i, slot) : this.otherValue(buf, i, slot);
    }
    this.noteMember(sep, i, end, slot, c === B.QUOTE ? (this.stringSeen & HAS_BACKSLASH) === 0 : c !== B.OPEN_OBJECT && c !== B.OPEN_ARRAY);
    return end;
  }

  /** Where the member was, for the line cache (see leadCount and lastSep). */
  private noteMember(sep: number, value: number, end: number, slot: number, plain: boolean): void {
    if (this.leading) {
      if ((slot < 0 || slot === ID_SLOT) && plain && this.leadCount < this.leadSep.length) {
        this.leadSep[this.leadCount] = sep;
        this.leadValue[this.leadCount++] = value;
        this.leadEnd = end;
      } else this.leading = false;
    }
    this.lastSep = sep;
    this.lastValue = value;
    this.lastSlot = slot;
    this.lastPlain = plain;
  }

  /** A string value at `i` into `slot` (-1: not kept); returns the offset after its closing quote. */
  private stringValue(buf: Buffer, i: number, slot: number): number {
    const end = this.stringEnd(buf, i);
    const flags = this.stringSeen;
    if (flags & (HAS_LINE_BREAK | HAS_CONTROL)) this.plainString(buf, i, end);
    if (slot < 0) {
      if (flags & HAS_BACKSLASH) this.decode(buf, i, end); // an ignored string's escapes are still JSON's ("\x" is not)
      return end + 1;
    }
    if (flags & HAS_BACKSLASH) {
      const text = this.decode(buf, i, end);
      if (LONE_SURROGATE.test(text)) this.valueError(i, slot, 'a \\u escape gives half of a surrogate pair: not valid text');
      this.decoded[slot] = Buffer.from(text, 'utf8').toString('latin1');
      this.anyDecoded = true;
    } else {
      this.starts[slot] = i + 1;
      this.ends[slot] = end;
    }
    return end + 1;
  }

  /** A number, null, or a value of the wrong type at `i` for `slot`; returns the offset after it. */
  private otherValue(buf: Buffer, i: number, slot: number): number {
    const c = buf[i]!;
    const end = this.skipValue(buf, i);
    if (slot === ID_SLOT) return end; // any id will do
    if (c === B.MINUS || (c >= 48 && c <= 57)) {
      this.starts[slot] = i;
      this.ends[slot] = end;
    } else if (!(c === 110 /* null */ && end - i === 4)) {
      const found = shownText(latin1(buf, i, Math.min(end, i + 20)));
      this.valueError(i, slot, `expected a string or a number, found ${found}`);
    }
    return end;
  }

  /**
   * After a record is read: with a preset, its label names nothing and is
   * dropped (a note like the id; it must not split the sums), bad or not;
   * without one, a bad label is the record's error in its turn.
   */
  protected settleLabel(): void {
    const buf = this.buf;
    const preset = this.decoded[PRESET_SLOT];
    const given = preset !== undefined ? trimBlank(preset) !== '' : hasText(buf, this.starts[PRESET_SLOT]!, this.ends[PRESET_SLOT]!);
    const problem = this.labelError;
    this.labelError = undefined;
    this.presetGiven = given;
    this.fileSeen |= this.seen;
    if (given) {
      this.starts[LABEL_SLOT] = this.ends[LABEL_SLOT] = 0;
      this.decoded[LABEL_SLOT] = undefined;
    } else if (problem !== undefined && (this.labelErrorFirst || this.fieldError === undefined)) this.fieldError = problem;
  }
}

/** The slot of the known field named by buf[start, end) (an unescaped JSON string), by its bytes: no string is made. -1 if none. */
function slotAt(buf: Buffer, start: number, end: number): number {
  return nameAt(SLOT_NAME_BYTES, buf, start, end);
}
