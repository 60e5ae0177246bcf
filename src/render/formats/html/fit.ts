/**
 * HTML tables fit the page with the terminal's rule (render/fit.ts): the
 * cells' text measured in characters at the type's average width, the
 * columns that may go left out in their `drops` order until the table fits,
 * in three layouts: a screen from 1,024 pixels wide, one from 1,152 (where
 * the page stops growing), and the printed page. A dropped column is hidden
 * by a class for that layout, and named under the table.
 */
import type { Cell, ColumnFit } from '../../columns/column.js';
import { fitColumns, longestWord } from '../../fit.js';

/**
 * A layout's room in characters of the table's type (DejaVu Sans averages
 * 0.6 em a character, measured in Chromium: 9.2 px at 15 px, 6.9 px at
 * 8.5 pt), what a column's padding costs in characters, and a bar's width.
 */
interface Room {
  readonly chars: number;
  readonly padding: number;
  readonly gauge: number;
}

const LAYOUTS = {
  /** 976 px between the margins of a 1,024-pixel screen; 0.7 rem either side of a cell. */
  narrow: { chars: 106, padding: 2.5, gauge: 9 },
  /** The page's 1,104 px at most, from 1,152 pixels on. */
  wide: { chars: 120, padding: 2.5, gauge: 9 },
  /** A4's 186 mm (703 px; Letter is wider) at 8.5 pt; 0.35 em either side of a cell; a bar of 5 rem. */
  print: { chars: 101, padding: 1.2, gauge: 12 },
} as const satisfies Record<string, Room>;

export interface HtmlDrops {
  readonly narrow: ReadonlySet<number>;
  readonly wide: ReadonlySet<number>;
  readonly print: ReadonlySet<number>;
}

const measure = (text: string) => [...text].length;

export function htmlDrops(head: readonly string[], rows: readonly (readonly Cell[])[], fit: readonly ColumnFit[]): HtmlDrops {
  const dropped = (room: Room) => {
    // fit.ts counts 3 cells a column besides its text (a border, a space either side): what the padding costs here instead.
    const extra = room.padding - 3;
    const natural = head.map((h) => Math.max(0, ...h.split(' ').map(measure)) + extra);
    const least = [...natural];
    const indent = head.map(() => 0);
    for (const row of rows) {
      row.forEach((cell, i) => {
        const chars = 2 * (cell.indent ?? 0) + Math.max(measure(cell.text), cell.gauge ? room.gauge : 0) + extra;
        natural[i] = Math.max(natural[i] ?? 0, chars);
        least[i] = Math.max(least[i] ?? 0, fit[i]?.wraps ? longestWord(cell.text, measure) + extra : chars);
        indent[i] = Math.max(indent[i] ?? 0, 2 * (cell.indent ?? 0));
      });
    }
    return new Set(fitColumns(natural, least, indent, fit, room.chars)?.dropped ?? []);
  };
  return { narrow: dropped(LAYOUTS.narrow), wide: dropped(LAYOUTS.wide), print: dropped(LAYOUTS.print) };
}
