/**
 * The column table and the header plan: every alias read as its field,
 * real column names (FPS, Mount) ignored and real misspellings stopped, two
 * claims on one field stopped naming both, explicit mappings, the segment
 * path's columns, and a fuzz of header names: no name the table reads as a
 * count is ever ignored, however it is written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../src/core/inventory/column-plan.js';
import { columnPairs, columnSettings, delimiterOf } from '../../src/core/inventory/column-settings.js';
import { headerName, INVENTORY_COLUMNS, keyOf, misspeltName } from '../../src/core/inventory/columns.js';
import { readKey, SLOTS } from '../../src/core/inventory/fields.js';
import { decimalCommaText } from '../../src/core/inventory/local-numbers.js';
import { readCountText } from '../../src/core/inventory/record.js';
import { excelNumberText } from '../../src/core/inventory/xlsx/cell-number.js';
import { PLAIN_NUMBER } from '../../src/core/inventory/xlsx/sheet-rows.js';

const fieldOf = (headers: string[], settings = {}) =>
  Object.fromEntries(planColumns(headers, settings, 1).reads.map((r) => [r.header, r.unit ? `${r.field} ${r.unit}` : r.field]));

describe('aliases', () => {
  it.each([
    ['Qty', 'count'],
    ['QTY.', 'count'],
    ['Quantity', 'count'],
    ['Cameras', 'count'],
    ['# Cameras', 'count'],
    ['Units', 'count'],
    ['Number of cameras', 'count'],
    ['No. of Cameras', 'count'],
    ['no of cameras', 'count'],
    ['Camera count', 'count'],
    ['Qty (pcs)', 'count'],
    ['Bitrate (Mbps)', 'bitrate Mbps'],
    ['Bit Rate (kbps)', 'bitrate kbps'],
    ['Bandwidth [Mbit/s]', 'bitrate Mbit/s'],
    ['Rate', 'bitrate'],
    ['Bitrate Mbps', 'bitrate Mbps'],
    ['MBPS', 'mbps'],
    ['Path', 'segment'],
    ['Preset', 'preset'],
    ['Camera model', 'label'],
    ['Frame rate', 'fps'],
    ['FPS', 'fps'],
    ['Camera ID', 'id'],
    ['Mount', 'ignored'],
    ['Lens', 'ignored'],
    ['IP address', 'ignored'],
    ['Size', 'ignored'],
    ['Mode', 'ignored'],
    ['Notes', 'ignored'],
  ])('%j is read as %s', (header, field) => {
    const headers =
      header === 'Path'
        ? ['Path', 'Preset']
        : header === 'Preset' || header === 'MBPS' || header === 'Rate' || header.startsWith('Bit') || header.startsWith('Band')
          ? ['Segment', header]
          : ['Segment', 'Preset', header];
    const reads = fieldOf(headers);
    const expected = field === 'fps' ? 'ignored' : field; // fps is read only with resolution
    expect(reads[header]).toBe(expected);
  });

  it('reads fps, resolution and codec together (rows to estimate), and a model as the label when there is no label column', () => {
    expect(fieldOf(['Site', 'Resolution', 'FPS', 'Codec', 'Camera model', 'Qty'])).toEqual({
      Site: 'segment',
      Resolution: 'resolution',
      FPS: 'fps',
      Codec: 'codec',
      'Camera model': 'label',
      Qty: 'count',
    });
    expect(fieldOf(['Segment', 'Preset', 'Label', 'Model'])).toMatchObject({ Label: 'label', Model: 'ignored' });
  });

  it('composes the path from site, building, floor, switch and location, in that order, wherever the columns are', () => {
    const plan = planColumns(['Switch', 'Qty', 'Site', 'Preset', 'Floor', 'Building', 'Location'], {}, 1);
    expect(plan.path).toEqual([2, 5, 4, 0, 6]);
    expect(plan.composed).toBe(true);
    // A segment column wins; the levels are then ignored.
    const withSegment = planColumns(['Site', 'Segment', 'Switch', 'Preset'], {}, 1);
    expect(withSegment.path).toEqual([1]);
    expect(withSegment.reads.map((r) => r.field)).toEqual(['ignored', 'segment', 'ignored', 'preset']);
    // --segment-columns chooses, in its order.
    const chosen = planColumns(['Site', 'Building', 'Switch', 'Preset'], { segmentColumns: ['switch', 'Site'] }, 1);
    expect(chosen.path).toEqual([2, 0]);
    expect(chosen.reads[1]!.field).toBe('ignored');
    // None at all: the file is one segment.
    expect(planColumns(['Preset', 'Qty'], {}, 1).path).toEqual([]);
  });

  it('an explicit mapping reads any header, wins over the table, and ignores what it is told to', () => {
    const settings = columnSettings(columnPairs(['count=Anzahl,segment=Standort', 'rate=Bitrate (Mbit/s)', 'ignore=Cout']), undefined);
    expect(fieldOf(['Standort', 'Anzahl', 'Bitrate (Mbit/s)', 'Cout', 'Qty'], settings)).toEqual({
      Standort: 'segment',
      Anzahl: 'count',
      'Bitrate (Mbit/s)': 'bitrate Mbit/s',
      Cout: 'ignored',
      Qty: 'ignored',
    });
  });
});

describe('header refusals', () => {
  it.each([
    [['Segment', 'Preset', 'cout'], "unknown field 'cout' (did you mean 'count'?)"],
    [['Segmnet', 'Preset'], "unknown field 'Segmnet' (did you mean 'segment'?)"],
    [['Segment', 'Bitrte (Mbps)'], "unknown field 'Bitrte (Mbps)' (did you mean 'bitrate'?)"],
    [['Segment', 'Preset', 'Qty', 'Cameras'], "columns 'Qty' and 'Cameras' both give the count"],
    [['Segment', 'Path', 'Preset'], "columns 'Segment' and 'Path' both give the segment"],
    [['Segment', 'Preset', 'Camera'], "column 'Camera' could be the count or the camera id"],
    [['Segment', 'Bitrate (avg)'], "column 'Bitrate (avg)': 'avg' is not a unit of rate"],
    [['Segment', 'Qty'], "no column gives the cameras' rate"],
    [['Segment', 'Resolution', 'Qty'], "no column gives the cameras' rate"],
  ])('%j: %s', (headers, message) => {
    expect(() => planColumns(headers, {}, 3)).toThrow(message);
  });

  it('an explicit mapping to a header that is not there says which are', () => {
    expect(() => planColumns(['Site', 'Preset'], columnSettings(columnPairs(['count=Anzahl']), undefined), 1)).toThrow(
      "columns: count=Anzahl: no column 'Anzahl'",
    );
    expect(() => columnPairs(['cuont=Qty'])).toThrow("'cuont' is not a field (did you mean 'count'?)");
    expect(() => columnPairs(['count'])).toThrow('is not FIELD=HEADER');
    expect(() => delimiterOf('|')).toThrow('is not a delimiter');
    expect(delimiterOf('tab')).toBe('\t');
  });
});

describe('a fuzz of header names', () => {
  const COUNT_NAMES = INVENTORY_COLUMNS.find((c) => c.field === 'count')!.names;
  /** A count name as people write it: any case, blanks and punctuation between its words, a unit in brackets after. */
  const written = fc
    .record({
      name: fc.constantFrom(...COUNT_NAMES),
      upper: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
      gap: fc.constantFrom(' ', '  ', '_', '-', '.', ''),
      around: fc.constantFrom('', ' ', '\t', '#', '.'),
      unit: fc.constantFrom('', ' (pcs)', ' [ea]', '(units)', ' (nos)'),
    })
    .map(({ name, upper, gap, around, unit }) => {
      const cased = [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
      return `${around}${cased.replace(/ /g, gap)}${around}${unit}`;
    });

  it('no header the table names as a count is ever ignored', () => {
    fc.assert(
      fc.property(written, fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), (header, others) => {
        const headers = ['Segment', 'Preset', header, ...others.map((o, i) => `x${i} ${o}`)];
        let plan: ReturnType<typeof planColumns> | undefined;
        try {
          plan = planColumns(headers, {}, 1);
        } catch (error) {
          // Another column may be refused (a misspelling, a second count): never ignored silently.
          expect(String(error)).toMatch(/unknown field|both give|could be|no column|columns:/);
          return;
        }
        expect(plan.reads[2]!.field).toBe('count');
      }),
      { numRuns: 500 },
    );
  });

  it('a random name is read, ignored, or refused; a count alias never ignored; NDJSON keys the same', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (name) => {
        const { key } = headerName(name);
        const isCount = COUNT_NAMES.some((n) => keyOf(n) === key);
        const reading = readKey(name);
        if (isCount) expect(SLOTS[reading.slot]).toBe('count');
        if (reading.slot < 0 && reading.problem === undefined) expect(isCount).toBe(false);
        if (misspeltName(key) !== undefined) expect(reading.problem).toMatch(/did you mean/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numbers', () => {
  it.each([
    ['4,5', '4.5'],
    ['12,25 Mb/s', '12.25 Mb/s'],
    ['40', '40'],
    ['4.5', '4.5'],
    ['0,625', '0.625'],
    ['1.000', 'ambiguous'],
    ['4,500', 'ambiguous'],
    ['1.234,5', 'separators'],
  ])('decimal comma %j → %j', (text, expected) => {
    if (expected === 'ambiguous') expect(() => decimalCommaText(text)).toThrow('could mean');
    else if (expected === 'separators') expect(() => decimalCommaText(text)).toThrow('without thousands separators');
    else expect(decimalCommaText(text)).toBe(expected);
  });

  it.each([
    ['4.5', '4.5'],
    ['4.0999999999999996', '4.1'],
    ['0.30000000000000004', '0.3'],
    ['2.5000000000000001', '2.5'],
    ['12', '12'],
    ['1E-3', '0.001'],
    ['1.5E+3', '1500'],
    ['-2', '-2'],
    ['123456789012345678', '123456789012346000'],
    ['abc', undefined],
    ['1E+999', undefined],
  ])('a number cell %j reads as %j', (text, expected) => {
    expect(excelNumberText(text)).toBe(expected);
  });
});

describe('the fast paths of number cells and counts equal their general readers', () => {
  it('a number cell of 15 characters or fewer taken as it is reads as excelNumberText reads it', () => {
    const plain = PLAIN_NUMBER;
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,18}(\.\d{1,18})?$/), (text) => {
        if (text.length <= 15 && plain.test(text)) expect(excelNumberText(text)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('a plain count read as a number is what the general count reader gives, at 15 digits and past them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,17}$/), (text) => {
        const general = (() => {
          try {
            return readCountText(text, 1);
          } catch {
            return 'refused';
          }
        })();
        if (/^\d{1,15}$/.test(text)) expect(Number(text)).toBe(general);
      }),
      { numRuns: 2000 },
    );
  });
});
