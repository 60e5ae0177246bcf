/**
 * Load over the day, when some camera's rate varies (night, events): exact
 * hourly sums of every camera's wire rate (means in 1/HOURLY_SCALE b/s, peaks
 * in b/s), then the daily average, the busiest hour and the peak. Viewing is
 * constant over the day and added to every hour.
 */
import type { SegmentTime } from '../../model/report.js';
import { ceilDiv } from '../../numbers/decimal.js';
import { wireRate } from '../overhead.js';
import { HOURLY_SCALE, HOURS, hourly, type Schedule, type States } from '../time.js';
import type { Figure } from './figure.js';

interface Hours {
  mean: bigint[];
  peak: bigint[];
}

/** A constant rate expressed like a sum of 24 hourly means (1/HOURLY_SCALE b/s each). */
export const DAY_SCALE = BigInt(HOURS) * HOURLY_SCALE;

export const timeFigure: Figure<Hours> = {
  init: () => ({ mean: new Array<bigint>(HOURS).fill(0n), peak: new Array<bigint>(HOURS).fill(0n) }),
  addGroup(state, group, node) {
    const states = group.profile.states ?? { day: group.profile.bitsPerSecond, night: group.profile.bitsPerSecond };
    const h = hourly(
      onTheWire(states, (bps) => wireRate(bps, node.overhead)),
      node.schedule,
    );
    for (let i = 0; i < HOURS; i++) {
      state.mean[i]! += group.count * h.mean[i]!;
      state.peak[i]! += group.count * h.peak[i]!;
    }
  },
  addChild(parent, child) {
    for (let i = 0; i < HOURS; i++) {
      parent.mean[i]! += child.mean[i]!;
      parent.peak[i]! += child.peak[i]!;
    }
  },
  finish(state, node, row) {
    row.time = timeStats(state.mean, state.peak, row.viewingBitsPerSecond, node.schedule);
  },
};

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

export function sum(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** Daily average (rounded up), busiest hour, peak and its hour, from hourly sums; viewing is constant. */
function timeStats(hourMean: readonly bigint[], hourPeak: readonly bigint[], viewing: bigint, schedule: Schedule): SegmentTime {
  const firstHour = schedule.nightStart;
  // Ties go to the earliest hour counted from the start of the night: "from 19:00", not "from 00:00".
  let busiest = firstHour;
  let peakHour = firstHour;
  for (let k = 1; k < HOURS; k++) {
    const h = (firstHour + k) % HOURS;
    if (hourMean[h]! > hourMean[busiest]!) busiest = h;
    if (hourPeak[h]! > hourPeak[peakHour]!) peakHour = h;
  }
  return {
    averageBitsPerSecond: ceilDiv(sum(hourMean), DAY_SCALE) + viewing,
    busiestHour: busiest,
    busiestHourBitsPerSecond: ceilDiv(hourMean[busiest]!, HOURLY_SCALE) + viewing,
    peakBitsPerSecond: hourPeak[peakHour]! + viewing,
    peakHour,
    hourlyAverageBitsPerSecond: hourMean.map((m) => ceilDiv(m, HOURLY_SCALE) + viewing),
    hourlyPeakBitsPerSecond: hourPeak.map((p) => p + viewing),
    schedule,
  };
}
