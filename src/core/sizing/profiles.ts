/** The profile table: cameras, payload and wire load per camera profile across the whole fleet. */
import type { Profile } from '../model/fleet.js';
import type { ProfileRow } from '../model/report.js';
import { wireRate } from './overhead.js';
import type { SegmentNode } from './walk.js';

export function profileRows(nodes: readonly SegmentNode[]): ProfileRow[] {
  const byKey = new Map<string, { profile: Profile; cameras: bigint; payload: bigint; load: bigint }>();
  for (const node of nodes) {
    for (const { profile, count } of node.segment.groups) {
      const payload = count * profile.bitsPerSecond;
      const load = count * wireRate(profile.bitsPerSecond, node.overhead);
      const seen = byKey.get(profile.key);
      if (seen) {
        seen.cameras += count;
        seen.payload += payload;
        seen.load += load;
      } else {
        byKey.set(profile.key, { profile, cameras: count, payload, load });
      }
    }
  }
  const rows = [...byKey.values()].map((t) => ({
    profile: t.profile,
    cameras: t.cameras,
    payloadBitsPerSecond: t.payload,
    loadBitsPerSecond: t.load,
  }));
  return sortProfiles(rows);
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
