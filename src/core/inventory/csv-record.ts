/**
 * CSV records into the aggregate, once the scanner has found a line: the
 * byte-level path for an unquoted line (no per-field strings), the general
 * path for a record read into strings (one with quotes), and the header row
 * that says what each column is. A base class of CsvScanner, so the hot
 * path reads these fields as its own.
 */
import { RecordError, type Entry, type InventoryAggregate } from './aggregate.js';
import { ChunkScanner, latin1 } from './chunks.js';
import { type CsvLayout, readHeader, ROLE_COUNT, ROLE_KEY, ROLE_LABEL } from './csv-header.js';
import { hasText, trimBlank } from './fields.js';
import { FNV_OFFSET, FNV_PRIME, KeyBuilder, type KeyTable } from './key-table.js';
import { addCountBytes, addCountText, keyDecoder, plainCount, SEPARATOR } from './record.js';

const COMMA = 44;

export abstract class CsvRecords extends ChunkScanner {
  protected line = 0;
  /** What the header said: undefined until it is read. */
  protected columns: CsvLayout['columns'] | undefined;
  /** Per column: ROLE_KEY (part of the aggregate key), ROLE_COUNT, ROLE_LABEL or ROLE_NONE. */
  protected roles = new Uint8Array(0);
  /** Where the preset and the label are (-1: no such column). */
  protected presetColumn = -1;
  protected labelColumn = -1;
  /** The line cache's tail: its last column, and whether a label comes after it (see CsvLayout). */
  protected tailLast = 0;
  protected labelAfterTail = false;
  /** The line plainRecord just read had a preset (so its label named nothing). */
  protected presetGiven = false;
  /** How many leading columns play no role (an id, say): a line's tail starts after them. */
  protected leadingSkip = 0;
  protected lastNeeded = 0;
  /** The last needed column is the header's last: a line's tail runs to its end. */
  protected tailToEnd = false;
  protected readonly table: KeyTable<Entry>;
  private readonly key = new KeyBuilder();
  /** What the line just parsed added to, for the line cache: its entry (undefined after an error) and count (0: not plain). */
  protected added: Entry | undefined;
  protected addedCount = 0;
  /** Where shortRow found the count (-1: not among the missing columns). */
  private countStart = -1;
  private countEnd = -1;

  constructor(
    protected readonly aggregate: InventoryAggregate,
    protected readonly onError: (error: RecordError) => void,
  ) {
    super();
    this.table = aggregate.keyTable;
  }

  get linesConsumed(): number {
    return this.line;
  }

  get lines(): number {
    return this.line;
  }

  /**
   * The general path: one pass over an unquoted line finds the commas, copies the
   * key columns' bytes (in file order, each followed by a 0 byte) into the
   * key, hashes them (FNV-1a) and notes where the count, the preset and the
   * label are; the label goes last, and only into a record without a preset.
   */
  protected plainRecord(buf: Buffer, start: number, end: number): void {
    if (!this.columns) {
      this.header(latin1(buf, start, end).split(','));
      return;
    }
    const roles = this.roles;
    const last = this.lastNeeded;
    const presetColumn = this.presetColumn;
    const key = this.key;
    key.ensure(end - start + last + 2);
    const kb = key.bytes;
    let k = 0;
    let h = FNV_OFFSET;
    let column = 0;
    let i = start;
    // Leading columns that play no role (an id, say): skip them natively.
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
    let labelStart = role === ROLE_LABEL ? i : -1;
    let labelEnd = -1;
    let presetStart = column === presetColumn ? i : -1;
    let presetEnd = -1;
    for (; i < end; i++) {
      const b = buf[i]!;
      if (b === COMMA) {
        if (role === ROLE_KEY) {
          kb[k++] = 0;
          h = Math.imul(h, FNV_PRIME);
          if (column === presetColumn) presetEnd = i;
        } else if (role === ROLE_COUNT) countEnd = i;
        else if (role === ROLE_LABEL) labelEnd = i;
        if (column === last) break;
        role = roles[++column]!;
        if (role === ROLE_KEY) {
          if (column === presetColumn) presetStart = i + 1;
        } else if (role === ROLE_COUNT) countStart = i + 1;
        else if (role === ROLE_LABEL) labelStart = i + 1;
      } else if (role === ROLE_KEY) {
        kb[k++] = b;
        h = Math.imul(h ^ b, FNV_PRIME);
      }
    }
    key.length = k;
    if (i === end) {
      // The line ended inside column `column`; columns after it (a short row) are empty.
      if (presetStart >= 0 && presetEnd < 0) presetEnd = end;
      if (labelStart >= 0 && labelEnd < 0) labelEnd = end;
      h = this.shortRow(column, end, h);
      if (this.countEnd !== -1 && countEnd === -1) {
        countEnd = this.countEnd;
        if (this.countStart !== -1) countStart = this.countStart;
      }
    }
    this.presetGiven = presetStart >= 0 && hasText(buf, presetStart, presetEnd);
    if (this.labelColumn >= 0) h = this.labelPart(buf, this.presetGiven ? -1 : labelStart, labelEnd, h);
    k = key.length;
    if (countStart < 0) {
      // The common case, inlined: a key seen before, one camera.
      const entry = this.table.getHashed(kb, k, h);
      if (entry !== undefined && this.aggregate.countInto(entry, 1)) {
        this.added = entry;
        this.addedCount = 1;
        return;
      }
    }
    this.generalRecord(buf, countStart, countEnd, h);
  }

