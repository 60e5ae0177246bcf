/**
 * A camera's two figures. The peak (a cap, a CBR rate, a stated peak) is what
 * links and recorder ingest are checked against; the average (what a VBR
 * camera sends over a day) is what storage and retention use. A source that
 * gives one figure says which it is (its basis), and the other follows from
 * AVERAGE_TO_PEAK; a source that gives one rate without saying (a bit rate, a
 * report preset) is used for both, as camsize always did: a CBR camera, or
 * sizing as before. Each figure has its own states over the day (./time.ts):
 * a night or event rate is of the figure the profile gives, and the other
 * figure's follows by the same ratio.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Ratio } from '../numbers/percent.js';
import type { EventState, States } from '../sizing/time.js';

/** Which figures the source gave: `rate` is one rate for both (as before), `both` two, `peak`/`average` one. */
export type RateBasis = 'rate' | 'peak' | 'average' | 'both';

/**
 * A VBR camera's average over a day ÷ its peak: the estimate model's fitted
 * ratio of average-like to cap-like public figures (src/core/estimate/model.ts,
 * SHIPPED_MODEL.averageToPeak, which a test holds equal), beside the paired
 * readings it agrees with (docs/time-and-storage.md, "Peak and average").
 */
export const AVERAGE_TO_PEAK: Ratio = { num: 81n, den: 100n };

const ceilMul = (bps: bigint, num: bigint, den: bigint) => (bps * num + den - 1n) / den;

/** The average of a peak, b/s, rounded up (storage: the safe side). */
export const averageOfPeak = (peak: bigint, ratio: Ratio = AVERAGE_TO_PEAK) => ceilMul(peak, ratio.num, ratio.den);
/** The peak of an average, b/s, rounded up (links: the safe side). */
export const peakOfAverage = (average: bigint, ratio: Ratio = AVERAGE_TO_PEAK) => ceilMul(average, ratio.den, ratio.num);

/** Every rate of `states` through `rate` (night and event rates included). */
export function mapStates(states: States, rate: (bps: bigint) => bigint): States {
  const e = states.event;
  const eventNight = e?.nightBitsPerSecond;
  const event: EventState | undefined = e && {
    bitsPerSecond: rate(e.bitsPerSecond),
    ...(eventNight === undefined ? {} : { nightBitsPerSecond: rate(eventNight) }),
    duty: e.duty,
  };
  return { day: rate(states.day), night: rate(states.night), ...(event ? { event } : {}) };
}

export const constantStates = (bps: bigint): States => ({ day: bps, night: bps });

/** The two figures' states from what a source gave (the figure its basis names, or both). */
export interface TwoFigures {
  readonly basis: RateBasis;
  readonly peak: States;
  readonly average: States;
}

export function twoFigures(basis: RateBasis, given: States, other?: States): TwoFigures {
  switch (basis) {
    case 'rate':
      return { basis, peak: given, average: given };
    case 'peak':
      return { basis, peak: given, average: mapStates(given, (bps) => averageOfPeak(bps)) };
    case 'average':
      return { basis, peak: mapStates(given, (bps) => peakOfAverage(bps)), average: given };
    case 'both':
      if (!other) throw new Error('both figures need the average too');
      if (other.day > given.day)
        throw new InputError('the average is above the peak: give the peak (links) at least as high as the average (storage)');
      return { basis, peak: given, average: other };
  }
}

/** "peak given, average = peak × 0.81" and the like: how a profile got its figures, in words. */
export function basisText(basis: RateBasis): string {
  const r = `${Number(AVERAGE_TO_PEAK.num) / Number(AVERAGE_TO_PEAK.den)}`;
  switch (basis) {
    case 'rate':
      return 'one rate, for links and storage';
    case 'peak':
      return `peak given; average = peak × ${r}`;
    case 'average':
      return `average given; peak = average ÷ ${r}`;
    case 'both':
      return 'peak and average given';
  }
}
