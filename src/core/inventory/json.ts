/**
 * Streaming JSON inventory scanner: NDJSON (one object per line) and a
 * top-level array of objects alike, without JSON.parse of the whole input.
 * Layers, one file each: the tokenizer (json-cursor.ts), the record object
 * (json-object.ts), the NDJSON line cache (json-line-cache.ts); here, the
 * state machine between records and each record into the aggregate.
 */
import { RecordError, type InventoryAggregate } from './aggregate.js';
import { InventoryError, MAX_RECORD_BYTES, type ScanOptions, within } from './chunks.js';
import { COUNT_SLOT, KEY_FIELDS, type KeyMapping, PRESET_SLOT } from './fields.js';
import { B, INCOMPLETE, shown } from './json-cursor.js';
import type { JsonKeysMet } from './json-keys.js';
import { JsonLineCache } from './json-line-cache.js';
import { FNV_OFFSET, FNV_PRIME, KeyBuilder } from './key-table.js';
import { addCount, plainCount, profileDecoder, readCount, readCountText, SEPARATOR } from './record.js';

/** The segment's slot is 0; the profile's fields are slots PRESET_SLOT to KEY_SLOTS - 1 (preset, bitrate, mbps, label). */
const KEY_SLOTS = KEY_FIELDS.length;

type State = 'start' | 'array' | 'array-next' | 'array-after-item' | 'ndjson' | 'done';

export class JsonScanner extends JsonLineCache {
  private state: State = 'start';
  private readonly key = new KeyBuilder();
  private readonly segmentKey = new KeyBuilder();

  constructor(
    aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
    options: ScanOptions = {},
    /** An explicit mapping of keys to fields (--columns, a fleet's "inventory".columns): as a CSV header reads it. */
    mapping?: KeyMapping,
  ) {
    super(aggregate, options);
    this.mapping = mapping && mapping.length > 0 ? mapping : undefined;
    // Profile keys are each profile field's bytes followed by a 0 byte, in KEY_FIELDS order.
    aggregate.decodeProfile = profileDecoder(KEY_FIELDS.slice(PRESET_SLOT));
  }

  /** Where the line of the first byte carried over began, relative to it (0 or less): columns count from there. */
  private carriedLineStart = 0;

  feed(chunk: Buffer): void {
    const buf = this.join(chunk);
    const stop = this.scan(buf, false);
    // A record carried over may begin inside its line (after an array's comma, say): its column counts from the line's start.
    this.carriedLineStart = Math.min(0, this.lineStart - stop);
    if (stop < buf.length) {
      this.keep(buf, stop, () => tooLong(this.line));
    }
  }

  /** What this scanner met of the file's keys: the report's list (json-keys.ts keysRead), merged with other threads' when read in parts. */
  keysMet(): JsonKeysMet {
    return { seen: this.fileSeen, ...this.otherKeysMet() };
  }

  /** Why the explicit mapping cannot be read, when an entry of it named no key met (`met`: by every thread, when read in parts). */
  mappingProblem(met: Iterable<number>): string | undefined {
    // A mapping no key met would leave its field unread: every record counted as one camera, say.
    const found = new Set(met);
    const unmet = (this.mapping ?? []).find(([field], i) => field !== 'ignore' && !found.has(i));
    return unmet ? `columns: ${unmet[0]}=${unmet[1]}: no record has a key called that` : undefined;
  }

  /**
   * As CsvScanner.startPart: the next bytes are records from inside the file,
   * line 1 again: NDJSON lines, or (`array`) the elements of a JSON array
   * after a comma that ended the line before (whether it did is what
   * atPartBoundary tells of the part before); `part`: its index, the place
   * in file order of the keys first met in it (json-keys.ts).
   */
  startPart(array: boolean, part: number): void {
    this.part = part;
    this.carry = undefined;
    this.carriedLineStart = 0;
    this.state = array ? 'array-next' : 'ndjson';
    this.line = 1;
    this.lineStart = 0;
  }

  /**
   * Everything fed so far ended between records where a part read apart may
   * begin: nothing carried over, and in a JSON array, after the comma that
   * follows an element (so the next part begins expecting one).
   */
  override get atPartBoundary(): boolean {
    return this.atRecordBoundary && (this.state === 'ndjson' || this.state === 'array-next');
  }

  /** The input's end; `checkMapping` false when the file is read in parts (combined, the threads' keys are checked: parts.ts). */
  end(checkMapping = true): void {
    const buf = this.carry ?? Buffer.alloc(0);
    this.carry = undefined;
    this.scan(buf, true);
    if (this.state === 'array' || this.state === 'array-next' || this.state === 'array-after-item') {
      throw new InventoryError('the JSON array is not closed (truncated input?)', { line: this.line });
    }
    const problem = checkMapping ? this.mappingProblem(this.mappingMet) : undefined;
    if (problem) throw new InventoryError(problem, { line: this.line });
  }

