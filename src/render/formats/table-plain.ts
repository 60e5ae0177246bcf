/**
 * The fast path of terminal tables: when every body cell is plain text (printable
 * ASCII or Latin-1), cli-table3 draws only the heading and the borders (a table of one
 * row, at the widths the whole table needs) and the body lines are joined
 * here. Why: cli-table3 spends per cell ~17 option merges, several
 * string-width measurements and a layout pass over every earlier cell;
 * `camsize presets` (76 rows × 8 columns) spent most of its time there
 * (bench/RESULTS.md). For such cells a character is one terminal cell, so
 * the line is the text padded to the column's width between the borders,
 * which is what cli-table3 draws. Anything else (colour, wide, combining or emoji
 * characters, tabs, a line wider than a given width, a short row) answers
 * `undefined` and the caller draws with cli-table3 alone;
 * test/unit/table-plain.test.ts holds the two paths equal.
 */
import type TableType from 'cli-table3';
import type { Align } from '../columns/column.js';
import type { Paint } from '../view.js';

/**
 * Printable ASCII, the printable Latin-1 characters (× in "+777 × 4k30", ÷, °, µ) and line breaks:
 * each is one terminal cell in cli-table3's measure (string-width 4). © and ® are left out: they
 * are also emoji, which string-width measures by another rule.
 */
const PLAIN = /^[\x20-\x7e\xa0-\xa8\xaa-\xad\xaf-\xff\n]*$/;

/** The body's cells as lines, or undefined if a cell is not plain or a row is not whole. */
export function plainLines(rows: readonly (readonly string[])[], columns: number): string[][][] | undefined {
  const out: string[][][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== columns) return undefined;
    const cells: string[][] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      const text = row[c]!;
      if (!PLAIN.test(text)) return undefined;
      cells[c] = text.includes('\n') ? text.split('\n') : [text];
    }
    out[r] = cells;
  }
  return out;
}

export type NewTable = (head: readonly string[], align: readonly Align[], paint: Paint, widths: readonly number[]) => TableType.Table;

/**
 * The table as cli-table3 draws it, or undefined where this path does not apply.
 * `headWidth` is cli-table3's own measure of a heading (ANSI codes take no cells).
 */
export function plainTable(
  head: readonly string[],
  align: readonly Align[],
  rows: readonly (readonly string[])[],
  paint: Paint,
  given: readonly number[] | undefined,
  frameOf: NewTable,
  headWidth: (text: string) => number,
): string | undefined {
  const columns = head.length;
  if (columns === 0 || (given !== undefined && given.length !== columns)) return undefined;
  const body = plainLines(rows, columns);
  if (!body) return undefined;
  const bodyWidths: number[] = new Array(columns).fill(0);
  for (const cells of body) {
    for (let c = 0; c < columns; c++) for (const line of cells[c]!) if (line.length > bodyWidths[c]!) bodyWidths[c] = line.length;
  }
  // A line wider than its given width is truncated by cli-table3: its path, not this one.
  if (given && bodyWidths.some((w, c) => w > given[c]!)) return undefined;
  const widths = given ?? bodyWidths.map((w, c) => Math.max(w, headWidth(head[c]!)));
  const frame = frameOf(head, align, paint, widths);
  const { left, middle, right } = frame.options.chars;
  const lines = frame.toString().split('\n');
  const bottom = lines.pop()!;
  for (const cells of body) {
    let height = 1;
    for (const cell of cells) if (cell.length > height) height = cell.length;
    for (let l = 0; l < height; l++) {
      let line = '';
      for (let c = 0; c < columns; c++) {
        const text = cells[c]![l] ?? '';
        const padded = align[c] === 'right' ? text.padStart(widths[c]!) : text.padEnd(widths[c]!);
        line += `${c === 0 ? left : middle} ${padded} `;
      }
      lines.push(line + right);
    }
  }
  lines.push(bottom);
  return lines.join('\n');
}
