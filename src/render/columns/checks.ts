/**
 * The flat list of checks (core/sizing/flat-checks.ts) as the formats carry
 * it: the `checks` array of every --json report and of `camsize check
 * --json`, and the rows of `camsize check --format csv` (its own CSV table,
 * whose column order is a contract: append only).
 */
import type { FlatCheck } from '../../core/sizing/flat-checks.js';
import type { Column } from './column.js';

/** A flat check of one fleet, with the fleet it belongs to (and, for `camsize check`, the file it was read from). */
export interface FleetCheck {
  readonly fleet: string;
  readonly file?: string;
  readonly check: FlatCheck;
}

/** Where a check is, as the failure lines say it: a segment path, the fleet's name for its root, a recorder, a total. */
export function whereText(fleet: string, c: FlatCheck): string {
  const path = c.path.length === 0 ? fleet : c.path.join('/');
  switch (c.kind) {
    case 'recorder':
      return `recorder ${c.recorder} (${path})`;
    case 'total':
      return 'total (--capacity)';
    case 'total-storage':
      return 'total (--storage-capacity)';
    case 'how-many':
      return 'how many fit';
    case 'drift':
      return `${path} ${c.group}`;
    default:
      return path;
  }
}

export const CHECK_CSV_COLUMNS = ['file', 'fleet', 'kind', 'where', 'direction', 'part', 'load', 'limit', 'unit', 'verdict'] as const;
export type CheckCsvColumn = (typeof CHECK_CSV_COLUMNS)[number];

export const CHECK_COLUMNS: readonly Column<FleetCheck, unknown, CheckCsvColumn>[] = [
  {
    key: 'fleet',
    csv: (f) => ({ file: f.file ?? '', fleet: f.fleet }),
    json: (f, out) => {
      if (f.file !== undefined) out.string('file', f.file);
      out.string('fleet', f.fleet);
    },
  },
  {
    key: 'what',
    csv: (f) => ({ kind: f.check.kind, where: whereText(f.fleet, f.check), direction: f.check.direction ?? '', part: f.check.part ?? '' }),
    json: (f, out) => {
      const c = f.check;
      out.string('kind', c.kind);
      out.string('where', whereText(f.fleet, c));
      // One line: a report of 75,000 segments has about 150,000 checks.
      out.inline('path', c.path);
      if (c.recorder !== undefined) out.string('recorder', c.recorder);
      if (c.group !== undefined) out.string('group', c.group);
      out.string('direction', c.direction ?? null);
      if (c.part !== undefined) out.string('part', c.part);
    },
  },
  {
    key: 'figures',
    csv: (f) => ({ load: f.check.load.toString(), limit: f.check.limit.toString(), unit: f.check.unit }),
    json: (f, out) => {
      out.bigint('load', f.check.load);
      out.bigint('limit', f.check.limit);
      out.string('unit', f.check.unit);
    },
  },
  {
    key: 'verdict',
    csv: (f) => ({ verdict: f.check.fits ? 'pass' : 'fail' }),
    json: (f, out) => out.string('verdict', f.check.fits ? 'pass' : 'fail'),
  },
];
