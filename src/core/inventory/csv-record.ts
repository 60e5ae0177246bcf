/**
 * CSV records into the aggregate, once the scanner has found a line: the
 * byte-level path for an unquoted line (no per-field strings), the general
 * path for a record read into strings (one with quotes), and the header row
 * that says what each column is (its layout kept by the base class,
 * csv-columns.ts). A base class of CsvScanner, so the hot path reads these
 * fields as its own.
 */
import { RecordError } from './aggregate.js';
import { latin1 } from './chunks.js';
import { CsvColumns } from './csv-columns.js';
import { ROLE_COUNT, ROLE_KEY, ROLE_LABEL, ROLE_SEGMENT } from './csv-header.js';
import { hasText, isBlankByte, trimBlank } from './fields.js';
import { FNV_OFFSET, FNV_PRIME, KeyBuilder } from './key-table.js';
import { isBlankRow } from './table-records.js';
import { addCount, plainCount, readCount, readCountText, SEPARATOR } from './record.js';

const COMMA = 44;

export abstract class CsvRecords extends CsvColumns {
  /** The line plainRecord just read had a preset (so its label named nothing). */
  protected presetGiven = false;
  /** The profile fields of the line being read (see plainRecord), and a scratch key for the segment of a quoted one. */
  private readonly key = new KeyBuilder();
  private readonly segmentKey = new KeyBuilder();
  /** Where the line's segment is, and its FNV-1a hash. */
  private segmentStart = 0;
  private segmentEnd = 0;
  private segmentHash = 0;
  /** What the line just parsed added to, for the line cache: its entry (-1 after an error) and count (0: not plain). */
  protected added = -1;
  protected addedCount = 0;
  /** Where shortRow found the count (-1: not among the missing columns). */
  private countStart = -1;
  private countEnd = -1;

  /**
   * The general path: one pass over an unquoted line finds the commas, hashes
   * the segment where it lies, copies the profile columns' bytes (in file
   * order, each followed by a 0 byte) into the key and hashes them (FNV-1a),
   * and notes where the count, the preset and the label are; the label goes
   * last, and only into a record without a preset.
   *
   * Long on purpose (over the ~60-line rule): every cut measured was about 3–8 %
   * slower (bench/RESULTS.md, "plainRecord, split or whole"). Moved code
   * spends V8's inlining budget for this function (920 bytes of bytecode),
   * and the key tables' find calls, inlined here, are then calls again.
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
    let hs = FNV_OFFSET;
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
    let segmentStart = role === ROLE_SEGMENT ? i : -1;
    let segmentEnd = -1;
    for (; i < end; i++) {
      const b = buf[i]!;
      if (b === COMMA) {
        if (role === ROLE_KEY) {
          kb[k++] = 0;
          h = Math.imul(h, FNV_PRIME);
          if (column === presetColumn) presetEnd = i;
        } else if (role === ROLE_SEGMENT) segmentEnd = i;
        else if (role === ROLE_COUNT) countEnd = i;
        else if (role === ROLE_LABEL) labelEnd = i;
        if (column === last) break;
        role = roles[++column]!;
        if (role === ROLE_KEY) {
          if (column === presetColumn) presetStart = i + 1;
        } else if (role === ROLE_SEGMENT) segmentStart = i + 1;
        else if (role === ROLE_COUNT) countStart = i + 1;
        else if (role === ROLE_LABEL) labelStart = i + 1;
      } else if (role === ROLE_SEGMENT) hs = Math.imul(hs ^ b, FNV_PRIME);
      else if (role === ROLE_KEY) {
        kb[k++] = b;
        h = Math.imul(h ^ b, FNV_PRIME);
      }
    }
    key.length = k;
    if (i === end) {
      // The line ended inside column `column`; columns after it (a short row) are empty.
      if (presetStart >= 0 && presetEnd < 0) presetEnd = end;
      if (labelStart >= 0 && labelEnd < 0) labelEnd = end;
      if (segmentStart >= 0 && segmentEnd < 0) segmentEnd = end;
      h = this.shortRow(column, end, h);
      if (this.countEnd !== -1 && countEnd === -1) {
        countEnd = this.countEnd;
        if (this.countStart !== -1) countStart = this.countStart;
      }
    }
    if (segmentStart < 0) segmentStart = segmentEnd = start;
    this.presetGiven = presetStart >= 0 && hasText(buf, presetStart, presetEnd);
    if (this.labelColumn >= 0) h = this.labelPart(buf, this.presetGiven ? -1 : labelStart, labelEnd, h);
    k = key.length;
    // The common case, inlined: a segment, a profile and their pair seen before, a plain count.
    const count = countStart < 0 ? 1 : plainCount(buf, countStart, countEnd);
    const aggregate = this.aggregate;
    if (count > 0) {
      const s = aggregate.segments.find(buf, segmentStart, segmentEnd, hs);
      const p = s < 0 ? -1 : aggregate.profiles.find(kb, 0, k, h);
      const e = p < 0 ? -1 : aggregate.pairs.find(s, p);
      if (e >= 0 && aggregate.countInto(e, count)) {
        this.added = e;
        this.addedCount = count;
        return;
      }
    }
    this.segmentStart = segmentStart;
    this.segmentEnd = segmentEnd;
    this.segmentHash = hs;
    key.hash = h;
    this.generalRecord(buf, countStart, countEnd, start, end);
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

  /** The general path for an unquoted line buf[start, end): the count read in full, the aggregate's checks. */
  private generalRecord(buf: Buffer, countStart: number, countEnd: number, start: number, end: number): void {
    const aggregate = this.aggregate;
    const line = this.line;
    try {
      const count = countStart >= 0 ? readCount(buf, countStart, countEnd, line) : 1;
      const s = aggregate.segmentId(buf.subarray(this.segmentStart, this.segmentEnd), this.segmentHash, line);
      const p = aggregate.profileId(this.key.bytes.subarray(0, this.key.length), this.key.hash, line);
      const e = aggregate.pairEntry(s, p, aggregate.placeBase + line, -1);
      addCount(aggregate, e, count);
      this.added = e;
      this.addedCount = countStart < 0 ? 1 : plainCount(buf, countStart, countEnd);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      // A row of empty cells (a spreadsheet's empty row, ,,,) is no record.
      if (!blankLine(buf, start, end)) this.onError(error);
    }
  }

  /** A record parsed by the general path: its fields as latin1 strings. */
  protected textRecord(fields: string[], line: number): void {
    const cols = this.columns!;
    const key = this.key;
    try {
      const count = readCountText(cols.count < 0 ? '' : (fields[cols.count] ?? ''), line);
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
      this.segmentKey.reset();
      this.segmentKey.text(fields[cols.segment] ?? '');
      addCount(this.aggregate, this.aggregate.entryOf(this.segmentKey, key, line), count);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      if (!isBlankRow(fields)) this.onError(error);
    }
  }

  /** A header row read by the byte path (headerRows finds it first; this is for a header the scanner meets otherwise). */
  protected header(names: string[]): void {
    this.headerCells(names, this.line);
  }
}

/** True when buf[start, end) is only commas and blanks: an empty spreadsheet row. */
function blankLine(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b !== COMMA && !isBlankByte(b)) return false;
  }
  return true;
}
