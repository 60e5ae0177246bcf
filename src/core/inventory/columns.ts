/**
 * The inventory column reference, defined once: every field a CSV or XLSX
 * column (or an NDJSON key) can be read as, the header names read as each
 * (compared without case, blanks, punctuation and a trailing unit in
 * brackets), and what the field means. The header reader, the JSON key
 * reader, the misspelling guard, docs/schedules.md and `camsize help
 * inventory` all read this table; nothing else names an alias.
 */
import { editDistance } from '../diagnostics/suggest.js';
import { lookupUnit } from '../numbers/rate-units.js';

export type ColumnField =
  | 'segment'
  | 'site'
  | 'building'
  | 'floor'
  | 'switch'
  | 'location'
  | 'preset'
  | 'bitrate'
  | 'mbps'
  | 'count'
  | 'id'
  | 'label'
  | 'model'
  | 'resolution'
  | 'fps'
  | 'codec'
  | 'scene'
  | 'quality';

/** What separates a CSV schedule's columns. */
export type Delimiter = ',' | ';' | '\t';

export interface ColumnDefinition {
  readonly field: ColumnField;
  /** Header names read as this field, as people write them (the first is the field's own name). */
  readonly names: readonly string[];
  /** What a column of this field gives, for the reference (camsize help inventory, docs/schedules.md). */
  readonly meaning: string;
  /** A value, as a cell or a JSON value gives it. */
  readonly example: string;
  /** NDJSON/JSON keys are read as this field too (the segment-path parts and the estimate inputs are columns only). */
  readonly json: boolean;
}

/** The column reference: one entry per field, in the order the reference lists them. */
export const INVENTORY_COLUMNS: readonly ColumnDefinition[] = [
  {
    field: 'segment',
    example: 'north/sw-1',
    names: ['segment', 'path'],
    meaning:
      'A /-separated path such as chongqing/yuzhong/sw-042; the paths build the segment tree. A CSV or workbook without a segment column takes the path from its site, building, floor, switch and location columns, else is one segment named after the file.',
    json: true,
  },
  {
    field: 'site',
    example: 'Harbour',
    names: ['site', 'site name'],
    meaning: 'Without a segment column, the first level of the path.',
    json: false,
  },
  {
    field: 'building',
    example: 'Arrivals',
    names: ['building', 'bldg'],
    meaning: 'Without a segment column, the level after site.',
    json: false,
  },
  {
    field: 'floor',
    example: '2',
    names: ['floor', 'level', 'storey'],
    meaning: 'Without a segment column, the level after building.',
    json: false,
  },
  {
    field: 'switch',
    example: 'sw-arr-1',
    names: ['switch', 'network switch', 'switch name', 'poe switch'],
    meaning: 'Without a segment column, the level after floor.',
    json: false,
  },
  {
    field: 'location',
    example: 'Gate 4',
    names: ['location'],
    meaning: 'Without a segment column, the last level of the path.',
    json: false,
  },
  {
    field: 'preset',
    example: '720p30',
    names: ['preset', 'camsize preset'],
    meaning:
      "A preset id (camsize presets), or a rate instead. With a rate too, the record's rate wins and the profile keeps the preset's name.",
    json: true,
  },
  {
    field: 'bitrate',
    example: '2.5Mb/s',
    names: ['bitrate', 'bit rate', 'rate', 'bandwidth', 'stream bitrate'],
    meaning:
      "A per-camera rate with a unit (one rate, for links and storage); a bare number takes the unit of its column's header, as in 'Bitrate (Mbps)'. Without a preset, a peak and an average: peak:8Mb/s;average:3Mb/s (either alone: the other by the ratio 0.81).",
    json: true,
  },
  { field: 'mbps', example: '3.5', names: ['mbps'], meaning: 'A per-camera rate in Mb/s, read exactly from its text.', json: true },
  {
    field: 'count',
    example: '4',
    names: [
      'count',
      'qty',
      'quantity',
      'cameras',
      'units',
      'number of cameras',
      'no. of cameras',
      'num cameras',
      'nb cameras',
      '# of cameras',
      'camera count',
      'count of cameras',
      'counts',
      'pcs',
    ],
    meaning: 'The cameras this record stands for (default 1): a whole number from 0 to 10^15, without a sign.',
    json: true,
  },
  {
    field: 'id',
    example: 'cam-0001',
    names: ['id', 'camera id', 'cam id'],
    meaning: "The camera's id: not sized, but --measured matches measurements to cameras by it.",
    json: true,
  },
  {
    field: 'label',
    example: 'door cams',
    names: ['label'],
    meaning:
      'Names the group of a record without a preset (a custom rate or an estimate) in the report. On a record with a preset it names nothing and is ignored, like id, so free text there never splits the sums.',
    json: true,
  },
  {
    field: 'model',
    example: 'AXIS P3265-LVE',
    names: ['model', 'camera model', 'model number'],
    meaning: 'Without a label column, names the groups as label does.',
    json: false,
  },
  {
    field: 'resolution',
    example: '2560x1440',
    names: ['resolution'],
    meaning: 'With fps, a row without a preset or a rate is estimated (WIDTHxHEIGHT, 4MP, 1080p …).',
    json: false,
  },
  {
    field: 'fps',
    example: '15',
    names: ['fps', 'frame rate', 'framerate', 'frames per second', 'frames/s'],
    meaning: 'Frames per second, for an estimate.',
    json: false,
  },
  {
    field: 'codec',
    example: 'H.265',
    names: ['codec', 'video codec', 'compression', 'encoding'],
    meaning: 'For an estimate (default h264).',
    json: false,
  },
  {
    field: 'scene',
    example: 'high',
    names: ['scene', 'scene complexity'],
    meaning: 'For an estimate: low, medium (the default), high or complex.',
    json: false,
  },
  {
    field: 'quality',
    example: 'medium',
    names: ['quality', 'image quality'],
    meaning: 'For an estimate: low, medium (the default) or high.',
    json: false,
  },
];

