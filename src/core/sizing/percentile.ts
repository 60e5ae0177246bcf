/**
 * Statistical sizing of many VBR cameras: a percentile of the aggregate load
 * from each camera's mean and variance, with a correlation between cameras.
 *
 *   per camera: mean μ, variance σ² over the day (its day/night/event states)
 *               and, on top, VBR fluctuation with coefficient of variation cv:
 *               E[R²] = (1 + cv²) × time-average of rate², σ² = E[R²] − μ²
 *   aggregate:  M = Σ n·μ,  V = (1 − ρ) Σ n·σ² + ρ (Σ n·σ)²
 *   percentile: M + z(p) · √V (normal approximation), never below M
 *
 * ρ = 1 (the default) treats cameras as moving together, which is the safe
 * assumption for surveillance (dusk, weather and crowds move many cameras at
 * once); ρ = 0 is the textbook independent case where √N smoothing applies.
 * This is an approximation in floating point, unlike the exact sums: it is
 * shown marked as approximate, rounded up to a whole b/s.
 */
import { readNumber } from '../numbers/number-text.js';
import { HOURS, isNight, type Schedule, type States } from './time.js';

export interface PercentileSettings {
  /** e.g. 99 for the 99th percentile; 50 < p < 100. */
  readonly percentile: number;
  /** Correlation between cameras, 0–1. */
  readonly correlation: number;
  /** VBR coefficient of variation of one camera around its mean (σ/μ), e.g. 0.5. */
  readonly vbrCv: number;
}

export function parsePercentileSettings(p: string, correlation = '1', cv = '0.5'): PercentileSettings {
  return {
    percentile: readNumber(p, {
      what: 'percentile',
      min: 50,
      max: 100,
      exclusive: true,
      range: 'more than 50 and less than 100 (e.g. 99)',
    }),
    correlation: readNumber(correlation, { what: 'correlation', min: 0, max: 1, range: 'from 0 (independent) to 1 (moving together)' }),
    vbrCv: readNumber(cv, { what: 'VBR variation', min: 0, max: 10, range: 'a ratio σ/μ from 0 to 10 (e.g. 0.5)' }),
  };
}

/** Running sums for one segment: Σ n·μ, Σ n·σ, Σ n·σ² (b/s, b/s, (b/s)²). */
export interface Moments {
  mean: number;
  sigma: number;
  variance: number;
}

/** One camera's mean and standard deviation over the day (b/s), VBR variation included. */
export function cameraMoments(states: States, schedule: Schedule, vbrCv: number): { mean: number; sigma: number } {
  const p = states.event ? Number(states.event.duty.num) / Number(states.event.duty.den) : 0;
  const event = states.event ? Number(states.event.bitsPerSecond) : 0;
  let meanSum = 0;
  let squareSum = 0;
  for (let h = 0; h < HOURS; h++) {
    const base = Number(isNight(schedule, h) ? states.night : states.day);
    meanSum += (1 - p) * base + p * event;
    squareSum += (1 - p) * base ** 2 + p * event ** 2;
  }
  const mean = meanSum / HOURS;
  const square = (squareSum / HOURS) * (1 + vbrCv ** 2);
  return { mean, sigma: Math.sqrt(Math.max(0, square - mean ** 2)) };
}

/** The percentile load of a segment, b/s, rounded up; never below the sum of means. */
export function percentileLoad(m: Moments, settings: PercentileSettings): { bitsPerSecond: bigint; mean: number; sigma: number } {
  const rho = settings.correlation;
  const variance = (1 - rho) * m.variance + rho * m.sigma ** 2;
  const sigma = Math.sqrt(Math.max(0, variance));
  const value = m.mean + inverseNormal(settings.percentile / 100) * sigma;
  return { bitsPerSecond: BigInt(Math.ceil(Math.max(value, m.mean))), mean: m.mean, sigma };
}

/** The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (k: number[], x: number) => k.reduce((acc, v) => acc * x + v, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
