/**
 * What each column of a schedule's header row is read as, decided once per
 * file from the column table (columns.ts), an explicit mapping (--columns,
 * a fleet file's "inventory" settings, the library's InventoryOptions) and
 * the segment columns chosen (--segment-columns). Every column is either read
 * or named as ignored; two columns that claim one field, an ambiguous name
 * and a misspelt one stop the read (InventoryError at the header's line).
 */
import { closest } from '../diagnostics/suggest.js';
import { printable } from '../diagnostics/printable.js';
import { lookupUnit } from '../numbers/rate-units.js';
import { InventoryError } from './chunks.js';
import { type ColumnField, ESTIMATE_FIELDS, headerKey, headerName, PATH_FIELDS, readHeaderKey } from './columns.js';

/** How a file's columns are to be read, beyond the table: plain data (it crosses to worker threads). */
export interface ColumnSettings {
  /** Headers read as a field (`count=Anzahl`), or as ignored (`ignore=Unit`), whatever the table says. */
  readonly columns?: ReadonlyArray<readonly [ColumnField | 'ignore', string]>;
  /** The headers whose values make the segment path, in order (instead of segment, or site, building …). */
  readonly segmentColumns?: readonly string[];
}

/** One column as it is read: its header, and the field it gives (or 'ignored'). */
export interface ColumnRead {
  readonly header: string;
  readonly field: ColumnField | 'ignored';
  /** The unit of bare numbers in a rate column, from its header ('Mb/s' …). */
  readonly unit?: string;
  /** For a column that is one level of the segment path: which (1 is the first). */
  readonly level?: number;
}

export interface ColumnPlan {
  /** Every column, in file order. */
  readonly reads: readonly ColumnRead[];
  /** The column of each field read, except the segment path's. */
  readonly at: ReadonlyMap<ColumnField, number>;
  /** The columns whose values make the segment path, in order; empty: the whole file is one segment. */
  readonly path: readonly number[];
  /** The path is composed from several columns (or one that is not 'segment'): each value is one level. */
  readonly composed: boolean;
  /** The unit of bare numbers in the bitrate column. */
  readonly rateUnit?: string;
  /** Resolution and fps columns are read: a row without a preset or a rate is estimated. */
  readonly estimates: boolean;
}

const FIELD_WORDS: Partial<Record<ColumnField, string>> = { count: 'the count', bitrate: 'the rate', id: 'the camera id' };
const what = (field: ColumnField) => FIELD_WORDS[field] ?? `the ${field}`;
const quoted = (header: string) => `'${printable(header)}'`;

/** The plan for a header row (`headers`, as read) at `line`. Throws InventoryError. */
export function planColumns(headers: readonly string[], settings: ColumnSettings, line: number): ColumnPlan {
  const fail = (message: string): never => {
    throw new InventoryError(`header: ${message}`, { line });
  };
  const names = headers.map((h) => headerName(h));
  const fieldOf: Array<ColumnField | 'ignored' | undefined> = headers.map(() => undefined);
  const explicit = new Set<ColumnField>();
  for (const [field, header] of settings.columns ?? []) {
    const at = findHeader(headers, header, `columns: ${field}=${header}`, fail);
    if (fieldOf[at] !== undefined) fail(`columns: column ${quoted(headers[at]!)} is mapped twice`);
    fieldOf[at] = field === 'ignore' ? 'ignored' : field;
    if (field !== 'ignore') {
      if (explicit.has(field)) fail(`columns: two columns are mapped to ${field}`);
      explicit.add(field);
    }
  }
  const pathGiven = settings.segmentColumns?.map((h) => findHeader(headers, h, `segment columns: ${h}`, fail));
  pathGiven?.forEach((at, i) => {
    if (pathGiven.indexOf(at) !== i) fail(`segment columns: column ${quoted(headers[at]!)} is named twice`);
  });
  headers.forEach((header, i) => {
    if (fieldOf[i] !== undefined || pathGiven?.includes(i)) return;
    if (names[i]!.key === '') {
      fieldOf[i] = 'ignored';
      return;
    }
    const reading = readHeaderKey(names[i]!.key);
    if (reading.kind === 'field') fieldOf[i] = explicit.has(reading.field) ? 'ignored' : reading.field;
    else if (reading.kind === 'ambiguous') {
      const choices = reading.fields.map((f) => `--columns ${f}=${printable(header)}`).join(' or ');
      fail(`column ${quoted(header)} could be ${reading.fields.map(what).join(' or ')}: say which with ${choices}`);
    } else if (reading.kind === 'misspelt')
      fail(
        `unknown field ${quoted(header)} (did you mean '${reading.near}'?); if it is another column, --columns ignore=${printable(header)}`,
      );
    else fieldOf[i] = 'ignored';
  });
  countNotTaken(headers, names, fieldOf, pathGiven, fail);
  const at = claims(headers, fieldOf, fail);
  return settle(headers, names, fieldOf, at, pathGiven, fail);
}

/**
 * A mapping (or the segment columns) that takes the column the table reads as the count, while no other
 * column gives it, would count every row as one camera: a 68-camera schedule sized as 7. Refused, unless
 * the column is ignored on purpose (--columns ignore=Qty).
 */
function countNotTaken(
  headers: readonly string[],
  names: ReadonlyArray<{ readonly key: string }>,
  fieldOf: ReadonlyArray<ColumnField | 'ignored' | undefined>,
  pathGiven: readonly number[] | undefined,
  fail: (m: string) => never,
): void {
  if (fieldOf.includes('count')) return;
  headers.forEach((header, i) => {
    const natural = names[i]!.key === '' ? undefined : readHeaderKey(names[i]!.key);
    if (natural?.kind !== 'field' || natural.field !== 'count' || fieldOf[i] === 'ignored') return;
    const taken = pathGiven?.includes(i) ? 'a level of the segment path' : `${fieldOf[i]}`;
    fail(
      `column ${quoted(header)} is read as ${taken}, and no column gives the count any more (every row would be one camera): ` +
        `map the count with --columns count=…, or say --columns ignore=${printable(header)} if every row is one camera`,
    );
  });
}

