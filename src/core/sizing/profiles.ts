/** The profile table: cameras, payload and wire load per camera profile across the whole fleet. */
import type { Profile } from '../model/fleet.js';
import type { ProfileRow } from '../model/report.js';
import { type Overhead, wireRate } from './overhead.js';
import type { SegmentNode } from './walk.js';

/**
 * Cameras are summed per profile and overhead, then multiplied once: exactly
 * the sum of every group's count × rate (integers distribute), without two
 * products per group (1,000,000 groups: bench/RESULTS.md, "Fleet file").
 */
export function profileRows(nodes: readonly SegmentNode[]): ProfileRow[] {
  const byKey = new Map<string, { profile: Profile; counts: Map<Profile, Map<Overhead, bigint>> }>();
  for (const node of nodes) {
    for (const { profile, count } of node.segment.groups) {
      let seen = byKey.get(profile.key);
      if (!seen) byKey.set(profile.key, (seen = { profile, counts: new Map() }));
      let byOverhead = seen.counts.get(profile);
      if (!byOverhead) seen.counts.set(profile, (byOverhead = new Map()));
      byOverhead.set(node.overhead, (byOverhead.get(node.overhead) ?? 0n) + count);
    }
  }
  const rows = [...byKey.values()].map(({ profile, counts }) => {
    let cameras = 0n;
    let payload = 0n;
    let load = 0n;
    for (const [groupProfile, byOverhead] of counts)
      for (const [overhead, count] of byOverhead) {
        cameras += count;
        payload += count * groupProfile.bitsPerSecond;
        load += count * wireRate(groupProfile.bitsPerSecond, overhead);
      }
    return { profile, cameras, payloadBitsPerSecond: payload, loadBitsPerSecond: load };
  });
  return sortProfiles(rows);
}

/** Heaviest load first, then by key: independent of input order. */
export function sortProfiles(rows: ProfileRow[]): ProfileRow[] {
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
