/** The profile table: cameras, payload and wire load per camera profile across the whole fleet. */
import { averageStates, type Profile } from '../model/fleet.js';
import type { ProfileFigures, ProfileRow } from '../model/report.js';
import { ceilDiv } from '../numbers/decimal.js';
import { checkedRate } from './checked-rate.js';
import { type Overhead, OVERHEADS, wireRate } from './overhead.js';
import { DAY_SCALE, dailySum, onTheWire, type Schedule } from './time.js';
import type { SegmentNode } from './walk.js';

/** A profile key's cameras: per profile (with that key), overhead and schedule. */
export type Counts = Map<Profile, Map<Overhead, Map<Schedule, bigint>>>;

/**
 * Cameras are summed per profile, overhead and schedule, then multiplied once:
 * exactly the sum of every group's count × rate (integers distribute), without
 * two products per group (1,000,000 groups: bench/RESULTS.md, "Fleet file").
 * With `figures` (some rate varies over the day or has an average below its
 * peak) each row also gets its peak and daily average (ProfileFigures).
 */
export function profileRows(nodes: readonly SegmentNode[], figures = false): { rows: ProfileRow[]; figures?: ProfileTotals } {
  // Cameras per overhead and schedule (most nodes share both objects), then per profile: one lookup per group.
  /** Every profile in the order it is first met: each key's row shows its first. */
  const order = new Set<Profile>();
  let overhead: Overhead | undefined;
  let schedule: Schedule | undefined;
  let cells = new Map<Profile, { cameras: bigint }>();
  const cellsOf = new Map<Overhead, Map<Schedule, Map<Profile, { cameras: bigint }>>>();
  for (const node of nodes) {
    if (node.overhead !== overhead || node.schedule !== schedule) {
      ({ overhead, schedule } = node);
      let bySchedule = cellsOf.get(overhead);
      if (!bySchedule) cellsOf.set(overhead, (bySchedule = new Map()));
      let found = bySchedule.get(schedule);
      if (!found) bySchedule.set(schedule, (found = new Map()));
      cells = found;
    }
    for (const { profile, count } of node.segment.groups) {
      const cell = cells.get(profile);
      if (cell) cell.cameras += count;
      else {
        cells.set(profile, { cameras: count });
        order.add(profile);
      }
    }
  }
  const byKey = new Map<string, { profile: Profile; counts: Counts }>();
  for (const profile of order) if (!byKey.has(profile.key)) byKey.set(profile.key, { profile, counts: new Map() });
  for (const [o, bySchedule] of cellsOf)
    for (const [s, found] of bySchedule)
      for (const [profile, { cameras }] of found) {
        const counts = byKey.get(profile.key)!.counts;
        let byOverhead = counts.get(profile);
        if (!byOverhead) counts.set(profile, (byOverhead = new Map()));
        let sums = byOverhead.get(o);
        if (!sums) byOverhead.set(o, (sums = new Map()));
        sums.set(s, cameras);
      }
  return profileRowsOf(byKey.values(), figures);
}

/** The profile rows of each key's first profile and counts (profileRows; an inventory's aggregate: core/inventory/sizing/). */
export function profileRowsOf(
  byKey: Iterable<{ profile: Profile; counts: Counts }>,
  figures: boolean,
): { rows: ProfileRow[]; figures?: ProfileTotals } {
  const totals = { peakLoad: 0n, averageScaled: 0n };
  const rows = [...byKey].map(({ profile, counts }) => {
    let cameras = 0n;
    let payload = 0n;
    let load = 0n;
    for (const [groupProfile, byOverhead] of counts)
      for (const [overhead, bySchedule] of byOverhead)
        for (const count of bySchedule.values()) {
          cameras += count;
          payload += count * groupProfile.bitsPerSecond;
          load += count * wireRate(groupProfile.bitsPerSecond, overhead);
        }
    const row: ProfileRow = { profile, cameras, payloadBitsPerSecond: payload, loadBitsPerSecond: load };
    if (!figures) return row;
    const f = profileFigures(counts, cameras);
    totals.peakLoad += f.figures.peakLoadBitsPerSecond;
    totals.averageScaled += f.averageScaled;
    return { ...row, figures: f.figures };
  });
  const sorted = sortProfiles(rows);
  if (!figures) return { rows: sorted };
  return {
    rows: sorted,
    figures: { peakLoadBitsPerSecond: totals.peakLoad, averageLoadBitsPerSecond: ceilDiv(totals.averageScaled, DAY_SCALE) },
  };
}

/** The sums of the profile rows' figures: each profile at its own peak, and every daily average. */
export interface ProfileTotals {
  readonly peakLoadBitsPerSecond: bigint;
  readonly averageLoadBitsPerSecond: bigint;
}

/** A row's peak over the day (the highest of its groups) and daily average per camera, and both loads on the wire. */
function profileFigures(counts: Counts, cameras: bigint): { figures: ProfileFigures; averageScaled: bigint } {
  let peakPerCamera = 0n;
  let peakLoad = 0n;
  let averagePayload = 0n;
  let averageLoad = 0n;
  for (const [profile, byOverhead] of counts)
    for (const [overhead, bySchedule] of byOverhead)
      for (const [schedule, count] of bySchedule) {
        const peak = checkedRate(profile, OVERHEADS['none']!, schedule, 'peak');
        if (peak > peakPerCamera) peakPerCamera = peak;
        peakLoad += count * checkedRate(profile, overhead, schedule, 'peak');
        const average = averageStates(profile);
        averagePayload += count * dailySum(average, schedule);
        averageLoad +=
          count *
          dailySum(
            onTheWire(average, (bps) => wireRate(bps, overhead)),
            schedule,
          );
      }
  return {
    figures: {
      peakPerCameraBitsPerSecond: peakPerCamera,
      averagePerCameraBitsPerSecond: cameras === 0n ? 0n : ceilDiv(averagePayload, DAY_SCALE * cameras),
      peakLoadBitsPerSecond: peakLoad,
      averageLoadBitsPerSecond: ceilDiv(averageLoad, DAY_SCALE),
    },
    averageScaled: averageLoad,
  };
}

/** Heaviest load first, then by key: independent of input order. */
function sortProfiles(rows: ProfileRow[]): ProfileRow[] {
  return rows.sort((a, b) =>
    a.loadBitsPerSecond === b.loadBitsPerSecond
      ? a.profile.key < b.profile.key
        ? -1
        : a.profile.key > b.profile.key
          ? 1
          : 0
      : a.loadBitsPerSecond > b.loadBitsPerSecond
        ? -1
        : 1,
  );
}
