/**
 * Finding a schedule's header row, in a CSV file or a worksheet alike: rows
 * before it that are empty, or hold one cell (a title, a date, a note), are
 * skipped; the first row with two cells or more is the header. A CSV line's
 * delimiter (',' ';' or a tab) comes from the line itself when exactly one of
 * them appears outside quotes, else from --delimiter.
 */
import { printable } from '../diagnostics/printable.js';
import { InventoryError } from './chunks.js';
import { type ColumnPlan, type ColumnSettings, planColumns } from './column-plan.js';
import type { Delimiter } from './columns.js';
import { trimBlank } from './fields.js';
import type { KeyReading } from './meaning.js';
import type { SiteCalibration } from '../model/calibration.js';
import type { EstimateAtSetting } from '../model/fleet.js';

export type { Delimiter } from './columns.js';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Rows of one cell skipped above the header, at most; past them the file has no header camsize can find. */
export const MAX_TITLE_ROWS = 10;

/** A row above the header that was skipped: its line (a worksheet's row) and its one cell. */
export interface TitleRow {
  readonly line: number;
  readonly text: string;
}

/** The header as found: its plan, its line, the rows skipped above it and, for CSV, the delimiter. */
export interface FoundHeader {
  readonly plan: ColumnPlan;
  readonly line: number;
  readonly titles: readonly TitleRow[];
  readonly delimiter?: Delimiter;
}

export const delimiterName = (d: Delimiter) => (d === '\t' ? 'tabs' : `'${d}'`);

/** Cells that are not blank. */
export function filledCells(cells: readonly string[]): number {
  let filled = 0;
  for (const c of cells) if (trimBlank(c) !== '') filled++;
  return filled;
}

/** The rows before a header, and the header: fed one row at a time. */
export class HeaderSearch {
  readonly titles: TitleRow[] = [];

  constructor(private readonly settings: ColumnSettings) {}

  /**
   * A row (its cells, as text) at `line`: undefined when it is empty or a
   * title (skipped), else the header's plan. Throws InventoryError past
   * MAX_TITLE_ROWS titles, and for a header planColumns refuses.
   */
  row(cells: readonly string[], line: number): ColumnPlan | undefined {
    const filled = filledCells(cells);
    if (filled === 0) return undefined;
    if (filled === 1) {
      if (this.titles.length >= MAX_TITLE_ROWS) {
        throw new InventoryError(
          `header: none of the first ${MAX_TITLE_ROWS + 1} rows has two cells or more (the header row names the columns, such as segment,preset,count)`,
          { line },
        );
      }
      this.titles.push({ line, text: printable(trimBlank(cells.find((c) => trimBlank(c) !== '')!)) });
      return undefined;
    }
    return planColumns(cells, this.settings, line);
  }
}

const LF = 10;
const QUOTE = 34;
const CODES: ReadonlyArray<[number, Delimiter]> = [
  [44, ','],
  [59, ';'],
  [9, '\t'],
];

/**
 * The CSV record from `start`: the offset of its line break (outside
 * quotes), or -1 when the buffer ends first; and which delimiters appear
 * outside quotes in it, the most frequent first.
 */
export function recordExtent(buf: Uint8Array, start: number): { end: number; found: Delimiter[] } {
  let quoted = false;
  const seen = new Map<Delimiter, number>();
  for (let i = start; i < buf.length; i++) {
    const b = buf[i]!;
    // A quote opens a quoted field only where a field starts (5" dome is text); inside one, "" is a quote.
    if (b === QUOTE && (quoted || i === start || CODES.some(([code]) => code === buf[i - 1]))) quoted = !quoted;
    else if (!quoted) {
      if (b === LF) return { end: i, found: dominant(seen) };
      for (const [code, d] of CODES) if (b === code) seen.set(d, (seen.get(d) ?? 0) + 1);
    }
  }
  return { end: -1, found: dominant(seen) };
}

/**
 * The delimiters found, one when it is clear: the only one, or one that
 * occurs at least twice as often as any other (a title 'Schedule, rev 3'
 * saved with ';' between its empty cells); else all of them.
 */
function dominant(seen: ReadonlyMap<Delimiter, number>): Delimiter[] {
  const ranked = [...seen].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 1 && ranked[0]![1] >= 2 * ranked[1]![1]) return [ranked[0]![0]];
  return ranked.map(([d]) => d);
}

/**
 * The delimiter a row before the header is split with: the one given, else
 * the one found in it; undefined when there is none (a row of one cell).
 * Several found: a problem, unless the row is one cell however it is split
 * (a title with a comma in it).
 */
export function rowDelimiter(
  given: Delimiter | undefined,
  found: readonly Delimiter[],
  cellsWith: (d: Delimiter) => readonly string[],
  line: number,
): Delimiter | undefined {
  if (given !== undefined) return given;
  if (found.length <= 1) return found[0];
  if (found.every((d) => filledCells(cellsWith(d)) <= 1)) return found[0];
  throw new InventoryError(
    `header: the row has ${found.map(delimiterName).join(' and ')} between its words: say which separates the columns with --delimiter (',', ';' or tab)`,
    { line },
  );
}

/** How the aggregate reads a file's key texts, from its header's plan (see KeyReading). */
export function keyReadingOf(
  plan: ColumnPlan,
  options: { decimalComma?: boolean; calibration?: SiteCalibration | undefined; estimateAt?: EstimateAtSetting | undefined },
): KeyReading {
  return {
    ...(plan.rateUnit !== undefined ? { rateUnit: plan.rateUnit } : {}),
    ...(options.decimalComma ? { decimalComma: true } : {}),
    ...(plan.path.length === 0 ? { wholeFile: true } : {}),
    ...(plan.composed && plan.path.length > 0 ? { pathHeaders: plan.path.map((c) => plan.reads[c]!.header) } : {}),
    ...(plan.estimates ? { estimates: true } : {}),
    ...(options.calibration ? { calibration: options.calibration } : {}),
    ...(options.estimateAt ? { estimateAt: options.estimateAt } : {}),
  };
}
