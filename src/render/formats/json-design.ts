/**
 * The JSON of `camsize diff` and `camsize check`: exact values as decimal
 * strings, as in the report's JSON (schemaVersion 2; additive changes only).
 */
import type { DiffSide, ReportDiff } from '../../core/model/diff-report.js';
import type { FleetsReport } from '../../core/model/fleets-report.js';
import { flatChecks } from '../../core/sizing/flat-checks.js';
import { CHECK_COLUMNS, type FleetCheck } from '../columns/checks.js';
import { jsonObject } from '../columns/column.js';
import { figureJson, flipJson } from '../columns/diff.js';
import { inlineJson, unInline } from '../json-inline.js';
import { shownRows } from '../diff-blocks.js';
import type { RenderOptions } from '../view.js';

const SCHEMA_VERSION = 2;
const text = (doc: unknown) => `${unInline(JSON.stringify(doc, null, 2))}\n`;

const sideJson = (s: DiffSide) => ({ fleet: s.fleet, verdict: s.verdict, checks: s.checks, failed: s.failed });

export function diffJson(diff: ReportDiff, options: RenderOptions): string {
  return text({
    schemaVersion: SCHEMA_VERSION,
    verdict: diff.verdict,
    newlyFailing: diff.newlyFailing,
    fixed: diff.fixed,
    before: sideJson(diff.before),
    after: sideJson(diff.after),
    rows: shownRows(diff, options).map((r) => ({
      kind: r.kind,
      path: inlineJson(r.path),
      ...(r.direction ? { direction: r.direction } : {}),
      ...(r.recorder !== undefined ? { recorder: r.recorder } : {}),
      change: r.change,
      figures: r.figures.map(figureJson),
      flips: r.flips.map(flipJson),
    })),
  });
}

/** Every fleet's verdict (or why it could not be read), then its checks flat: all, or with --failures-only the failing ones. */
export function fleetsCheckList(report: FleetsReport): FleetCheck[] {
  return report.fleets.flatMap((f) =>
    f.report
      ? flatChecks(f.report)
          .filter((check) => !report.failuresOnly || !check.fits)
          .map((check) => ({ file: f.file, fleet: f.report!.fleetName, check }))
      : [],
  );
}

export function fleetsJson(report: FleetsReport): string {
  return text({
    schemaVersion: SCHEMA_VERSION,
    verdict: report.verdict,
    fleets: report.fleets.map((f) =>
      f.report
        ? {
            file: f.file,
            fleet: f.report.fleetName,
            verdict: f.report.verdict,
            checks: f.report.checks.length,
            failed: f.report.checks.filter((c) => !c.fits).length,
          }
        : { file: f.file, verdict: 'error', problems: f.problems ?? [] },
    ),
    checks: fleetsCheckList(report).map((c) => jsonObject(CHECK_COLUMNS, c)),
  });
}
