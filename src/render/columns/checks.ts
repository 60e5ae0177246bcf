/**
 * The flat list of checks (core/sizing/flat-checks.ts) as the formats carry
 * it: the `checks` array of every --json report and of `camsize check
 * --json`, and the rows of `camsize check --format csv` (its own CSV table,
 * whose column order is a contract: append only).
 */
import type { FlatCheck } from '../../core/sizing/flat-checks.js';
import type { Column } from './column.js';
import { inlineJson } from '../json-inline.js';

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
    json: (f) => ({ ...(f.file === undefined ? {} : { file: f.file }), fleet: f.fleet }),
  },
  {
    key: 'what',
    csv: (f) => ({ kind: f.check.kind, where: whereText(f.fleet, f.check), direction: f.check.direction ?? '', part: f.check.part ?? '' }),
    json: (f) => ({
      kind: f.check.kind,
      where: whereText(f.fleet, f.check),
      // One line: a report of 75,000 segments has about 150,000 checks.
      path: inlineJson(f.check.path),
      ...(f.check.recorder === undefined ? {} : { recorder: f.check.recorder }),
      ...(f.check.group === undefined ? {} : { group: f.check.group }),
      direction: f.check.direction ?? null,
      ...(f.check.part === undefined ? {} : { part: f.check.part }),
    }),
  },
  {
    key: 'figures',
    csv: (f) => ({ load: f.check.load.toString(), limit: f.check.limit.toString(), unit: f.check.unit }),
    json: (f) => ({ load: f.check.load.toString(), limit: f.check.limit.toString(), unit: f.check.unit }),
  },
  {
    key: 'verdict',
    csv: (f) => ({ verdict: f.check.fits ? 'pass' : 'fail' }),
    json: (f) => ({ verdict: f.check.fits ? 'pass' : 'fail' }),
  },
];

/**
 * A flat check as JSON, as one object literal (the same keys, in the same order, as
 * jsonObject(CHECK_COLUMNS, …)): a report of 100,000 segments has some 200,000 of them,
 * and spreads and merged faces cost as much again as writing them (bench/RESULTS.md, "Fleet file").
 */
export function checkJson(fleet: string, c: FlatCheck, file?: string): Record<string, unknown> {
  const json: Record<string, unknown> = file === undefined ? { fleet } : { file, fleet };
  json['kind'] = c.kind;
  json['where'] = whereText(fleet, c);
  json['path'] = inlineJson(c.path);
  if (c.recorder !== undefined) json['recorder'] = c.recorder;
  if (c.group !== undefined) json['group'] = c.group;
  json['direction'] = c.direction ?? null;
  if (c.part !== undefined) json['part'] = c.part;
  json['load'] = c.load.toString();
  json['limit'] = c.limit.toString();
  json['unit'] = c.unit;
  json['verdict'] = c.fits ? 'pass' : 'fail';
  return json;
}
