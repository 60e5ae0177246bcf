/**
 * Streaming CSV inventory scanner (RFC 4180: header row, quoted fields with
 * "" escapes and line breaks, CRLF or LF, a UTF-8 BOM). An unquoted line
 * whose columns (after a leading id) were seen on an earlier line is counted
 * from a line cache; other unquoted lines take a byte-level path with no
 * per-field strings; quoted lines take a general path.
 */
import { RecordError, type Entry, type InventoryAggregate } from './aggregate.js';
import { ChunkScanner, InventoryError, latin1, type ScanOptions } from './chunks.js';
import { checkExtraField, FIELDS, type Field } from './fields.js';
import { FNV_OFFSET, FNV_PRIME, KeyBuilder, type KeyTable } from './key-table.js';
import { addCountBytes, addCountText, canonicalParts, plainCount, SEPARATOR } from './record.js';
import { hashToLineEnd, lineHash, SpanCache, spanHash } from './span-cache.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const ROLE_NONE = 0;
const ROLE_KEY = 1;
const ROLE_COUNT = 2;

export class CsvScanner extends ChunkScanner {
  private line = 0;
  private started = false;
  /** Column index of each field, -1 when absent. */
  private columns: Record<Field, number> | undefined;
  /** Per column: ROLE_KEY (part of the aggregate key), ROLE_COUNT or ROLE_NONE. */
  private roles = new Uint8Array(0);
  /** How many leading columns play no role (an id, say): a line's tail starts after them. */
  private leadingSkip = 0;
  private readonly table: KeyTable<Entry>;
  private lastNeeded = 0;
  /** The last needed column is the header's last: a line's tail runs to its end. */
  private tailToEnd = false;
  private readonly key = new KeyBuilder();
  /**
   * Lines seen before, by their tail: the columns from the first that plays a
   * role to the last (see SpanCache). What the line just parsed added to, for
   * the cache: its entry (undefined after an error) and count (0: not plain).
   */
  private readonly cache: SpanCache<Entry>;
  private added: Entry | undefined;
  private addedCount = 0;

  constructor(
    private readonly aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
    options: ScanOptions = {},
  ) {
    super();
    this.table = aggregate.keyTable;
    this.cache = SpanCache.of(options.cache);
  }

