/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. Segment totals roll up the tree exactly once per segment.
 */
import { ceilDiv } from './decimal.js';
import type { Fleet, Profile, Segment } from './fleet.js';
import { linkStatus } from './link.js';
import { OVERHEADS, wireRate, type Overhead } from './overhead.js';
import { DEFAULT_CEILING, type Ratio } from './percent.js';
import type { LinkStatus, ProfileRow, Report, SegmentRow, StorageStatus } from './report.js';
import { InputError } from './errors.js';
import { CONTINUOUS, scaledStorage, storageBytes, type Recording, type Retention } from './storage.js';

export interface SizeOptions {
  /** Ceiling for links that do not set their own (default 70 %). */
  maxUtilization?: Ratio;
  /** Overhead for segments that do not set their own (default none). */
  overhead?: Overhead;
  /** Check the fleet total against this capacity, b/s (--capacity). */
  capacityBitsPerSecond?: bigint;
  /** Express headroom in cameras of this profile (--as) instead of each segment's dominant one. */
  headroomProfile?: Profile;
  /** Storage sizing defaults (--retention, --recording, --storage-overhead), and a capacity for the total. */
  storage?: { retention?: Retention; recording: Recording; overhead: Ratio; capacityBytes?: bigint };
}

interface ProfileTally {
  profile: Profile;
  cameras: bigint;
  payload: bigint;
  load: bigint;
}

interface WorkRow {
  path: string[];
  parent: number;
  segment: Segment;
  overhead: Overhead;
  ceiling: Ratio;
  retention: Retention | undefined;
  recording: Recording;
  cameras: bigint;
  /** Recording storage in 1/SCALE bit (see storage.ts). */
  storage: bigint;
  cameraLoad: bigint;
  viewing: bigint;
  /** Cameras per profile below this segment, kept only while the roll-up needs it. */
  tally: Map<string, { profile: Profile; cameras: bigint }> | undefined;
}

export function sizeFleet(fleet: Fleet, options: SizeOptions = {}): Report {
  const defaultOverhead = options.overhead ?? OVERHEADS['none']!;
  const defaultCeiling = options.maxUtilization ?? DEFAULT_CEILING;
  const profiles = new Map<string, ProfileTally>();
  const overheadsUsed = new Map<string, Overhead>();
  const storage = options.storage;
  const rows = walk(fleet.root, defaultOverhead, defaultCeiling, storage?.retention, storage?.recording ?? CONTINUOUS);
  const sizesStorage = rows.some((r) => r.retention !== undefined);
  for (const row of rows) {
    if (row.segment.storageBytes !== undefined && row.retention === undefined) {
      const where = row.path.length === 0 ? fleet.name : row.path.join('/');
      throw new InputError(`segment '${where}' has a storage capacity but no retention: give --retention or "retention" in the fleet file`);
    }
  }

  // Own cameras of each segment.
  for (const row of rows) {
    overheadsUsed.set(row.overhead.description, row.overhead);
    for (const group of row.segment.groups) {
      if (row.retention) row.storage += scaledStorage(group.count * group.profile.bitsPerSecond, row.retention.seconds, row.recording, storage?.overhead ?? NO_OVERHEAD);
      const wire = group.count * wireRate(group.profile.bitsPerSecond, row.overhead);
      row.cameras += group.count;
      row.cameraLoad += wire;
      addCameras(row, group.profile, group.count);
      const seen = profiles.get(group.profile.key);
      if (seen) {
        seen.cameras += group.count;
        seen.payload += group.count * group.profile.bitsPerSecond;
        seen.load += wire;
      } else {
        profiles.set(group.profile.key, { profile: group.profile, cameras: group.count, payload: group.count * group.profile.bitsPerSecond, load: wire });
      }
    }
  }

  // Roll up: in pre-order every child comes after its parent, so a reverse
  // pass meets each segment with its subtree complete and adds it to its
  // parent exactly once.
  const out: SegmentRow[] = new Array(rows.length);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const viewers = row.segment.viewers;
    if (viewers) {
      const perStream = viewers.bitsPerSecond ?? (row.cameras === 0n ? 0n : ceilDiv(row.cameraLoad, row.cameras));
      row.viewing += viewers.streams * perStream;
    }
    const load = row.cameraLoad + row.viewing;
    let link: LinkStatus | undefined;
    if (row.segment.linkBitsPerSecond !== undefined) {
      link = linkStatus(load, row.segment.linkBitsPerSecond, row.ceiling, headroomProfileFor(row, options.headroomProfile));
    }
    out[i] = {
      path: row.path,
      depth: row.path.length,
      cameras: row.cameras,
      cameraLoadBitsPerSecond: row.cameraLoad,
      viewingBitsPerSecond: row.viewing,
      loadBitsPerSecond: load,
      overhead: row.overhead,
      ...(link ? { link } : {}),
      ...(sizesStorage ? { storage: storageStatus(row.storage, row.segment.storageBytes) } : {}),
    };
    const parent = rows[row.parent];
    if (parent) {
      parent.storage += row.storage;
      parent.cameras += row.cameras;
      parent.cameraLoad += row.cameraLoad;
      parent.viewing += row.viewing;
      if (row.tally) for (const { profile, cameras } of row.tally.values()) addCameras(parent, profile, cameras);
    }
    if (i > 0) row.tally = undefined; // the root's tally still serves the --capacity check
  }

  const root = out[0]!;
  let totalCheck: LinkStatus | undefined;
  if (options.capacityBitsPerSecond !== undefined) {
    totalCheck = linkStatus(root.loadBitsPerSecond, options.capacityBitsPerSecond, defaultCeiling, headroomProfileFor(rows[0]!, options.headroomProfile));
  }
  const checks = [...out.map((r) => r.link), totalCheck].filter((c): c is LinkStatus => c !== undefined).map((c) => c.fits);
  for (const r of out) if (r.storage?.fits !== undefined) checks.push(r.storage.fits);
  const totalStorage = sizesStorage ? storageStatus(rows[0]!.storage, storage?.capacityBytes) : undefined;
  if (storage?.capacityBytes !== undefined && !sizesStorage) {
    throw new InputError('--storage-capacity needs a retention to size storage against: give --retention');
  }
  if (totalStorage?.fits !== undefined) checks.push(totalStorage.fits);
  return {
    fleetName: fleet.name,
    settings: {
      overhead: defaultOverhead,
      maxUtilization: defaultCeiling,
      overheadsUsed: [...overheadsUsed.values()],
      ...(sizesStorage
        ? {
            storage: {
              ...(storage?.retention ? { retention: storage.retention } : {}),
              recording: storage?.recording ?? CONTINUOUS,
              overhead: storage?.overhead ?? NO_OVERHEAD,
              used: storageSettingsUsed(rows),
            },
          }
        : {}),
    },
    profiles: sortProfiles([...profiles.values()].map((t) => ({ profile: t.profile, cameras: t.cameras, payloadBitsPerSecond: t.payload, loadBitsPerSecond: t.load }))),
    segments: out,
    total: {
      cameras: root.cameras,
      loadBitsPerSecond: root.loadBitsPerSecond,
      viewingBitsPerSecond: root.viewingBitsPerSecond,
      ...(totalStorage ? { storage: totalStorage } : {}),
    },
    ...(totalCheck ? { totalCheck } : {}),
    verdict: checks.length === 0 ? 'unchecked' : checks.every((fits) => fits) ? 'pass' : 'fail',
  };
}

