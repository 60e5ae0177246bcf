/**
 * The per-record step every format shares: the record's key (already in a
 * KeyBuilder) and its count text go into the aggregate. The checks that need
 * a string (unknown preset, bad unit, bad segment path) run once per distinct
 * key inside the aggregate; the count is checked here, per record.
 */
import { parseCount } from '../numbers/count.js';
import { InputError } from '../diagnostics/errors.js';
import { RecordError, type InventoryAggregate } from './aggregate.js';
import { echoed } from './meaning.js';
import { type Field, trimBlank } from './fields.js';
import type { KeyBuilder } from './key-table.js';

export const SEPARATOR = 0;

/**
 * A record's key fields (latin1, as read) in the aggregate's canonical form:
 * segment, preset, the rate as 'b' + bitrate text or 'm' + Mb/s (\u0001 when
 * both are given, an error found once per key) and label, which only a
 * record without a preset keeps (it names that custom profile).
 */
export function canonicalParts(segment: string, preset: string, bitrate: string, mbps: string, label: string): string[] {
  const b = trimBlank(bitrate);
  const m = trimBlank(mbps);
  const named = preset === '' ? label : '';
  if (b !== '' && m !== '') return [segment, preset, '\u0001', named];
  return [segment, preset, b !== '' ? `b${b}` : m !== '' ? `m${m}` : '', named];
}

/**
 * How a scanner's key text (latin1) splits into the aggregate's canonical
 * parts, when it stores the key fields in `order` (JSON: KEY_FIELDS; CSV:
 * the file's column order), each followed by a 0 byte. Undefined when the
 * parts do not add up: a field had a 0 byte of its own.
 */
export function keyDecoder(order: readonly Field[]): (text: string) => string[] | undefined {
  const at = (f: Field) => order.indexOf(f);
  const [segment, preset, bitrate, mbps, label] = [at('segment'), at('preset'), at('bitrate'), at('mbps'), at('label')];
  return (text) => {
    const parts = text.split('\u0000');
    if (parts.length !== order.length + 1) return undefined;
    const value = (i: number) => (i < 0 ? '' : trimBlank(parts[i]!));
    return canonicalParts(value(segment), value(preset), value(bitrate), value(mbps), value(label));
  };
}

/** Adds a record whose count is bytes buf[start, end) (empty: 1 camera). */
export function addCountBytes(
  aggregate: InventoryAggregate,
  key: KeyBuilder,
  buf: Uint8Array,
  start: number,
  end: number,
  line: number,
  column?: number,
  hash?: number,
): void {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  const value = plainCount(buf, start, end); // 1 when empty
  if (value > 0) aggregate.add(key, value, line, column, hash);
  else addCountText(aggregate, key, Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1'), line, column);
}

/** The general count reader: "2e3", "1,000", counts above 2^53, and the messages for bad ones. */
export function addCountText(aggregate: InventoryAggregate, key: KeyBuilder, text: string, line: number, column?: number): void {
  let big: bigint;
  try {
    big = text.trim() === '' ? 1n : parseCount(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const message = echoed(error.message.replace(/^count /, ''), text);
    throw new RecordError(column === undefined ? { line } : { line, column }, 'count', message);
  }
  if (big <= BigInt(Number.MAX_SAFE_INTEGER)) aggregate.add(key, Number(big), line, column);
  else aggregate.addBig(key, big, line, column);
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
