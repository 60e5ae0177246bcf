/**
 * Fitting the estimate model (./model.ts) to public figures, and its error on
 * figures it was not fitted to. The model is linear in log space:
 *
 *   ln(b/s ÷ (pixels × 15 × codec × scene × quality)) = ln base + e_fps·ln(fps/15)
 *                                                      − e_res·ln(pixels/1080p) + ln r·[an average]
 *
 * so weighted least squares on the logs fits base, both exponents and the
 * average-to-peak ratio r; each source group weighs the same (each point
 * 1 ÷ its group's points). Held out: leave one source group out. The procedure
 * was fixed before the first run: presets/validation/README.md. Form v2
 * (README, Procedure v2) adds two more indicator terms: + ln c·[a calculator's
 * table] + ln s·[a stream its source labels secondary]; it was evaluated
 * against v1 and not adopted. Form v3 (README, Procedure v3) is v1 with only
 * the secondary-stream term (scripts/estimate-forms.mjs prints the comparisons).
 */
import { own } from '../model/own.js';
import {
  type ModelForm,
  type ModelParams,
  PIXELS_1080P,
  REFERENCE_FPS,
  CODEC_FACTORS,
  QUALITY_FACTORS,
  SCENE_FACTORS,
  modelBitsPerSecond,
} from './model.js';
import { figureOf, type ValidationPoint } from './validation.js';

/** Which indicator terms a fit has: each only when its points have both values (else it is the intercept again). */
interface Terms {
  readonly ratio: boolean;
  readonly calculator: boolean;
  readonly sub: boolean;
}

function termsOf(points: readonly ValidationPoint[], form: ModelForm): Terms {
  const split = (test: (p: ValidationPoint) => boolean) => points.some(test) && points.some((p) => !test(p));
  return {
    ratio: split((p) => figureOf(p.kind) === 'average'),
    calculator: form === 'v2' && split((p) => p.kind === 'calculator'),
    sub: (form === 'v2' || form === 'v3') && split((p) => p.stream === 'sub'),
  };
}

function design(p: ValidationPoint, terms: Terms): { x: number[]; y: number } {
  const pixels = p.width * p.height;
  const known = pixels * REFERENCE_FPS * own(CODEC_FACTORS, p.codec)! * own(SCENE_FACTORS, p.scene)! * own(QUALITY_FACTORS, p.quality)!;
  const x = [1, Math.log(p.fps / REFERENCE_FPS), -Math.log(pixels / PIXELS_1080P)];
  if (terms.ratio) x.push(figureOf(p.kind) === 'average' ? 1 : 0);
  if (terms.calculator) x.push(p.kind === 'calculator' ? 1 : 0);
  if (terms.sub) x.push(p.stream === 'sub' ? 1 : 0);
  return { x, y: Math.log(p.bitsPerSecond / known) };
}

/** Solves A·s = b by Gauss-Jordan elimination with partial pivoting (A is small and symmetric). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    if (Math.abs(m[c]![c]!) < 1e-12) throw new Error('the fit is underdetermined: too few distinct points');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Each point's weight: 1 ÷ the number of points of its group, so that every group counts once. */
export function groupWeights(points: readonly ValidationPoint[]): number[] {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.group, (counts.get(p.group) ?? 0) + 1);
  return points.map((p) => 1 / counts.get(p.group)!);
}

/**
 * Weighted least squares in log space. Without any average-like figure nothing
 * tells the two figures apart, and the average is taken to be the peak (r = 1);
 * likewise a v2 term without points on both sides is 1.
 */