interface Inherited {
  overhead: Overhead;
  ceiling: Ratio;
  retention: Retention | undefined;
  recording: Recording;
}

/** Iterative pre-order walk (deep trees must not overflow the stack), resolving inherited settings. */
function walk(root: Segment, overhead: Overhead, ceiling: Ratio, retention: Retention | undefined, recording: Recording): WorkRow[] {
  const rows: WorkRow[] = [];
  const stack: Array<{ segment: Segment; path: string[]; parent: number } & Inherited> = [
    { segment: root, path: [], parent: -1, overhead, ceiling, retention, recording },
  ];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const settings = item.segment.settings;
    const own: Inherited = {
      overhead: settings?.overhead ?? item.overhead,
      ceiling: settings?.maxUtilization ?? item.ceiling,
      retention: settings?.retention ?? item.retention,
      recording: settings?.recording ?? item.recording,
    };
    const index = rows.length;
    rows.push({ path: item.path, parent: item.parent, segment: item.segment, ...own, cameras: 0n, cameraLoad: 0n, viewing: 0n, storage: 0n, tally: undefined });
    const children = item.segment.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ segment: child, path: [...item.path, child.name], parent: index, ...own });
    }
  }
  return rows;
}

const NO_OVERHEAD: Ratio = { num: 0n, den: 100n };

function storageSettingsUsed(rows: readonly WorkRow[]): Array<{ retention: Retention; recording: Recording }> {
  const used = new Map<string, { retention: Retention; recording: Recording }>();
  for (const row of rows) {
    if (!row.retention || row.segment.groups.length === 0) continue;
    used.set(`${row.retention.seconds}|${row.recording.mode}|${row.recording.duty.num}/${row.recording.duty.den}`, { retention: row.retention, recording: row.recording });
  }
  return [...used.values()];
}

function storageStatus(scaled: bigint, capacityBytes: bigint | undefined): StorageStatus {
  const bytes = storageBytes(scaled);
  return capacityBytes === undefined ? { bytes } : { bytes, capacityBytes, fits: bytes <= capacityBytes };
}

function addCameras(row: WorkRow, profile: Profile, cameras: bigint): void {
  row.tally ??= new Map();
  const seen = row.tally.get(profile.key);
  if (seen) seen.cameras += cameras;
  else row.tally.set(profile.key, { profile, cameras });
}

/** The named profile, or the segment's dominant one: most cameras, then the higher rate, then the key. */
function headroomProfileFor(row: WorkRow, named: Profile | undefined): { profile: Profile; perCameraBitsPerSecond: bigint } | undefined {
  let profile = named;
  if (!profile && row.tally) {
    let best: { profile: Profile; cameras: bigint } | undefined;
    for (const entry of row.tally.values()) {
      if (
        !best ||
        entry.cameras > best.cameras ||
        (entry.cameras === best.cameras &&
          (entry.profile.bitsPerSecond > best.profile.bitsPerSecond ||
            (entry.profile.bitsPerSecond === best.profile.bitsPerSecond && entry.profile.key < best.profile.key)))
      ) {
        best = entry;
      }
    }
    profile = best?.profile;
  }
  return profile ? { profile, perCameraBitsPerSecond: wireRate(profile.bitsPerSecond, row.overhead) } : undefined;
}

/** Heaviest load first, then by key: independent of input order. */
function sortProfiles(rows: ProfileRow[]): ProfileRow[] {
  return rows.sort((a, b) =>
    a.loadBitsPerSecond === b.loadBitsPerSecond
      ? a.profile.key < b.profile.key ? -1 : a.profile.key > b.profile.key ? 1 : 0
      : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1,
  );
}
