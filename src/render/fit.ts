/**
 * Fitting a terminal table into a width (in terminal cells): description-like
 * columns wrap down to a minimum, then the columns that may go are left out,
 * lowest `drops` first, until the table fits. Numbers are never cut or
 * wrapped: a table that cannot fit even then is drawn at its narrowest and
 * the terminal wraps it. Pure: the widths in, the layout out.
 */
import { type ColumnFit, LAST_RESORT } from './columns/column.js';

/**
 * How far the table gives way, tried in turn until it fits: descriptions
 * wrap and optional columns go first; then names wrap too (keeping room for
 * their indentation); then the first last-resort column goes; then
 * everything wraps narrower still; then the other last-resort columns go;
 * then the tree's indentation (a segment table without it no longer reads
 * as a tree, so it goes after any column); at last a word longer than the
 * room left may break inside (until then a
 * cell breaks only at spaces and after - or /, so that `control-room` never
 * reads `cont`/`rol-`/`room`). Widths in cells of text; a column never gets
 * wider than its natural width.
 */
const STAGES: readonly {
  readonly text: number;
  readonly name: number;
  readonly indented: boolean;
  readonly drops: number;
  /** Words stay whole: a wrapping column is at least as wide as its longest word. */
  readonly whole: boolean;
}[] = [
  { text: 12, name: Number.POSITIVE_INFINITY, indented: true, drops: LAST_RESORT - 1, whole: true },
  { text: 12, name: 12, indented: true, drops: LAST_RESORT - 1, whole: true },
  { text: 12, name: 12, indented: true, drops: LAST_RESORT, whole: true },
  { text: 8, name: 8, indented: true, drops: LAST_RESORT, whole: true },
  { text: 8, name: 8, indented: true, drops: Number.POSITIVE_INFINITY, whole: true },
  { text: 8, name: 8, indented: false, drops: Number.POSITIVE_INFINITY, whole: true },
  { text: 8, name: 8, indented: false, drops: Number.POSITIVE_INFINITY, whole: false },
];
/** Indentation a wrapping column keeps room for, at most (cells). */
const MAX_KEPT_INDENT = 8;
/** A wrapped line keeps at least this many cells for text, however deep its indentation. */
const MIN_TEXT = 4;

/** Cells a table takes beyond its columns' text: one border per column and one more, a space either side of each cell. */
export function tableWidth(textWidths: readonly number[]): number {
  return textWidths.reduce((sum, w) => sum + w + 3, 1);
}

export interface Layout {
  /** The columns drawn (indexes into the table's columns), in order. */
  readonly shown: readonly number[];
  /** Text width of each shown column, in cells. */
  readonly widths: readonly number[];
  /** The columns left out, in the table's order. */
  readonly dropped: readonly number[];
}

/**
 * The layout of a table whose columns need `natural` cells of text each
 * (`least`: the widest word, for a number column's heading that can break,
 * and for a wrapping column the longest word of any cell, see `longestWord`;
 * `indent`: the deepest indentation in the column) in `width` cells;
 * undefined when it fits as it is.
 */
export function fitColumns(
  natural: readonly number[],
  least: readonly number[],
  indent: readonly number[],
  fit: readonly ColumnFit[],
  width: number,
): Layout | undefined {
  if (tableWidth(natural) <= width) return undefined;
  let layout: Layout | undefined;
  for (const stage of STAGES) {
    const minimum = natural.map((n, i) => {
      const wraps = fit[i]?.wraps;
      if (!wraps) return Math.min(n, least[i] ?? n);
      const room = stage.indented ? Math.min(indent[i] ?? 0, MAX_KEPT_INDENT) : 0;
      return Math.min(n, Math.max(stage[wraps], stage.whole ? (least[i] ?? 0) : 0) + room);
    });
    const { shown, dropped, needs } = dropUntilFits(minimum, fit, stage.drops, width);
    layout = { shown, widths: shrink(shown, natural, minimum, fit, width), dropped };
    if (needs <= width) break;
  }
  return layout;
}

/** Leaves out the columns that may go (up to rank `upTo`), lowest `drops` first, until the minimum widths fit. */
function dropUntilFits(minimum: readonly number[], fit: readonly ColumnFit[], upTo: number, width: number) {
  const shown = minimum.map((_, i) => i);
  const droppable = shown
    .filter((i) => fit[i]?.drops !== undefined && fit[i].drops <= upTo)
    .sort((a, b) => fit[a]!.drops! - fit[b]!.drops! || a - b);
  const dropped: number[] = [];
  const needs = () => tableWidth(shown.map((i) => minimum[i]!));
  while (needs() > width && droppable.length > 0) {
    const column = droppable.shift()!;
    shown.splice(shown.indexOf(column), 1);
    dropped.push(column);
  }
  return { shown, dropped: dropped.sort((a, b) => a - b), needs: needs() };
}

