/**
 * The one registry of inventory record fields, shared by the CSV and JSON
 * scanners: their names (as a CSV header or a JSON key gives them), which make
 * the aggregate key and in what order, and where each one's value is kept
 * while a record is read (its slot).
 */
import { lookupUnit } from '../numbers/rate-units.js';
import { headerKey, headerName, isJsonField, readHeaderKey } from './columns.js';

export const FIELDS = ['segment', 'preset', 'bitrate', 'mbps', 'count', 'id', 'label'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * The fields whose values make a record's aggregate key, in the canonical
 * order the aggregate decodes. The label comes last, and only where it names
 * the profile: a record with a preset keeps an empty label part (its label is
 * a note on that camera, like its id, and must not split the sums).
 */
export const KEY_FIELDS: readonly Field[] = ['segment', 'preset', 'bitrate', 'mbps', 'label'];

/** Value slots while a record is read: the key fields (in KEY_FIELDS order), then count and id. */
export const SLOTS: readonly Field[] = [...KEY_FIELDS, 'count', 'id'];
export const PRESET_SLOT = 1;
export const LABEL_SLOT = 4;
export const COUNT_SLOT = 5;
export const ID_SLOT = 6;

/**
 * The blanks trimmed around a field: ASCII white space only. The fields are
 * latin1 (one char per byte), where String.prototype.trim would also take a
 * 0xA0 byte, the last byte of 'à' and of many CJK characters in UTF-8.
 */
export function isBlankByte(b: number): boolean {
  return b === 32 || (b >= 9 && b <= 13);
}

export function trimBlank(latin1: string): string {
  let start = 0;
  let end = latin1.length;
  while (start < end && isBlankByte(latin1.charCodeAt(start))) start++;
  while (end > start && isBlankByte(latin1.charCodeAt(end - 1))) end--;
  return start === 0 && end === latin1.length ? latin1 : latin1.slice(start, end);
}

/** True when buf[start, end) has a byte that is not blank: a preset is given, so the label names nothing. */
export function hasText(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isBlankByte(buf[i]!)) return true;
  return false;
}

/** How an NDJSON/JSON key that is not a field's own name reads: a field's slot by an alias, ignored, or a problem. */
export interface KeyReading {
  /** The slot of the field it names, -1 when ignored. */
  readonly slot: number;
  /** Why the record cannot be read as it is (a misspelt or ambiguous key). */
  readonly problem?: string;
  /** The explicit mapping's entry that named the key (its index). */
  readonly mapped?: number;
}

/**
 * An NDJSON/JSON key through the column table (columns.ts): an alias of a
 * field the JSON readers keep ("qty" is the count; "Bitrate (Mbps)" the mbps),
 * ignored (site, ip, resolution …: JSON records are not composed or
 * estimated), or, when it looks like a misspelt field ("cout") or could be
 * two ("camera"), a problem: ignoring it would count every camera once.
 */
export function readKey(name: string, mapping?: KeyMapping): KeyReading {
  const { key, unit } = headerName(name);
  const mapped = mapping ? mappedKey(key, mapping) : undefined;
  if (mapped !== undefined) return mapped;
  const reading = readHeaderKey(key);
  if (reading.kind === 'misspelt') return { slot: -1, problem: `unknown field '${name}' (did you mean '${reading.near}'?)` };
  if (reading.kind === 'ambiguous')
    return { slot: -1, problem: `key '${name}' could be ${reading.fields.join(' or ')}: name it ${reading.fields.join(' or ')}` };
  if (reading.kind === 'other' || !isJsonField(reading.field)) return { slot: -1 };
  if (reading.field === 'bitrate' && unit !== undefined) {
    const found = lookupUnit(unit);
    if (found.ok && found.factor === 1_000_000n) return { slot: SLOTS.indexOf('mbps') };
    return {
      slot: -1,
      problem: `key '${name}': a rate key's unit can only be Mb/s (the mbps field); give other units in the value ("512kb/s")`,
    };
  }
  return { slot: SLOTS.indexOf(reading.field as Field) };
}

/** An explicit mapping (--columns, a fleet's "inventory".columns) as JSON keys read it: (field or 'ignore', the key's name). */
export type KeyMapping = ReadonlyArray<readonly [string, string]>;

/**
 * A key the mapping names (compared as headers are: without case, blanks or punctuation): read as its field
 * (`mapped` is the mapping's index, so that a mapping no record met is refused), ignored, or refused for a
 * field JSON records do not have (site, model, resolution … are CSV and XLSX columns).
 */
function mappedKey(key: string, mapping: KeyMapping): KeyReading | undefined {
  for (let i = 0; i < mapping.length; i++) {
    const [field, header] = mapping[i]!;
    if (headerKey(header) !== key) continue;
    if (field === 'ignore') return { slot: -1, mapped: i };
    if (!isJsonField(field as never)) {
      return {
        slot: -1,
        mapped: i,
        problem: `columns: ${field}=${header}: NDJSON and JSON records have no ${field} field (CSV and XLSX only)`,
      };
    }
    return { slot: SLOTS.indexOf(field as Field), mapped: i };
  }
  return undefined;
}
