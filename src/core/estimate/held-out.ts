/**
 * How far to trust the estimate, measured on data the fit did not see
 * (presets/validation/README.md fixed this procedure before the first run):
 *
 * - leave one source out: each point estimated, as its kind's figure, by the
 *   model fitted without its whole group; error = estimate ÷ figure;
 * - the 80 % range of each figure: percentiles of figure ÷ held-out estimate
 *   over the points of that figure (what `estimate` ships);
 * - how often that range holds, per kind: for a point of group g the range is
 *   made from the other groups' held-out ratios, each from a fit without g and
 *   that group (leave two out), so the range never saw g.
 */
import { type ErrorStats, errorStats, estimateOf, fitModel, leaveOneSourceOut, rangeFrom } from './fit.js';
import { type FigureRange, type ModelForm, type ModelParams, RANGE_COVERAGE } from './model.js';
import { FIGURE_KINDS, type FigureKind, figureOf, type RateFigure, type ValidationPoint } from './validation.js';

export interface KindHeldOut {
  readonly kind: FigureKind;
  readonly figure: RateFigure;
  readonly groups: number;
  readonly stats: ErrorStats;
  /** Share of the kind's points inside their leave-two-out range. */
  readonly coverage: number;
}

export interface HeldOut {
  /** The fit to every point, unrounded (SHIPPED_MODEL is it rounded). */
  readonly fitted: ModelParams;
  /** Each point's leave-one-source-out estimate, b/s, as its kind's figure. */
  readonly estimates: readonly number[];
  /** estimate ÷ figure, held out. */
  readonly ratios: readonly number[];
  /** Whether each point's figure lies in the range made without its group. */
  readonly covered: readonly boolean[];
  /** The range of each figure from every held-out ratio of that figure (SHIPPED_RANGES is it rounded). */
  readonly ranges: Readonly<Record<RateFigure, FigureRange>>;
  readonly all: ErrorStats & { readonly coverage: number };
  readonly perKind: readonly KindHeldOut[];
}

const FIGURES: readonly RateFigure[] = ['peak', 'average'];

/** The range of `figure` from the residuals (figure ÷ estimate) of the points of that figure. */
function figureRange(points: readonly ValidationPoint[], residuals: readonly number[], figure: RateFigure): FigureRange {
  const keep = points.map((p) => figureOf(p.kind) === figure);
  return rangeFrom(
    residuals.filter((_, i) => keep[i]),
    points.filter((_, i) => keep[i]),
    RANGE_COVERAGE,
  );
}

/** For each group, the ranges made from the other groups' leave-two-out residuals. */
function rangesWithout(points: readonly ValidationPoint[], form: ModelForm): Map<string, Record<RateFigure, FigureRange>> {
  const groups = [...new Set(points.map((p) => p.group))];
  const out = new Map<string, Record<RateFigure, FigureRange>>();
  for (const g of groups) {
    const rest = points.filter((p) => p.group !== g);
    const residuals = rest.map(() => Number.NaN);
    for (const h of groups) {
      if (h === g) continue;
      const fit = fitModel(
        rest.filter((p) => p.group !== h),
        form,
      );
      rest.forEach((p, i) => {
        if (p.group === h) residuals[i] = p.bitsPerSecond / estimateOf(fit, p);
      });
    }
    out.set(g, { peak: figureRange(rest, residuals, 'peak'), average: figureRange(rest, residuals, 'average') });
  }
  return out;
}

export function heldOut(points: readonly ValidationPoint[], form: ModelForm = 'v1'): HeldOut {
  const estimates = leaveOneSourceOut(points, form);
  const ratios = estimates.map((e, i) => e / points[i]!.bitsPerSecond);
  const residuals = ratios.map((r) => 1 / r);
  const without = rangesWithout(points, form);
  const covered = points.map((p, i) => {
    const range = without.get(p.group)![figureOf(p.kind)];
    return residuals[i]! >= range.low && residuals[i]! <= range.high;
  });
  const share = (keep: (i: number) => boolean) => {
    const idx = points.map((_, i) => i).filter(keep);
    return idx.filter((i) => covered[i]).length / idx.length;
  };
  const perKind = FIGURE_KINDS.filter((kind) => points.some((p) => p.kind === kind)).map((kind): KindHeldOut => {
    const of = (i: number) => points[i]!.kind === kind;
    return {
      kind,
      figure: figureOf(kind),
      groups: new Set(points.filter((p) => p.kind === kind).map((p) => p.group)).size,
      stats: errorStats(ratios.filter((_, i) => of(i))),
      coverage: share(of),
    };
  });
  const ranges = Object.fromEntries(FIGURES.map((f) => [f, figureRange(points, residuals, f)])) as Record<RateFigure, FigureRange>;
  return {
    fitted: fitModel(points, form),
    estimates,
    ratios,
    covered,
    ranges,
    all: { ...errorStats(ratios), coverage: share(() => true) },
    perKind,
  };
}
