/**
 * Links sized for you: the smallest speed of a list (the standard Ethernet
 * speeds by default) that carries a load under the ceiling, as the capacity
 * check counts it: load ≤ floor(speed × ceiling). A "link": "auto" segment
 * gets it; --suggest-links shows it beside every link.
 */
import { InputError } from '../diagnostics/errors.js';
import { applyFloor, type Ratio } from '../numbers/percent.js';
import { parseRate } from '../numbers/rate.js';

const G = 10n ** 9n;

/** 100 Mb/s, 1, 2.5, 10, 25, 40 and 100 Gb/s: the Ethernet speeds of IEEE 802.3 (Fast, Gigabit, 2.5GBASE-T, 10G, 25G, 40G, 100G). */
export const STANDARD_SPEEDS: readonly bigint[] = [100n * 10n ** 6n, G, (5n * G) / 2n, 10n * G, 25n * G, 40n * G, 100n * G];

/** "1Gb/s,10Gb/s,100Gb/s" or a list of rates → ascending, distinct, each more than 0. */
export function parseLinkSpeeds(value: string | readonly string[]): bigint[] {
  const texts = typeof value === 'string' ? value.split(',') : value;
  const speeds = texts.map((text) => {
    const bps = parseRate(text);
    if (bps === 0n) throw new InputError('a link speed must be more than 0 b/s');
    return bps;
  });
  if (speeds.length === 0) throw new InputError('give at least one link speed, e.g. "1Gb/s,10Gb/s"');
  return [...new Set(speeds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The smallest speed whose usable share holds `load`; undefined when even the largest does not. */
export function smallestSpeed(loadBitsPerSecond: bigint, ceiling: Ratio, speeds: readonly bigint[]): bigint | undefined {
  return speeds.find((speed) => loadBitsPerSecond <= applyFloor(speed, ceiling));
}
