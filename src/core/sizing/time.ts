/**
 * Bandwidth over a day. A camera profile can have up to three states: day
 * (its rate), night (IR on or unlit; default: the day rate) and event bursts
 * (a rate and the share of the time they take). A schedule says which hours
 * are night. An event rate given as a multiple ("x2") is relative to the state
 * the camera is in: twice the day rate by day, twice the night rate at night.
 * Every camera of a fleet shares the schedule, so night states add
 * up (dusk comes to every outdoor camera in a time zone at once); events are
 * taken to coincide in the worst case (the peak), and to spread out evenly in
 * the average.
 *
 * Hourly means are exact integers in units of 1/HOURLY_SCALE b/s.
 */
import { readNumber } from '../numbers/number-text.js';
import { parsePercent, type Ratio } from '../numbers/percent.js';
import { InputError } from '../diagnostics/errors.js';
import { parseRate } from '../numbers/rate.js';

export interface Schedule {
  /** Hour of the day night starts, 0–23. */
  readonly nightStart: number;
  /** Hours of night, 0–24. */
  readonly nightHours: number;
}

export const DEFAULT_SCHEDULE: Schedule = { nightStart: 18, nightHours: 12 };
export const HOURS = 24;
/** Event duties have at most four decimals of a percent: their denominators divide this. */
export const HOURLY_SCALE = 10n ** 6n;

export function parseSchedule(
  nightStart: number | string | undefined,
  nightHours: number | string | undefined,
  base: Schedule = DEFAULT_SCHEDULE,
): Schedule {
  const start =
    nightStart === undefined
      ? base.nightStart
      : readNumber(nightStart, { what: 'night start', min: 0, max: 23, integer: true, range: 'a whole hour from 0 to 23' });
  const hours =
    nightHours === undefined
      ? base.nightHours
      : readNumber(nightHours, {
          what: 'night hours',
          min: 0,
          max: Number.MAX_SAFE_INTEGER,
          integer: true,
          range: 'a whole number of hours from 0 to 24',
        });
  if (hours > HOURS) throw new InputError(`night hours ${hours} add up to more than the 24 hours of a day`);
  return { nightStart: start, nightHours: hours };
}

export function isNight(schedule: Schedule, hour: number): boolean {
  return (hour - schedule.nightStart + HOURS) % HOURS < schedule.nightHours;
}

/** "24Mb/s", or "x1.5" / "×1.5" / 1.5 (times the day rate). */
export function parseStateRate(value: string | number, dayBitsPerSecond: bigint, what: string): bigint {
  const multiplier = typeof value === 'number' ? String(value) : /^\s*[x×*]\s*(\d+(\.\d+)?)\s*$/i.exec(value)?.[1];
  if (multiplier !== undefined) {
    const ratio = parsePercent(multiplier, what); // ratio.num/ratio.den is value/100
    return (dayBitsPerSecond * ratio.num * 100n + ratio.den - 1n) / ratio.den; // rounded up to a whole bit
  }
  return parseRate(value as string);
}

/** An event duty in percent of the time: more than 0, at most 100, at most four decimals. */
export function parseDuty(value: string | number): Ratio {
  const duty = parsePercent(value, 'event duty');
  if (duty.num === 0n || duty.num > duty.den) throw new InputError(`event duty '${value}' must be more than 0 % and at most 100 %`);
  if (HOURLY_SCALE % duty.den !== 0n) throw new InputError(`event duty '${value}': at most four decimals, please`);
  return duty;
}

export interface EventState {
  /** The event rate by day, b/s. */
  readonly bitsPerSecond: bigint;
  /** The event rate at night, b/s, when it differs (a multiple of a different night rate). */
  readonly nightBitsPerSecond?: bigint;
  readonly duty: Ratio;
}

export interface States {
  readonly day: bigint;
  readonly night: bigint;
  readonly event?: EventState;
}

/** The event rate in the day or the night state, b/s. */
export function eventRate(event: EventState, night: boolean): bigint {
  return night ? (event.nightBitsPerSecond ?? event.bitsPerSecond) : event.bitsPerSecond;
}

/** Whether a camera's rate changes over the day at all. */
export function varies(states: States): boolean {
  return states.night !== states.day || states.event !== undefined;
}

/**
 * One camera's mean rate in each hour, in 1/HOURLY_SCALE b/s, and its peak
 * rate in each hour, b/s. With two figures (model/rate-figures.ts) the mean
 * is the average figure's and the peak the peak figure's; one set of states
 * is both, as before.
 */
export function hourly(states: States, schedule: Schedule, average: States = states): { mean: bigint[]; peak: bigint[] } {
  const mean: bigint[] = [];
  const peak: bigint[] = [];
  for (let h = 0; h < HOURS; h++) {
    const night = isNight(schedule, h);
    mean.push(hourMean(average, night));
    const base = night ? states.night : states.day;
    const burst = states.event ? eventRate(states.event, night) : base;
    peak.push(burst > base ? burst : base);
  }
  return { mean, peak };
}

/** A camera's mean rate in an hour by day or at night, events at their duty, in 1/HOURLY_SCALE b/s. */
function hourMean(states: States, night: boolean): bigint {
  const base = night ? states.night : states.day;
  const e = states.event;
  if (!e) return base * HOURLY_SCALE;
  const { num, den } = e.duty;
  return ((base * (den - num) + eventRate(e, night) * num) * HOURLY_SCALE) / den;
}

/** A camera's daily average, in 1/HOURLY_SCALE b/s summed over the 24 hours (DAY_SCALE per b/s). */
export function dailySum(states: States, schedule: Schedule): bigint {
  let total = 0n;
  for (let h = 0; h < HOURS; h++) total += hourMean(states, isNight(schedule, h));
  return total;
}

/** A camera's states with each rate as sent on the wire. */
export function onTheWire(states: States, wire: (bps: bigint) => bigint): States {
  const e = states.event;
  const night = e?.nightBitsPerSecond;
  return {
    day: wire(states.day),
    night: wire(states.night),
    ...(e
      ? {
          event: {
            bitsPerSecond: wire(e.bitsPerSecond),
            ...(night === undefined ? {} : { nightBitsPerSecond: wire(night) }),
            duty: e.duty,
          },
        }
      : {}),
  };
}

/** A constant rate expressed like a sum of 24 hourly means (1/HOURLY_SCALE b/s each). */
export const DAY_SCALE = BigInt(HOURS) * HOURLY_SCALE;

/** The sum of exact values (hourly sums, b/s). */
export function sum(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
