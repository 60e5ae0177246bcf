/**
 * One camera's rate as a capacity check sees it, on the wire: its day rate
 * when the rate is constant; when it varies over the day, its peak (the
 * highest state in any hour, events coinciding) or, with --check-on average,
 * its daily average. Headroom in cameras and "how many fit?" count in this
 * rate, so that they agree with the check they belong to.
 */
import type { Profile } from '../model/fleet.js';
import { ceilDiv } from '../numbers/decimal.js';
import { type Overhead, wireRate } from './overhead.js';
import { DAY_SCALE, hourly, onTheWire, type Schedule, sum, varies } from './time.js';

export function checkedRate(profile: Profile, overhead: Overhead, schedule: Schedule, checkOn: 'peak' | 'average'): bigint {
  const states = profile.states;
  if (!states || !varies(states)) return wireRate(profile.bitsPerSecond, overhead);
  const hours = hourly(
    onTheWire(states, (bps) => wireRate(bps, overhead)),
    schedule,
  );
  if (checkOn === 'average') return ceilDiv(sum(hours.mean), DAY_SCALE);
  return hours.peak.reduce((max, p) => (p > max ? p : max), 0n);
}
