/**
 * A CSV inventory's header row: which column holds which field of the
 * registry, and what each column does for a record (part of the key, the
 * count, or nothing), precomputed for the scanner's byte loops.
 */
import { InventoryError } from './chunks.js';
import { checkExtraField, type Field, FIELDS, KEY_FIELDS } from './fields.js';

export const ROLE_NONE = 0;
export const ROLE_KEY = 1;
export const ROLE_COUNT = 2;
/** The label: read from where it lies, and part of the key only when the record has no preset. */
export const ROLE_LABEL = 3;
/** The segment: a key of its own, hashed where it lies. */
export const ROLE_SEGMENT = 4;

export interface CsvLayout {
  /** Column index of each field, -1 when absent. */
  columns: Record<Field, number>;
  /** Per column up to lastNeeded: ROLE_SEGMENT, ROLE_KEY (part of the profile key), ROLE_COUNT, ROLE_LABEL or ROLE_NONE. */
  roles: Uint8Array<ArrayBuffer>;
  /** The last column that plays a role. */
  lastNeeded: number;
  /** How many leading columns play no role (an id, say): a line's tail starts after them. */
  leadingSkip: number;
  /**
   * The last column of a line's tail (what the line cache compares): the last
   * needed one, or the one before a label that comes after every other needed
   * column (free text there must not make every line new). Lines are then
   * cached only when they have a preset, so that the label they leave out
   * names nothing.
   */
  tailLast: number;
  /** The label lies after the tail (see tailLast). */
  labelAfterTail: boolean;
  /** The tail's last column is the header's last: a line's tail runs to its end. */
  tailToEnd: boolean;
  /** The profile fields in column order, the label last: how the scanner lays out its profile keys. */
  profileOrder: Field[];
}

/** The layout the header names `names` give, or an InventoryError at `line`. */
export function readHeader(names: readonly string[], line: number): CsvLayout {
  const separator = names.length === 1 ? otherSeparator(names[0]!) : undefined;
  if (separator)
    throw new InventoryError(`header: the columns are separated by ${separator}; camsize reads CSV separated by ','`, { line });
  const columns = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<Field, number>;
  names.forEach((raw, index) => {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/^\ufeff/, '');
    if ((FIELDS as readonly string[]).includes(name)) {
      if (columns[name as Field] !== -1) throw new InventoryError(`header: column '${name}' appears twice`, { line });
      columns[name as Field] = index;
      return;
    }
    const problem = checkExtraField(name);
    if (problem) throw new InventoryError(`header: ${problem}`, { line });
  });
  if (columns.segment === -1) {
    throw new InventoryError("header: no 'segment' column (a CSV inventory starts with a header row such as segment,preset,count)", {
      line,
    });
  }
  if (columns.preset === -1 && columns.bitrate === -1 && columns.mbps === -1) {
    throw new InventoryError("header: no 'preset', 'bitrate' or 'mbps' column", { line });
  }
  return layoutOf(columns, names.length);
}

/** A spreadsheet saved with another separator (';' where a decimal comma is the custom) has a one-column header. */
function otherSeparator(header: string): string | undefined {
  const found = [';', '\t', '|'].find((c) => header.includes(c));
  return found === undefined ? undefined : found === '\t' ? 'tabs' : `'${found}'`;
}

function layoutOf(columns: Record<Field, number>, width: number): CsvLayout {
  const keyed = KEY_FIELDS.filter((f) => f !== 'label' && f !== 'segment' && columns[f] >= 0).sort((a, b) => columns[a] - columns[b]);
  const lastOther = Math.max(...keyed.map((f) => columns[f]), columns.count, columns.segment);
  const lastNeeded = Math.max(lastOther, columns.label);
  const roles = new Uint8Array(lastNeeded + 1);
  for (const f of keyed) roles[columns[f]] = ROLE_KEY;
  roles[columns.segment] = ROLE_SEGMENT;
  if (columns.count >= 0) roles[columns.count] = ROLE_COUNT;
  if (columns.label >= 0) roles[columns.label] = ROLE_LABEL;
  let leadingSkip = 0;
  while (leadingSkip < lastNeeded && roles[leadingSkip] === ROLE_NONE) leadingSkip++;
  const labelAfterTail = columns.label > lastOther;
  const tailLast = labelAfterTail ? lastOther : lastNeeded;
  const profileOrder: Field[] = columns.label >= 0 ? [...keyed, 'label'] : keyed;
  return { columns, roles, lastNeeded, leadingSkip, tailLast, labelAfterTail, tailToEnd: tailLast === width - 1, profileOrder };
}