  /** Scans records; returns the offset of the first byte not consumed. */
  private scan(buf: Buffer, final: boolean): number {
    const n = buf.length;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    this.lineStart = this.carriedLineStart;
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
      if (this.shape !== undefined && this.cache.enabled && this.state !== 'start') {
        // An NDJSON line, or an array element on a line of its own (its comma, if any, ends the line).
        const array = this.state !== 'ndjson';
        const after = this.cachedLine(buf, view, i, array);
        if (after >= 0) {
          if (array) this.state = this.lineComma ? 'array-next' : 'array-after-item';
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
    // Read no further than the limit: a record that does not end within it is too long, however the input was cut.
    const bounded = within(buf, i, MAX_RECORD_BYTES);
    try {
      next = this.object(bounded, i);
    } catch (error) {
      if (error !== INCOMPLETE) throw error;
      if (bounded !== buf) throw tooLong(recordLine);
      if (final) throw this.syntax(buf.length, 'the input ends inside a record (truncated?)');
      this.line = recordLine;
      this.lineStart = savedLineStart;
      return -1;
    }
    this.settleLabel();
    if (this.fieldError) this.onError(this.fieldError);
    else {
      const entry = this.record(recordLine, recordColumn);
      // Only a record on a line of its own (an array's element: with its comma) can be recognised by its line later.
      if (entry >= 0 && this.line === recordLine && this.cache.enabled) this.remember(buf, view, i, next, entry, this.state !== 'ndjson');
    }
    return next;
  }

  /**
   * A parsed record into the aggregate: the key fields' bytes are hashed and
   * compared where they lie in the buffer, with no copy, and a key seen
   * before with a plain count is added in place. Anything else (a new key, an
   * escaped value, a large or odd count) takes the general path.
   */
  private record(line: number, column: number): number {
    const buf = this.buf;
    const starts = this.starts;
    const ends = this.ends;
    if (!this.anyDecoded) {
      let hs = FNV_OFFSET | 0;
      const segmentEnd = ends[0]!;
      for (let i = starts[0]!; i < segmentEnd; i++) hs = Math.imul(hs ^ buf[i]!, FNV_PRIME);
      let h = FNV_OFFSET | 0;
      for (let f = PRESET_SLOT; f < KEY_SLOTS; f++) {
        const end = ends[f]!;
        for (let i = starts[f]!; i < end; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
        h = Math.imul(h, FNV_PRIME); // the 0 byte after each field (h ^ 0 is h)
      }
      const aggregate = this.aggregate;
      const s = aggregate.segments.find(buf, starts[0]!, segmentEnd, hs);
      const p = s < 0 ? -1 : aggregate.profiles.findRanges(buf, starts, ends, PRESET_SLOT, KEY_SLOTS, h);
      const e = p < 0 ? -1 : aggregate.pairs.find(s, p);
      if (e >= 0) {
        const count = plainCount(buf, starts[COUNT_SLOT]!, ends[COUNT_SLOT]!);
        if (count > 0 && aggregate.countInto(e, count)) return e;
      }
    }
    return this.generalRecord(line, column);
  }

  /** The general path: the keys built (decoded values included), the count read in full, the aggregate's checks. -1 after an error. */
  private generalRecord(line: number, column: number): number {
    const buf = this.buf;
    const key = this.key;
    try {
      const d = this.decoded[COUNT_SLOT];
      const count =
        d !== undefined ? readCountText(d, line, column) : readCount(buf, this.starts[COUNT_SLOT]!, this.ends[COUNT_SLOT]!, line, column);
      this.slotInto(this.segmentKey, 0);
      key.reset();
      for (let f = PRESET_SLOT; f < KEY_SLOTS; f++) {
        this.slotInto(key, f, false);
        key.byte(SEPARATOR);
      }
      const e = this.aggregate.entryOf(this.segmentKey, key, line, column);
      addCount(this.aggregate, e, count);
      return e;
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
      return -1;
    }
  }

  /** Slot f's value (decoded, or its bytes) appended to `key` (reset first unless `fresh` is false). */
  private slotInto(key: KeyBuilder, f: number, fresh = true): void {
    if (fresh) key.reset();
    const d = this.decoded[f];
    if (d !== undefined) key.text(d);
    else key.append(this.buf, this.starts[f]!, this.ends[f]!);
  }
}

/** A record object longer than MAX_RECORD_BYTES, from its first line. */
function tooLong(line: number): InventoryError {
  return new InventoryError('a record longer than 1 MiB: not a camera record (is this the right file?)', { line });
}
