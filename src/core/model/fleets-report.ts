/**
 * What `camsize check` finds over many fleets: each fleet file sized (or why
 * it could not be read), and the verdict of them all. A fleet that cannot be
 * read does not stop the others from being checked.
 */
import type { Report } from './report.js';

export interface FleetResult {
  /** The file as named on the command line ('-': standard input). */
  readonly file: string;
  /** The fleet sized; absent when it could not be read. */
  readonly report?: Report;
  /** Why it could not be read: one line per problem. */
  readonly problems?: readonly string[];
}

export interface FleetsReport {
  readonly fleets: readonly FleetResult[];
  /** error: some fleet could not be read (exit 2); fail: some check failed (exit 1); pass or unchecked: exit 0. */
  readonly verdict: 'pass' | 'fail' | 'unchecked' | 'error';
  /** With --failures-only: the formats list only the failing checks. */
  readonly failuresOnly: boolean;
}

export function fleetsReport(fleets: readonly FleetResult[], failuresOnly = false): FleetsReport {
  const verdicts = fleets.map((f) => (f.report ? f.report.verdict : 'error'));
  const verdict = verdicts.includes('error')
    ? 'error'
    : verdicts.includes('fail')
      ? 'fail'
      : verdicts.includes('pass')
        ? 'pass'
        : 'unchecked';
  return { fleets, verdict, failuresOnly };
}

/** 2 when a fleet could not be read (the others were still checked), 1 when a check failed, else 0. */
export function fleetsExitCode(report: Pick<FleetsReport, 'verdict'>): 0 | 1 | 2 {
  return report.verdict === 'error' ? 2 : report.verdict === 'fail' ? 1 : 0;
}
