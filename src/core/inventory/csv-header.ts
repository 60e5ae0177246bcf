/**
 * A CSV inventory's header row: which column holds which field of the
 * registry, and what each column does for a record (part of the key, the
 * count, or nothing), precomputed for the scanner's byte loops.
 */
import type { ColumnPlan } from './column-plan.js';
import { type Field, FIELDS, KEY_FIELDS } from './fields.js';

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

/**
 * The byte paths' layout for a header whose plan they can take (one segment
 * column or none, ',' between columns, no rows to estimate): which column
 * holds which field, whatever the header called it.
 */
export function csvLayout(plan: ColumnPlan, width: number): CsvLayout {
  const columns = Object.fromEntries(FIELDS.map((f) => [f, plan.at.get(f) ?? -1])) as Record<Field, number>;
  columns.segment = plan.composed ? -1 : (plan.path[0] ?? -1);
  return layoutOf(columns, width);
}

/** Whether the byte paths can read a file with this plan and delimiter (else TableRecords does). */
export function bytePathsFit(plan: ColumnPlan, delimiter: string): boolean {
  return delimiter === ',' && !plan.estimates && (plan.path.length === 0 || !plan.composed);
}

function layoutOf(columns: Record<Field, number>, width: number): CsvLayout {
  const keyed = KEY_FIELDS.filter((f) => f !== 'label' && f !== 'segment' && columns[f] >= 0).sort((a, b) => columns[a] - columns[b]);
  const lastOther = Math.max(...keyed.map((f) => columns[f]), columns.count, columns.segment, 0);
  const lastNeeded = Math.max(lastOther, columns.label);
  const roles = new Uint8Array(lastNeeded + 1);
  for (const f of keyed) roles[columns[f]] = ROLE_KEY;
  if (columns.segment >= 0) roles[columns.segment] = ROLE_SEGMENT;
  if (columns.count >= 0) roles[columns.count] = ROLE_COUNT;
  if (columns.label >= 0) roles[columns.label] = ROLE_LABEL;
  let leadingSkip = 0;
  while (leadingSkip < lastNeeded && roles[leadingSkip] === ROLE_NONE) leadingSkip++;
  const labelAfterTail = columns.label > lastOther;
  const tailLast = labelAfterTail ? lastOther : lastNeeded;
  const profileOrder: Field[] = columns.label >= 0 ? [...keyed, 'label'] : keyed;
  return { columns, roles, lastNeeded, leadingSkip, tailLast, labelAfterTail, tailToEnd: tailLast === width - 1, profileOrder };
}
