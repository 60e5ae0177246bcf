/**
 * Streaming JSON inventory scanner: NDJSON (one object per line) and a
 * top-level array of objects alike, without JSON.parse of the whole input.
 * Each record object is scanned byte by byte for the fields camsize needs;
 * strings with escapes are decoded with JSON.parse of that one string. An
 * NDJSON line that matches an earlier one apart from its leading id is
 * counted from a line cache without being scanned (see SpanCache).
 */
import { RecordError, SEP, type Entry, type InventoryAggregate } from './aggregate.js';
import { ChunkScanner, InventoryError, latin1, type ScanOptions } from './chunks.js';
import { shownText } from './encoding.js';
import { checkExtraField, type Field } from './fields.js';
import { FNV_OFFSET, FNV_PRIME, KeyBuilder, type KeyTable } from './key-table.js';
import { addCountBytes, addCountText, canonicalParts, plainCount, SEPARATOR } from './record.js';
import { hashToLineEnd, lineHash, SpanCache, spanHash } from './span-cache.js';

const enum B {
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
const INCOMPLETE = Symbol('incomplete');

/** The fields by index; the first KEY_FIELDS make the aggregate key, in this order. */
const enum F {
  SEGMENT = 0,
  PRESET = 1,
  BITRATE = 2,
  MBPS = 3,
  LABEL = 4,
  COUNT = 5,
  ID = 6,
}
const KEY_FIELDS = 5;
const FIELD_COUNT = 7;
const KNOWN = new Map<string, F>([
  ['segment', F.SEGMENT],
  ['preset', F.PRESET],
  ['bitrate', F.BITRATE],
  ['mbps', F.MBPS],
  ['count', F.COUNT],
  ['label', F.LABEL],
  ['id', F.ID],
]);
const FIELD_NAMES: Field[] = ['segment', 'preset', 'bitrate', 'mbps', 'label', 'count', 'id'];

export class JsonScanner extends ChunkScanner {
  private line = 1;
  private lineStart = 0; // offset of the current line in the current buffer (for columns)
  private state: 'start' | 'array' | 'array-next' | 'array-after-item' | 'ndjson' | 'done' = 'start';
  private readonly unknownKeys = new Map<string, string | undefined>();
  /** The unknown field names of the record being scanned (latin1), to find one given twice. */
  private readonly unknownNames: string[] = [];
  private readonly key = new KeyBuilder();
  private buf: Buffer = Buffer.alloc(0);
  private readonly table: KeyTable<Entry>;
  /**
   * Where each field's value is in `buf` (content between quotes, or the raw
   * number); an empty range when absent or null. A value with escapes is
   * decoded instead, and `anyDecoded` set.
   */
  private readonly starts = new Int32Array(FIELD_COUNT);
  private readonly ends = new Int32Array(FIELD_COUNT);
  private readonly decoded: Array<string | undefined> = new Array(FIELD_COUNT);
  private anyDecoded = false;
  /** Where the value of `id`, when it is the record's first field and a plain string, opens and closes (else -1). */
  private idOpen = -1;
  private idClose = -1;
  /**
   * NDJSON lines seen before, apart from their id: see SpanCache. A line is
   * looked up when it starts with `shape`: the bytes up to the id's value, or
   * just '{' when the file's records have no leading id (see remember).
   */
  private readonly cache: SpanCache<Entry>;
  private readonly shapeRun: number;
  private shape: Buffer | undefined;
  private shapeSkipsId = false;
  /** Records of another shape in a row (see remember). */
  private otherShapes = 0;
  /** A problem with one field of the record being scanned: the record is skipped or the run stops, after the scan. */
  private fieldError: RecordError | undefined;

  constructor(
    private readonly aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
    options: ScanOptions = {},
  ) {
    super();
    this.table = aggregate.keyTable;
    this.cache = SpanCache.of(options.cache);
    this.shapeRun = options.shapeRun ?? SHAPE_RUN;
    if (options.ndjsonPart) this.state = 'ndjson';
    // Keys are each key field's bytes followed by a 0 byte, in F order.
    aggregate.decodeKey = (text) => {
      const parts = text.split(SEP);
      if (parts.length !== KEY_FIELDS + 1) return undefined; // a field with a NUL character in it
      const [segment = '', preset = '', bitrate = '', mbps = '', label = ''] = parts;
      return canonicalParts(segment, preset, bitrate, mbps, label);
    };
  }

  feed(chunk: Buffer): void {
    const buf = this.join(chunk);
    const stop = this.scan(buf, false);
    if (stop < buf.length) {
      this.keep(
        buf,
        stop,
        () => new InventoryError('a record longer than 1 MiB: not a camera record (is this the right file?)', { line: this.line }),
      );
    }
  }

  end(): void {
    const buf = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    this.scan(buf, true);
    if (this.state === 'array' || this.state === 'array-next' || this.state === 'array-after-item') {
      throw new InventoryError('the JSON array is not closed (truncated input?)', { line: this.line });
    }
  }

  get linesConsumed(): number {
    return this.line - 1;
  }

  get lines(): number {
    return this.line;
  }

  /** Scans records; returns the offset of the first byte not consumed. */
  private scan(buf: Buffer, final: boolean): number {
    let i = 0;
    const n = buf.length;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    this.lineStart = 0;
    if (this.state === 'start' && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    for (;;) {
      // Whitespace between records.
      while (i < n) {
        const c = buf[i]!;
        if (c === B.LF) {
          this.line++;
          this.lineStart = i + 1;
        } else if (c !== B.SPACE && c !== B.TAB && c !== B.CR) break;
        i++;
      }
      if (i >= n) return i;
      const c = buf[i]!;
      if (this.state === 'start') {
        if (c === B.OPEN_ARRAY) {
          this.state = 'array';
          i++;
          continue;
        }
        this.state = 'ndjson';
      }
      if (this.state === 'done') throw this.syntax(i, 'text after the end of the JSON array');
      if (this.state === 'array-after-item') {
        if (c === B.COMMA) {
          this.state = 'array-next';
          i++;
          continue;
        }
        if (c === B.CLOSE_ARRAY) {
          this.state = 'done';
          i++;
          continue;
        }
        throw this.syntax(i, `expected ',' or ']' between records, found ${shown(c)}`);
      }
      if (c === B.CLOSE_ARRAY && this.state !== 'ndjson') {
        if (this.state === 'array-next') throw this.syntax(i, "a comma before ']' (a trailing comma is not JSON)");
        this.state = 'done';
        i++;
        continue;
      }
      if (c !== B.OPEN_OBJECT) throw this.syntax(i, `expected a record object '{', found ${shown(c)}`);
      if (this.state === 'ndjson' && this.shape !== undefined && this.cache.enabled) {
        const after = this.cachedLine(buf, view, i);
        if (after >= 0) {
          i = after;
          continue;
        }
      }
      const recordLine = this.line;
      const recordColumn = i - this.lineStart + 1;
      const savedLineStart = this.lineStart;
      let next: number;
      try {
        next = this.object(buf, i);
      } catch (error) {
        if (error !== INCOMPLETE) throw error;
        if (final) throw this.syntax(n, 'the input ends inside a record (truncated?)');
        this.line = recordLine;
        this.lineStart = savedLineStart;
        return i;
      }
      if (this.fieldError) this.onError(this.fieldError);
      else {
        const entry = this.record(recordLine, recordColumn);
        // Only a record on a line of its own can be recognised by its line later.
        if (entry !== undefined && this.state === 'ndjson' && this.line === recordLine && this.cache.enabled)
          this.remember(buf, view, i, next, entry);
      }
      i = next;
      if (this.state === 'array' || this.state === 'array-next') this.state = 'array-after-item';
    }
  }

  /**
   * A parsed record into the aggregate: the key fields' bytes are hashed and
   * compared where they lie in the buffer, with no copy, and a key seen
   * before with a plain count is added in place. Anything else (a new key, an escaped value, a large or
   * odd count) takes the general path through the aggregate's checks.
   */
  private record(line: number, column: number): Entry | undefined {
    const buf = this.buf;
    const starts = this.starts;
    const ends = this.ends;
    if (!this.anyDecoded) {
      let h = FNV_OFFSET | 0;
      for (let f = 0; f < KEY_FIELDS; f++) {
        const end = ends[f]!;
        for (let i = starts[f]!; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
        h = Math.imul(h, FNV_PRIME); // the 0 byte after each field (h ^ 0 is h)
      }
      const entry = this.table.getRanges(buf, starts, ends, KEY_FIELDS, h);
      if (entry !== undefined) {
        const count = plainCount(buf, starts[F.COUNT]!, ends[F.COUNT]!);
        if (count > 0 && this.aggregate.countInto(entry, count)) return entry;
      }
    }
    const key = this.key;
    try {
      key.reset();
      for (let f = 0; f < KEY_FIELDS; f++) {
        const d = this.decoded[f];
        if (d !== undefined) key.text(d);
        else key.append(buf, starts[f]!, ends[f]!);
        key.byte(SEPARATOR);
      }
      const d = this.decoded[F.COUNT];
      if (d !== undefined) addCountText(this.aggregate, key, d, line, column);
      else addCountBytes(this.aggregate, key, buf, starts[F.COUNT]!, ends[F.COUNT]!, line, column);
      this.aggregate.records++;
      return this.table.getHashed(key.bytes, key.length, key.hash >>> 0);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
      return undefined;
    }
  }

  /**
   * An NDJSON line whose tail (after its id) a full parse has seen before:
   * counted from the cache. Returns the offset after its line break, or -1
   * when the line is not in the cache (the caller parses it).
   */
  private cachedLine(buf: Buffer, view: DataView, i: number): number {
    const n = buf.length;
    const shape = this.shape!;
    let t = i + shape.length;
    if (t >= n) return -1;
    for (let k = 0; k < shape.length; k++) if (buf[i + k] !== shape[k]) return -1; // (the shape has no line break)
    if (this.shapeSkipsId) {
      // The id's value: any string without escapes or line breaks (as the full parse accepts it).
      for (; ; t++) {
        if (t >= n) return -1;
        const b = buf[t]!;
        if (b === B.QUOTE) break;
        if (b === B.BACKSLASH || b === B.LF) return -1;
      }
      t++;
    }
    // The tail runs to the line break, found while it is hashed.
    const nl = hashToLineEnd(view, t, n);
    if (nl < 0) return -1;
    const cache = this.cache;
    const index = cache.find(view, t, nl, lineHash);
    if (index < 0) return -1;
    if (!this.aggregate.countInto(cache.entry(index), cache.count(index))) return -1;
    this.otherShapes = 0;
    this.line++;
    this.lineStart = nl + 1;
    return nl + 1;
  }

  /**
   * After a full parse of the record buf[start, end) into `entry`: when it is
   * alone on its line, with a plain count, its tail goes into the cache.
   */
  private remember(buf: Buffer, view: DataView, start: number, end: number, entry: Entry): void {
    let nl = end;
    if (buf[nl] === B.CR) nl++;
    if (buf[nl] !== B.LF || this.decoded[F.COUNT] !== undefined) return;
    const count = plainCount(buf, this.starts[F.COUNT]!, this.ends[F.COUNT]!);
    if (count === 0) return;
    const skipsId = this.idOpen >= 0;
    const shapeEnd = skipsId ? this.idOpen + 1 : start + 1;
    if (this.shape === undefined || skipsId !== this.shapeSkipsId || !this.shape.equals(buf.subarray(start, shapeEnd))) {
      // A record of another shape: learn it only once a run of them shows it is the file's (a first
      // line without an id must not turn the cache off for all the lines that have one).
      if (this.shape !== undefined && ++this.otherShapes < this.shapeRun) return;
      this.shape = Buffer.from(buf.subarray(start, shapeEnd));
      this.shapeSkipsId = skipsId;
      this.cache.clear();
    }
    this.otherShapes = 0;
    const tail = skipsId ? this.idClose + 1 : shapeEnd;
    this.cache.add(buf, tail, nl, spanHash(view, tail, nl), entry, count);
  }

  /** One record object from `{` at `start`; notes where its fields are; returns the offset after `}`. */
  private object(buf: Buffer, start: number): number {
    this.buf = buf;
    const starts = this.starts;
    const ends = this.ends;
    for (let f = 0; f < FIELD_COUNT; f++) starts[f] = ends[f] = 0;
    if (this.anyDecoded) {
      this.decoded.fill(undefined);
      this.anyDecoded = false;
    }
    this.fieldError = undefined;
    this.idOpen = this.idClose = -1;
    const n = buf.length;
    let i = start + 1;
    let first = true;
    let seen = 0; // the known fields met so far, one bit each
    this.unknownNames.length = 0;
    i = this.ws(buf, i);
    if (i >= n) throw INCOMPLETE;
    if (buf[i] === B.CLOSE_OBJECT) return i + 1;
    for (;;) {
      if (i >= n) throw INCOMPLETE;
      if (buf[i] !== B.QUOTE) throw this.syntax(i, `expected a "quoted" field name, found ${shown(buf[i]!)}`);
      const keyEnd = this.stringEnd(buf, i);
      const keyStart = i + 1;
      let field = fieldAt(buf, keyStart, keyEnd);
      i = keyEnd + 1;
      if (buf[i] !== B.COLON) i = this.ws(buf, i); // blanks are rare: skip the call when there are none
      if (i >= n) throw INCOMPLETE;
      if (buf[i] !== B.COLON) throw this.syntax(i, `expected ':' after "${latin1(buf, keyStart, keyEnd)}"`);
      i++;
      if (i < n && buf[i]! <= B.SPACE) i = this.ws(buf, i);
      if (i >= n) throw INCOMPLETE;
      if (field === undefined && this.stringSeen & HAS_BACKSLASH) {
        field = KNOWN.get(this.decode(buf, keyStart - 1, keyEnd));
      }
      if (field !== undefined) {
        if (seen & (1 << field)) this.twice(FIELD_NAMES[field]!, keyStart - 1);
        seen |= 1 << field;
      }
      const valueStart = i;
      const c = buf[i]!;
      if (c === B.QUOTE) {
        const end = this.stringEnd(buf, i);
        const flags = this.stringSeen;
        if (flags & HAS_LINE_BREAK) throw this.syntax(end, 'a line break inside a string');
        if (field !== undefined) {
          if (flags & HAS_BACKSLASH) {
            const text = this.decode(buf, i, end);
            if (LONE_SURROGATE.test(text))
              this.fieldError ??= this.recordError(i, field, 'a \\u escape gives half of a surrogate pair: not valid text');
            this.decoded[field] = Buffer.from(text, 'utf8').toString('latin1');
            this.anyDecoded = true;
          } else {
            starts[field] = i + 1;
            ends[field] = end;
            if (first && field === F.ID) {
              this.idOpen = i;
              this.idClose = end;
            }
          }
        }
        i = end + 1;
      } else {
        i = this.skipValue(buf, i);
        if (field !== undefined && field !== F.ID) {
          if (c === B.MINUS || (c >= 48 && c <= 57)) {
            starts[field] = valueStart;
            ends[field] = i;
          } else if (!(c === 110 /* null */ && i - valueStart === 4)) {
            const found = shownText(latin1(buf, valueStart, Math.min(i, valueStart + 20)));
            this.fieldError ??= this.recordError(valueStart, field, `expected a string or a number, found ${found}`);
          }
        }
      }
      if (field === undefined) this.unknown(latin1(buf, keyStart, keyEnd), keyStart - 1, valueStart);
      first = false;
      if (i < n && buf[i]! <= B.SPACE) i = this.ws(buf, i);
      if (i >= n) throw INCOMPLETE;
      if (buf[i] === B.COMMA) {
        i++;
        if (i < n && buf[i]! <= B.SPACE) i = this.ws(buf, i);
        continue;
      }
      if (buf[i] === B.CLOSE_OBJECT) return i + 1;
      throw this.syntax(i, `expected ',' or '}' in a record, found ${shown(buf[i]!)}`);
    }
  }

  /** The JSON string from the quote at `open` to the one at `close`, with its escapes decoded. */
  private decode(buf: Buffer, open: number, close: number): string {
    try {
      return JSON.parse(buf.toString('utf8', open, close + 1)) as string;
    } catch {
      const at = buf.indexOf(B.BACKSLASH, open);
      throw this.syntax(open, `a string with an invalid escape: ${latin1(buf, at, Math.min(at + 6, close))}`);
    }
  }

  private recordError(at: number, field: F, message: string): RecordError {
    return new RecordError({ line: this.line, column: at - this.lineStart + 1 }, FIELD_NAMES[field], message);
  }

  /** A record that gives a field twice: JSON would keep one silently, and which one is meant is not known. */
  private twice(name: string, at: number): void {
    const place = { line: this.line, column: at - this.lineStart + 1 };
    this.fieldError ??= new RecordError(place, shownText(name), 'given twice in one record (which one is meant?)');
  }

  private unknown(key: string, keyAt: number, at: number): void {
    if (this.unknownNames.includes(key)) this.twice(key, keyAt);
    else this.unknownNames.push(key);
    let problem = this.unknownKeys.get(key);
    if (!this.unknownKeys.has(key)) {
      problem = checkExtraField(key);
      this.unknownKeys.set(key, problem);
    }
    if (problem) this.fieldError ??= new RecordError({ line: this.line, column: at - this.lineStart + 1 }, undefined, problem);
  }

  private ws(buf: Buffer, i: number): number {
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

  /** What stringEnd saw in the string: HAS_BACKSLASH, HAS_LINE_BREAK. */
  private stringSeen = 0;

  /**
   * Offset of the closing quote of the string opening at `i`, noting escapes
   * and line breaks on the way. A plain loop: strings here are short, and a
   * native indexOf costs more per call than it saves.
   */
  private stringEnd(buf: Buffer, i: number): number {
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
        j++; // the escaped character, whatever it is
      } else if (b === B.LF) seen |= HAS_LINE_BREAK;
    }
    throw INCOMPLETE;
  }

  /** Skips a number, literal, object or array value; returns the offset after it. */
  private skipValue(buf: Buffer, i: number): number {
    const n = buf.length;
    const c = buf[i]!;
    if (c === B.OPEN_OBJECT || c === B.OPEN_ARRAY) {
      let depth = 0;
      for (; i < n; i++) {
        const d = buf[i]!;
        if (d === B.QUOTE) i = this.stringEnd(buf, i);
        else if (d === B.OPEN_OBJECT || d === B.OPEN_ARRAY) depth++;
        else if (d === B.CLOSE_OBJECT || d === B.CLOSE_ARRAY) {
          if (--depth === 0) return i + 1;
        } else if (d === B.LF) {
          this.line++;
          this.lineStart = i + 1;
        }
      }
      throw INCOMPLETE;
    }
    const start = i;
    // Numbers and literals: the characters they may contain. Their exact form
    // is checked where the value is used (counts and rates are read exactly).
    while (i < n) {
      const d = buf[i]!;
      if ((d >= 48 && d <= 57) || d === B.MINUS || d === 43 || d === 46 || d === 101 || d === 69) i++;
      else if (d >= 97 && d <= 122)
        i++; // true, false, null
      else break;
    }
    if (i >= n) throw INCOMPLETE;
    if (i === start || (buf[start]! >= 97 && !isLiteral(buf, start, i)))
      throw this.syntax(start, `not a JSON value: ${latin1(buf, start, Math.min(i + 1, start + 20))}`);
    return i;
  }

  private syntax(at: number, message: string): InventoryError {
    return new InventoryError(message, { line: this.line, column: at - this.lineStart + 1 });
  }
}

const NAME_FIELDS: F[] = [...KNOWN.values()];
const NAME_BYTES: Uint8Array[] = [...KNOWN.keys()].map((name) => Buffer.from(name, 'latin1'));

/** The known field named by buf[start, end) (an unescaped JSON string), by its bytes: no string is made. */
function fieldAt(buf: Buffer, start: number, end: number): F | undefined {
  const length = end - start;
  const first = buf[start];
  for (let f = 0; f < NAME_BYTES.length; f++) {
    const name = NAME_BYTES[f]!;
    if (name.length !== length || name[0] !== first) continue;
    let i = 1;
    while (i < length && name[i] === buf[start + i]) i++;
    if (i === length) return NAME_FIELDS[f];
  }
  return undefined;
}

/** Records of a new shape in a row after which the line cache follows it. */
const SHAPE_RUN = 64;

/** A UTF-16 surrogate without its other half: what \\ud800 alone decodes to. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const HAS_BACKSLASH = 1;
const HAS_LINE_BREAK = 2;

const LITERALS = ['true', 'false', 'null'].map((l) => Buffer.from(l, 'latin1'));

function isLiteral(buf: Buffer, start: number, end: number): boolean {
  return LITERALS.some((l) => l.length === end - start && l.every((b, k) => buf[start + k] === b));
}

function shown(byte: number): string {
  return byte >= 32 && byte < 127 ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