  /** Scans every complete line of `chunk` (with what was carried over). */
  feed(chunk: Buffer): void {
    const buf = this.join(chunk);
    let pos = 0;
    if (!this.started) {
      if (buf.length < 3 && buf.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        this.carry = Buffer.from(buf); // might still be a BOM
        return;
      }
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    let nextQuote = buf.indexOf(QUOTE, pos);
    const n = buf.length;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    while (pos < n) {
      // The fast path finds the line's end while it hashes the line's tail (from the first column
      // that plays a role to the end); any other line is looked for with indexOf.
      let tail = -1;
      let nl: number;
      if (this.tailToEnd && this.cache.enabled && (tail = this.tailStart(buf, pos, n)) >= 0) nl = hashToLineEnd(view, tail, n);
      else nl = buf.indexOf(LF, pos);
      if (nl === -1) break;
      if (nextQuote !== -1 && nextQuote < nl) {
        const next = this.quotedRecord(buf, pos, false);
        if (next === -1) break; // a quoted field runs past this chunk
        pos = next;
        nextQuote = buf.indexOf(QUOTE, pos);
        continue;
      }
      this.line++;
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (end > pos) {
        if (tail >= 0) this.cachedTail(buf, view, pos, end, tail, nl, lineHash);
        else if (this.columns && this.cache.enabled && !this.tailToEnd) this.cachedLine(buf, view, pos, end);
        else this.plainRecord(buf, pos, end);
      }
      pos = nl + 1;
    }
    if (pos < n) {
      this.keep(
        buf,
        pos,
        () => new InventoryError('a line longer than 1 MiB: not a camera record (is this the right file?)', { line: this.line + 1 }),
      );
    }
  }

  /** The last line, if the input does not end with a line break. */
  end(): void {
    const buf = this.carry;
    this.carry = undefined;
    if (!buf || buf.length === 0) return;
    if (buf.indexOf(QUOTE) !== -1) {
      if (this.quotedRecord(buf, 0, true) === -1)
        throw new InventoryError('a quoted field is not closed before the end of the input', { line: this.line + 1 });
      return;
    }
    this.line++;
    const end = buf[buf.length - 1] === CR ? buf.length - 1 : buf.length;
    if (end > 0) this.plainRecord(buf, 0, end);
  }

  get linesConsumed(): number {
    return this.line;
  }

  get lines(): number {
    return this.line;
  }

  /**
   * Where the tail of the line at `start` begins: after its leading columns
   * that play no role (an id, say); -1 when the line (or the buffer) ends first.
   */
  private tailStart(buf: Buffer, start: number, n: number): number {
    let t = start;
    for (let skip = this.leadingSkip; skip > 0; t++) {
      if (t >= n) return -1;
      const b = buf[t]!;
      if (b === COMMA) skip--;
      else if (b === LF) return -1;
    }
    return t;
  }

  /**
   * The hot path: a line whose tail buf[tail, tailEnd) (line break aside,
   * with this spanHash) a full parse has seen is counted from the cache; any
   * other line is parsed, and its tail remembered.
   */
  private cachedTail(buf: Buffer, view: DataView, start: number, end: number, tail: number, tailEnd: number, hash: number): void {
    const cache = this.cache;
    const index = cache.find(view, tail, tailEnd, hash);
    if (index >= 0 && this.aggregate.countInto(cache.entry(index), cache.count(index))) return;
    this.added = undefined;
    this.plainRecord(buf, start, end);
    if (this.added !== undefined && this.addedCount > 0 && index < 0) cache.add(buf, tail, tailEnd, hash, this.added, this.addedCount);
  }

  /** As cachedTail, for a line whose tail ends at the comma after its last needed column (found here). */
  private cachedLine(buf: Buffer, view: DataView, start: number, end: number): void {
    const t = this.tailStart(buf, start, end);
    if (t < 0) {
      this.plainRecord(buf, start, end); // a short row
      return;
    }
    let commas = this.lastNeeded - this.leadingSkip; // inside the tail; the next one ends it
    let e = t;
    for (; e < end; e++) if (buf[e] === COMMA && commas-- === 0) break;
    this.cachedTail(buf, view, start, end, t, e, spanHash(view, t, e));
  }

  /**
   * The general path: one pass over an unquoted line finds the commas, copies the
   * key columns' bytes (in file order, each followed by a 0 byte) into the
   * key, hashes them (FNV-1a) and notes where the count is.
   */
  private plainRecord(buf: Buffer, start: number, end: number): void {
    if (!this.columns) {
      this.header(latin1(buf, start, end).split(','));
      return;
    }
    const roles = this.roles;
    const last = this.lastNeeded;
    const key = this.key;
    key.ensure(end - start + last + 2);
    const kb = key.bytes;
    let k = 0;
    let h = FNV_OFFSET;
    let column = 0;
    let i = start;
    // Leading columns that are neither key nor count (an id, say): skip them natively.
    for (const skip = this.leadingSkip; column < skip; column++) {
      const comma = buf.indexOf(COMMA, i);
      if (comma === -1 || comma >= end) {
        i = end;
        break;
      }
      i = comma + 1;
    }
    let role = roles[column]!;
    let countStart = role === ROLE_COUNT ? i : -1;
    let countEnd = -1;
    for (; i < end; i++) {
      const b = buf[i]!;
      if (b === COMMA) {
        if (role === ROLE_KEY) {
          kb[k++] = 0;
          h = Math.imul(h, FNV_PRIME);
        } else if (role === ROLE_COUNT) countEnd = i;
        if (column === last) break;
        role = roles[++column]!;
        if (role === ROLE_COUNT) countStart = i + 1;
      } else if (role === ROLE_KEY) {
        kb[k++] = b;
        h = Math.imul(h ^ b, FNV_PRIME);
      }
    }
    if (i === end) {
      // The line ended inside column `column`; columns after it (a short row) are empty.
      for (let c = column; c <= last; c++) {
        if (roles[c] === ROLE_KEY) {
          kb[k++] = 0;
          h = Math.imul(h, FNV_PRIME);
        } else if (roles[c] === ROLE_COUNT && countEnd === -1) {
          countEnd = end;
          if (c > column) countStart = end;
        }
      }
    }
    key.length = k;
    if (countStart < 0) {
      // The common case, inlined: a key seen before, one camera.
      const entry = this.table.getHashed(kb, k, h);
      if (entry !== undefined && this.aggregate.countInto(entry, 1)) {
        this.added = entry;
        this.addedCount = 1;
        return;
      }
    }
    try {
      if (countStart >= 0) addCountBytes(this.aggregate, key, buf, countStart, countEnd, this.line, undefined, h);
      else this.aggregate.add(key, 1, this.line, undefined, h);
      this.aggregate.records++;
      this.added = this.table.getHashed(kb, k, h >>> 0);
      this.addedCount = countStart < 0 ? 1 : plainCount(buf, countStart, countEnd);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
    }
  }

  /** A record parsed by the general path: its fields as latin1 strings. */
  private textRecord(fields: string[], line: number): void {
    const cols = this.columns!;
    const key = this.key;
    try {
      key.reset();
      for (let c = 0; c <= this.lastNeeded; c++) {
        if (this.roles[c] !== ROLE_KEY) continue;
        key.text(fields[c] ?? '');
        key.byte(SEPARATOR);
      }
      addCountText(this.aggregate, key, cols.count < 0 ? '' : (fields[cols.count] ?? ''), line);
      this.aggregate.records++;
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
    }
  }

  /**
   * A record with quotes, from `start`; returns the offset after its line
   * break, or -1 when the buffer ends first (and `final` is false).
   */
  private quotedRecord(buf: Buffer, start: number, final: boolean): number {
    const fields: string[] = [];
    let i = start;
    let lines = 1;
    const n = buf.length;
    for (;;) {
      if (i < n && buf[i] === QUOTE) {
        let value = '';
        let from = i + 1;
        i++;
        for (;;) {
          const q = buf.indexOf(QUOTE, i);
          if (q === -1) return -1; // not closed yet (or, when final, never)
          if (buf[q + 1] === QUOTE) {
            value += latin1(buf, from, q + 1);
            i = from = q + 2;
            continue;
          }
          if (q + 1 >= n && !final) return -1;
          value += latin1(buf, from, q);
          for (let k = from; k < q; k++) if (buf[k] === LF) lines++;
          i = q + 1;
          break;
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n && buf[j] !== COMMA && buf[j] !== LF) j++;
        if (j >= n && !final) return -1;
        let e = j;
        if (buf[j] !== COMMA && e > i && buf[e - 1] === CR) e--;
        fields.push(latin1(buf, i, e));
        i = j;
      }
      if (i >= n) break;
      if (buf[i] === COMMA) {
        i++;
        continue;
      }
      if (buf[i] === CR && buf[i + 1] === LF) i++;
      if (buf[i] === LF) {
        i++;
        break;
      }
      if (i + 1 >= n && !final) return -1;
      throw new InventoryError('unexpected text after a closing quote', { line: this.line + lines });
    }
    this.line++;
    const recordLine = this.line;
    this.line += lines - 1;
    if (!this.columns) this.header(fields);
    else this.textRecord(fields, recordLine);
    return i;
  }

  private header(names: string[]): void {
    const columns = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<Field, number>;
    names.forEach((raw, index) => {
      const name = raw
        .trim()
        .toLowerCase()
        .replace(/^\ufeff/, '');
      if ((FIELDS as readonly string[]).includes(name)) {
        if (columns[name as Field] !== -1) throw new InventoryError(`header: column '${name}' appears twice`, { line: this.line });
        columns[name as Field] = index;
        return;
      }
      const problem = checkExtraField(name);
      if (problem) throw new InventoryError(`header: ${problem}`, { line: this.line });
    });
    if (columns.segment === -1) {
      throw new InventoryError("header: no 'segment' column (a CSV inventory starts with a header row such as segment,preset,count)", {
        line: this.line,
      });
    }
    if (columns.preset === -1 && columns.bitrate === -1 && columns.mbps === -1) {
      throw new InventoryError("header: no 'preset', 'bitrate' or 'mbps' column", { line: this.line });
    }
    this.columns = columns;
    this.lastNeeded = Math.max(columns.segment, columns.preset, columns.bitrate, columns.mbps, columns.label, columns.count);
    this.roles = new Uint8Array(this.lastNeeded + 1);
    const keyFields: Field[] = [];
    for (const f of ['segment', 'preset', 'bitrate', 'mbps', 'label'] as const) if (columns[f] >= 0) this.roles[columns[f]] = ROLE_KEY;
    if (columns.count >= 0) this.roles[columns.count] = ROLE_COUNT;
    this.leadingSkip = 0;
    while (this.leadingSkip < this.lastNeeded && this.roles[this.leadingSkip] === ROLE_NONE) this.leadingSkip++;
    this.tailToEnd = this.lastNeeded === names.length - 1;
    for (let c = 0; c <= this.lastNeeded; c++) {
      if (this.roles[c] === ROLE_KEY) keyFields.push((Object.keys(columns) as Field[]).find((f) => columns[f] === c)!);
    }
    // Keys are stored in file order; give the aggregate their canonical parts.
    this.aggregate.decodeKey = (text) => {
      const parts = text.split('\u0000');
      if (parts.length !== keyFields.length + 1) return undefined; // a field with a NUL character in it
      const value = (f: Field) => {
        const i = keyFields.indexOf(f);
        return i < 0 ? '' : (parts[i] ?? '').trim();
      };
      return canonicalParts(value('segment'), value('preset'), value('bitrate'), value('mbps'), value('label'));
    };
  }
}
