/**
 * What `camsize check` prints for people: one line per fleet, naming its
 * file and fleet, then one per failing check, each naming its file too (so
 * a cron mail or a grep of it says where), then how many passed and failed.
 */
import type { FleetResult, FleetsReport } from '../core/model/fleets-report.js';
import type { RenderOptions } from './view.js';
import { failureLines } from './wording/sentences.js';

export interface FleetLine {
  readonly text: string;
  /** A fleet that failed or could not be read, or a failing check: what -q keeps. */
  readonly bad: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function fleetLines(f: FleetResult, options: RenderOptions): FleetLine[] {
  const r = f.report;
  if (!r) {
    const problems = f.problems ?? [];
    const more = problems.length > 1 ? ` (and ${plural(problems.length - 1, 'more problem', 'more problems')} on stderr)` : '';
    return [{ text: `${f.file}: error: ${problems[0] ?? 'cannot be read'}${more}`, bad: true }];
  }
  const total = r.checks.length;
  const failed = r.checks.filter((c) => !c.fits).length;
  const name = `'${r.fleetName}'`;
  if (r.verdict === 'unchecked') return [{ text: `${f.file}: unchecked: nothing in ${name} has a capacity to check`, bad: false }];
  if (r.verdict === 'pass')
    return [{ text: `${f.file}: pass: ${total === 1 ? 'the 1 check' : `all ${total} checks`} of ${name} fit`, bad: false }];
  return [
    { text: `${f.file}: FAIL: ${failed} of ${plural(total, 'check', 'checks')} of ${name} over`, bad: true },
    ...failureLines(r, options).map((line) => ({ text: `${f.file}: ${line}`, bad: true })),
  ];
}

/** "3 fleets: 1 pass, 1 fail, 1 with errors". */
function summaryLine(report: FleetsReport): string {
  const count = (v: string) => report.fleets.filter((f) => (f.report ? f.report.verdict : 'error') === v).length;
  const parts = [
    ['pass', count('pass')],
    ['fail', count('fail')],
    ['unchecked', count('unchecked')],
    ['with errors', count('error')],
  ]
    .filter(([, n]) => n !== 0)
    .map(([what, n]) => `${n} ${what}`);
  return `${plural(report.fleets.length, 'fleet', 'fleets')}: ${parts.join(', ')}`;
}

/** Every line, the summary last; with `quiet`, only the failing ones (nothing when all pass). */
export function fleetsLines(report: FleetsReport, options: RenderOptions, quiet = false): FleetLine[] {
  const lines = report.fleets.flatMap((f) => fleetLines(f, options));
  if (quiet) return lines.filter((l) => l.bad);
  return [...lines, { text: summaryLine(report), bad: report.verdict === 'fail' || report.verdict === 'error' }];
}
