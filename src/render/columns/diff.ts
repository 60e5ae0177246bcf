/**
 * `camsize diff`'s table: one line per figure of a row that changed (every
 * figure with --unchanged), with where it is, its value before and after and
 * the change, in every format; and each flipped check. The CSV table is its
 * own (DIFF_CSV_COLUMNS, append only).
 */
import type { CheckFlip, DiffRow, FigureChange, FigureUnit } from '../../core/model/diff-report.js';
import { formatBytes } from '../../core/numbers/bytes.js';
import { wattsText } from '../../core/numbers/power.js';
import { formatScaled } from '../../core/numbers/rate.js';
import type { CheckUnit, FlatCheck } from '../../core/sizing/flat-checks.js';
import type { RenderOptions } from '../view.js';
import { humanCount, humanRate } from '../wording/quantities.js';
import type { Column } from './column.js';
import { arrow } from './directions.js';
import { whereText } from './checks.js';
import { inlineJson } from '../json-inline.js';

/** One figure of one row, as the table shows it. */
export interface DiffLine {
  readonly row: DiffRow;
  readonly figure: FigureChange;
  /** The fleet's name, for the root's row. */
  readonly fleet: string;
}

export interface DiffContext {
  readonly options: RenderOptions;
}

/** A figure's value as people read it. */
export function figureText(value: bigint, unit: FigureUnit | CheckUnit, options: RenderOptions): string {
  switch (unit) {
    case 'b/s':
      return humanRate(value, options);
    case 'B':
      return formatBytes(value, { group: true });
    case 'bp':
      return `${formatScaled(value, 100n, { group: true })} %`;
    case 'mW':
      return wattsText(value, { group: true });
    default:
      return humanCount(value);
  }
}

/** after − before, signed ("+14 Mb/s", "-2", "+1.4 points"); empty when a side is missing. */
export function deltaText(f: FigureChange, options: RenderOptions): string {
  if (f.before === undefined || f.after === undefined) return f.before === undefined ? 'new' : 'gone';
  const d = f.after - f.before;
  if (d === 0n) return '';
  const sign = d > 0n ? '+' : '-';
  const magnitude = d > 0n ? d : -d;
  if (f.unit === 'bp') return `${sign}${formatScaled(magnitude, 100n, { group: true })} points`;
  return `${sign}${figureText(magnitude, f.unit, options)}`;
}

/** Where a row is: a segment path (the fleet's name for its root), a link's direction, a recorder, the total. */
export function rowText(row: DiffRow, fleet: string, options: RenderOptions): string {
  const path = row.path.length === 0 ? fleet : row.path.join('/');
  switch (row.kind) {
    case 'link':
      return `${path} ${row.direction === 'shared' ? 'shared' : arrow(row.direction ?? 'up', options)}`;
    case 'recorder':
      return `recorder ${row.recorder}`;
    case 'total':
      return 'total';
    default:
      return path;
  }
}

const value = (v: bigint | undefined, unit: FigureUnit, options: RenderOptions) => (v === undefined ? '—' : figureText(v, unit, options));

export const DIFF_CSV_COLUMNS = [
  'section',
  'kind',
  'where',
  'direction',
  'recorder',
  'change',
  'figure',
  'unit',
  'before',
  'after',
  'delta',
  'before_verdict',
  'after_verdict',
] as const;
export type DiffCsvColumn = (typeof DIFF_CSV_COLUMNS)[number];

export const DIFF_COLUMNS: readonly Column<DiffLine, DiffContext, DiffCsvColumn>[] = [
  {
    key: 'where',
    human: { heading: () => 'Where', align: 'left', cell: (l, c) => rowText(l.row, l.fleet, c.options), fit: { wraps: 'name' } },
    csv: (l) => ({
      kind: l.row.kind,
      where: l.row.path.join('/'),
      direction: l.row.direction ?? '',
      recorder: l.row.recorder ?? '',
      change: l.row.change,
    }),
  },
  {
    key: 'figure',
    human: { heading: () => 'Figure', align: 'left', cell: (l) => l.figure.name },
    csv: (l) => ({ figure: l.figure.name, unit: l.figure.unit }),
  },
  {
    key: 'before',
    human: { heading: () => 'Before', align: 'right', cell: (l, c) => value(l.figure.before, l.figure.unit, c.options) },
    csv: (l) => ({ before: l.figure.before?.toString() ?? '' }),
  },
  {
    key: 'after',
    human: { heading: () => 'After', align: 'right', cell: (l, c) => value(l.figure.after, l.figure.unit, c.options) },
    csv: (l) => ({ after: l.figure.after?.toString() ?? '' }),
  },
  {
    key: 'delta',
    human: { heading: () => 'Change', align: 'right', cell: (l, c) => deltaText(l.figure, c.options) },
    csv: (l) => ({
      delta: l.figure.before === undefined || l.figure.after === undefined ? '' : (l.figure.after - l.figure.before).toString(),
    }),
  },
];

/** A figure in JSON: exact strings (null on a side without it) and the change. */
export function figureJson(f: FigureChange) {
  const both = f.before !== undefined && f.after !== undefined;
  return {
    name: f.name,
    unit: f.unit,
    before: f.before?.toString() ?? null,
    after: f.after?.toString() ?? null,
    delta: both ? (f.after! - f.before!).toString() : null,
  };
}

/** What a flat check is, after where it is: "link ↑", "ports", "PoE", "ingest", "storage". */
function checkLabel(c: FlatCheck, options: RenderOptions): string {
  if (c.kind === 'recorder') return c.part ?? 'recorder';
  if (c.kind === 'link') return c.direction === 'up' || c.direction === 'down' ? `link ${arrow(c.direction, options)}` : 'shared link';
  if (c.kind === 'poe') return 'PoE';
  if (c.kind === 'drift') return 'measured rate';
  return c.kind;
}

/** "newly over: aisles ports: 26 against a limit of 24 (before: 24)" / "fixed: …". */
export function flipText(flip: CheckFlip, fleet: string, options: RenderOptions): string {
  const c: FlatCheck = flip.after === 'absent' ? flip.was! : flip.check;
  const what = `${whereText(fleet, c)} ${checkLabel(c, options)}`;
  const figures = `${figureText(c.load, c.unit, options)} against a limit of ${figureText(c.limit, c.unit, options)}`;
  const before = flip.was ? `before: ${figureText(flip.was.load, c.unit, options)}` : 'a new check';
  if (flip.after === 'fail') return `newly over: ${what}: ${figures} (${before})`;
  if (flip.after === 'absent') return `fixed: ${what}: the check is gone (it was over: ${figures})`;
  return `fixed: ${what}: ${figures} (${before})`;
}

export function flipJson(flip: CheckFlip) {
  const c = flip.after === 'absent' ? flip.was! : flip.check;
  return {
    kind: c.kind,
    path: inlineJson(c.path),
    ...(c.recorder === undefined ? {} : { recorder: c.recorder }),
    ...(c.group === undefined ? {} : { group: c.group }),
    direction: c.direction ?? null,
    ...(c.part === undefined ? {} : { part: c.part }),
    unit: c.unit,
    before: flip.before,
    after: flip.after,
    loadBefore: flip.was ? flip.was.load.toString() : null,
    loadAfter: flip.after === 'absent' ? null : flip.check.load.toString(),
    limit: c.limit.toString(),
  };
}
