/**
 * Fitting the estimate model (./model.ts) to public figures, and its error on
 * figures it was not fitted to. The model is linear in log space:
 *
 *   ln(b/s ÷ (pixels × 15 × scene × quality)) = ln base + e_fps·ln(fps/15)
 *                                               − e_res·ln(pixels/1080p) + ln codec
 *
 * so ordinary least squares on the logs fits base, both exponents and one factor
 * per codec that the points have (h264 is the reference, 1). Held-out errors:
 * leave-one-out (each point predicted by a fit to the others) and, stricter,
 * leave-one-source-out (each point predicted by a fit to the other sources).
 */
import { own } from '../model/own.js';
import { type ModelParams, PIXELS_1080P, QUALITY_FACTORS, REFERENCE_FPS, SCENE_FACTORS, modelBitsPerSecond } from './model.js';
import type { ValidationPoint } from './validation.js';

/** Codec factors for codecs the training points lack: the SOP's Table 1 ratios to H.264, independent of the validation set. */
export const SOP_CODEC_FACTORS: Readonly<Record<string, number>> = {
  h264: 1,
  'h264-smart': 0.6,
  h265: 0.5,
  'h265-smart': 0.25,
  av1: 0.35,
  mjpeg: 5,
};
/** The SOP's AV1 column is 0.7 × its H.265 column: applied to a fitted H.265 factor. */
const SOP_AV1_PER_H265 = 0.7;

function design(p: ValidationPoint, codecs: readonly string[]): { x: number[]; y: number } {
  const pixels = p.width * p.height;
  const known = pixels * REFERENCE_FPS * own(SCENE_FACTORS, p.scene)! * own(QUALITY_FACTORS, p.quality)!;
  const x = [1, Math.log(p.fps / REFERENCE_FPS), -Math.log(pixels / PIXELS_1080P), ...codecs.map((c) => (p.codec === c ? 1 : 0))];
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

/** Least-squares fit in log space; codecs without points keep the SOP's ratios (AV1: 0.7 × a fitted H.265). */
export function fitModel(points: readonly ValidationPoint[]): ModelParams {
  const codecs = Object.keys(SOP_CODEC_FACTORS).filter((c) => c !== 'h264' && points.some((p) => p.codec === c));
  const k = 3 + codecs.length;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  for (const p of points) {
    const { x, y } = design(p, codecs);
    for (let i = 0; i < k; i++) {
      atb[i]! += x[i]! * y;
      for (let j = 0; j < k; j++) ata[i]![j]! += x[i]! * x[j]!;
    }
  }
  const s = solve(ata, atb);
  const codecFactors: Record<string, number> = { ...SOP_CODEC_FACTORS };
  codecs.forEach((c, i) => {
    codecFactors[c] = Math.exp(s[3 + i]!);
  });
  if (!codecs.includes('av1') && codecs.includes('h265')) codecFactors['av1'] = SOP_AV1_PER_H265 * codecFactors['h265']!;
  return { base: Math.exp(s[0]!), fpsExponent: s[1]!, resolutionExponent: s[2]!, codecFactors };
}

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

/** Each point's estimate by a model fitted without it and every point `sameGroup` puts with it. */
export function heldOutEstimates(
  points: readonly ValidationPoint[],
  sameGroup: (a: ValidationPoint, b: ValidationPoint) => boolean,
): number[] {
  return points.map((p) => modelBitsPerSecond(fitModel(points.filter((q) => !sameGroup(p, q))), p));
}

export const leaveOneOut = (points: readonly ValidationPoint[]): number[] => heldOutEstimates(points, (a, b) => a === b);
export const leaveOneSourceOut = (points: readonly ValidationPoint[]): number[] =>
  heldOutEstimates(points, (a, b) => a.source === b.source);
