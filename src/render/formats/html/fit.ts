/**
 * HTML tables fit the page with the terminal's rule (render/fit.ts): the
 * cells' text measured in characters at the type's average width (about
 * 9.2 px at 15 px DejaVu Sans, measured in Chromium), the columns that may go
 * left out in their `drops` order until the table fits, in three layouts: a
 * screen from 1,024 pixels wide, one from 1,152 (where the page stops
 * growing), and the printed page. A dropped column is hidden by a class for
 * that layout, and named under the table.
 */
import type { Cell, ColumnFit } from '../../columns/column.js';
import { fitColumns, longestWord } from '../../fit.js';

/** Characters a table row has on a screen 1,024 pixels wide (976 px between the margins). */
const NARROW_CHARS = 104;
/** … from 1,152 pixels on (the page's 1,104 px at most). */
const WIDE_CHARS = 118;
/** … on the printed page (8.5 pt type, about 7 px a character, on A4's 186 mm; Letter is wider). */
const PRINT_CHARS = 100;
/** A cell with a bar under it is at least this wide (the bar's 5 rem). */
const GAUGE_CHARS = 9;

export interface HtmlDrops {
  readonly narrow: ReadonlySet<number>;
  readonly wide: ReadonlySet<number>;
  readonly print: ReadonlySet<number>;
}

const measure = (text: string) => [...text].length;

export function htmlDrops(head: readonly string[], rows: readonly (readonly Cell[])[], fit: readonly ColumnFit[]): HtmlDrops {
  const natural = head.map((h) => Math.max(0, ...h.split(' ').map(measure)));
  const least = [...natural];
  const indent = head.map(() => 0);
  for (const row of rows) {
    row.forEach((cell, i) => {
      const cells = 2 * (cell.indent ?? 0) + Math.max(measure(cell.text), cell.gauge ? GAUGE_CHARS : 0);
      natural[i] = Math.max(natural[i] ?? 0, cells);
      least[i] = Math.max(least[i] ?? 0, fit[i]?.wraps ? longestWord(cell.text, measure) : cells);
      indent[i] = Math.max(indent[i] ?? 0, 2 * (cell.indent ?? 0));
    });
  }
  const dropped = (chars: number) => new Set(fitColumns(natural, least, indent, fit, chars)?.dropped ?? []);
  return { narrow: dropped(NARROW_CHARS), wide: dropped(WIDE_CHARS), print: dropped(PRINT_CHARS) };
}
