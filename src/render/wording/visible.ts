/**
 * Text as a terminal may be given it: names come from fleet files, inventories
 * and measurement files, and an escape sequence in one (ESC[8m hides the line
 * that says a link is over; OSC sets a window's title; CR overwrites a line)
 * must never reach the terminal raw. Every format that is not JSON or HTML
 * passes what it writes through here once (table and Markdown: each block and
 * cell; CSV: each field): control characters, DEL, the C1 controls and the
 * invisible characters that could hide or reorder text become \n, \t, \r or
 * \u{…}, as in diagnostics (core/diagnostics/printable.ts).
 */
import { printable } from '../../core/diagnostics/printable.js';
import type { Block, TableBlock } from '../blocks.js';

/** What printable() escapes, as a quick test: most text has none (lone surrogates are sorted out by printable()). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/;

export function visible(text: string): string {
  return UNSAFE.test(text) ? printable(text, Number.POSITIVE_INFINITY) : text;
}

function visibleTable(block: TableBlock): TableBlock {
  return {
    ...block,
    head: block.head.map(visible),
    rows: block.rows.map((row) => row.map((cell) => (UNSAFE.test(cell.text) ? { ...cell, text: visible(cell.text) } : cell))),
    ...(block.notes ? { notes: block.notes.map((n) => ({ ...n, text: visible(n.text) })) } : {}),
  };
}

/** A block with every text in it made visible. */
export function visibleBlock(block: Block): Block {
  switch (block.kind) {
    case 'heading':
    case 'sentence':
    case 'verdict':
      return { ...block, text: visible(block.text) };
    case 'table':
      return visibleTable(block);
    case 'timeline':
      return { ...block, title: visible(block.title), table: visibleTable(block.table) };
    case 'failures':
      return { ...block, lines: block.lines.map(visible) };
  }
}