/** The path levels a schedule without a segment column composes its segment paths from, in path order. */
export const PATH_FIELDS: readonly ColumnField[] = ['site', 'building', 'floor', 'switch', 'location'];

/** The inputs of an estimate (resolution and fps are needed, the others optional). */
export const ESTIMATE_FIELDS: readonly ColumnField[] = ['resolution', 'fps', 'codec', 'scene', 'quality'];

/**
 * Header names that could mean two fields: read as neither until --columns
 * says which (a 'Camera' column of numbers is a count, of tags an id).
 */
export const AMBIGUOUS_NAMES: ReadonlyMap<string, readonly ColumnField[]> = new Map([['camera', ['count', 'id']]]);

/**
 * Real column names of camera schedules that sit one letter from a name in
 * the table (Mount and count, Size and site): ignored, never taken for a
 * misspelling.
 */
export const KNOWN_OTHER_NAMES: readonly string[] = ['mount', 'mode', 'code', 'size', 'part', 'note', 'notes', 'unit price'];

/** A header as the table compares it: lower case, letters and digits only; and its trailing unit, if any. */
export interface HeaderName {
  /** Letters and digits, lower case ('Bitrate (Mbps)' → 'bitrate'). */
  readonly key: string;
  /** The text of a trailing '(…)' or '[…]', as written ('Mbps'), or a trailing unit word ('Bitrate Mbps'). */
  readonly unit?: string;
}

const TRAILING_BRACKET = /^(.*?\S)\s*[([]\s*([^()[\]]*?)\s*[)\]]\s*$/;

/** 'Bitrate (Mbps)' → { key: 'bitrate', unit: 'Mbps' }; 'No. of cameras' → { key: 'noofcameras' }. */
export function headerName(raw: string): HeaderName {
  const text = raw.replace(/^\ufeff/, '').trim();
  const bracket = TRAILING_BRACKET.exec(text);
  if (bracket) return { key: keyOf(bracket[1]!), unit: bracket[2]! };
  // 'Bitrate Mbps', 'Rate kb/s': a rate name and a unit word.
  const words = /^(.*\S)\s+(\S+)$/.exec(text);
  if (words && FIELD_BY_KEY.get(keyOf(words[1]!)) === 'bitrate' && lookupUnit(words[2]!).ok)
    return { key: keyOf(words[1]!), unit: words[2]! };
  return { key: keyOf(text) };
}

/** How a header someone names (--columns, --segment-columns, a JSON key) is compared with the file's: its name without a trailing unit, else all of it. */
export function headerKey(wanted: string): string {
  return headerName(wanted).key || keyOf(wanted);
}

/** Letters and digits only, lower case (NFKC first, so full-width letters compare as their ASCII selves). */
export function keyOf(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const FIELD_BY_KEY: ReadonlyMap<string, ColumnField> = new Map(
  INVENTORY_COLUMNS.flatMap((c) => c.names.map((name) => [keyOf(name), c.field] as const)),
);
const JSON_FIELDS: ReadonlySet<ColumnField> = new Set(INVENTORY_COLUMNS.filter((c) => c.json).map((c) => c.field));
const OTHER_KEYS: ReadonlySet<string> = new Set(KNOWN_OTHER_NAMES.map(keyOf));

/** The field a header key names, if any. */
export function fieldOfKey(key: string): ColumnField | undefined {
  return FIELD_BY_KEY.get(key);
}

/** The definition of a field. */
export function columnDefinition(field: ColumnField): ColumnDefinition {
  return INVENTORY_COLUMNS.find((c) => c.field === field)!;
}

/** Whether NDJSON/JSON keys are read as `field`. */
export function isJsonField(field: ColumnField): boolean {
  return JSON_FIELDS.has(field);
}

/**
 * A header that is none of the table's names but one letter from one of them
 * (cout, segmnet, Bitrte): a misspelling, whose column would otherwise be
 * ignored and every camera counted once. Returns the name it is near. Names
 * of three letters or more; a first letter that differs (Mount, count) or a
 * known column name is no misspelling.
 */
export function misspeltName(key: string): string | undefined {
  if (key.length < 3 || FIELD_BY_KEY.has(key) || OTHER_KEYS.has(key) || AMBIGUOUS_NAMES.has(key)) return undefined;
  for (const column of INVENTORY_COLUMNS) {
    for (const name of column.names) {
      const k = keyOf(name);
      if (k[0] === key[0] && Math.abs(k.length - key.length) <= 1 && editDistance(key, k) === 1) return name;
    }
  }
  return undefined;
}

/** How a column's header reads, before the file's other headers are weighed (see column-plan.ts). */
export type HeaderReading =
  | { readonly kind: 'field'; readonly field: ColumnField }
  | { readonly kind: 'ambiguous'; readonly fields: readonly ColumnField[] }
  | { readonly kind: 'misspelt'; readonly near: string }
  | { readonly kind: 'other' };

export function readHeaderKey(key: string): HeaderReading {
  const field = FIELD_BY_KEY.get(key);
  if (field !== undefined) return { kind: 'field', field };
  const fields = AMBIGUOUS_NAMES.get(key);
  if (fields !== undefined) return { kind: 'ambiguous', fields };
  const near = misspeltName(key);
  return near !== undefined ? { kind: 'misspelt', near } : { kind: 'other' };
}
