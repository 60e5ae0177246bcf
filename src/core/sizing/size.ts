/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. Segment totals roll up the tree exactly once per segment.
 */
import { ceilDiv } from '../numbers/decimal.js';
import type { Fleet, Profile, Segment } from '../model/fleet.js';
import { linkStatus } from './link.js';
import { OVERHEADS, wireRate, type Overhead } from './overhead.js';
import { DEFAULT_CEILING, type Ratio } from '../numbers/percent.js';
import type { LinkStatus, ProfileRow, Report, SegmentRow, SegmentTime, StorageStatus } from '../model/report.js';
import { DEFAULT_SCHEDULE, HOURLY_SCALE, HOURS, hourly, varies, type Schedule } from './time.js';
import { cameraMoments, percentileLoad, type Moments, type PercentileSettings } from './percentile.js';
import { InputError } from '../diagnostics/errors.js';
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
  /** Which hours are night, for segments that do not set their own (default: 12 h from 18:00). */
  schedule?: Schedule;
  /** Also give a percentile of the aggregate load (statistical sizing, approximate). */
  percentile?: PercentileSettings;
  /** What capacity checks compare with when rates vary over the day: the peak (default) or the daily average. */
  checkOn?: 'peak' | 'average';
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
  schedule: Schedule;
  cameras: bigint;
  /** When rates vary: wire load per hour in 1/HOURLY_SCALE b/s (mean) and b/s (peak), this segment and below. */
  hourMean: bigint[] | undefined;
  hourPeak: bigint[] | undefined;
  /** Recording storage in 1/SCALE bit (see storage.ts). */
  storage: bigint;
  /** With --percentile: Σ n·μ, Σ n·σ, Σ n·σ² of the camera streams on the wire. */
  moments: Moments;
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
  const rows = walk(fleet.root, {
    overhead: defaultOverhead,
    ceiling: defaultCeiling,
    retention: storage?.retention,
    recording: storage?.recording ?? CONTINUOUS,
    schedule: options.schedule ?? DEFAULT_SCHEDULE,
  });
  const timeVarying = rows.some((r) => r.segment.groups.some((g) => g.profile.states !== undefined && varies(g.profile.states)));
  const checkOn = options.checkOn ?? 'peak';
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
    if (timeVarying) {
      row.hourMean = new Array<bigint>(HOURS).fill(0n);
      row.hourPeak = new Array<bigint>(HOURS).fill(0n);
    }
    for (const group of row.segment.groups) {
      const states = group.profile.states;
      if (row.retention) {
        // Storage keeps the time-weighted average of the payload: 24 hourly means over one day.
        const payload = states && varies(states) ? sum(hourly(states, row.schedule).mean) : group.profile.bitsPerSecond * DAY_SCALE;
        row.storage += scaledStorage(
          group.count * payload,
          row.retention.seconds,
          row.recording,
          storage?.overhead ?? NO_OVERHEAD,
          DAY_SCALE,
        );
      }
      if (timeVarying) {
        const wireStates = states
          ? {
              day: wireRate(states.day, row.overhead),
              night: wireRate(states.night, row.overhead),
              ...(states.event
                ? { event: { bitsPerSecond: wireRate(states.event.bitsPerSecond, row.overhead), duty: states.event.duty } }
                : {}),
            }
          : { day: wireRate(group.profile.bitsPerSecond, row.overhead), night: wireRate(group.profile.bitsPerSecond, row.overhead) };
        const h = hourly(wireStates, row.schedule);
        for (let i = 0; i < HOURS; i++) {
          row.hourMean![i]! += group.count * h.mean[i]!;
          row.hourPeak![i]! += group.count * h.peak[i]!;
        }
      }
      if (options.percentile) {
        const w = (bps: bigint) => wireRate(bps, row.overhead);
        const s = states ?? { day: group.profile.bitsPerSecond, night: group.profile.bitsPerSecond };
        const m = cameraMoments(
          {
            day: w(s.day),
            night: w(s.night),
            ...(s.event ? { event: { bitsPerSecond: w(s.event.bitsPerSecond), duty: s.event.duty } } : {}),
          },
          row.schedule,
          options.percentile.vbrCv,
        );
        const n = Number(group.count);
        row.moments.mean += n * m.mean;
        row.moments.sigma += n * m.sigma;
        row.moments.variance += n * m.sigma ** 2;
      }
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
        profiles.set(group.profile.key, {
          profile: group.profile,
          cameras: group.count,
          payload: group.count * group.profile.bitsPerSecond,
          load: wire,
        });
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
    let time: SegmentTime | undefined;
    if (row.hourMean && row.hourPeak) {
      time = timeStats(row.hourMean, row.hourPeak, row.viewing, row.schedule.nightStart);
      row.cameraLoad = checkOn === 'peak' ? time.peakBitsPerSecond - row.viewing : time.averageBitsPerSecond - row.viewing;
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
      ...(time ? { time } : {}),
      ...(options.percentile
        ? { percentile: percentileLoad({ ...row.moments, mean: row.moments.mean + Number(row.viewing) }, options.percentile) }
        : {}),
    };
    const parent = rows[row.parent];
    if (parent) {
      if (parent.hourMean && parent.hourPeak && row.hourMean && row.hourPeak) {
        for (let h = 0; h < HOURS; h++) {
          parent.hourMean[h]! += row.hourMean[h]!;
          parent.hourPeak[h]! += row.hourPeak[h]!;
        }
      }
      parent.storage += row.storage;
      parent.moments.mean += row.moments.mean;
      parent.moments.sigma += row.moments.sigma;
      parent.moments.variance += row.moments.variance;
      parent.cameras += row.cameras;
      parent.cameraLoad += row.cameraLoad;
      parent.viewing += row.viewing;
      if (row.tally) for (const { profile, cameras } of row.tally.values()) addCameras(parent, profile, cameras);
    }
    if (i > 0) {
      row.tally = undefined; // the root's tally still serves the --capacity check
      row.hourMean = row.hourPeak = undefined;
    }
  }

  const root = out[0]!;
  let totalCheck: LinkStatus | undefined;
  if (options.capacityBitsPerSecond !== undefined) {
    totalCheck = linkStatus(
      root.loadBitsPerSecond,
      options.capacityBitsPerSecond,
      defaultCeiling,
      headroomProfileFor(rows[0]!, options.headroomProfile),
    );
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
      ...(timeVarying ? { time: { checkOn, schedule: rows[0]!.schedule } } : {}),
      ...(options.percentile ? { percentile: options.percentile } : {}),
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
    profiles: sortProfiles(
      [...profiles.values()].map((t) => ({
        profile: t.profile,
        cameras: t.cameras,
        payloadBitsPerSecond: t.payload,
        loadBitsPerSecond: t.load,
      })),
    ),
    segments: out,
    total: {
      cameras: root.cameras,
      profilesLoadBitsPerSecond: [...profiles.values()].reduce((sum, t) => sum + t.load, 0n),
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
  schedule: Schedule;
}

/** Iterative pre-order walk (deep trees must not overflow the stack), resolving inherited settings. */
function walk(root: Segment, defaults: Inherited): WorkRow[] {
  const rows: WorkRow[] = [];
  const stack: Array<{ segment: Segment; path: string[]; parent: number } & Inherited> = [
    { segment: root, path: [], parent: -1, ...defaults },
  ];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const settings = item.segment.settings;
    const own: Inherited = {
      overhead: settings?.overhead ?? item.overhead,
      ceiling: settings?.maxUtilization ?? item.ceiling,
      retention: settings?.retention ?? item.retention,
      recording: settings?.recording ?? item.recording,
      schedule: settings?.schedule ?? item.schedule,
    };
    const index = rows.length;
    rows.push({
      path: item.path,
      parent: item.parent,
      segment: item.segment,
      ...own,
      cameras: 0n,
      cameraLoad: 0n,
      viewing: 0n,
      storage: 0n,
      moments: { mean: 0, sigma: 0, variance: 0 },
      tally: undefined,
      hourMean: undefined,
      hourPeak: undefined,
    });
    const children = item.segment.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ segment: child, path: [...item.path, child.name], parent: index, ...own });
    }
  }
  return rows;
}

