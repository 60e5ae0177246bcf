/**
 * The estimated part of a fleet's totals: its camera groups given by
 * resolution, frame rate and codec, at the centre and the ends of their
 * estimates' ranges (model/fleet.ts, EstimateRange). Sizing uses one point of
 * each range (links the peak's high end, storage the average's centre, unless
 * --estimate-at says otherwise); this says what the other points would give:
 * each camera's figures scaled from the point used to the other points, its
 * states over the day and its overhead kept.
 */
import type { EstimateAt, Profile, RangeBps } from '../model/fleet.js';
import type { EstimatedPart, RangeTotal } from '../model/report.js';
import { checkedRate } from './checked-rate.js';
import { storageBytes } from './storage.js';
import type { SegmentNode } from './walk.js';

const POINTS: readonly EstimateAt[] = ['low', 'mid', 'high'];

/** `used` (a per-camera rate or a sum at the range's `at` point) at each point of the range, rounded up. */
function scaled(used: bigint, range: RangeBps, at: EstimateAt): RangeTotal {
  const base = range[at];
  const at3 = (x: EstimateAt) => (base === 0n ? 0n : (used * range[x] + base - 1n) / base);
  return { low: at3('low'), mid: at3('mid'), high: at3('high') };
}

function add(into: { low: bigint; mid: bigint; high: bigint }, v: RangeTotal, times = 1n): void {
  for (const p of POINTS) into[p] += v[p] * times;
}

/** The estimated part, or undefined when no group is estimated; `storage`: the estimated groups' storage sum at the point used (1/SCALE bit). */
export function estimatedPart(nodes: readonly SegmentNode[], storage: bigint | undefined): EstimatedPart | undefined {
  let cameras = 0n;
  let first: Profile | undefined;
  const peak = { low: 0n, mid: 0n, high: 0n };
  const average = { low: 0n, mid: 0n, high: 0n };
  for (const node of nodes)
    for (const { profile, count } of node.segment.groups) {
      const range = profile.range;
      if (!range || count === 0n) continue;
      first ??= profile;
      cameras += count;
      add(peak, scaled(checkedRate(profile, node.overhead, node.schedule, 'peak'), range.peak, range.peakAt), count);
      add(average, scaled(checkedRate(profile, node.overhead, node.schedule, 'average'), range.average, range.averageAt), count);
    }
  if (!first?.range) return undefined;
  const { coverage, peakAt, averageAt } = first.range;
  const stored = storage === undefined ? undefined : scaled(storage, first.range.average, averageAt);
  return {
    cameras,
    coverage,
    peakAt,
    averageAt,
    peak,
    average,
    ...(stored ? { storage: { low: storageBytes(stored.low), mid: storageBytes(stored.mid), high: storageBytes(stored.high) } } : {}),
  };
}
