/**
 * The one place that decides whether a report passes: its checks, its
 * verdict, and the exit code a script sees (0 fits or nothing to check,
 * 1 a check failed). Every format shows what these say.
 */
import type { Check, GroupDrift, Report, SegmentRow, StorageStatus } from '../model/report.js';

export type Verdict = Report['verdict'];

/**
 * The checks of a report's rows and totals, in the order failures are listed:
 * segments, the totals, then (with --measured) each measured group against its
 * design, in tree order. A drifting group fails like a link over its ceiling:
 * a nightly job sees exit 1.
 */
export function collectChecks(
  rows: readonly SegmentRow[],
  total: { check?: Check; storage?: StorageStatus; drift?: readonly GroupDrift[] },
): Check[] {
  const checks: Check[] = [];
  for (const row of rows) {
    if (row.link)
      checks.push({ kind: 'link', path: row.path, fits: row.link.fits, link: row.link, loadBitsPerSecond: row.loadBitsPerSecond });
    if (row.storage?.fits !== undefined) checks.push({ kind: 'storage', path: row.path, fits: row.storage.fits, storage: row.storage });
  }
  if (total.check) checks.push(total.check);
  if (total.storage?.fits !== undefined) checks.push({ kind: 'total-storage', fits: total.storage.fits, storage: total.storage });
  for (const drift of total.drift ?? []) checks.push({ kind: 'drift', path: drift.path, fits: !drift.exceeds, drift });
  return checks;
}

export function verdictOf(checks: readonly Check[]): Verdict {
  if (checks.length === 0) return 'unchecked';
  return checks.every((c) => c.fits) ? 'pass' : 'fail';
}

/** The exit code of a sizing run: 1 when a check failed (a link, storage, how many fit, a drifting group), else 0. */
export function exitCodeOf(report: Pick<Report, 'verdict'>): 0 | 1 {
  return report.verdict === 'fail' ? 1 : 0;
}
