/**
 * The validation block of `estimate --calibration` for the human formats (table,
 * Markdown): one heading, one table of error figures, and sentences. Built once
 * here so both formats draw the same text; the numbers come from the core
 * (validationReport), this only formats them.
 */
import type { ValidationReport } from '../core/estimate/calibration.js';
import type { ErrorStats } from '../core/estimate/fit.js';
import type { ColumnFit } from './columns/column.js';

export const VALIDATION_FILE = 'presets/validation/estimate-points.json';

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

function statsRow(label: string, s: ErrorStats): string[] {
  return [
    label,
    String(s.points),
    pct(s.medianAbsError),
    ratio(s.geometricMeanRatio),
    ratio(s.minRatio),
    ratio(s.maxRatio),
    String(s.outsideFactor2),
  ];
}

export function validationSummary(v: ValidationReport): SummaryBlock {
  const worst = v.worst.map(
    (r) =>
      `${r.id} (${r.resolution} ${r.fps} fps ${r.codec}: figure ${Number(r.figureBitsPerSecond) / 1000} kb/s, held-out estimate × ${ratio(r.heldOutRatio)})`,
  );
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const l = v.leaveOneOut;
  return {
    heading: `Against ${v.points} independent public figures from ${v.sources} sources (${VALIDATION_FILE}):`,
    head: ['Error of the model', 'Points', 'Median |error|', 'Geo. mean ratio', 'Min ratio', 'Max ratio', 'Outside ×2'],
    fit: [{ wraps: 'text' }, {}, {}, { drops: 3 }, { drops: 1 }, { drops: 2 }, {}],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: [
      statsRow('in sample (the shipped fit)', v.inSample),
      statsRow('held out: leave one out', v.leaveOneOut),
      statsRow('held out: leave one source out', v.leaveOneSourceOut),
    ],
    sentences: [
      `Target on held-out data (leave one out): median |error| ≤ 25 % ${met(v.target.medianMet)} (${pct(l.medianAbsError)}); every point within ×2 ${met(v.target.factor2Met)} (${l.outsideFactor2} of ${l.points} outside).`,
      `Worst held out: ${worst.join('; ')}.`,
    ],
  };
}
