/**
 * Statistical sizing of many VBR cameras: a percentile of the aggregate load,
 * hour by hour, with a correlation between cameras. The schedule is not
 * noise: at night the load is certainly the night rate, so each hour is
 * computed on its own and the worst hour is reported.
 *
 *   per camera, hour h: mean μ_h (its state that hour; events at their duty),
 *                       VBR fluctuation around it σ_h = cv × μ_h
 *   aggregate, hour h:  M_h = Σ n·μ_h,  V_h = (1 − ρ) Σ n·σ_h² + ρ (Σ n·σ_h)²
 *   percentile:         the highest over the hours of M_h + z(p) · √V_h
 *                       (normal approximation), never below M_h, never above
 *                       Σ n·peak_h·(1 + z·cv): every camera at its highest
 *                       state that hour, with its own VBR reserve
 *
 * ρ = 1 (the default) treats cameras as moving together, which is the safe
 * assumption for surveillance (dusk, weather and crowds move many cameras at
 * once); ρ = 0 is the textbook independent case where √N smoothing applies.
 * This is an approximation in floating point, unlike the exact sums: it is
 * shown marked as approximate, rounded up to a whole b/s.
 */
import { readNumber } from '../numbers/number-text.js';
import { eventRate, HOURS, isNight, type Schedule, type States } from './time.js';

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

/** Running sums for one segment, per hour: Σ n·μ_h, Σ n·σ_h, Σ n·σ_h², Σ n·peak_h (b/s, b/s, (b/s)², b/s). */
export interface HourMoments {
  readonly mean: number[];
  readonly sigma: number[];
  readonly variance: number[];
  readonly peak: number[];
}

export function emptyMoments(): HourMoments {
  const zeros = () => new Array<number>(HOURS).fill(0);
  return { mean: zeros(), sigma: zeros(), variance: zeros(), peak: zeros() };
}

/**
 * Adds `count` cameras with these states (on the wire) to the sums: the mean
 * from the average figure's states (`average`), the highest state from the
 * peak figure's; one set of states is both, as before.
 */
export function addCameras(
  sums: HourMoments,
  states: States,
  schedule: Schedule,
  vbrCv: number,
  count: number,
  average: States = states,
): void {
  const duty = (s: States) => (s.event ? Number(s.event.duty.num) / Number(s.event.duty.den) : 0);
  const p = duty(average);
  for (let h = 0; h < HOURS; h++) {
    const night = isNight(schedule, h);
    const base = Number(night ? average.night : average.day);
    const event = average.event ? Number(eventRate(average.event, night)) : 0;
    const mean = (1 - p) * base + p * event;
    const sigma = vbrCv * mean;
    const top = Number(night ? states.night : states.day);
    const burst = states.event ? Number(eventRate(states.event, night)) : 0;
    sums.mean[h]! += count * mean;
    sums.sigma[h]! += count * sigma;
    sums.variance[h]! += count * sigma ** 2;
    sums.peak[h]! += count * (states.event && burst > top ? burst : top);
  }
}

export function addMoments(into: HourMoments, from: HourMoments): void {
  for (let h = 0; h < HOURS; h++) {
    into.mean[h]! += from.mean[h]!;
    into.sigma[h]! += from.sigma[h]!;
    into.variance[h]! += from.variance[h]!;
    into.peak[h]! += from.peak[h]!;
  }
}

/**
 * The percentile load of a segment in its worst hour, b/s rounded up, with
 * that hour's mean and σ; `constant` (viewing, b/s) is added to every hour.
 * Ties go to the earliest hour from `firstHour`, as the peak hour's do.
 */
export function percentileLoad(
  m: HourMoments,
  settings: PercentileSettings,
  constant = 0,
  firstHour = 0,
): { bitsPerSecond: bigint; mean: number; sigma: number; hour: number } {
  const rho = settings.correlation;
  const z = inverseNormal(settings.percentile / 100);
  let worst: { value: number; mean: number; sigma: number; hour: number } | undefined;
  for (let k = 0; k < HOURS; k++) {
    const h = (firstHour + k) % HOURS;
    const mean = m.mean[h]! + constant;
    const sigma = Math.sqrt(Math.max(0, (1 - rho) * m.variance[h]! + rho * m.sigma[h]! ** 2));
    const cap = m.peak[h]! * (1 + z * settings.vbrCv) + constant;
    const value = Math.min(Math.max(mean + z * sigma, mean), Math.max(cap, mean));
    if (!worst || value > worst.value) worst = { value, mean, sigma, hour: h };
  }
  return { bitsPerSecond: BigInt(Math.ceil(worst!.value)), mean: worst!.mean, sigma: worst!.sigma, hour: worst!.hour };
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
