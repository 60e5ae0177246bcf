/**
 * Terminal tables that fit: the layout (which columns wrap, which go), the
 * wrapping of one cell, and the drawn table, with exact expectations and
 * property tests over generated tables and widths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnFit } from '../../src/render/columns/column.js';
import { fitColumns, tableWidth, wrapText } from '../../src/render/fit.js';
import { CHUNK_ROWS, drawTextTable, longTable, newTable, type TextTable } from '../../src/render/formats/table-draw.js';
import { NO_PAINT, type RenderOptions } from '../../src/render/view.js';

const measure = (s: string) => [...s].length;
const options = (extra: Partial<RenderOptions> = {}): RenderOptions => ({ paint: NO_PAINT, ...extra });
// Every character these tables hold takes one cell.
const widest = (text: string) => Math.max(...text.split('\n').map(measure));

describe('fitColumns', () => {
  // The campus segment table: Segment, Cameras, Viewing, Load, Link, Util., Headroom, Status.
  const natural = [16, 7, 10, 15, 7, 7, 27, 6];
  const fit: ColumnFit[] = [{ wraps: 'name' }, { drops: 10 }, { drops: 2 }, {}, { drops: 6 }, {}, { wraps: 'text', drops: 1 }, {}];
  const indent = [4, 0, 0, 0, 0, 0, 0, 0];

  it('leaves a table that fits alone', () => {
    expect(tableWidth(natural)).toBe(120);
    expect(fitColumns(natural, natural, indent, fit, 120)).toBeUndefined();
  });

  it('wraps descriptions, then leaves out optional columns in their order, at 80 columns', () => {
    expect(fitColumns(natural, natural, indent, fit, 80)).toEqual({
      shown: [0, 1, 3, 4, 5, 7],
      widths: [16, 7, 15, 7, 7, 6],
      dropped: [2, 6],
    });
  });

  it('at 60 columns keeps the names whole and leaves out the last-resort column before squeezing them', () => {
    expect(fitColumns(natural, natural, indent, fit, 60)).toEqual({ shown: [0, 3, 5, 7], widths: [16, 15, 7, 6], dropped: [1, 2, 4, 6] });
  });

  it('breaks a number heading at its spaces but never a number', () => {
    // "Per camera" over cells of 8: the heading breaks to "Per"/"camera", the column is 8 wide; the name keeps its 17.
    const layout = fitColumns([17, 10], [17, 8], [0, 0], [{ wraps: 'name' }, {}], 32);
    expect(layout).toEqual({ shown: [0, 1], widths: [17, 8], dropped: [] });
  });

  it('keeps the longest word of a name whole until nothing else can give', () => {
    // A name column of "control-room" at depth 2 (natural 16, its longest word "control-" 8) beside two numbers of 20.
    const layout = fitColumns([16, 20, 20], [8, 20, 20], [4, 0, 0], [{ wraps: 'name' }, {}, {}], 60);
    expect(layout).toEqual({ shown: [0, 1, 2], widths: [10, 20, 20], dropped: [] });
    const tight = fitColumns([16, 20, 20], [8, 20, 20], [4, 0, 0], [{ wraps: 'name' }, {}, {}], 58);
    expect(tight?.widths[0]).toBe(8);
  });

  it('draws at its narrowest when nothing more can give (the terminal wraps it)', () => {
    const layout = fitColumns([15, 15, 15], [15, 15, 15], [0, 0, 0], [{}, {}, {}], 30);
    expect(layout).toEqual({ shown: [0, 1, 2], widths: [15, 15, 15], dropped: [] });
  });
});

describe('wrapText', () => {
  it.each([
    ['4K 30 fps, intersection', 0, 12, ['4K 30 fps,', 'intersection']],
    ['1080p10-conference-2', 0, 12, ['1080p10-', 'conference-2']],
    ['wan-monitoring', 2, 10, ['wan-', 'monitoring']], // the indentation gives way to keep a word whole
    ['control-room', 4, 12, ['    control-', '    room']],
    ['control-room', 0, 8, ['control-', 'room']],
    ['site-0001/sw-1', 0, 10, ['site-0001/', 'sw-1']],
    ['22 d 10 h (1,939,393 s)', 0, 13, ['22 d 10 h', '(1,939,393 s)']],
    ['69.22 % / 1.67 %', 0, 9, ['69.22 % /', '1.67 %']],
    ['↑20 Mb/s ↓100 Mb/s', 0, 10, ['↑20 Mb/s', '↓100 Mb/s']],
    ['4K 30 fps, intersection, IR on', 0, 13, ['4K 30 fps,', 'intersection,', 'IR on']],
    ['abcdefghij', 0, 4, ['abcd', 'efgh', 'ij']],
    ['deep', 20, 8, ['    deep']], // indentation gives way to keep 4 cells of text
    ['', 4, 10, ['    ']],
  ])('%j indented %i in %i cells', (text, indent, width, lines) => {
    expect(wrapText(text, indent, width, measure)).toEqual(lines);
  });

  it('loses nothing and never exceeds the width (past the kept indentation)', () => {
    const word = fc.stringMatching(/^[a-z0-9./_-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 5, max: 40 }),
        (words, indent, width) => {
          const text = words.join(' ');
          const lines = wrapText(text, indent, width, measure);
          for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
          const pad = lines[0]!.length - lines[0]!.trimStart().length;
          const rejoined = lines.map((l) => l.slice(pad));
          // Lines break at a space (dropped) or inside a word (kept whole).
          expect(rejoined.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
    );
  });
});

describe('drawTextTable', () => {
  const table: TextTable = {
    head: ['Name', 'Description', 'Rate'],
    align: ['left', 'left', 'right'],
    fit: [{ wraps: 'name' }, { wraps: 'text', drops: 1 }, {}],
    rows: [
      [{ text: 'front-door' }, { text: 'entrance camera over the main door' }, { text: '1.25571375 Gb/s' }],
      [{ text: 'yard', indent: 1 }, { text: 'car park, lit all night' }, { text: '4 Mb/s' }],
    ],
  };

  it('draws exactly what cli-table3 draws when there is room', () => {
    const wide = drawTextTable(table, options({ width: 200 }));
    expect(wide).toEqual(drawTextTable(table, options()));
    expect(wide.dropped).toEqual([]);
  });

  it('wraps the description at 50 columns and keeps the rate on one line', () => {
    const { text, dropped } = drawTextTable(table, options({ width: 50 }));
    expect(dropped).toEqual([]);
    expect(widest(text)).toBeLessThanOrEqual(50);
    expect(text).toContain('1.25571375 Gb/s');
    expect(text).toContain('│   yard     │');
  });

  it('leaves the description out at 36 columns, and says so', () => {
    const { text, dropped } = drawTextTable(table, options({ width: 36 }));
    expect(dropped).toEqual(['Description']);
    expect(widest(text)).toBeLessThanOrEqual(36);
    expect(text).not.toContain('Description');
  });

  it('draws ASCII borders', () => {
    const { text } = drawTextTable(table, options({ ascii: true, width: 50 }));
    expect(text).toMatch(/^\+-+\+-+\+-+\+\n\| Name/);
    expect(text).not.toMatch(/[^\x20-\x7e\n]/);
  });

  it('fits any table that can fit, keeps every number whole, and names every column it leaves out', () => {
    const cell = fc.record({ text: fc.stringMatching(/^[a-z -]{0,40}$/), indent: fc.integer({ min: 0, max: 3 }) });
    const number = fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => `${n} b/s`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, number, cell, number), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 20, max: 120 }),
        fc.boolean(),
        (rows, width, ascii) => {
          const t: TextTable = {
            head: ['Name', 'Load', 'Notes', 'Link'],
            align: ['left', 'right', 'left', 'right'],
            fit: [{ wraps: 'name' }, {}, { wraps: 'text', drops: 1 }, { drops: 2 }],
            rows: rows.map(([a, b, c, d]) => [a, { text: b }, c, { text: d }]),
          };
          const { text, dropped } = drawTextTable(t, options({ width, ascii }));
          const numbers = rows.flatMap(([, b, , d]) => (dropped.includes('Link') ? [b] : [b, d]));
          for (const n of numbers) expect(text).toContain(n);
          const fixed = 2 + Math.max(4, ...rows.map(([, b]) => b.length));
          if (tableWidth([8, fixed - 2]) <= width) expect(widest(text)).toBeLessThanOrEqual(width);
          for (const heading of ['Name', 'Load', 'Notes', 'Link']) expect(text.includes(heading) || dropped.includes(heading)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('longTable: chunks stitched in linear time draw what one table draws', () => {
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [`segment-${i}`.repeat(1 + (i % 3)), `${i * 7919} b/s`]);
  const counts = [1, CHUNK_ROWS - 1, CHUNK_ROWS, CHUNK_ROWS + 1, 2 * CHUNK_ROWS, 2 * CHUNK_ROWS + 1, 3 * CHUNK_ROWS + 37];
  for (const n of counts) {
    for (const ascii of [false, true]) {
      for (const widths of [undefined, [40, 12]]) {
        it(`${n} rows, ${ascii ? 'ASCII' : 'Unicode'}, ${widths ? 'given widths' : 'own widths'}`, () => {
          const rows = rowsOf(n);
          const draw = { ascii, ...(widths ? { widths } : {}) };
          const one = newTable(['Segment', 'Load'], ['left', 'right'], NO_PAINT, draw);
          one.push(...rows);
          expect(longTable(['Segment', 'Load'], ['left', 'right'], rows, NO_PAINT, draw)).toBe(one.toString());
        });
      }
    }
  }
});
