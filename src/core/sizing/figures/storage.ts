/**
 * Recording storage for each segment's retention: the time-weighted average
 * (of the average figure) payload of the stream each camera records (not the wire rate: storage
 * keeps video, not headers) × retention × recorded share × (1 + storage
 * overhead), summed exactly in 1/SCALE bit, per segment (everything below
 * it) and per recorder (everything recorded there). Cameras without a
 * retention are summed per second instead: how long a capacity keeps them
 * (the inverse answer) is that sum's share of it.
 */
import { averageStates, type CameraGroup, type EstimateAt, type Profile, subRate } from '../../model/fleet.js';
import { profileAtPoint } from '../../model/profile.js';
import type { StorageStatus } from '../../model/report.js';
import type { Ratio } from '../../numbers/percent.js';
import { groupTarget, type Places } from '../flows/places.js';
import { ceilDiv } from '../../numbers/decimal.js';
import { SCALE, scaledStorage, storageBytes } from '../storage.js';
import { DAY_SCALE, dailySum, type Schedule, varies } from '../time.js';
import type { Figure } from './figure.js';

export interface StorageSums {
  /** Storage for the retention, 1/SCALE bit. */
  scaled: bigint;
  /** Cameras without a retention: storage of one second, 1/SCALE bit. */
  perSecond: bigint;
  /** Recorded cameras with and without a retention. */
  kept: bigint;
  unkept: bigint;
  /**
   * The part of `scaled` that estimated groups record (their main stream), 1/SCALE bit, with each
   * group at each point of its average's range (its own average there: model/profile.ts, profileAtPoint).
   */
  estimated: Record<EstimateAt, bigint>;
  /** Every recorded camera, with a retention or not: storage of one second, 1/SCALE bit (how many days a capacity keeps). */
  everySecond: bigint;
}

export const noStorage = (): StorageSums => ({
  scaled: 0n,
  perSecond: 0n,
  kept: 0n,
  unkept: 0n,
  estimated: { low: 0n, mid: 0n, high: 0n },
  everySecond: 0n,
});

const POINTS: readonly EstimateAt[] = ['low', 'mid', 'high'];

/** One camera's recorded payload over a day: 24 hourly means (1/HOURLY_SCALE b/s each) of its average figure, or its sub stream's constant rate. */
function dailyPayload(group: CameraGroup, profile: Profile, schedule: Schedule): bigint {
  if (group.record === 'sub') return (subRate(group) ?? 0n) * DAY_SCALE;
  const average = averageStates(profile);
  return varies(average) ? dailySum(average, schedule) : average.day * DAY_SCALE;
}

/**
 * An estimated group's storage at each point of its average's range: `scaled`
 * at the point sizing took, elsewhere `stored` of its own payload there
 * (model/profile.ts, profileAtPoint); none for any other group.
 */
function estimatedPoints(
  group: CameraGroup,
  schedule: Schedule,
  scaled: bigint,
  stored: (payload: bigint) => bigint,
): ReadonlyArray<readonly [EstimateAt, bigint]> {
  const range = group.profile.range;
  if (!range) return [];
  return POINTS.map((p) => [p, p === range.averageAt ? scaled : stored(dailyPayload(group, profileAtPoint(group.profile, p), schedule))]);
}

/** `perRecorder` (with `places`) collects what each recorder, and at `headEnd` the head end, records. */
export function storageFigure(
  overhead: Ratio,
  rows: boolean,
  recorders?: { places: Places; perRecorder: StorageSums[]; headEnd: StorageSums },
  headroom?: Ratio,
): Figure<StorageSums> {
  return {
    init: noStorage,
    addGroup(state, group, node) {
      const record = group.record ?? 'main';
      if (record === 'none' || group.count === 0n) return;
      const payload = dailyPayload(group, group.profile, node.schedule);
      const seconds = node.retention?.seconds;
      const kept = (perCamera: bigint) => scaledStorage(group.count * perCamera, 1n, node.recording, overhead, DAY_SCALE);
      const perSecond = kept(payload);
      const scaled = seconds === undefined ? perSecond : perSecond * seconds;
      const points =
        seconds !== undefined && record === 'main' ? estimatedPoints(group, node.schedule, scaled, (bps) => kept(bps) * seconds) : [];
      const add = (into: StorageSums) => {
        into.everySecond += perSecond;
        if (seconds === undefined) {
          into.perSecond += scaled;
          into.unkept += group.count;
        } else {
          into.scaled += scaled;
          into.kept += group.count;
          for (const [p, bits] of points) into.estimated[p] += bits;
        }
      };
      add(state);
      if (recorders) {
        const target = groupTarget(recorders.places, node.index, group);
        add(target < 0 ? recorders.headEnd : recorders.perRecorder[target]!);
      }
    },
    addChild(parent, child) {
      parent.scaled += child.scaled;
      parent.perSecond += child.perSecond;
      parent.kept += child.kept;
      parent.unkept += child.unkept;
      for (const p of POINTS) parent.estimated[p] += child.estimated[p];
      parent.everySecond += child.everySecond;
    },
    finish(state, node, row) {
      if (rows) row.storage = storageStatus(storageBytes(state.scaled), node.segment.storageBytes, state.unkept, headroom);
    },
  };
}

/**
 * Bytes needed, with the headroom reserved on top (--storage-headroom), whether they fit a capacity when
 * there is one, and how many recorded cameras they leave out (no retention).
 */
export function storageStatus(bytes: bigint, capacityBytes: bigint | undefined, unretainedCameras = 0n, headroom?: Ratio): StorageStatus {
  const unretained = unretainedCameras > 0n ? { unretainedCameras } : {};
  const required = withHeadroom(bytes, headroom);
  const reserve = headroom ? { requiredBytes: required } : {};
  return capacityBytes === undefined
    ? { bytes, ...reserve, ...unretained }
    : { bytes, ...reserve, capacityBytes, fits: required <= capacityBytes, ...unretained };
}

/** bytes × (1 + headroom), rounded up: the storage with its spare capacity. */
export function withHeadroom(bytes: bigint, headroom: Ratio | undefined): bigint {
  return headroom === undefined ? bytes : ceilDiv(bytes * (headroom.den + headroom.num), headroom.den);
}

/** The longest retention, whole seconds, whose recordings fit `capacity` bytes; undefined when nothing is recorded. */
export function retentionThatFits(capacityBytes: bigint, perSecond: bigint): bigint | undefined {
  return perSecond === 0n ? undefined : (capacityBytes * 8n * SCALE) / perSecond;
}
