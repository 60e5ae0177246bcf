/**
 * Reads camsize's output back into values, for tests that check that every
 * format says what the JSON says: CSV records (RFC 4180), the cells of the
 * terminal and Markdown tables, and the numbers people read ("1,234.5 Mb/s",
 * "9.37 %", "94.476816 TB", "~2.099 Gb/s") as exact integers.
 */

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks; lines end in CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n') throw new Error(`bare LF in CSV at ${i}`);
    else field += c;
    i++;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

/** CSV records as objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text);
  if (!head) return [];
  return rows.map((row) => {
    if (row.length !== head.length) throw new Error(`CSV row of ${row.length} fields under a header of ${head.length}`);
    return Object.fromEntries(head.map((h, i) => [h, row[i]!]));
  });
}

/** The CSV cells of one direction of a segment's link, by header name (utilisation and headroom default to an idle one's). */
export function directionCells(
  direction: 'up' | 'down',
  linkBps: string,
  usableBps: string,
  utilizationPct = '0',
  headroomBps = usableBps,
  status = 'ok',
): Record<string, string> {
  return {
    [`${direction}_link_bps`]: linkBps,
    [`${direction}_usable_bps`]: usableBps,
    [`${direction}_utilization_pct`]: utilizationPct,
    [`${direction}_headroom_bps`]: headroomBps,
    [`${direction}_status`]: status,
  };
}

export interface HumanTable {
  head: string[];
  rows: string[][];
}

/** The tables of the terminal format (box drawing), cells trimmed. */
export function terminalTables(text: string): HumanTable[] {
  const tables: HumanTable[] = [];
  let current: HumanTable | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) {
      current = { head: [], rows: [] };
      tables.push(current);
    } else if (line.startsWith('│') && current) {
      const cells = line
        .slice(1, -1)
        .split('│')
        .map((c) => c.trim());
      if (current.head.length === 0) current.head = cells;
      else current.rows.push(cells);
    } else if (line.startsWith('└')) current = undefined;
  }
  return tables;
}

/** The tables of the Markdown format, cells unescaped (\| and \\) and trimmed; marks (`code`, **bold**, &nbsp;) left on. */
export function markdownTables(text: string): HumanTable[] {
  const tables: HumanTable[] = [];
  let current: HumanTable | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (/^\|(:?-+:?\|)+$/.test(line)) continue;
    const cells = splitMarkdownRow(line);
    if (!current) {
      current = { head: cells, rows: [] };
      tables.push(current);
    } else current.rows.push(cells);
  }
  return tables;
}

function splitMarkdownRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 1; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && (line[i + 1] === '|' || line[i + 1] === '\\')) {
      cell += line[++i];
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  return cells;
}

/** A human table's row (the first whose first cell, trimmed, is `first`) as cells by heading; the segment tree's indentation is trimmed. */
export function tableRow(table: HumanTable, first: string): Record<string, string> {
  const row = table.rows.find((cells) => cells[0]?.trim() === first);
  if (!row) throw new Error(`no row '${first}' in the table headed ${table.head.join(' | ')}`);
  return Object.fromEntries(table.head.map((heading, i) => [heading, row[i] ?? '']));
}

/** A Markdown cell without its marks: `code`, **bold**, the &nbsp; indentation. */
export function plainMarkdownCell(cell: string): string {
  return cell
    .replace(/^(&nbsp;)+/, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^`(.*)`$/, '$1');
}

const RATE_FACTORS: Record<string, bigint> = {
  'b/s': 1n,
  'kb/s': 10n ** 3n,
  'Mb/s': 10n ** 6n,
  'Gb/s': 10n ** 9n,
  'Tb/s': 10n ** 12n,
  'Pb/s': 10n ** 15n,
};
const BYTE_FACTORS: Record<string, bigint> = {
  B: 1n,
  kB: 10n ** 3n,
  MB: 10n ** 6n,
  GB: 10n ** 9n,
  TB: 10n ** 12n,
  PB: 10n ** 15n,
  EB: 10n ** 18n,
  ZB: 10n ** 21n,
};

