/**
 * An explicit column mapping as people write it, read into ColumnSettings
 * the same way wherever it comes from: `--columns count=Anzahl,segment=Standort`
 * (repeatable), a fleet file's "inventory": { "columns": { "count": "Anzahl" } },
 * or the library's InventoryOptions. A field is named as the column table
 * names it (or by one of its aliases: rate is bitrate); `ignore` reads a
 * column as ignored (one the misspelling guard would stop).
 */
import { InputError } from '../diagnostics/errors.js';
import { printable } from '../diagnostics/printable.js';
import { closest } from '../diagnostics/suggest.js';
import type { ColumnSettings } from './column-plan.js';
import { type ColumnField, fieldOfKey, INVENTORY_COLUMNS, keyOf } from './columns.js';
import { DELIMITERS, type Delimiter } from './header-rows.js';

/** The field a mapping names ('count', 'rate', 'qty' …) or 'ignore'. */
export function mappedField(name: string): ColumnField | 'ignore' {
  const key = keyOf(name);
  if (key === 'ignore' || key === 'ignored') return 'ignore';
  const field = fieldOfKey(key);
  if (field !== undefined) return field;
  const names = [...INVENTORY_COLUMNS.map((c) => c.field), 'ignore'];
  const near = closest(name, names, 1)[0];
  throw new InputError(
    `'${printable(name)}' is not a field${near ? ` (did you mean '${near}'?)` : ''}: the fields are ${names.join(', ')}`,
  );
}

/** `count=Anzahl,segment=Standort` (each value of a repeated --columns) as (field, header) pairs. */
export function columnPairs(texts: readonly string[]): Array<[ColumnField | 'ignore', string]> {
  return texts.flatMap((text) =>
    text
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part): [ColumnField | 'ignore', string] => {
        const eq = part.indexOf('=');
        if (eq <= 0 || part.slice(eq + 1).trim() === '')
          throw new InputError(`'${printable(part)}' is not FIELD=HEADER (e.g. count=Anzahl)`);
        return [mappedField(part.slice(0, eq)), part.slice(eq + 1).trim()];
      }),
  );
}

/** A mapping's value as a fleet file or the library gives it: a header, or a list of headers (text only). */
export function isHeaders(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

/** A mapping given as an object ({ count: 'Anzahl', ignore: ['Unit'] }), as a fleet file and the library give it. */
export function columnPairsOf(mapping: Readonly<Record<string, string | readonly string[]>>): Array<[ColumnField | 'ignore', string]> {
  return Object.entries(mapping).flatMap(([field, headers]) => {
    const f = mappedField(field);
    const list = typeof headers === 'string' ? [headers] : headers;
    // As `--columns count=` is refused: a field mapped to no header would be a mapping silently not made.
    if (list.length === 0) throw new InputError(`${printable(field)}: name a header, or a list of one or more (e.g. ${field}: 'Anzahl')`);
    if (list.some((h) => h.trim() === '')) throw new InputError(`${printable(field)}: a header is not empty`);
    return list.map((h): [ColumnField | 'ignore', string] => [f, h]);
  });
}

/** The settings, from pairs and a segment-columns list ('Site,Switch' or a list). */
export function columnSettings(
  pairs: ReadonlyArray<readonly [ColumnField | 'ignore', string]>,
  segmentColumns: string | readonly string[] | undefined,
): ColumnSettings {
  const list =
    segmentColumns === undefined
      ? undefined
      : (typeof segmentColumns === 'string' ? segmentColumns.split(',') : segmentColumns).map((s) => s.trim()).filter((s) => s !== '');
  if (list !== undefined && list.length === 0) throw new InputError('segment columns: name one column or more (e.g. Site,Switch)');
  return { ...(pairs.length > 0 ? { columns: pairs } : {}), ...(list !== undefined ? { segmentColumns: list } : {}) };
}

/** ',', ';', 'tab' (or a tab), 'semicolon', 'comma' as a delimiter. */
export function delimiterOf(text: string): Delimiter {
  const t = text === '\t' ? '\t' : text.trim().toLowerCase();
  const named: Record<string, Delimiter> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',' };
  const d = Object.hasOwn(named, t) ? named[t]! : (t as Delimiter);
  if (!DELIMITERS.includes(d)) throw new InputError(`'${printable(text)}' is not a delimiter camsize reads: ',', ';' or tab`);
  return d;
}