  /** The key's label part: buf[start, end) (none when start is -1: the record has a preset) and its 0 byte. Returns the hash. */
  private labelPart(buf: Buffer, start: number, end: number, h: number): number {
    const key = this.key;
    const kb = key.bytes;
    let k = key.length;
    if (start >= 0) {
      for (let i = start; i < end; i++) {
        const b = buf[i]!;
        kb[k++] = b;
        h = Math.imul(h ^ b, FNV_PRIME);
      }
    }
    kb[k++] = 0;
    key.length = k;
    return Math.imul(h, FNV_PRIME);
  }

  /**
   * The key's empty columns from `column` (the line ended inside it) to the
   * last needed one: their 0 bytes added to the key, and the count's place
   * (in countStart/countEnd, -1 if not met) when it is among them. Returns the hash.
   */
  private shortRow(column: number, end: number, h: number): number {
    const key = this.key;
    this.countStart = this.countEnd = -1;
    for (let c = column; c <= this.lastNeeded; c++) {
      if (this.roles[c] === ROLE_KEY) {
        key.bytes[key.length++] = 0;
        h = Math.imul(h, FNV_PRIME);
      } else if (this.roles[c] === ROLE_COUNT) {
        this.countEnd = end;
        if (c > column) this.countStart = end;
      }
    }
    return h;
  }

  /** The general path for an unquoted line: the count read in full, the aggregate's checks. */
  private generalRecord(buf: Buffer, countStart: number, countEnd: number, h: number): void {
    const key = this.key;
    try {
      if (countStart >= 0) addCountBytes(this.aggregate, key, buf, countStart, countEnd, this.line, undefined, h);
      else this.aggregate.add(key, 1, this.line, undefined, h);
      this.aggregate.records++;
      this.added = this.table.getHashed(key.bytes, key.length, h >>> 0);
      this.addedCount = countStart < 0 ? 1 : plainCount(buf, countStart, countEnd);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
    }
  }

  /** A record parsed by the general path: its fields as latin1 strings. */
  protected textRecord(fields: string[], line: number): void {
    const cols = this.columns!;
    const key = this.key;
    try {
      key.reset();
      for (let c = 0; c <= this.lastNeeded; c++) {
        if (this.roles[c] !== ROLE_KEY) continue;
        key.text(fields[c] ?? '');
        key.byte(SEPARATOR);
      }
      if (this.labelColumn >= 0) {
        // As plainRecord: the label only where there is no preset.
        if (trimBlank(this.presetColumn < 0 ? '' : (fields[this.presetColumn] ?? '')) === '') key.text(fields[this.labelColumn] ?? '');
        key.byte(SEPARATOR);
      }
      addCountText(this.aggregate, key, cols.count < 0 ? '' : (fields[cols.count] ?? ''), line);
      this.aggregate.records++;
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
    }
  }

  protected header(names: string[]): void {
    const layout = readHeader(names, this.line);
    this.columns = layout.columns;
    this.roles = layout.roles;
    this.lastNeeded = layout.lastNeeded;
    this.leadingSkip = layout.leadingSkip;
    this.presetColumn = layout.columns.preset;
    this.labelColumn = layout.columns.label;
    this.tailLast = layout.tailLast;
    this.labelAfterTail = layout.labelAfterTail;
    this.tailToEnd = layout.tailToEnd;
    // Keys are stored in file order; give the aggregate their canonical parts.
    this.aggregate.decodeKey = keyDecoder(layout.keyOrder);
  }
}
