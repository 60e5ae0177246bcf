/**
 * The plain-ASCII fast path of terminal tables (src/render/formats/table-plain.ts)
 * against cli-table3 drawing every cell: the same text on generated tables
 * whose row counts straddle the chunk size, with multi-line cells, given and
 * natural widths, both border sets, coloured headings, and cells that must
 * leave the fast path (colour, wide and combining characters, tabs, short rows,
 * lines wider than a given width).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Align } from '../../src/render/columns/column.js';
import { CHUNK_ROWS, cliTable3LongTable, longTable, newTable } from '../../src/render/formats/table-draw.js';
import { plainLines, plainTable } from '../../src/render/formats/table-plain.js';
import { NO_PAINT, type Paint } from '../../src/render/view.js';

const ANSI: Paint = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  red: (t) => `\u001b[31m${t}\u001b[39m`,
  green: (t) => `\u001b[32m${t}\u001b[39m`,
  yellow: (t) => `\u001b[33m${t}\u001b[39m`,
};

/** Printable ASCII and Latin-1 (the segment table's "+777 × 4k30"), but © and ®: also emoji, they leave the fast path. */
const printable = fc.string({
  unit: fc
    .oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0xff }).map((c) => (c === 0xa9 || c === 0xae ? 0xd7 : c)) },
    )
    .map((c) => String.fromCharCode(c)),
  maxLength: 14,
});
/** Plain cells: printable ASCII, sometimes over two or three lines. */
const plainCell = fc.oneof(
  { weight: 4, arbitrary: printable },
  { weight: 1, arbitrary: fc.array(printable, { minLength: 2, maxLength: 3 }).map((l) => l.join('\n')) },
);
/** Cells the fast path must refuse: colour, wide, combining and control characters. */
const oddCell = fc.constantFrom('\u001b[32mok\u001b[39m', '東京', 'e\u0301', 'a\tb', '–', '📷 cam', '\r', '©', '®', '\u0085');
const ROW_COUNTS = [0, 1, 2, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, 2 * CHUNK_ROWS + 3];

const tableArb = fc.record({
  head: fc.array(fc.oneof(printable, fc.constantFrom('Per\ncamera', 'Estimate ÷ catalog', '')), { minLength: 1, maxLength: 5 }),
  alignSeed: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  rowCount: fc.constantFrom(...ROW_COUNTS),
  cells: fc.array(plainCell, { minLength: 1, maxLength: 40 }),
  ascii: fc.boolean(),
  colour: fc.boolean(),
  widths: fc.option(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
});

function rowsOf(columns: number, count: number, cells: readonly string[]): string[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: columns }, (_, c) => cells[(r * columns + c) % cells.length]!));
}

describe('plain-ASCII tables: the fast path draws what cli-table3 draws', () => {
  it('on generated tables (row counts around the chunk size, given and natural widths, both borders)', () => {
    fc.assert(
      fc.property(tableArb, ({ head, alignSeed, rowCount, cells, ascii, colour, widths }) => {
        const align: Align[] = head.map((_, i) => (alignSeed[i] ? 'right' : 'left'));
        const rows = rowsOf(head.length, rowCount, cells);
        const paint = colour ? ANSI : NO_PAINT;
        const draw = { ascii, ...(widths ? { widths: widths.slice(0, head.length) } : {}) };
        expect(longTable(head, align, rows, paint, draw)).toBe(cliTable3LongTable(head, align, rows, paint, draw));
      }),
      { numRuns: 150 },
    );
  });

  it('takes the fast path for every plain table whose lines fit (so the property above tests it)', () => {
    fc.assert(
      fc.property(tableArb, ({ head, rowCount, cells, ascii }) => {
        const rows = rowsOf(head.length, rowCount, cells);
        const frame = (h: readonly string[], a: readonly Align[], p: Paint, w: readonly number[]) =>
          newTable(h, a, p, { ascii, widths: w });
        const text = plainTable(
          head,
          head.map(() => 'left'),
          rows,
          NO_PAINT,
          undefined,
          frame,
          (s) => s.length,
        );
        // Headings here are one cell per character except the ÷ one, which is still one cell.
        expect(text).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });

  it('leaves colour, wide, combining and control characters, and short rows, to cli-table3', () => {
    fc.assert(
      fc.property(fc.array(plainCell, { minLength: 3, maxLength: 3 }), oddCell, fc.nat(2), (cells, odd, at) => {
        const row = [...cells];
        row[at] = odd;
        expect(plainLines([row], 3)).toBeUndefined();
        const rows = [cells, row, cells];
        const draw = { ascii: false };
        expect(longTable(['A', 'B', 'C'], ['left', 'right', 'left'], rows, NO_PAINT, draw)).toBe(
          cliTable3LongTable(['A', 'B', 'C'], ['left', 'right', 'left'], rows, NO_PAINT, draw),
        );
      }),
      { numRuns: 50 },
    );
    expect(plainLines([['a', 'b']], 3)).toBeUndefined();
  });

  it('leaves a line wider than its given width (cli-table3 truncates it) to cli-table3', () => {
    const rows = [['a much longer name', '12 Mb/s']];
    const frame = (h: readonly string[], a: readonly Align[], p: Paint, w: readonly number[]) => newTable(h, a, p, { widths: w });
    expect(plainTable(['Name', 'Rate'], ['left', 'right'], rows, NO_PAINT, [8, 7], frame, (s) => s.length)).toBeUndefined();
    expect(longTable(['Name', 'Rate'], ['left', 'right'], rows, NO_PAINT, { widths: [8, 7] })).toBe(
      ['┌──────────┬─────────┐', '│ Name     │    Rate │', '│ a much … │ 12 Mb/s │', '└──────────┴─────────┘'].join('\n'),
    );
  });

  it('draws an exact small table', () => {
    const text = longTable(
      ['Preset', 'Per\ncamera'],
      ['left', 'right'],
      [
        ['720p30', '4 Mb/s'],
        ['4k30\nnight', '16 Mb/s'],
      ],
      NO_PAINT,
      {
        ascii: true,
      },
    );
    expect(text).toBe(
      [
        '+--------+---------+',
        '| Preset |     Per |',
        '|        |  camera |',
        '| 720p30 |  4 Mb/s |',
        '| 4k30   | 16 Mb/s |',
        '| night  |         |',
        '+--------+---------+',
      ].join('\n'),
    );
  });
});
