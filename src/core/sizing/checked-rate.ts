/**
 * One camera's rate as a capacity check sees it, on the wire: its peak
 * figure, the highest state in any hour (events coinciding), or, with
 * --check-on average, its average figure's daily average. A profile that
 * gives one constant rate is that rate either way, as before. Headroom in
 * cameras and "how many fit?" count in this rate, so that they agree with
 * the check they belong to.
 */
import { averageStates, type Profile, peakStates } from '../model/fleet.js';
import { ceilDiv } from '../numbers/decimal.js';
import { type Overhead, wireRate } from './overhead.js';
import { DAY_SCALE, dailySum, hourly, onTheWire, type Schedule, varies } from './time.js';

export function checkedRate(profile: Profile, overhead: Overhead, schedule: Schedule, checkOn: 'peak' | 'average'): bigint {
  const wire = (bps: bigint) => wireRate(bps, overhead);
  if (checkOn === 'average') {
    const average = averageStates(profile);
    if (!varies(average)) return wire(average.day);
    return ceilDiv(dailySum(onTheWire(average, wire), schedule), DAY_SCALE);
  }
  const peak = peakStates(profile);
  if (!varies(peak)) return wire(peak.day);
  return hourly(onTheWire(peak, wire), schedule).peak.reduce((max, p) => (p > max ? p : max), 0n);
}
