/**
 * A camera profile: what one camera of a group sends, as the report names it,
 * with its two figures (model/rate-figures.ts): the peak links are checked
 * against and the average storage holds, each with its states over the day,
 * and an estimate's ranges. Apart from fleet.ts, which makes profiles from
 * presets, rates and estimates and holds the fleet tree.
 */
import type { CalibrationUsed } from './calibration.js';
import type { Preset } from './catalog.js';
import type { States } from '../sizing/time.js';
import { constantStates, mapStates, type RateBasis, type TwoFigures, twoFigures } from './rate-figures.js';

export interface Profile {
  /** Identity for grouping across the fleet: the preset id, or `custom:<label>@<b/s>`. */
  readonly key: string;
  readonly kind: 'preset' | 'custom' | 'estimate' | 'measured';
  /** What the report calls it: the preset id, or the user's label ("custom" by default). */
  readonly name: string;
  readonly description: string;
  /**
   * Per-camera bit rate by day, b/s: the peak figure (what links and recorder ingest
   * are checked against), which is the one rate when the source gave one.
   */
  readonly bitsPerSecond: bigint;
  readonly preset?: Preset;
  /** Night and event states of the peak figure, when the rate changes over the day. */
  readonly states?: States;
  /** The average figure (what storage holds) when it is not the peak: its day rate and states (./rate-figures.ts). */
  readonly average?: AverageFigure;
  /** Which figures the source gave; undefined: one rate, used for both (sized as camsize always did). */
  readonly basis?: ProfileBasis;
  /** An estimate's two figures with their ranges, and which point of each range the figures are. */
  readonly range?: EstimateRange;
  /** A preset found by a former id (catalogProfile): the id written, for a deprecation note. */
  readonly renamedFrom?: string;
  /** A measured profile (--use-measured): the design profile its measured rate stands in for. */
  readonly design?: Profile;
  /** An estimate scaled by a site calibration (`camsize measure --fit`): how far to trust it. */
  readonly calibration?: CalibrationUsed;
}

/**
 * Which figures a profile's source gave (RateBasis but one rate), or
 * `measured`: a measured average (--use-measured) whose peak keeps its
 * design's shape, measured average × the design's peak ÷ average
 * (model/fleet.ts, measuredProfile).
 */
export type ProfileBasis = Exclude<RateBasis, 'rate'> | 'measured';

export interface AverageFigure {
  /** By day, b/s. */
  readonly bitsPerSecond: bigint;
  readonly states?: States;
}

/** Which point of an estimate's range a figure is (--estimate-at). */
export type EstimateAt = 'low' | 'mid' | 'high';

/** One figure of an estimate per camera by day, b/s: the centre and the ends of its range. */
export interface RangeBps {
  readonly low: bigint;
  readonly mid: bigint;
  readonly high: bigint;
}

export interface EstimateRange {
  /** The share of independent figures the range held (0.8: 80 %). */
  readonly coverage: number;
  readonly peak: RangeBps;
  readonly average: RangeBps;
  /** The point of each range the profile's figures are: links at the peak's high end, storage at the average's centre by default. */
  readonly peakAt: EstimateAt;
  readonly averageAt: EstimateAt;
}

/** The peak figure's states over the day (constant when the profile has none). */
export function peakStates(profile: Profile): States {
  return profile.states ?? constantStates(profile.bitsPerSecond);
}

/** The average figure's states over the day: the peak's when the profile gives one rate. */
export function averageStates(profile: Profile): States {
  const a = profile.average;
  if (!a) return peakStates(profile);
  return a.states ?? constantStates(a.bitsPerSecond);
}

/** Whether the profile's two figures differ (its average is not its peak). */
export const hasTwoFigures = (profile: Profile): boolean => profile.average !== undefined;

