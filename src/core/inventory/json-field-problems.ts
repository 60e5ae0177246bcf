/**
 * A JSON record's first problem, for json-object.ts (its base class, so that
 * the hot path reads these fields as its own): a field given twice, a value
 * of the wrong type, a misspelt field name, and the label's problem, which
 * counts only when the record has no preset.
 */
import { RecordError } from './aggregate.js';
import { latin1 } from './chunks.js';
import { shownText } from './encoding.js';
import { type KeyMapping, type KeyReading, LABEL_SLOT, readKey, SLOTS } from './fields.js';
import { JsonCursor } from './json-cursor.js';

export abstract class JsonFieldProblems extends JsonCursor {
  /** A problem with one field of the record: the record is skipped or the run stops, after the scan. */
  protected fieldError: RecordError | undefined;
  /** A problem with the label's value, and whether it came before fieldError's: see settleLabel. */
  protected labelError: RecordError | undefined;
  protected labelErrorFirst = false;
  private readonly unknownKeys = new Map<string, KeyReading>();
  /** The unknown field names of this record (latin1), to find one given twice. */
  protected readonly unknownNames: string[] = [];
  /** Unknown names met before, as bytes (up to 30, matched without a string), their problem, and which this record has. */
  private readonly unknownBytes: Uint8Array[] = [];
  private readonly unknownProblems: Array<string | undefined> = [];
  /** Per name met before: the slot it is an alias of (-1: none). */
  private readonly unknownSlots: number[] = [];
  protected unknownSeen = 0;
  /** Keys other than the fields' own names, in the order first met, and what each was read as (for the report; the first 100). */
  readonly otherKeys = new Map<string, number>();
  /** How many other keys were met past the first 100. */
  otherKeysMore = 0;
  /** An explicit mapping of keys to fields (--columns), and which of its entries a key met. */
  protected mapping: KeyMapping | undefined;
  readonly mappingMet = new Set<number>();

  /** A bad value: the record's error, except a label's, which counts only if the record has no preset (see settleLabel). */
  protected valueError(at: number, slot: number, message: string): void {
    if (slot !== LABEL_SLOT) this.fieldError ??= this.recordError(at, slot, message);
    else if (this.labelError === undefined) {
      this.labelError = this.recordError(at, slot, message);
      this.labelErrorFirst = this.fieldError === undefined;
    }
  }

  protected recordError(at: number, slot: number, message: string): RecordError {
    return new RecordError({ line: this.line, column: at - this.lineStart + 1 }, SLOTS[slot], message);
  }

  /** A record that gives a field twice: JSON would keep one silently, and which one is meant is not known. */
  protected twice(name: string, at: number): void {
    const place = { line: this.line, column: at - this.lineStart + 1 };
    this.fieldError ??= new RecordError(place, shownText(name), 'given twice in one record (which one is meant?)');
  }

  /**
   * A key that is not a field's own name (its name buf[start, end), its
   * value at `at`): the slot of the field it is an alias of ("qty"), or -1:
   * ignored, unless given twice or a misspelling of a field. Names met before
   * are matched by their bytes (exports repeat a few on every line).
   */
  protected unknown(buf: Buffer, start: number, end: number, at: number, decoded?: Buffer): number {
    // A name written with escapes is read as its decoded bytes (`decoded`); `start` still places the messages.
    const place = start;
    if (decoded !== undefined) [buf, start, end] = [decoded, 0, decoded.length];
    const u = nameAt(this.unknownBytes, buf, start, end);
    if (u >= 0) {
      const slot = this.unknownSlots[u]!;
      if (slot >= 0) return slot; // an alias: its field's "given twice" check is the caller's
      if (this.unknownSeen & (1 << u)) this.twice(latin1(buf, start, end), place - 1);
      this.unknownSeen |= 1 << u;
      const problem = this.unknownProblems[u];
      if (problem) this.fieldError ??= new RecordError({ line: this.line, column: at - this.lineStart + 1 }, undefined, shownText(problem));
      return -1;
    }
    const key = latin1(buf, start, end);
    let reading = this.unknownKeys.get(key);
    if (reading === undefined) {
      reading = readKey(shownText(key), this.mapping);
      if (reading.mapped !== undefined) this.mappingMet.add(reading.mapped);
      this.unknownKeys.set(key, reading);
      if (this.otherKeys.size < 100) this.otherKeys.set(key, reading.slot);
      else this.otherKeysMore++;
      if (this.unknownBytes.length < 30 && !this.unknownNames.includes(key)) {
        // From the next record on, by its bytes.
        this.unknownBytes.push(Buffer.from(buf.subarray(start, end)));
        this.unknownProblems.push(reading.problem);
        this.unknownSlots.push(reading.slot);
        if (reading.slot < 0) this.unknownSeen |= 1 << (this.unknownBytes.length - 1);
      }
    }
    if (reading.slot >= 0) return reading.slot;
    if (this.unknownNames.includes(key)) this.twice(key, place - 1);
    else this.unknownNames.push(key);
    if (reading.problem)
      this.fieldError ??= new RecordError({ line: this.line, column: at - this.lineStart + 1 }, undefined, shownText(reading.problem));
    return -1;
  }
}

/** The index of the name in `names` that is buf[start, end), by its bytes. -1 if none. */
export function nameAt(names: readonly Uint8Array[], buf: Buffer, start: number, end: number): number {
  const length = end - start;
  const first = buf[start];
  for (let f = 0; f < names.length; f++) {
    const name = names[f]!;
    if (name.length !== length || name[0] !== first) continue;
    let i = 1;
    while (i < length && name[i] === buf[start + i]) i++;
    if (i === length) return f;
  }
  return -1;
}
