/**
 * A column of one of the report's tables (profiles, segments, timeline),
 * defined once for every format: its human face (heading, alignment, when
 * it shows, the cell) for table, Markdown and HTML; its CSV face (which CSV
 * columns it fills, in base units); its JSON face (the keys it writes into
 * the row's object, exact values as strings: render/json-out.ts, written
 * straight as text for a report's long arrays, or made into an object). A face may be absent: the
 * overhead kind has no human column, the Status column no JSON key of its own.
 */
import type { CsvColumn } from './csv-layout.js';
import { type JsonOut, type JsonWrite, ObjectOut } from '../json-out.js';

export type Align = 'left' | 'right';

/** A human cell: text, and how formats may set it off. */
export interface Cell {
  readonly text: string;
  /** code: an identifier (Markdown backticks); strong: a total (bold). */
  readonly style?: 'code' | 'strong';
  /** Levels of indentation (the segment tree). */
  readonly indent?: number;
  /** good / bad: a check's result (green / red, bold in Markdown). */
  readonly tone?: 'good' | 'bad';
  /** How full a capacity is, as the report has it: formats that can draw (HTML) show a bar; text formats ignore it. */
  readonly gauge?: Gauge;
  /** The exact text, when the shown one is rounded for reading (HTML gives it as the cell's title). */
  readonly title?: string;
}

/**
 * A load on a capacity, in the report's own units (b/s, bytes): `value` of
 * `full`, counted as full at `limit` (a link's ceiling). A utilisation or
 * storage column puts one in its cell, so a new column (a direction of a
 * link, a recorder's ingest) gets its bar by saying what it measures.
 */
export interface Gauge {
  readonly value: bigint;
  readonly full: bigint;
  readonly limit?: bigint;
  readonly over: boolean;
}

/** A `drops` rank for a column left out only once names have wrapped as far as they reasonably can. */
export const LAST_RESORT = 10;

/** How a column gives way when a terminal table is wider than the terminal. */
export interface ColumnFit {
  /**
   * May wrap to a narrower width: 'text' (a description) gives way first,
   * 'name' (an identifier, a segment's name) only when that is not enough.
   * Numbers never wrap.
   */
  readonly wraps?: 'text' | 'name';
  /**
   * A column the table can leave out (named in a note; --wide keeps it),
   * lower first: 1–9 before any name wraps, LAST_RESORT and above only after.
   */
  readonly drops?: number;
}

/** `C`: the CSV columns its CSV face fills (the report's CSV_COLUMNS by default; `camsize measure` has its own). */
export interface Column<Row, Context, C extends string = CsvColumn> {
  readonly key: string;
  readonly human?: {
    readonly heading: (context: Context) => string;
    readonly align: Align;
    /** Default: always. */
    readonly shows?: (context: Context) => boolean;
    readonly cell: (row: Row, context: Context) => Cell | string;
    /** Default: neither wraps nor drops. */
    readonly fit?: ColumnFit;
    /**
     * The row's status (OVER) is this column's doing: a table with such a row
     * never leaves the column out, so that no status stands unexplained
     * (OVER beside 24 % because the storage capacity was left out).
     */
    readonly explains?: (row: Row, context: Context) => boolean;
  };
  readonly csv?: (row: Row) => Partial<Record<C, string>>;
  readonly json?: JsonWrite<Row>;
}

export function cellOf(value: Cell | string): Cell {
  return typeof value === 'string' ? { text: value } : value;
}

/** The columns whose human face shows in this context, with their headings and cells. */
export function humanTable<Row, Context, C extends string>(
  columns: readonly Column<Row, Context, C>[],
  rows: readonly Row[],
  context: Context,
): { keys: string[]; head: string[]; align: Align[]; fit: ColumnFit[]; rows: Cell[][] } {
  const shown = columns.filter((c) => c.human && (c.human.shows?.(context) ?? true));
  return {
    keys: shown.map((c) => c.key),
    head: shown.map((c) => c.human!.heading(context)),
    align: shown.map((c) => c.human!.align),
    fit: shown.map((c) => keptWhenExplaining(c.human!, rows, context)),
    rows: rows.map((row) => shown.map((c) => cellOf(c.human!.cell(row, context)))),
  };
}

/** A column's fit, without its `drops` when some row's status is its doing (see `explains`). */
function keptWhenExplaining<Row, Context>(
  human: NonNullable<Column<Row, Context>['human']>,
  rows: readonly Row[],
  context: Context,
): ColumnFit {
  const fit = human.fit ?? {};
  if (fit.drops === undefined || !human.explains || !rows.some((row) => human.explains!(row, context))) return fit;
  const { drops: _kept, ...rest } = fit;
  return rest;
}

/** A row's CSV cells from every column's CSV face, added to `into` (cells of its own, such as the CSV section). */
export function csvCells<Row, Context, C extends string>(
  columns: readonly Column<Row, Context, C>[],
  row: Row,
  into: Partial<Record<C, string>> = {},
): Partial<Record<C, string>> {
  for (const column of columns) if (column.csv) Object.assign(into, column.csv(row));
  return into;
}

/** A row's members from every column's JSON face, in column order. */
export function writeColumns<Row, Context, C extends string>(columns: readonly Column<Row, Context, C>[], row: Row, out: JsonOut): void {
  for (let i = 0; i < columns.length; i++) {
    // A face that returned an object (the old shape of a face) would write nothing: never quietly.
    if (columns[i]!.json?.(row, out) !== undefined) throw new Error(`JSON face ${columns[i]!.key} returned a value: it must write to out`);
  }
}

/** A row's JSON object from every column's JSON face, in column order. */
export function jsonObject<Row, Context, C extends string>(columns: readonly Column<Row, Context, C>[], row: Row): Record<string, unknown> {
  const out = new ObjectOut();
  writeColumns(columns, row, out);
  return out.result;
}
