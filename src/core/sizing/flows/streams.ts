/**
 * The streams of a camera group: the one it records (main, sub or none) and
 * the ones viewers watch, each on the wire at its segment's overhead.
 */
import { averageStates, type CameraGroup, peakStates, type StreamKind, subRate } from '../../model/fleet.js';
import { checkedRate } from '../checked-rate.js';
import { onTheWire, type Schedule, type States } from '../time.js';
import { type Overhead, wireRate } from '../overhead.js';
import type { SegmentNode } from '../walk.js';

/** The recorded stream's rate by day, on the wire, b/s (0 when the group records nothing). */
export function recordedWire(group: CameraGroup, node: Pick<SegmentNode, 'overhead'>): bigint {
  const record = group.record ?? 'main';
  if (record === 'none') return 0n;
  const payload = record === 'sub' ? (subRate(group) ?? 0n) : group.profile.bitsPerSecond;
  return wireRate(payload, node.overhead);
}

/** The recorded stream's two figures over the day, on the wire (a sub stream is one rate); undefined when the group records nothing. */
export function recordedStates(group: CameraGroup, node: Pick<SegmentNode, 'overhead'>): { peak: States; average: States } | undefined {
  const record = group.record ?? 'main';
  if (record === 'none') return undefined;
  if (record === 'sub') {
    const sub = wireRate(subRate(group) ?? 0n, node.overhead);
    return { peak: { day: sub, night: sub }, average: { day: sub, night: sub } };
  }
  const p = group.profile;
  const wire = (bps: bigint) => wireRate(bps, node.overhead);
  const peak = onTheWire(peakStates(p), wire);
  return { peak, average: p.average ? onTheWire(averageStates(p), wire) : peak };
}

/** Cameras whose streams are recorded. */
export function recordedCameras(group: CameraGroup): bigint {
  return group.record === 'none' ? 0n : group.count;
}

/**
 * One stream of a camera as a capacity check counts it, on the wire: the main
 * stream at its peak over the day (or its daily average, --check-on average),
 * a sub stream at its constant rate. Memoized: a fleet repeats a few profiles.
 */
export type StreamRate = (group: CameraGroup, node: Pick<SegmentNode, 'overhead' | 'schedule'>, kind: StreamKind) => bigint;

export function streamRates(checkOn: 'peak' | 'average'): StreamRate {
  const memo = new Map<object, Map<Overhead, Map<Schedule, bigint>>>();
  return (group, node, kind) => {
    if (kind === 'sub') return wireRate(subRate(group) ?? 0n, node.overhead);
    let byOverhead = memo.get(group.profile);
    if (!byOverhead) memo.set(group.profile, (byOverhead = new Map()));
    let bySchedule = byOverhead.get(node.overhead);
    if (!bySchedule) byOverhead.set(node.overhead, (bySchedule = new Map()));
    let rate = bySchedule.get(node.schedule);
    if (rate === undefined) bySchedule.set(node.schedule, (rate = checkedRate(group.profile, node.overhead, node.schedule, checkOn)));
    return rate;
  };
}
