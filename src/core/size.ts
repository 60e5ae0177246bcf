/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group or profile; nothing ever iterates over single cameras, so 20,000,000
 * cameras cost as much as one.
 */
import type { Fleet, Profile, Segment } from './fleet.js';
import type { ProfileRow, Report, SegmentRow } from './report.js';

interface Totals {
  cameras: bigint;
  loadBitsPerSecond: bigint;
}

export function sizeFleet(fleet: Fleet): Report {
  const profileCounts = new Map<string, { profile: Profile; cameras: bigint }>();
  const rows: Array<SegmentRow & Totals> = [];

  // Iterative pre-order walk (deep trees must not overflow the stack); each
  // row's totals are filled in afterwards, children before parents.
  const parentOf: number[] = [];
  const stack: Array<{ segment: Segment; path: string[]; parent: number }> = [
    { segment: fleet.root, path: [], parent: -1 },
  ];
  while (stack.length > 0) {
    const { segment, path, parent } = stack.pop()!;
    const index = rows.length;
    let cameras = 0n;
    let load = 0n;
    for (const group of segment.groups) {
      cameras += group.count;
      load += group.count * group.profile.bitsPerSecond;
      const seen = profileCounts.get(group.profile.key);
      if (seen) seen.cameras += group.count;
      else profileCounts.set(group.profile.key, { profile: group.profile, cameras: group.count });
    }
    rows.push({
      path,
      depth: path.length,
      cameras,
      loadBitsPerSecond: load,
      ...(segment.linkBitsPerSecond === undefined ? {} : { linkBitsPerSecond: segment.linkBitsPerSecond }),
    });
    parentOf.push(parent);
    for (let i = segment.children.length - 1; i >= 0; i--) {
      const child = segment.children[i]!;
      stack.push({ segment: child, path: [...path, child.name], parent: index });
    }
  }
  // Roll up: in pre-order every child comes after its parent, so a reverse
  // pass adds each finished subtree to its parent exactly once.
  for (let i = rows.length - 1; i > 0; i--) {
    const row = rows[i]!;
    const parent = rows[parentOf[i]!]!;
    parent.cameras += row.cameras;
    parent.loadBitsPerSecond += row.loadBitsPerSecond;
  }

  const profiles: ProfileRow[] = [...profileCounts.values()].map(({ profile, cameras }) => ({
    profile,
    cameras,
    loadBitsPerSecond: cameras * profile.bitsPerSecond,
  }));
  // Stable, input-order independent: heaviest load first, then by key.
  profiles.sort((a, b) =>
    a.loadBitsPerSecond === b.loadBitsPerSecond
      ? a.profile.key < b.profile.key ? -1 : a.profile.key > b.profile.key ? 1 : 0
      : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1,
  );

  const root = rows[0]!;
  return {
    fleetName: fleet.name,
    profiles,
    segments: rows,
    total: { cameras: root.cameras, loadBitsPerSecond: root.loadBitsPerSecond },
  };
}