/** The profile with these figures: the peak's day rate and states, and the average when it differs. */
export function withFigures<P extends Omit<Profile, 'bitsPerSecond' | 'states' | 'average' | 'basis'>>(
  base: P,
  figures: Omit<TwoFigures, 'basis'> & { readonly basis: RateBasis | 'measured' },
): Profile {
  const { peak, average } = figures;
  const same = average.day === peak.day && average.night === peak.night && sameEvent(average, peak);
  const stated = (s: States) => s.night !== s.day || s.event !== undefined;
  return {
    ...base,
    bitsPerSecond: peak.day,
    ...(stated(peak) ? { states: peak } : {}),
    ...(same ? {} : { average: { bitsPerSecond: average.day, ...(stated(average) ? { states: average } : {}) } }),
    ...(figures.basis === 'rate' ? {} : { basis: figures.basis }),
  };
}

function sameEvent(a: States, b: States): boolean {
  const x = a.event;
  const y = b.event;
  if (!x || !y) return x === y;
  return x.bitsPerSecond === y.bitsPerSecond && x.nightBitsPerSecond === y.nightBitsPerSecond && x.duty === y.duty;
}

/** The day rate of the figure a profile gives (its basis's: the average when it gives or measured the average; else the peak). */
export function givenDay(profile: Profile): bigint {
  const average = profile.basis === 'average' || profile.basis === 'measured';
  return average && profile.average ? profile.average.bitsPerSecond : profile.bitsPerSecond;
}

/**
 * The same profile with night and event states from a fleet file (a distinct
 * profile in the report). The states are of the figure the profile gives
 * (givenDay); the other figure's follow by the same ratio. Where the profile
 * has two figures of its own (both given, or an estimate), the states are
 * the peak's and the average's follow by the ratio of its day rates.
 */
export function withStates(profile: Profile, states: States): Profile {
  const e = states.event;
  const event = e ? `,e${e.bitsPerSecond}/${e.nightBitsPerSecond ?? e.bitsPerSecond}@${e.duty.num}/${e.duty.den}` : '';
  const { bitsPerSecond: _day, states: _states, average, basis, ...base } = profile;
  const keyed = { ...base, key: `${profile.key}|n${states.night}${event}` };
  if (basis === undefined && !average) return { ...keyed, bitsPerSecond: states.day, states };
  if (basis === 'peak' || basis === 'average') return withFigures(keyed, twoFigures(basis, states));
  const avgDay = average?.bitsPerSecond ?? profile.bitsPerSecond;
  const scaled = mapStates(states, (bps) => (bps * avgDay + profile.bitsPerSecond - 1n) / profile.bitsPerSecond);
  return withFigures(keyed, { ...twoFigures('both', states, scaled), basis: basis ?? 'both' });
}

/** Which points of an estimate's ranges a fleet's estimated groups take: links at the peak's high end, storage at the average's centre. */
export const DEFAULT_ESTIMATE_AT: { readonly peak: EstimateAt; readonly average: EstimateAt } = { peak: 'high', average: 'mid' };

/** --estimate-at low|mid|high: both figures at that point of their ranges (undefined: DEFAULT_ESTIMATE_AT). */
export type EstimateAtSetting = EstimateAt | undefined;
export function estimateAtPoints(setting: EstimateAtSetting): { readonly peak: EstimateAt; readonly average: EstimateAt } {
  return setting === undefined ? DEFAULT_ESTIMATE_AT : { peak: setting, average: setting };
}

/**
 * An estimated profile at another point of its ranges: each state of its
 * peak scaled by the peak's range from the point used to `point`, each state
 * of its average by the average's, rounded up to a whole b/s (the profile
 * itself at the point used; any other profile as it is). What the estimated
 * part's ends are (sizing/estimated-part.ts): the fleet as --estimate-at
 * `point` would size it, its nights, events and overhead kept.
 */
export function profileAtPoint(profile: Profile, point: EstimateAt): Profile {
  const range = profile.range;
  if (!range || (point === range.peakAt && point === range.averageAt)) return profile;
  const scale = (r: RangeBps, at: EstimateAt) => (bps: bigint) => (r[at] === 0n ? bps : (bps * r[point] + r[at] - 1n) / r[at]);
  const peak = mapStates(peakStates(profile), scale(range.peak, range.peakAt));
  const average = mapStates(averageStates(profile), scale(range.average, range.averageAt));
  const { bitsPerSecond: _day, states: _states, average: _average, basis, ...base } = profile;
  return withFigures(base, { basis: basis ?? 'both', peak, average });
}