/** A decimal ("-1,234.5") times a power-of-ten factor, exactly; undefined when not a whole number. */
function scaledDecimal(number: string, factor: bigint): bigint | undefined {
  const m = /^(-?)([\d,]+)(?:\.(\d+))?$/.exec(number);
  if (!m) return undefined;
  const [, sign = '', whole = '', fraction = ''] = m;
  const digits = BigInt(whole.replace(/,/g, '') + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const value = digits * factor;
  if (value % scale !== 0n) return undefined;
  return (sign === '-' ? -1n : 1n) * (value / scale);
}

/** A shown quantity: its exact value (when not marked ~), or the interval rounding leaves. */
export interface Shown {
  /** The value as shown, in base units (b/s or bytes), rounded to a whole unit. */
  value: bigint;
  /** Marked '~': rounded; the true value is within ± half a unit of the last shown digit. */
  approximate: boolean;
  /** Half a unit of the last shown digit, in base units (0 when exact). */
  halfStep: bigint;
}

function shownQuantity(text: string, factors: Record<string, bigint>): Shown {
  const m = /^(~?)(-?[\d,]+(?:\.\d+)?) (\S+)$/.exec(text.trim());
  if (!m) throw new Error(`not a quantity: '${text}'`);
  const [, tilde = '', number = '', unit = ''] = m;
  const factor = factors[unit];
  if (factor === undefined) throw new Error(`unknown unit '${unit}' in '${text}'`);
  const decimals = number.split('.')[1]?.length ?? 0;
  const exact = scaledDecimal(number, factor);
  const step = factor / 10n ** BigInt(decimals);
  if (exact !== undefined) return { value: exact, approximate: tilde === '~', halfStep: tilde === '~' ? step / 2n : 0n };
  throw new Error(`'${text}' is not a whole number of base units`);
}

/** "1,234.5 Mb/s" → 1234500000n; throws on anything else. With `reading`, unmarked text is rounded too (a document's figures). */
export function shownRate(text: string, reading = false): Shown {
  return readAs(shownQuantity(text, RATE_FACTORS), text, RATE_FACTORS, reading);
}

export function shownBytes(text: string, reading = false): Shown {
  return readAs(shownQuantity(text, BYTE_FACTORS), text, BYTE_FACTORS, reading);
}

/** A figure rounded for reading carries no '~': it is within half a unit of its last digit all the same. */
function readAs(shown: Shown, text: string, factors: Record<string, bigint>, reading: boolean): Shown {
  if (!reading || shown.approximate) return shown;
  const [number = '', unit = ''] = text.trim().split(' ');
  const decimals = number.split('.')[1]?.length ?? 0;
  return { ...shown, approximate: true, halfStep: (factors[unit] ?? 1n) / 10n ** BigInt(decimals) / 2n };
}

/** "74.7 %" against an exact percentage (two decimals): equal, or with `reading` within half its last digit ("<0.1 %" under 0.05). */
export function showsPercent(text: string, exact: number | null | undefined, reading = false): boolean {
  if (text === 'n/a' || text === '') return text === 'n/a' ? exact === null : exact === undefined || exact === null;
  if (exact === undefined || exact === null) return false;
  if (reading && text === '<0.1 %') return exact > 0 && exact < 0.05;
  const number = text.replace(/ %$/, '');
  if (!reading) return Number(number) === exact;
  const decimals = number.split('.')[1]?.length ?? 0;
  return Math.abs(Number(number) - exact) <= 0.5 * 10 ** -decimals + Math.abs(exact) * 1e-12 + 1e-9;
}

/** "1,728" / "-20" → bigint. */
export function shownCount(text: string): bigint {
  if (!/^-?\d{1,3}(,\d{3})*$/.test(text)) throw new Error(`not a count: '${text}'`);
  return BigInt(text.replace(/,/g, ''));
}

/** Does a shown quantity stand for this exact value? Exact text must equal it; '~' text must round to it. */
export function shows(shown: Shown, exact: bigint): boolean {
  if (!shown.approximate) return shown.value === exact;
  const d = shown.value - exact;
  return (d < 0n ? -d : d) <= shown.halfStep;
}
