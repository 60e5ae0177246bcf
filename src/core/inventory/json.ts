/**
 * Streaming JSON inventory scanner: NDJSON (one object per line) and a
 * top-level array of objects alike, without JSON.parse of the whole input.
 * Each record object is scanned byte by byte for the fields camsize needs;
 * strings with escapes are decoded with JSON.parse of that one string.
 */
import { RecordError, type InventoryAggregate } from './aggregate.js';
import { ChunkScanner, InventoryError, latin1 } from './chunks.js';
import { checkExtraField, type Field } from './fields.js';
import { KeyBuilder } from './key-table.js';
import { addCountBytes, addCountText, KIND_BITRATE, KIND_MBPS, SEPARATOR } from './record.js';

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

const enum F {
  SEGMENT = 0,
  PRESET = 1,
  BITRATE = 2,
  MBPS = 3,
  COUNT = 4,
  LABEL = 5,
  ID = 6,
}
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
const FIELD_NAMES: Field[] = ['segment', 'preset', 'bitrate', 'mbps', 'count', 'label', 'id'];

export class JsonScanner extends ChunkScanner {
  private line = 1;
  private lineStart = 0; // offset of the current line in the current buffer (for columns)
  private state: 'start' | 'array' | 'array-after-item' | 'ndjson' | 'done' = 'start';
  private readonly unknownKeys = new Map<string, string | undefined>();
  private readonly key = new KeyBuilder();
  private buf: Buffer = Buffer.alloc(0);
  /**
   * Where each field's value is in `buf` (content between quotes, or the raw
   * number), -1 when absent; or its decoded text when it had escapes.
   */
  private readonly starts = new Int32Array(FIELD_COUNT);
  private readonly ends = new Int32Array(FIELD_COUNT);
  private readonly decoded: Array<string | undefined> = new Array(FIELD_COUNT);
  private countQuoted = false;
  /** A problem with one field of the record being scanned: the record is skipped or the run stops, after the scan. */
  private fieldError: RecordError | undefined;

  constructor(
    private readonly aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
  ) {
    super();
  }

  feed(chunk: Buffer): void {
    const buf = this.join(chunk);
    const stop = this.scan(buf, false);
    if (stop < buf.length) {
      this.keep(buf, stop, () => new InventoryError('a record longer than 1 MiB: not a camera record (is this the right file?)', { line: this.line }));
    }
  }

  end(): void {
    const buf = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    this.scan(buf, true);
    if (this.state === 'array' || this.state === 'array-after-item') {
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
          this.state = 'array';
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
      if (this.state === 'array' && c === B.CLOSE_ARRAY) {
        this.state = 'done';
        i++;
        continue;
      }
      if (c !== B.OPEN_OBJECT) throw this.syntax(i, `expected a record object '{', found ${shown(c)}`);
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
      else this.record(recordLine, recordColumn);
      i = next;
      if (this.state === 'array') this.state = 'array-after-item';
    }
  }

  private empty(f: F): boolean {
    const d = this.decoded[f];
    if (d !== undefined) return d.trim() === '';
    for (let i = this.starts[f]!; i < this.ends[f]!; i++) if (this.buf[i] !== 32 && this.buf[i] !== 9) return false;
    return true;
  }

  private appendField(f: F): void {
    const d = this.decoded[f];
    if (d !== undefined) this.key.text(d);
    else if (this.starts[f]! >= 0) this.key.append(this.buf, this.starts[f]!, this.ends[f]!);
  }

  private record(line: number, column: number): void {
    const key = this.key;
    try {
      const hasBitrate = !this.empty(F.BITRATE);
      const hasMbps = !this.empty(F.MBPS);
      if (hasBitrate && hasMbps) throw new RecordError({ line, column }, 'mbps', 'give bitrate or mbps, not both');
      key.reset();
      this.appendField(F.SEGMENT);
      key.byte(SEPARATOR);
      this.appendField(F.PRESET);
      key.byte(SEPARATOR);
      if (hasBitrate) {
        key.byte(KIND_BITRATE);
        this.appendField(F.BITRATE);
      } else if (hasMbps) {
        key.byte(KIND_MBPS);
        this.appendField(F.MBPS);
      }
      key.byte(SEPARATOR);
      this.appendField(F.LABEL);
      const d = this.decoded[F.COUNT];
      if (d !== undefined) addCountText(this.aggregate, key, d, line, column);
      else if (this.starts[F.COUNT]! < 0) this.aggregate.add(key, 1, line, column);
      else if (this.countQuoted && this.starts[F.COUNT] === this.ends[F.COUNT]) addCountText(this.aggregate, key, '', line, column);
      else addCountBytes(this.aggregate, key, this.buf, this.starts[F.COUNT]!, this.ends[F.COUNT]!, line, column);
      this.aggregate.records++;
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
    }
  }

  /** One record object from `{` at `start`; notes where its fields are; returns the offset after `}`. */
  private object(buf: Buffer, start: number): number {
    this.buf = buf;
    this.starts.fill(-1);
    this.ends.fill(-1);
    this.decoded.fill(undefined);
    this.countQuoted = false;
    this.fieldError = undefined;
    const n = buf.length;
    let i = start + 1;
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
        field = KNOWN.get(JSON.parse(buf.toString('utf8', keyStart - 1, keyEnd + 1)) as string);
      }
      const valueStart = i;
      const c = buf[i]!;
      if (c === B.QUOTE) {
        const end = this.stringEnd(buf, i);
        const flags = this.stringSeen;
        if (flags & HAS_LINE_BREAK) throw this.syntax(end, 'a line break inside a string');
        if (field !== undefined) {
          if (flags & HAS_BACKSLASH) {
            this.decoded[field] = Buffer.from(JSON.parse(buf.toString('utf8', i, end + 1)) as string, 'utf8').toString('latin1');
          } else {
            this.starts[field] = i + 1;
            this.ends[field] = end;
          }
          if (field === F.COUNT) this.countQuoted = true;
        }
        i = end + 1;
      } else {
        i = this.skipValue(buf, i);
        if (field !== undefined && field !== F.ID) {
          if (c === B.MINUS || (c >= 48 && c <= 57)) {
            this.starts[field] = valueStart;
            this.ends[field] = i;
          } else if (!(c === 110 /* null */ && i - valueStart === 4)) {
            this.fieldError ??= new RecordError(
              { line: this.line, column: valueStart - this.lineStart + 1 },
              FIELD_NAMES[field],
              `expected a string or a number, found ${latin1(buf, valueStart, Math.min(i, valueStart + 20))}`,
            );
          }
        }
      }
      if (field === undefined) this.unknown(latin1(buf, keyStart, keyEnd), valueStart);
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

  private unknown(key: string, at: number): void {
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
      else if (d >= 97 && d <= 122) i++; // true, false, null
      else break;
    }
    if (i >= n) throw INCOMPLETE;
    if (i === start || ((buf[start]! >= 97) && !isLiteral(buf, start, i))) throw this.syntax(start, `not a JSON value: ${latin1(buf, start, Math.min(i + 1, start + 20))}`);
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

const HAS_BACKSLASH = 1;
const HAS_LINE_BREAK = 2;



const LITERALS = ['true', 'false', 'null'].map((l) => Buffer.from(l, 'latin1'));

function isLiteral(buf: Buffer, start: number, end: number): boolean {
  return LITERALS.some((l) => l.length === end - start && l.every((b, k) => buf[start + k] === b));
}

function shown(byte: number): string {
  return byte >= 32 && byte < 127 ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