/** Widths for the shown columns: the widest give up cells first, none below its minimum, names only after the rest. */
function shrink(
  shown: readonly number[],
  natural: readonly number[],
  minimum: readonly number[],
  fit: readonly ColumnFit[],
  width: number,
) {
  const widths = shown.map((i) => natural[i]!);
  let excess = tableWidth(widths) - width;
  for (const names of [false, true]) {
    const gives = (k: number) => (fit[shown[k]!]?.wraps === 'name') === names && widths[k]! > minimum[shown[k]!]!;
    while (excess > 0) {
      // The widest column that can still give; ties go to the rightmost (descriptions sit right of names).
      let widest = -1;
      for (let k = 0; k < widths.length; k++) if (gives(k) && (widest < 0 || widths[k]! >= widths[widest]!)) widest = k;
      if (widest < 0) break;
      const w = widths[widest]!;
      const next = Math.max(minimum[shown[widest]!]!, ...widths.filter((x, k) => x < w && gives(k)), w - excess);
      excess -= w - next;
      widths[widest] = next;
    }
  }
  return widths;
}

/** A unit, or a percent sign (with the punctuation after it): it stays with the number before it. */
const UNIT = /^(?:(?:[kMGTPEZ]i?)?(?:b\/s|B)|%|[dhs]|min)[),.;:]*$/;

/** The text's space-separated words, a unit kept with its number ("746.94 Mb/s", "12.3 %", "22 d 10 h"). */
function spacedWords(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    if (out.length > 0 && UNIT.test(word) && out[out.length - 1] !== '') out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/**
 * The words a cell may break between: at spaces (but the one between a
 * number and its unit), and after a - or a / (kept with the word before).
 */
export function words(text: string): string[] {
  return spacedWords(text).flatMap(pieces);
}

/** A word in pieces that end after a - or a /; a number with its unit ("746.94 Mb/s") is one piece. */
function pieces(word: string): string[] {
  if (word.includes(' ')) return [word];
  return word.match(/[^/-]*[/-]+|[^/-]+$/g) ?? [word];
}

/** The widest word of a text (see `words`), in cells: what a wrapping column needs to keep words whole. */
export function longestWord(text: string, measure: (s: string) => number): number {
  let longest = 0;
  for (const word of words(text)) longest = Math.max(longest, measure(word));
  return longest;
}

/**
 * A cell's text in lines of at most `width` cells, broken at spaces and
 * after - or /; a word breaks inside only when it is wider than the line.
 * Each line is indented as the first, the indentation giving way first
 * (to keep the longest word whole, and at least MIN_TEXT cells for text).
 */
export function wrapText(text: string, indent: number, width: number, measure: (s: string) => number): string[] {
  const pad = Math.max(0, Math.min(indent, width - Math.max(MIN_TEXT, longestWord(text, measure))));
  const room = Math.max(1, width - pad);
  const lines: string[] = [];
  let line = '';
  for (const spaced of spacedWords(text)) {
    const joined = line === '' ? spaced : `${line} ${spaced}`;
    if (measure(joined) <= room) {
      line = joined;
      continue;
    }
    // The space-separated word does not fit on this line: its pieces (after - or /) fill it, then the next ones.
    const parts = pieces(spaced);
    for (let k = 0; k < parts.length; k++) {
      const piece = parts[k]!;
      const glue = k === 0 && line !== '' ? ' ' : '';
      if (measure(line + glue + piece) <= room) {
        line += glue + piece;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = piece;
      while (measure(rest) > room) {
        const [head, tail] = breakInside(rest, room, measure);
        lines.push(head);
        rest = tail;
      }
      line = rest;
    }
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(pad) + l);
}

/** The longest start of a word wider than the line (no - or / left to break after): any character. */
function breakInside(word: string, room: number, measure: (s: string) => number): [string, string] {
  const chars = [...word];
  let fits = 0;
  while (fits < chars.length && measure(chars.slice(0, fits + 1).join('')) <= room) fits++;
  fits = Math.max(1, fits);
  return [chars.slice(0, fits).join(''), chars.slice(fits).join('')];
}
