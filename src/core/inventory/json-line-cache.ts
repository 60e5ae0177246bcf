/**
 * The NDJSON line cache: a line that matches an earlier one apart from its
 * leading members that play no role (an id, a site, an IP …) and, on a line
 * with a preset, a label at its end, is counted from the SpanCache without
 * being parsed. The file's shape is learned from a parsed record: the bytes
 * of each leading member up to its value (`{"id":`, `,"ip":` …) and of a
 * trailing label member (`,"label":`); a line is looked up when it has them,
 * with plain values, and its tail is everything between. The shape follows
 * the file once a run of records shows a new one.
 */
import type { InventoryAggregate } from './aggregate.js';
import type { ScanOptions } from './chunks.js';
import { COUNT_SLOT, LABEL_SLOT } from './fields.js';
import { B, isLiteral, isScalar, scalarEnd } from './json-cursor.js';
import { JsonObjectReader } from './json-object.js';
import { plainCount } from './record.js';
import { hashToLineEnd, lineHash, SpanCache, spanHash } from './span-cache.js';

/** Records of a new shape in a row after which the line cache follows it. */
const SHAPE_RUN = 64;

interface Shape {
  /** Each leading member's bytes from its separator to its value. */
  lead: Buffer[];
  /** The trailing label member's bytes up to its value, when lines end with a label (else undefined). */
  label: Buffer | undefined;
}

export abstract class JsonLineCache extends JsonObjectReader {
  protected readonly cache: SpanCache;
  protected shape: Shape | undefined;
  /** Records of another shape in a row (see remember). */
  private otherShapes = 0;
  private readonly shapeRun: number;

  constructor(
    protected readonly aggregate: InventoryAggregate,
    options: ScanOptions,
  ) {
    super();
    this.cache = SpanCache.of(options.cache);
    this.shapeRun = options.shapeRun ?? SHAPE_RUN;
  }

  /** Whether the line cachedLine last counted ended with a comma (an array's element before another). */
  protected lineComma = false;

  /**
   * An NDJSON line (its '{' at `i`) whose tail a full parse has seen before:
   * counted from the cache. Returns the offset after its line break, or -1
   * when the line is not in the cache (the caller parses it). In a JSON
   * array (`array`), a line may end with the comma after its element
   * (lineComma says whether it did); in NDJSON, no tail with one is ever
   * remembered, so none is found.
   */
  protected cachedLine(buf: Buffer, view: DataView, i: number, array = false): number {
    const n = buf.length;
    const shape = this.shape!;
    let t = i + 1;
    if (shape.lead.length > 0) {
      t = i;
      for (const lit of shape.lead) {
        if (!sameAt(buf, t, lit)) return -1;
        t = plainValueEnd(buf, view, t + lit.length);
        if (t < 0) return -1;
      }
    }
    let nl: number;
    let end: number;
    let hash: number;
    if (shape.label === undefined) {
      // The tail runs to the line break, found while it is hashed.
      end = nl = hashToLineEnd(view, t, n);
      if (nl < 0) return -1;
      hash = lineHash;
    } else {
      nl = buf.indexOf(B.LF, t);
      if (nl < 0) return -1;
      end = labelStart(buf, t, nl, shape.label, array);
      if (end < 0) return -1;
      hash = spanHash(view, t, end);
    }
    const cache = this.cache;
    const index = cache.find(view, t, end, hash);
    if (index < 0) return -1;
    if (!this.aggregate.countInto(cache.entry(index), cache.count(index))) return -1;
    if (array) this.lineComma = buf[nl - 1] === B.COMMA || (buf[nl - 1] === B.CR && buf[nl - 2] === B.COMMA);
    this.otherShapes = 0;
    this.line++;
    this.lineStart = nl + 1;
    return nl + 1;
  }

  /**
   * After a full parse of the record buf[start, end) into entry `e`: when it
   * is alone on its line (an array's element: maybe with its comma), with a
   * plain count, its tail goes into the cache.
   */
  protected remember(buf: Buffer, view: DataView, start: number, end: number, e: number, array: boolean): void {
    let nl = end;
    if (array && buf[nl] === B.COMMA) nl++;
    if (buf[nl] === B.CR) nl++;
    if (buf[nl] !== B.LF || this.decoded[COUNT_SLOT] !== undefined) return;
    const count = plainCount(buf, this.starts[COUNT_SLOT]!, this.ends[COUNT_SLOT]!);
    if (count === 0) return;
    // A trailing label is left out of the tail when it is plain and last (free text on every line
    // would make every tail new); such a line stands for others only when it has a preset.
    const labelValue = buf[this.lastValue];
    const labelLast =
      this.lastSlot === LABEL_SLOT && this.lastPlain && (labelValue === B.QUOTE || labelValue === 110); /* a string or null */
    if (labelLast && !this.presetGiven) return;
    if (!this.shapeHere(buf, labelLast)) {
      const lead = Array.from({ length: this.leadCount }, (_, k) => buf.subarray(this.leadSep[k]!, this.leadValue[k]!));
      const label = labelLast ? buf.subarray(this.lastSep, this.lastValue) : undefined;
      // A record of another shape: learn it only once a run of them shows it is the file's (a first
      // line without an id must not turn the cache off for all the lines that have one).
      if (this.shape !== undefined && ++this.otherShapes < this.shapeRun) return;
      this.shape = { lead: lead.map((b) => Buffer.from(b)), label: label && Buffer.from(label) };
      this.cache.clear();
    }
    this.otherShapes = 0;
    const tail = this.leadCount > 0 ? this.leadEnd : start + 1;
    const tailEnd = labelLast ? this.lastSep : nl;
    this.cache.add(buf, tail, tailEnd, spanHash(view, tail, tailEnd), e, count);
  }

