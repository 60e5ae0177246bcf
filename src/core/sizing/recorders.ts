/**
 * The recorders' rows and checks: what each records (cameras, ingest on the
 * wire, storage for the retention), checked against units × ingest at the
 * segment's ceiling and units × storage; with units "auto", the fewest units
 * that hold both instead; with storage but no retention, how long it keeps.
 * The head end, beyond the root's link, records the rest (no capacities).
 */
import { InputError } from '../diagnostics/errors.js';
import type { RecorderRow, StorageStatus } from '../model/report.js';
import { ceilDiv } from '../numbers/decimal.js';
import type { Ratio } from '../numbers/percent.js';
import { diskPlan } from './disks.js';
import { type StorageSums, retentionThatFits, storageStatus, withHeadroom } from './figures/storage.js';
import type { PlacedRecorder } from './flows/places.js';
import { linkStatus } from './link.js';
import { storageBytes } from './storage.js';
import type { SegmentNode } from './walk.js';

/** What arrives at one recorder: cameras, ingest as the checks see it, storage sums (when storage is sized). */
export interface Arriving {
  cameras: bigint;
  ingestBitsPerSecond: bigint;
  storage: StorageSums | undefined;
}

export function recorderRow(
  placed: PlacedRecorder,
  node: SegmentNode,
  arriving: Arriving,
  sizesRetention: boolean,
  headroom?: Ratio,
): RecorderRow {
  const { recorder } = placed;
  const storage = storageOf(placed, arriving.storage, node, sizesRetention);
  const required = storage.needed === undefined ? undefined : withHeadroom(storage.needed, headroom);
  const base = {
    name: placed.name,
    path: node.path,
    headEnd: false,
    cameras: arriving.cameras,
    ingestBitsPerSecond: arriving.ingestBitsPerSecond,
    ...(recorder.ingestBitsPerSecond === undefined ? {} : { ingestPerUnitBitsPerSecond: recorder.ingestBitsPerSecond }),
    ...(recorder.storageBytes === undefined ? {} : { storagePerUnitBytes: recorder.storageBytes }),
  };
  const auto = recorder.units === 'auto';
  const units = auto ? unitsNeeded(placed, node, arriving.ingestBitsPerSecond, required) : (recorder.units as bigint);
  const ingest =
    recorder.ingestBitsPerSecond === undefined
      ? undefined
      : linkStatus(arriving.ingestBitsPerSecond, units * recorder.ingestBitsPerSecond, node.ceiling);
  const capacity = recorder.storageBytes === undefined ? undefined : units * recorder.storageBytes;
  const stored: StorageStatus | undefined =
    storage.needed === undefined ? undefined : storageStatus(storage.needed, capacity, 0n, headroom);
  const disks = recorder.disks
    ? diskPlan(
        recorder.disks,
        {
          units,
          requiredBytes: required,
          perSecondScaled: arriving.storage?.everySecond ?? 0n,
          ingestBitsPerSecond: arriving.ingestBitsPerSecond,
          cameras: arriving.cameras,
        },
        placed.name,
      )
    : undefined;
  const keeps =
    storage.perSecond !== undefined && capacity !== undefined
      ? { capacityBytes: capacity, ...optional('retentionSeconds', retentionThatFits(capacity, storage.perSecond)) }
      : undefined;
  const results = [ingest?.fits, stored?.fits, disks?.fits].filter((f): f is boolean => f !== undefined);
  return {
    ...base,
    units,
    ...(auto ? { unitsAuto: true } : {}),
    ...(ingest ? { ingest } : {}),
    ...(stored ? { storage: stored } : {}),
    ...(keeps ? { keeps } : {}),
    ...(disks ? { disks } : {}),
    // With units "auto" only the disks can fail: no array of their level holds the retention.
    ...(!auto && results.length > 0 ? { fits: results.every((f) => f) } : disks?.fits === false ? { fits: false } : {}),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Storage needed for the retention (forward), or the per-second rate (inverse: no camera here has a retention). */
function storageOf(
  placed: PlacedRecorder,
  sums: StorageSums | undefined,
  node: SegmentNode,
  sizesRetention: boolean,
): { needed?: bigint; perSecond?: bigint } {
  if (!sums) return {};
  const capacity = placed.recorder.storageBytes !== undefined;
  // Without a storage of its own nothing is checked: like a segment, it counts the cameras with a retention
  // (the storage sentence names those left out); a capacity cannot be checked with some of them missing.
  if (capacity && sums.kept > 0n && sums.unkept > 0n) {
    throw new InputError(
      `recorder '${placed.name}' (${node.path.join('/') || 'the fleet'}) records cameras with a retention and cameras without one: give all of them a retention, or none (to be told how long its storage keeps)`,
    );
  }
  if (sums.unkept > 0n && sums.kept === 0n) return capacity ? { perSecond: sums.perSecond } : {};
  return sizesRetention || capacity ? { needed: storageBytes(sums.scaled) } : {};
}

/** The fewest units (at least 1) whose ingest under the ceiling and whose storage hold what arrives. */
function unitsNeeded(placed: PlacedRecorder, node: SegmentNode, ingest: bigint, storage: bigint | undefined): bigint {
  const { ingestBitsPerSecond: perUnit, storageBytes: perUnitStorage } = placed.recorder;
  let units = 1n;
  if (perUnit !== undefined && ingest > 0n) {
    // floor(u × perUnit × num / den) ≥ ingest  ⟺  u ≥ ingest × den / (perUnit × num)
    const usablePerUnit = perUnit * node.ceiling.num;
    if (usablePerUnit === 0n) throw new InputError(`recorder '${placed.name}': no number of units takes any ingest at a 0 % ceiling`);
    units = max(units, ceilDiv(ingest * node.ceiling.den, usablePerUnit));
  }
  if (perUnitStorage !== undefined && storage !== undefined && storage > 0n) {
    if (perUnitStorage === 0n) throw new InputError(`recorder '${placed.name}': no number of units of 0 B holds the retention`);
    units = max(units, ceilDiv(storage, perUnitStorage));
  }
  return units;
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** The head end: what is recorded beyond the root's link. */
export function headEndRow(arriving: Arriving, sizesRetention: boolean): RecorderRow {
  const sums = arriving.storage;
  return {
    name: 'head end',
    path: [],
    headEnd: true,
    cameras: arriving.cameras,
    ingestBitsPerSecond: arriving.ingestBitsPerSecond,
    ...(sums && sizesRetention ? { storage: { bytes: storageBytes(sums.scaled) } } : {}),
  };
}
