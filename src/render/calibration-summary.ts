/**
 * The validation block of `estimate --calibration` for the human formats (table,
 * Markdown): one heading, one table of error figures, and sentences. Built once
 * here so both formats draw the same text; the numbers come from the core
 * (validationReport), this only formats them.
 */
import { TARGET_COVERAGE_SLACK, TARGET_MEDIAN, type ValidationReport } from '../core/estimate/calibration.js';
import type { ErrorStats } from '../core/estimate/fit.js';
import type { ColumnFit } from './columns/column.js';

export const VALIDATION_DIR = 'presets/validation/';

export interface SummaryBlock {
  heading: string;
  head: string[];
  align: Array<'left' | 'right'>;
  /** How the terminal table gives way to a narrow terminal. */
  fit: ColumnFit[];
  rows: string[][];
  sentences: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ratio = (x: number) => x.toFixed(2);

function kindRow(label: string, figure: string, groups: number, s: ErrorStats, coverage: number): string[] {
  return [
    label,
    figure,
    String(groups),
    String(s.points),
    pct(s.medianAbsError),
    ratio(s.geometricMeanRatio),
    String(s.outsideFactor2),
    pct(coverage),
  ];
}

/** Each kind's misses of issue #21's targets, with by how much. */
function misses(v: ValidationReport): string[] {
  const lo = v.coverage - TARGET_COVERAGE_SLACK;
  const hi = v.coverage + TARGET_COVERAGE_SLACK;
  return v.perKind.flatMap((k) => [
    ...(k.medianMet
      ? []
      : [`${k.kind}: median ${pct(k.stats.medianAbsError)} (${((k.stats.medianAbsError - TARGET_MEDIAN) * 100).toFixed(1)} points over)`]),
    ...(k.coverageMet
      ? []
      : [
          `${k.kind}: range held ${pct(k.coverage)} of ${k.points} (${((k.coverage < lo ? lo - k.coverage : k.coverage - hi) * 100).toFixed(1)} points ${k.coverage < lo ? 'under' : 'over'} ${pct(lo)}–${pct(hi)})`,
        ]),
  ]);
}

/** Each later batch against the model fitted before it was found, with its kinds' misses of the median target. */
function batchSentences(v: ValidationReport): string[] {
  return v.batches.map((b) => {
    const kinds = b.perKind.map(
      (k) => `${k.kind} ${k.points} in ${k.groups} group${k.groups === 1 ? '' : 's'}, ${pct(k.stats.medianAbsError)}`,
    );
    const missed = b.perKind
      .filter((k) => !k.medianMet)
      .map((k) => `${k.kind} by ${((k.stats.medianAbsError - TARGET_MEDIAN) * 100).toFixed(1)} points`);
    return `Hold-out batch ${b.batch} (${b.points} points, ${b.groups} group${b.groups === 1 ? '' : 's'}), estimated by the model fitted before it was found: median |error| ${pct(b.stats.medianAbsError)} (${kinds.join('; ')}); the ${TARGET_MEDIAN * 100} % median target ${missed.length === 0 ? 'met' : `missed for ${missed.join(', ')}`}.`;
  });
}

export function validationSummary(v: ValidationReport): SummaryBlock {
  const worst = v.worst.map(
    (r) =>
      `${r.id} (${r.kind}, ${r.resolution} ${r.fps} fps ${r.codec}: figure ${Number(r.figureBitsPerSecond) / 1000} kb/s, held-out ${r.figure} × ${ratio(r.heldOutRatio)})`,
  );
  const f = v.fitted;
  const r = v.fittedRanges;
  const missed = misses(v);
  const range = `${(v.coverage * 100).toFixed(0)} %`;
  return {
    heading: `Against ${v.points} independent public figures from ${v.sources} sources in ${v.groups} independent groups (${VALIDATION_DIR}), each estimated by the model fitted without its group (leave one source out):`,
    head: ['Kind of figure', 'Checked as', 'Groups', 'Points', 'Median |error|', 'Geo. mean ratio', 'Outside ×2', `In ${range} range`],
    fit: [{ wraps: 'text' }, { drops: 2 }, { drops: 3 }, {}, {}, { drops: 1 }, { drops: 4 }, {}],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: [
      ...v.perKind.map((k) => kindRow(k.kind, k.figure, k.groups, k.stats, k.coverage)),
      kindRow('all', '', v.groups, v.all, v.all.coverage),
    ],
    sentences: [
      `Fitted to all of them: base ${f.base.toFixed(4)}, frame-rate exponent ${f.fpsExponent.toFixed(2)}, resolution exponent ${f.resolutionExponent.toFixed(2)}, average ÷ peak ${f.averageToPeak.toFixed(2)}; ${range} ranges: peak × ${ratio(r.peak.low)} to × ${ratio(r.peak.high)}, average × ${ratio(r.average.low)} to × ${ratio(r.average.high)}.`,
      `Targets per kind (held-out median |error| ≤ ${TARGET_MEDIAN * 100} %, the ${range} range holding ${pct(v.coverage - TARGET_COVERAGE_SLACK)}–${pct(v.coverage + TARGET_COVERAGE_SLACK)}): ${missed.length === 0 ? 'all met' : `missed by ${missed.join('; ')}`}.`,
      `Worst held out: ${worst.join('; ')}.`,
      ...batchSentences(v),
    ],
  };
}
