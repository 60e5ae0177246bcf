/**
 * The one place that decides whether a report passes: its checks, its
 * verdict, and the exit code a script sees (0 fits or nothing to check,
 * 1 a check failed). Every format shows what these say.
 */
import type { Check, GroupDrift, RecorderRow, Report, SegmentRow, StorageStatus } from '../model/report.js';

export type Verdict = Report['verdict'];

/**
 * The checks of a report's rows, recorders and totals, in the order failures
 * are listed: segments (link, storage, ports, PoE), recorders, the totals, then (with --measured) each
 * measured group against its design, in tree order. A drifting group fails
 * like a link over its ceiling: a nightly job sees exit 1.
 */
export function collectChecks(
  rows: readonly SegmentRow[],
  recorders: readonly RecorderRow[],
  total: { check?: Check; storage?: StorageStatus; drift?: readonly GroupDrift[] },
): Check[] {
  const checks: Check[] = [];
  for (const row of rows) {
    if (row.link) checks.push(linkCheck(row, row.link));
    if (row.storage?.fits !== undefined) checks.push({ kind: 'storage', path: row.path, fits: row.storage.fits, storage: row.storage });
    if (row.ports) checks.push({ kind: 'ports', path: row.path, fits: row.ports.fits, ports: row.ports });
    if (row.poe) checks.push({ kind: 'poe', path: row.path, fits: row.poe.fits, poe: row.poe });
  }
  for (const recorder of recorders)
    if (recorder.fits !== undefined) checks.push({ kind: 'recorder', path: recorder.path, fits: recorder.fits, recorder });
  if (total.check) checks.push(total.check);
  if (total.storage?.fits !== undefined) checks.push({ kind: 'total-storage', fits: total.storage.fits, storage: total.storage });
  for (const drift of total.drift ?? []) checks.push({ kind: 'drift', path: drift.path, fits: !drift.exceeds, drift });
  return checks;
}

const DIRECTIONS = ['up', 'down'] as const;

/** One check per link: each direction (or the shared capacity), passing when every one does. */
function linkCheck(row: SegmentRow, link: NonNullable<SegmentRow['link']>): Check {
  const directions: Extract<Check, { kind: 'link' }>['directions'][number][] = [];
  if (row.linkDirection === 'shared') directions.push({ direction: 'shared', link, loadBitsPerSecond: row.loadBitsPerSecond });
  else
    for (const direction of DIRECTIONS) {
      const d = row[direction];
      if (d.link) directions.push({ direction, link: d.link, loadBitsPerSecond: d.loadBitsPerSecond });
    }
  const binding = directions.find((d) => d.link === link) ?? directions[0]!;
  return {
    kind: 'link',
    path: row.path,
    fits: directions.every((d) => d.link.fits),
    link,
    loadBitsPerSecond: binding.loadBitsPerSecond,
    directions,
  };
}

export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.length === 0) return 'unchecked';
  return checks.every((c) => c.fits) ? 'pass' : 'fail';
}

/** The exit code of a sizing run: 1 when a check failed (a link, storage, ports, PoE, how many fit, a drifting group), else 0. */
export function exitCodeOf(report: Pick<Report, 'verdict'>): 0 | 1 {
  return report.verdict === 'fail' ? 1 : 0;
}
