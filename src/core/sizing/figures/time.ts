/**
 * Load over the day, when some camera's rate varies (night, events): exact
 * hourly sums of the recorded streams' wire rates (means in 1/HOURLY_SCALE
 * b/s, peaks in b/s) per link direction and per recorder, then the daily
 * average, the busiest hour and the peak. Viewing is constant over the day
 * and added to every hour.
 */
import type { SegmentTime } from '../../model/report.js';
import { ceilDiv } from '../../numbers/decimal.js';
import type { FlowFigure } from '../flows/directional.js';
import { recordedStates } from '../flows/streams.js';
import { DAY_SCALE, HOURLY_SCALE, HOURS, hourly, type Schedule, sum } from '../time.js';

export interface Hours {
  mean: bigint[];
  peak: bigint[];
}

export const timeFigure: FlowFigure<Hours> = {
  init: () => ({ mean: new Array<bigint>(HOURS).fill(0n), peak: new Array<bigint>(HOURS).fill(0n) }),
  addGroup(state, group, node, count) {
    const figures = recordedStates(group, node);
    if (!figures) return;
    const h = hourly(figures.peak, node.schedule, figures.average);
    for (let i = 0; i < HOURS; i++) {
      state.mean[i]! += count * h.mean[i]!;
      state.peak[i]! += count * h.peak[i]!;
    }
  },
  addState(into, from, sign) {
    const s = BigInt(sign);
    for (let i = 0; i < HOURS; i++) {
      into.mean[i]! += s * from.mean[i]!;
      into.peak[i]! += s * from.peak[i]!;
    }
  },
};

/** Both directions' hours added together (a half-duplex link, or the whole load on a link). */
export function bothWays(up: Hours, down: Hours | undefined): Hours {
  if (!down) return up;
  return { mean: up.mean.map((m, i) => m + down.mean[i]!), peak: up.peak.map((p, i) => p + down.peak[i]!) };
}

/** Daily average (rounded up), busiest hour, peak and its hour, from hourly sums; viewing is constant. */
export function timeStats(hours: Hours, viewing: bigint, schedule: Schedule): SegmentTime {
  const { mean: hourMean, peak: hourPeak } = hours;
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
    hourlyAverageBitsPerSecond: eachHour(hourMean, (m) => ceilDiv(m, HOURLY_SCALE) + viewing),
    hourlyPeakBitsPerSecond: eachHour(hourPeak, (p) => p + viewing),
    schedule,
  };
}

/** f of each hour's value; an hour with the previous hour's value takes its result (most hours repeat: day, night). */
function eachHour(values: readonly bigint[], f: (value: bigint) => bigint): bigint[] {
  const out: bigint[] = [];
  let last: bigint | undefined;
  let result = 0n;
  for (const value of values) {
    if (value !== last) {
      result = f(value);
      last = value;
    }
    out.push(result);
  }
  return out;
}
