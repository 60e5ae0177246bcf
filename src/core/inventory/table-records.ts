/**
 * The general path for a schedule's rows (each row's cells as latin1
 * strings, one char per byte of their UTF-8): what the CSV scanner's byte
 * paths cannot take (a path composed from several columns, rows to estimate,
 * decimal commas, a delimiter other than ','), every worksheet row, and the
 * plain path the differential tests hold the fast ones to. A row's segment
 * and profile become the same keys for the aggregate whatever the file
 * called its columns, so the same rows give the same sums.
 */
import { RecordError, type InventoryAggregate } from './aggregate.js';
import type { ColumnPlan } from './column-plan.js';
import type { ColumnField } from './columns.js';
import { trimBlank } from './fields.js';
import { KeyBuilder } from './key-table.js';
import { ESTIMATE_INPUTS, ESTIMATE_SEP } from './meaning.js';
import { addCount, canonicalProfile, readCountText, SEPARATOR } from './record.js';

/** A count of 1 to 15 plain digits, read as a number (the general reader takes any other text). */
const PLAIN_COUNT = /^\d{1,15}$/;

/** The profile fields a table row's key holds, in this order, each followed by a 0 byte. */
const PROFILE_FIELDS: readonly ColumnField[] = ['preset', 'bitrate', 'mbps', 'label', ...ESTIMATE_INPUTS];

export class TableRecords {
  private readonly key = new KeyBuilder();
  private readonly segmentKey = new KeyBuilder();
  /** Per profile field (PROFILE_FIELDS order), its column, -1 when absent. */
  private readonly profileColumns: Int32Array;
  private readonly countColumn: number;
  private readonly decimalComma: boolean;
  /** Called with each row's entry, line and count (camsize columns shows the first rows as they were read). */
  observe: ((entry: number, line: number, count: number | bigint) => void) | undefined;

  constructor(
    private readonly aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
    private readonly plan: ColumnPlan,
    options: { decimalComma: boolean },
  ) {
    this.profileColumns = Int32Array.from(PROFILE_FIELDS, (f) => plan.at.get(f) ?? -1);
    this.countColumn = plan.at.get('count') ?? -1;
    this.decimalComma = options.decimalComma;
    aggregate.decodeProfile = tableDecoder;
  }

  /** One row (its cells; missing ones are empty) at `line` (and `column`, a worksheet's first cell). A row of blank cells is no record. */
  record(cells: readonly string[], line: number, column?: number): void {
    if (isBlankRow(cells)) return;
    const cell = (c: number) => (c < 0 ? '' : trimBlank(cells[c] ?? ''));
    try {
      const countText = cell(this.countColumn);
      const count =
        countText === '' ? 1 : PLAIN_COUNT.test(countText) ? Number(countText) : readCountText(countText, line, column, this.decimalComma);
      this.segmentKey.reset();
      this.segmentKey.text(this.path(cell));
      const values = Array.from(this.profileColumns, cell);
      // A preset or a rate says what the camera sends: its label is a note, its estimate inputs unused.
      const named = values[0] !== '' || values[1] !== '' || values[2] !== '';
      if (values[0] !== '') values[3] = '';
      if (named) values.fill('', 4);
      const key = this.key;
      key.reset();
      for (const v of values) {
        key.text(v);
        key.byte(SEPARATOR);
      }
      const e = this.aggregate.entryOf(this.segmentKey, key, line, column);
      addCount(this.aggregate, e, count);
      this.observe?.(e, line, count);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      this.onError(error);
    }
  }

  /** The row's segment path: the segment column's, or the levels' values ('/' apart, blank ones left out). */
  private path(cell: (c: number) => string): string {
    const path = this.plan.path;
    if (path.length === 1) return cell(path[0]!);
    let text = '';
    for (const c of path) {
      const v = cell(c);
      if (v !== '') text = text === '' ? v : `${text}/${v}`;
    }
    return text;
  }
}

/** True when every cell is blank: an empty row of a spreadsheet (,,,, in its CSV). */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (trimBlank(c) !== '') return false;
  return true;
}

/** A table row's profile key (PROFILE_FIELDS, each followed by a 0 byte) as the aggregate's canonical parts. */
function tableDecoder(text: string): [string, string, string, string] | undefined {
  const parts = text.split('\u0000');
  if (parts.length !== PROFILE_FIELDS.length + 1) return undefined;
  const [preset = '', bitrate = '', mbps = '', label = '', ...estimate] = parts;
  const [p, rate, l] = canonicalProfile(preset, bitrate, mbps, label);
  const inputs = estimate.slice(0, ESTIMATE_INPUTS.length);
  if (inputs.some((v) => v.includes(ESTIMATE_SEP))) return undefined; // a control character of its own would shift them
  return [p, rate, l, inputs.every((v) => v === '') ? '' : inputs.join(ESTIMATE_SEP)];
}