/** The column whose header is `wanted` (compared as the table compares names); exactly one, or a problem. */
function findHeader(headers: readonly string[], wanted: string, context: string, fail: (m: string) => never): number {
  const key = headerKey(wanted);
  const exact = headers.flatMap((h, i) => (h.trim() === wanted.trim() ? [i] : []));
  const found = exact.length > 0 ? exact : headers.flatMap((h, i) => (headerName(h).key === key && key !== '' ? [i] : []));
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    return fail(`${context}: ${found.length} columns are called that (${found.map((i) => quoted(headers[i]!)).join(', ')})`);
  const near = closest(wanted, headers, 1)[0];
  return fail(`${context}: no column ${quoted(wanted)}${near !== undefined ? ` (did you mean ${quoted(near)}?)` : ''}`);
}

/** The column of each field; two columns that claim one field are a problem naming both. */
function claims(
  headers: readonly string[],
  fieldOf: ReadonlyArray<ColumnField | 'ignored' | undefined>,
  fail: (m: string) => never,
): Map<ColumnField, number> {
  const at = new Map<ColumnField, number>();
  fieldOf.forEach((field, i) => {
    if (field === undefined || field === 'ignored') return;
    const first = at.get(field);
    if (first !== undefined)
      fail(
        `columns ${quoted(headers[first]!)} and ${quoted(headers[i]!)} both give ${what(field)}: ` +
          `say which with --columns ${field}=${printable(headers[first]!)} (the other is then ignored)`,
      );
    at.set(field, i);
  });
  return at;
}

/** The segment path's columns, label or model, the rate's unit, whether rows are estimated; what each column is read as. */
function settle(
  headers: readonly string[],
  names: ReturnType<typeof headerName>[],
  fieldOf: Array<ColumnField | 'ignored' | undefined>,
  at: Map<ColumnField, number>,
  pathGiven: number[] | undefined,
  fail: (m: string) => never,
): ColumnPlan {
  const ignore = (field: ColumnField) => {
    const i = at.get(field);
    if (i !== undefined) fieldOf[i] = 'ignored';
    at.delete(field);
  };
  let path: number[];
  if (pathGiven !== undefined) {
    path = pathGiven;
    ignore('segment');
  } else if (at.has('segment')) path = [at.get('segment')!];
  else path = PATH_FIELDS.flatMap((f) => (at.has(f) ? [at.get(f)!] : []));
  for (const f of PATH_FIELDS) ignore(f);
  const composed = pathGiven !== undefined || !path.some((i) => fieldOf[i] === 'segment');
  at.delete('segment');
  // A model names the groups only where there is no label column.
  if (at.has('label')) ignore('model');
  else if (at.has('model')) {
    at.set('label', at.get('model')!);
    at.delete('model');
  }
  const estimates = at.has('resolution') && at.has('fps');
  if (!estimates) for (const f of ESTIMATE_FIELDS) ignore(f);
  const rateUnit = unitOf(at.get('bitrate'), headers, names, fail);
  if (!at.has('preset') && !at.has('bitrate') && !at.has('mbps') && !estimates) {
    fail(
      "no column gives the cameras' rate: a preset, a rate (bitrate, mbps) or resolution and fps to estimate from " +
        `(the columns are ${headers.map(quoted).join(', ')}; --columns names others, e.g. --columns preset=Profil)`,
    );
  }
  const reads = headers.map((header, i): ColumnRead => {
    const level = path.indexOf(i);
    if (level >= 0) return composed ? { header, field: 'segment', level: level + 1 } : { header, field: 'segment' };
    const field = [...at].find(([, c]) => c === i)?.[0] ?? 'ignored';
    return field === 'bitrate' && rateUnit !== undefined ? { header, field, unit: rateUnit } : { header, field };
  });
  return { reads, at, path, composed, ...(rateUnit !== undefined ? { rateUnit } : {}), estimates };
}

/** The unit a rate column's header gives its bare numbers ('Bitrate (Mbps)'); a bracket that is not a rate unit is a problem. */
function unitOf(
  column: number | undefined,
  headers: readonly string[],
  names: ReturnType<typeof headerName>[],
  fail: (m: string) => never,
): string | undefined {
  if (column === undefined) return undefined;
  const unit = names[column]!.unit;
  if (unit === undefined) return undefined;
  const found = lookupUnit(unit);
  if (!found.ok)
    fail(`column ${quoted(headers[column]!)}: '${printable(unit)}' is not a unit of rate (${found.reason}); write e.g. 'Bitrate (Mb/s)'`);
  return unit;
}

/**
 * A field as a message names it, with the column it came from when the
 * header called it something else: "count (column 'Qty')", "segment
 * (columns 'Site', 'Switch')". The field alone for a canonical header.
 */
export function fieldLabel(field: string | undefined, plan: ColumnPlan | undefined): string | undefined {
  if (field === undefined || plan === undefined) return field;
  const columns =
    field === 'segment' ? plan.path.map((c) => plan.reads[c]!.header) : plan.reads.filter((r) => r.field === field).map((r) => r.header);
  if (columns.length === 0 || (columns.length === 1 && columns[0]!.trim().toLowerCase() === field)) return field;
  return `${field} (column${columns.length === 1 ? '' : 's'} ${columns.map(quoted).join(', ')})`;
}