const NO_OVERHEAD: Ratio = { num: 0n, den: 100n };
/** A constant rate expressed like a sum of 24 hourly means (1/HOURLY_SCALE b/s each). */
const DAY_SCALE = BigInt(HOURS) * HOURLY_SCALE;

function sum(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** Daily average (rounded up), busiest hour, peak and its hour, from hourly sums; viewing is constant. */
function timeStats(hourMean: readonly bigint[], hourPeak: readonly bigint[], viewing: bigint, firstHour: number): SegmentTime {
  // Ties go to the earliest hour counted from the start of the night: "from 19:00", not "from 00:00".
  let busiest = firstHour;
  let peakHour = firstHour;
  for (let k = 1; k < HOURS; k++) {
    const h = (firstHour + k) % HOURS;
    if (hourMean[h]! > hourMean[busiest]!) busiest = h;
    if (hourPeak[h]! > hourPeak[peakHour]!) peakHour = h;
  }
  return {
    averageBitsPerSecond: ceilDiv(sum(hourMean), DAY_SCALE) + viewing,
    busiestHour: busiest,
    busiestHourBitsPerSecond: ceilDiv(hourMean[busiest]!, HOURLY_SCALE) + viewing,
    peakBitsPerSecond: hourPeak[peakHour]! + viewing,
    peakHour,
    hourlyAverageBitsPerSecond: hourMean.map((m) => ceilDiv(m, HOURLY_SCALE) + viewing),
    hourlyPeakBitsPerSecond: hourPeak.map((p) => p + viewing),
  };
}

function storageSettingsUsed(rows: readonly WorkRow[]): Array<{ retention: Retention; recording: Recording }> {
  const used = new Map<string, { retention: Retention; recording: Recording }>();
  for (const row of rows) {
    if (!row.retention || row.segment.groups.length === 0) continue;
    used.set(`${row.retention.seconds}|${row.recording.mode}|${row.recording.duty.num}/${row.recording.duty.den}`, {
      retention: row.retention,
      recording: row.recording,
    });
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
