/**
 * The per-record step every format shares: a record's count into the entry
 * its keys found. The checks that need a string (unknown preset, bad unit,
 * bad segment path) run once per distinct key inside the aggregate; the
 * count is checked here, per record.
 */
import { parseCount } from '../numbers/count.js';
import { InputError } from '../diagnostics/errors.js';
import { RecordError, type InventoryAggregate, type ProfileDecoder } from './aggregate.js';
import { echoed } from './meaning.js';
import { type Field, trimBlank } from './fields.js';
import { decimalCommaText } from './local-numbers.js';

export const SEPARATOR = 0;

/**
 * A record's profile fields (latin1, as read) in the aggregate's canonical
 * form: preset, the rate as 'b' + bitrate text or 'm' + Mb/s (\u0001 when
 * both are given, an error found once per key) and label, which only a
 * record without a preset keeps (it names that custom profile).
 */
export function canonicalProfile(preset: string, bitrate: string, mbps: string, label: string): [string, string, string] {
  const b = trimBlank(bitrate);
  const m = trimBlank(mbps);
  const named = preset === '' ? label : '';
  if (b !== '' && m !== '') return [preset, '\u0001', named];
  return [preset, b !== '' ? `b${b}` : m !== '' ? `m${m}` : '', named];
}

/**
 * How a scanner's profile key text (latin1) splits into canonical parts,
 * when it stores the profile fields in `order` (JSON: preset, bitrate, mbps,
 * label; CSV: the file's column order, the label last), each followed by a 0
 * byte. Undefined when the parts do not add up: a field had a 0 byte of its own.
 */
export function profileDecoder(order: readonly Field[]): ProfileDecoder {
  const at = (f: Field) => order.indexOf(f);
  const [preset, bitrate, mbps, label] = [at('preset'), at('bitrate'), at('mbps'), at('label')];
  return (text) => {
    const parts = text.split('\u0000');
    if (parts.length !== order.length + 1) return undefined;
    const value = (i: number) => (i < 0 ? '' : trimBlank(parts[i]!));
    return canonicalProfile(value(preset), value(bitrate), value(mbps), value(label));
  };
}

/**
 * The count in bytes buf[start, end) (empty: 1 camera), read before the
 * record's keys are looked up (a bad count is the record's first problem, as
 * it always was). A number while exact, else a bigint; RecordError if bad.
 */
export function readCount(buf: Uint8Array, start: number, end: number, line: number, column?: number): number | bigint {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  const value = plainCount(buf, start, end); // 1 when empty
  if (value > 0) return value;
  return readCountText(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'), line, column);
}

/**
 * The general count reader: "2e3", "1,000", counts above 2^53, and the
 * messages for bad ones; with `decimalComma` (a ';'-separated file) "4,0" is 4
 * and "1,000" or "1.000" is refused (a thousands separator or a decimal one?).
 */
export function readCountText(text: string, line: number, column?: number, decimalComma = false): number | bigint {
  let big: bigint;
  try {
    big = text.trim() === '' ? 1n : parseCount(decimalComma ? decimalCommaText(text) : text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const message = echoed(error.message.replace(/^count /, ''), text);
    throw new RecordError(column === undefined ? { line } : { line, column }, 'count', message);
  }
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

/** One record of `count` cameras into entry `e`. */
export function addCount(aggregate: InventoryAggregate, e: number, count: number | bigint): void {
  if (typeof count === 'number') aggregate.add(e, count);
  else aggregate.addBig(e, count);
  aggregate.records++;
}

/** A count of 1 to 15 plain digits as a number; 1 for an empty range (no count); 0 for anything else. */
export function plainCount(buf: Uint8Array, start: number, end: number): number {
  if (start === end) return 1;
  if (end - start > 15) return 0;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return 0;
    value = value * 10 + c;
  }
  return value;
}
