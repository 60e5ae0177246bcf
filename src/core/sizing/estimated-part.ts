/**
 * The estimated part of a fleet's totals: its camera groups given by
 * resolution, frame rate and codec, at the centre and the ends of their
 * estimates' ranges (model/fleet.ts, EstimateRange). Sizing uses one point of
 * each range (links the peak's high end, storage the average's centre, unless
 * --estimate-at says otherwise); this says what the other points would give:
 * each group as that point would size it (model/profile.ts, profileAtPoint:
 * each camera's own figures there, its states over the day and its overhead
 * kept), summed per group, never scaled as a sum.
 */
import type { EstimateAt, Profile } from '../model/fleet.js';
import { profileAtPoint } from '../model/profile.js';
import type { EstimatedPart } from '../model/report.js';
import { checkedRate } from './checked-rate.js';
import { storageBytes } from './storage.js';
import type { SegmentNode } from './walk.js';

const POINTS: readonly EstimateAt[] = ['low', 'mid', 'high'];

/**
 * The estimated part, or undefined when no group is estimated; `storage`: the
 * estimated groups' storage sums at each point (1/SCALE bit, figures/storage.ts).
 */
export function estimatedPart(
  nodes: readonly SegmentNode[],
  storage: Readonly<Record<EstimateAt, bigint>> | undefined,
): EstimatedPart | undefined {
  let cameras = 0n;
  let first: Profile | undefined;
  const peak = { low: 0n, mid: 0n, high: 0n };
  const average = { low: 0n, mid: 0n, high: 0n };
  for (const node of nodes)
    for (const { profile, count } of node.segment.groups) {
      if (!profile.range || count === 0n) continue;
      first ??= profile;
      cameras += count;
      for (const p of POINTS) {
        const at = profileAtPoint(profile, p);
        peak[p] += count * checkedRate(at, node.overhead, node.schedule, 'peak');
        average[p] += count * checkedRate(at, node.overhead, node.schedule, 'average');
      }
    }
  if (!first?.range) return undefined;
  const { coverage, peakAt, averageAt } = first.range;
  const stored = storage && { low: storageBytes(storage.low), mid: storageBytes(storage.mid), high: storageBytes(storage.high) };
  return {
    cameras,
    coverage,
    peakAt,
    averageAt,
    peak,
    average,
    ...(stored ? { storage: stored } : {}),
  };
}
