/**
 * Terminal tables (cli-table3), of any length, fitted to the terminal's width
 * and drawn in Unicode or ASCII borders. Colour only through the shell's Paint.
 */
import type TableType from 'cli-table3';
import { requireCjs } from '../../require-cjs.js';
import type { Align, ColumnFit } from '../columns/column.js';
import { fitColumns, type Layout, longestWord, wrapText } from '../fit.js';
import type { Paint, RenderOptions } from '../view.js';
import { plainTable } from './table-plain.js';

const Table = requireCjs('cli-table3') as typeof TableType;
/** cli-table3's own measure (ANSI codes take no cells, wide characters two), so fitted widths are the widths it draws. */
const { strlen } = requireCjs('cli-table3/src/utils') as { strlen(text: string): number };

/** Rules between body rows are left out: segment tables run to hundreds of rows. */
const NO_ROW_RULES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
const ASCII_BORDERS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  right: '|',
  middle: '|',
};

export interface DrawOptions {
  readonly ascii?: boolean;
  /** Text width of each column, in cells (default: what the cells need). */
  readonly widths?: readonly number[];
}

export function newTable(head: readonly string[], align: readonly Align[], paint: Paint, draw: DrawOptions = {}): TableType.Table {
  return new Table({
    head: head.map((h) => paint.bold(h)),
    colAligns: [...align],
    ...(draw.widths ? { colWidths: draw.widths.map((w) => w + 2) } : {}),
    // cli-table3 colours headers and borders by itself; camsize decides colour in one place.
    style: { head: [], border: [] },
    chars: draw.ascii ? { ...ASCII_BORDERS, ...NO_ROW_RULES } : NO_ROW_RULES,
  });
}

/**
 * Rows per cli-table3 table: its layout step compares every cell with every
 * earlier one (quadratic: 4,000 rows took 4 s here), so a long table is drawn
 * as chunks of this many rows with shared column widths, stitched together.
 */
export const CHUNK_ROWS = 100;

/** A table of any length, drawn in linear time; the same text as one cli-table3 table. */
export function longTable(
  head: readonly string[],
  align: readonly Align[],
  rows: string[][],
  paint: Paint,
  draw: DrawOptions = {},
): string {
  const frame = (h: readonly string[], a: readonly Align[], p: Paint, widths: readonly number[]) => newTable(h, a, p, { ...draw, widths });
  return plainTable(head, align, rows, paint, draw.widths, frame, strlen) ?? cliTable3LongTable(head, align, rows, paint, draw);
}

/** longTable drawn by cli-table3 alone, cell by cell (the plain path the fast one is tested against). */
export function cliTable3LongTable(
  head: readonly string[],
  align: readonly Align[],
  rows: string[][],
  paint: Paint,
  draw: DrawOptions = {},
): string {
  if (rows.length <= CHUNK_ROWS) {
    const table = newTable(head, align, paint, draw);
    table.push(...rows);
    return table.toString();
  }
  const chunks: string[][][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) chunks.push(rows.slice(i, i + CHUNK_ROWS));
  const drawChunk = (chunk: string[][], index: number, widths: readonly number[] | undefined) => {
    const table = newTable(index === 0 ? head : [], align, paint, { ...draw, ...(widths ? { widths } : {}) });
    table.push(...chunk);
    return table.toString().split('\n');
  };
  let widths = draw.widths;
  if (!widths) {
    // First pass: each chunk's column widths, read off its top border ("┌───┬──┐", "+---+--+").
    const found: number[] = [];
    const joint = draw.ascii ? '+' : '┬';
    chunks.forEach((chunk, index) => {
      drawChunk(chunk, index, undefined)[0]!
        .slice(1, -1)
        .split(joint)
        .forEach((run, column) => {
          found[column] = Math.max(found[column] ?? 0, run.length - 2);
        });
    });
    widths = found;
  }
  // Second pass at the widest widths; inner borders dropped so the chunks join into one table.
  const lines: string[] = [];
  chunks.forEach((chunk, index) => {
    const drawn = drawChunk(chunk, index, widths);
    lines.push(...drawn.slice(index === 0 ? 0 : 1, index === chunks.length - 1 ? drawn.length : -1));
  });
  return lines.join('\n');
}

/** A cell before drawing: its text, its indentation (levels of two cells) and its colour. */
export interface TextCell {
  readonly text: string;
  readonly indent?: number;
  readonly paint?: (text: string) => string;
}

export interface TextTable {
  readonly head: readonly string[];
  readonly align: readonly Align[];
  /** How each column gives way to a narrow terminal (default: it does not). */
  readonly fit?: readonly ColumnFit[];
  readonly rows: readonly (readonly TextCell[])[];
}

/** The table drawn within options.width (when given), and the headings of the columns it had to leave out. */
export function drawTextTable(table: TextTable, options: RenderOptions): { text: string; dropped: string[] } {
  const draw = { ascii: options.ascii === true };
  const layout = options.width === undefined ? undefined : layoutOf(table, options.width);
  if (!layout) {
    const rows = table.rows.map((row) => row.map((c) => '  '.repeat(c.indent ?? 0) + (c.paint ? c.paint(c.text) : c.text)));
    return { text: longTable(table.head, table.align, rows, options.paint, draw), dropped: [] };
  }
  const { shown, widths } = layout;
  const lines = (c: TextCell, k: number) =>
    wrapText(c.text, 2 * (c.indent ?? 0), widths[k]!, strlen)
      .map((line) => (c.paint ? c.paint(line) : line))
      .join('\n');
  const head = shown.map((i, k) => wrapText(table.head[i] ?? '', 0, widths[k]!, strlen).join('\n'));
  const rows = table.rows.map((row) => shown.map((i, k) => lines(row[i] ?? { text: '' }, k)));
  const text = longTable(
    head,
    shown.map((i) => table.align[i] ?? 'left'),
    rows,
    options.paint,
    { ...draw, widths },
  );
  return { text, dropped: layout.dropped.map((i) => table.head[i] ?? '') };
}

function layoutOf(table: TextTable, width: number): Layout | undefined {
  const columns = table.head.length;
  const fit = table.fit ?? [];
  const natural = table.head.map((h) => strlen(h));
  // A heading breaks at its spaces; a wrapping column's cells at their words (fit.ts, `words`); other cells not at all.
  const least = table.head.map((h) => Math.max(0, ...h.split(' ').map(strlen)));
  const indent = table.head.map(() => 0);
  for (const row of table.rows) {
    for (let i = 0; i < columns; i++) {
      const cell = row[i];
      if (!cell) continue;
      const cells = 2 * (cell.indent ?? 0) + strlen(cell.text);
      natural[i] = Math.max(natural[i]!, cells);
      least[i] = Math.max(least[i]!, fit[i]?.wraps ? longestWord(cell.text, strlen) : cells);
      indent[i] = Math.max(indent[i]!, 2 * (cell.indent ?? 0));
    }
  }
  return fitColumns(natural, least, indent, fit, width);
}