export function fitModel(points: readonly ValidationPoint[], form: ModelForm = 'v1'): ModelParams {
  const terms = termsOf(points, form);
  const k = 3 + [terms.ratio, terms.calculator, terms.sub].filter(Boolean).length;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  const weights = groupWeights(points);
  points.forEach((p, n) => {
    const { x, y } = design(p, terms);
    const w = weights[n]!;
    for (let i = 0; i < k; i++) {
      atb[i]! += w * x[i]! * y;
      for (let j = 0; j < k; j++) ata[i]![j]! += w * x[i]! * x[j]!;
    }
  });
  const s = solve(ata, atb);
  let next = 3;
  const term = (on: boolean) => (on ? Math.exp(s[next++]!) : 1);
  const averageToPeak = term(terms.ratio);
  const params: ModelParams = { base: Math.exp(s[0]!), fpsExponent: s[1]!, resolutionExponent: s[2]!, averageToPeak };
  if (form === 'v1') return params;
  if (form === 'v3') return { ...params, subStream: term(terms.sub) };
  const calculatorLevel = term(terms.calculator);
  return { ...params, calculatorLevel, subStream: term(terms.sub) };
}

/**
 * The model's estimate of a point as the figure its kind is (peak or average),
 * with v2's level of a calculator's table and of a secondary stream when the
 * parameters have them.
 */
export const estimateOf = (params: ModelParams, p: ValidationPoint): number =>
  modelBitsPerSecond(params, p, figureOf(p.kind)) * (p.kind === 'calculator' ? (params.calculatorLevel ?? 1) : 1);

export interface ErrorStats {
  readonly points: number;
  /** Median of |estimate ÷ figure − 1|. */
  readonly medianAbsError: number;
  /** Geometric mean of estimate ÷ figure (above 1: the model overestimates). */
  readonly geometricMeanRatio: number;
  readonly minRatio: number;
  readonly maxRatio: number;
  /** Points whose ratio is above 2 or below 0.5. */
  readonly outsideFactor2: number;
}

export function errorStats(ratios: readonly number[]): ErrorStats {
  const abs = ratios.map((r) => Math.abs(r - 1)).sort((a, b) => a - b);
  const mid = abs.length >> 1;
  const median = abs.length % 2 === 1 ? abs[mid]! : (abs[mid - 1]! + abs[mid]!) / 2;
  return {
    points: ratios.length,
    medianAbsError: median,
    geometricMeanRatio: Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    outsideFactor2: ratios.filter((r) => r > 2 || r < 0.5).length,
  };
}

/** Each point's estimate (as its kind's figure) by the model fitted without its whole group: leave one source out. */
export function leaveOneSourceOut(points: readonly ValidationPoint[], form: ModelForm = 'v1'): number[] {
  const fits = new Map<string, ModelParams>();
  return points.map((p) => {
    let fit = fits.get(p.group);
    if (!fit)
      fits.set(
        p.group,
        (fit = fitModel(
          points.filter((q) => q.group !== p.group),
          form,
        )),
      );
    return estimateOf(fit, p);
  });
}

/**
 * A weighted percentile (0 < q < 1): values sorted, each placed at the middle
 * of its cumulative weight, linear in between, the ends held beyond them.
 */
export function weightedPercentile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((v, i) => ({ v, w: weights[i]! })).sort((a, b) => a.v - b.v);
  const total = order.reduce((s, o) => s + o.w, 0);
  let before = 0;
  const at = order.map((o) => {
    const mid = (before + o.w / 2) / total;
    before += o.w;
    return mid;
  });
  if (q <= at[0]!) return order[0]!.v;
  for (let i = 1; i < order.length; i++)
    if (q <= at[i]!) {
      const t = (q - at[i - 1]!) / (at[i]! - at[i - 1]!);
      return order[i - 1]!.v + t * (order[i]!.v - order[i - 1]!.v);
    }
  return order[order.length - 1]!.v;
}

/** The range factors at `coverage` from figure ÷ held-out estimate ratios (percentiles in log space, each group weighing the same). */
export function rangeFrom(
  residuals: readonly number[],
  points: readonly ValidationPoint[],
  coverage: number,
): { low: number; high: number } {
  const weights = groupWeights(points);
  const logs = residuals.map(Math.log);
  const tail = (1 - coverage) / 2;
  return { low: Math.exp(weightedPercentile(logs, weights, tail)), high: Math.exp(weightedPercentile(logs, weights, 1 - tail)) };
}