  /** Whether the record just parsed has the learned shape: its leading members' and its label's bytes compared where they lie (no copy per line). */
  private shapeHere(buf: Buffer, labelLast: boolean): boolean {
    const shape = this.shape;
    if (shape === undefined || shape.lead.length !== this.leadCount || (shape.label === undefined) === labelLast) return false;
    if (labelLast && !sameRange(buf, this.lastSep, this.lastValue, shape.label!)) return false;
    for (let k = 0; k < this.leadCount; k++) if (!sameRange(buf, this.leadSep[k]!, this.leadValue[k]!, shape.lead[k]!)) return false;
    return true;
  }
}

/** buf[start, end) holds exactly the bytes of `lit`. */
function sameRange(buf: Buffer, start: number, end: number, lit: Buffer): boolean {
  return end - start === lit.length && sameAt(buf, start, lit);
}

function sameAt(buf: Buffer, at: number, lit: Buffer): boolean {
  if (at + lit.length > buf.length) return false;
  for (let k = 0; k < lit.length; k++) if (buf[at + k] !== lit[k]) return false;
  return true;
}

/**
 * The end of a plain value at `i`, as the full parse reads it: a string
 * without escapes or line breaks, or a number or literal (the characters
 * JsonCursor.skipValue takes, a literal spelt out). -1 for anything else.
 */
function plainValueEnd(buf: Buffer, view: DataView, i: number): number {
  const n = buf.length;
  if (i >= n) return -1;
  const c = buf[i]!;
  if (c === B.QUOTE) return stringEnd(buf, view, i + 1);
  const j = scalarEnd(buf, i);
  return j < n && isScalar(buf, i, j) ? j : -1;
}

/**
 * Per byte of a 32-bit word, its top bit set where the byte is 0: exact for
 * the lowest flagged byte (a borrow only runs upward from a 0 byte), which
 * is the only one read.
 */
function zeroBytes(x: number): number {
  return (x - 0x01010101) & ~x & 0x80808080;
}

/**
 * Per byte of a 32-bit word, its top bit set where the byte is below 0x20
 * (a control character): exact for the lowest flagged byte, as zeroBytes.
 */
function controlBytes(x: number): number {
  return (x - 0x20202020) & ~x & 0x80808080;
}

/**
 * After the closing quote of a string whose content starts at `i`, when the
 * content has no backslash and no control character (a line feed is one);
 * -1 otherwise (the full parse then reads it, and refuses a raw control
 * character). Four bytes at a time: a word holds one of those bytes when
 * zeroBytes of it xor the byte repeated (or controlBytes of it) is not 0,
 * and its lowest flagged byte is the first.
 */
function stringEnd(buf: Buffer, view: DataView, i: number): number {
  const n = buf.length;
  let j = i;
  for (; j + 4 <= n; j += 4) {
    const w = view.getInt32(j, true);
    const flags = zeroBytes(w ^ 0x22222222) | zeroBytes(w ^ 0x5c5c5c5c) | controlBytes(w);
    if (flags !== 0) {
      j += (31 - Math.clz32(flags & -flags)) >> 3;
      return buf[j] === B.QUOTE ? j + 1 : -1;
    }
  }
  for (; j < n; j++) {
    const b = buf[j]!;
    if (b === B.QUOTE) return j + 1;
    if (b === B.BACKSLASH || b < B.SPACE) return -1;
  }
  return -1;
}

/**
 * Where the trailing label member of the line [from, nl) begins: the line
 * ends with `label` (`,"label":`), a plain string without escapes or control characters, or null,
 * and '}' (in an array maybe a comma after it, then maybe CR). -1 when it does not.
 */
function labelStart(buf: Buffer, from: number, nl: number, label: Buffer, array: boolean): number {
  let e = nl;
  if (buf[e - 1] === B.CR) e--;
  if (array && buf[e - 1] === B.COMMA) e--;
  if (buf[--e] !== B.CLOSE_OBJECT) return -1;
  let v: number;
  if (buf[e - 1] === B.QUOTE) {
    v = e - 2;
    for (; v > from; v--) {
      const b = buf[v]!;
      if (b === B.QUOTE) break;
      if (b === B.BACKSLASH || b < B.SPACE) return -1;
    }
  } else if (e - 4 > from && isLiteral(buf, e - 4, e) && buf[e - 4] === 110) v = e - 4;
  else return -1;
  const at = v - label.length;
  return at >= from && sameAt(buf, at, label) ? at : -1;
}
