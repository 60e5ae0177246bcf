/**
 * Streaming JSON inventory scanner: NDJSON (one object per line) and a
 * top-level array of objects alike, without JSON.parse of the whole input.
 * Layers, one file each: the tokenizer (json-cursor.ts), the record object
 * (json-object.ts), the NDJSON line cache (json-line-cache.ts); here, the
 * state machine between records and each record into the aggregate.
 */
import { RecordError, type Entry, type InventoryAggregate } from './aggregate.js';
import { InventoryError, type ScanOptions } from './chunks.js';
import { COUNT_SLOT, KEY_FIELDS } from './fields.js';
import { B, INCOMPLETE, shown } from './json-cursor.js';
import { JsonLineCache } from './json-line-cache.js';
import { FNV_OFFSET, FNV_PRIME, KeyBuilder, type KeyTable } from './key-table.js';
import { addCountBytes, addCountText, keyDecoder, plainCount, SEPARATOR } from './record.js';

const KEY_SLOTS = KEY_FIELDS.length;

type State = 'start' | 'array' | 'array-next' | 'array-after-item' | 'ndjson' | 'done';

export class JsonScanner extends JsonLineCache {
  private state: State = 'start';
  private readonly key = new KeyBuilder();
  private readonly table: KeyTable<Entry>;

  constructor(
    aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
    options: ScanOptions = {},
  ) {
    super(aggregate, options);
    this.table = aggregate.keyTable;
    if (options.ndjsonPart) this.state = 'ndjson';
    // Keys are each key field's bytes followed by a 0 byte, in KEY_FIELDS order.
    aggregate.decodeKey = keyDecoder(KEY_FIELDS);
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

  /** Scans records; returns the offset of the first byte not consumed. */
  private scan(buf: Buffer, final: boolean): number {
    const n = buf.length;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    this.lineStart = 0;
    let i = this.state === 'start' && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    for (;;) {
      i = this.ws(buf, i); // white space between records
      if (i >= n) return i;
      const c = buf[i]!;
      if (this.state !== 'ndjson' && this.punctuation(c, i)) {
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
      const next = this.oneRecord(buf, view, i, final);
      if (next < 0) return i; // the record runs past this chunk
      i = next;
      if (this.state === 'array' || this.state === 'array-next') this.state = 'array-after-item';
    }
  }

  /**
   * The array's brackets and commas around records, by state: true when the
   * byte `c` at `i` was one of them (consumed), false when a record starts there.
   */
  private punctuation(c: number, i: number): boolean {
    if (this.state === 'start') {
      this.state = c === B.OPEN_ARRAY ? 'array' : 'ndjson';
      return c === B.OPEN_ARRAY;
    }
    if (this.state === 'done') throw this.syntax(i, 'text after the end of the JSON array');
    if (this.state === 'array-after-item') {
      if (c === B.COMMA) this.state = 'array-next';
      else if (c === B.CLOSE_ARRAY) this.state = 'done';
      else throw this.syntax(i, `expected ',' or ']' between records, found ${shown(c)}`);
      return true;
    }
    if (c !== B.CLOSE_ARRAY) return false;
    if (this.state === 'array-next') throw this.syntax(i, "a comma before ']' (a trailing comma is not JSON)");
    this.state = 'done';
    return true;
  }

  /** The record object at `i`, read and counted; the offset after it, or -1 when the buffer ends inside it. */
  private oneRecord(buf: Buffer, view: DataView, i: number, final: boolean): number {
    const recordLine = this.line;
    const recordColumn = i - this.lineStart + 1;
    const savedLineStart = this.lineStart;
    let next: number;
    try {
      next = this.object(buf, i);
    } catch (error) {
      if (error !== INCOMPLETE) throw error;
      if (final) throw this.syntax(buf.length, 'the input ends inside a record (truncated?)');
      this.line = recordLine;
      this.lineStart = savedLineStart;
      return -1;
    }
    this.settleLabel();
    if (this.fieldError) this.onError(this.fieldError);
    else {
      const entry = this.record(recordLine, recordColumn);
      // Only a record on a line of its own can be recognised by its line later.
      if (entry !== undefined && this.state === 'ndjson' && this.line === recordLine && this.cache.enabled)
        this.remember(buf, view, i, next, entry);
    }
    return next;
  }

  /**
   * A parsed record into the aggregate: the key fields' bytes are hashed and
   * compared where they lie in the buffer, with no copy, and a key seen
   * before with a plain count is added in place. Anything else (a new key, an
   * escaped value, a large or odd count) takes the general path.
   */
  private record(line: number, column: number): Entry | undefined {
    const buf = this.buf;
    const starts = this.starts;
    const ends = this.ends;
    if (!this.anyDecoded) {
      let h = FNV_OFFSET | 0;
      for (let f = 0; f < KEY_SLOTS; f++) {
        const end = ends[f]!;
        for (let i = starts[f]!; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
        h = Math.imul(h, FNV_PRIME); // the 0 byte after each field (h ^ 0 is h)
      }
      const entry = this.table.getRanges(buf, starts, ends, KEY_SLOTS, h);
      if (entry !== undefined) {
        const count = plainCount(buf, starts[COUNT_SLOT]!, ends[COUNT_SLOT]!);
        if (count > 0 && this.aggregate.countInto(entry, count)) return entry;
      }
    }
    return this.generalRecord(line, column);
  }

  /** The general path: the key built (decoded values included), the count read in full, the aggregate's checks. */
  private generalRecord(line: number, column: number): Entry | undefined {
    const buf = this.buf;
    const key = this.key;
    try {
      key.reset();
      for (let f = 0; f < KEY_SLOTS; f++) {
        const d = this.decoded[f];
        if (d !== undefined) key.text(d);
        else key.append(buf, this.starts[f]!, this.ends[f]!);
        key.byte(SEPARATOR);
      }
      const d = this.decoded[COUNT_SLOT];
      if (d !== undefined) addCountText(this.aggregate, key, d, line, column);
      else addCountBytes(this.aggregate, key, buf, this.starts[COUNT_SLOT]!, this.ends[COUNT_SLOT]!, line, column);
      this.aggregate.records++;
      return this.table.getHashed(key.bytes, key.length, key.hash >>> 0);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
      return undefined;
    }
  }
}
