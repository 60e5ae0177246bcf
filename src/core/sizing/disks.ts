/**
 * A recorder's disks and RAID: how many disks of a size hold a retention
 * (rounded up, never down), what an array of them keeps, and what its disks
 * write and read. The rules are the SOP's (skiptdouglas/cctv-storage-calculator,
 * docs/SOP.md §5 Step 7: usable capacity and minimum disks per level, one
 * hot spare for an array of 8 disks or more, "round up the disk count; never
 * round down"; Step 5a.4: sustained write = camera traffic ÷ 8, playback read =
 * playback traffic ÷ 8), with RAID 0 and 1 added. Exact: bytes and counts are bigint.
 */
import { InputError } from '../diagnostics/errors.js';
import { ceilDiv } from '../numbers/decimal.js';
import { SCALE } from './storage.js';

export const RAID_LEVELS = ['none', '0', '1', '5', '6', '10'] as const;
export type RaidLevel = (typeof RAID_LEVELS)[number];

interface RaidRule {
  readonly minDisks: bigint;
  /** Disks whose capacity an array of `n` disks offers. */
  readonly dataOf: (n: bigint) => bigint;
  /** The fewest disks (at least minDisks) whose array offers `data` disks; undefined when no array does (RAID 1). */
  readonly arrayFor: (data: bigint) => bigint | undefined;
}

const atLeast = (a: bigint, b: bigint) => (a > b ? a : b);

/** Per level: none (JBOD) N, 0 N (striped, min 2), 1 one disk (an N-way mirror, min 2), 5 N − 1 (min 3), 6 N − 2 (min 4), 10 N ÷ 2 (min 4, even). */
export const RAID_RULES: Readonly<Record<RaidLevel, RaidRule>> = {
  none: { minDisks: 1n, dataOf: (n) => n, arrayFor: (d) => atLeast(d, 1n) },
  '0': { minDisks: 2n, dataOf: (n) => n, arrayFor: (d) => atLeast(d, 2n) },
  '1': { minDisks: 2n, dataOf: () => 1n, arrayFor: (d) => (d <= 1n ? 2n : undefined) },
  '5': { minDisks: 3n, dataOf: (n) => n - 1n, arrayFor: (d) => atLeast(d, 2n) + 1n },
  '6': { minDisks: 4n, dataOf: (n) => n - 2n, arrayFor: (d) => atLeast(d, 2n) + 2n },
  '10': { minDisks: 4n, dataOf: (n) => n / 2n, arrayFor: (d) => 2n * atLeast(d, 2n) },
};

/** An array at least this large gets a hot spare unless the fleet file says how many (the SOP's rule). */
export const SPARE_FROM = 8n;

/** A recorder unit's disks, as the fleet file gives them. */
export interface DiskSpec {
  readonly sizeBytes: bigint;
  readonly raid: RaidLevel;
  /** Disks in the array (data and parity; hot spares apart); absent: as many as the retention needs. */
  readonly count?: bigint;
  /** Hot spares; absent: one for an array of SPARE_FROM disks or more. */
  readonly spares?: bigint;
  /** Playback sessions at once, each reading one camera's stream at the average recorded rate (default 0). */
  readonly playback?: bigint;
}

/** "6", 6, "raid6", "RAID 6", "RAID-10", "none", "jbod" → the level. */
export function parseRaid(value: string | number): RaidLevel {
  const text = String(value)
    .trim()
    .toLowerCase()
    .replace(/^raid[\s-]*/, '');
  if (text === 'jbod') return 'none';
  const level = RAID_LEVELS.find((l) => l === text);
  if (!level) throw new InputError(`RAID level '${value}' is not one of 0, 1, 5, 6, 10 or "none"`);
  return level;
}

/** A given array's count checked against its level: its minimum, and RAID 10's pairs. */
export function checkArrayCount(raid: RaidLevel, count: bigint): bigint {
  const min = RAID_RULES[raid].minDisks;
  if (count < min) throw new InputError(`RAID ${raid} needs at least ${min} disks, not ${count}`);
  if (raid === '10' && count % 2n !== 0n) throw new InputError(`RAID 10 is built of mirrored pairs: ${count} disks is an odd count`);
  return count;
}

export function sparesFor(arrayDisks: bigint, spares: bigint | undefined): bigint {
  return spares ?? (arrayDisks >= SPARE_FROM ? 1n : 0n);
}

/** What an array of `arrayDisks` disks of `sizeBytes` holds. */
export function usableBytes(raid: RaidLevel, arrayDisks: bigint, sizeBytes: bigint): bigint {
  return RAID_RULES[raid].dataOf(arrayDisks) * sizeBytes;
}

/** A recorder unit's disks: its array, what it holds and keeps, what it writes and reads. */
export interface DiskPlan {
  readonly raid: RaidLevel;
  readonly diskBytes: bigint;
  /** Disks in the array (data and parity), hot spares apart. */
  readonly arrayDisks: bigint;
  readonly spares: bigint;
  /** arrayDisks + spares: the disks each unit holds. */
  readonly totalDisks: bigint;
  /** What the array holds, bytes (decimal, as disks are sold; the TiB an OS shows is this ÷ 2^40). */
  readonly usableBytes: bigint;
  /** The fleet file gave the count; else the fewest disks that hold the retention. */
  readonly given: boolean;
  /** Per unit: the storage the retention needs with its headroom (what the disks were sized for). */
  readonly requiredBytes?: bigint;
  /** Whole days every unit's array keeps at the design rates (storage overhead in, headroom not); absent when nothing is recorded. */
  readonly daysFit?: bigint;
  /** Sustained write per unit, bytes/s (its recorded ingest ÷ 8, rounded up). */
  readonly writeBytesPerSecond: bigint;
  /** Playback read per unit, bytes/s (sessions × the average recorded camera rate ÷ 8, rounded up). */
  readonly readBytesPerSecond: bigint;
  readonly playbackSessions: bigint;
  /** False when no array of this level holds the retention (RAID 1 mirrors one disk). */
  readonly fits: boolean;
}

export interface DiskLoad {
  readonly units: bigint;
  /** The whole recorder's storage for its retention with headroom, bytes; undefined without a retention. */
  readonly requiredBytes: bigint | undefined;
  /** The whole recorder's storage per second (overhead in, headroom not), 1/SCALE bit. */
  readonly perSecondScaled: bigint;
  /** Recorded ingest arriving at the whole recorder as the checks count it, b/s, and the cameras it comes from. */
  readonly ingestBitsPerSecond: bigint;
  readonly cameras: bigint;
}

export function diskPlan(spec: DiskSpec, load: DiskLoad, where: string): DiskPlan {
  const { units } = load;
  const required = load.requiredBytes === undefined ? undefined : ceilDiv(load.requiredBytes, units);
  let arrayDisks = spec.count;
  let fits = true;
  if (arrayDisks === undefined) {
    if (required === undefined)
      throw new InputError(
        `recorder '${where}': "disks" without a "count" are sized for a retention: give a retention, or the disks' "count"`,
      );
    const rule = RAID_RULES[spec.raid];
    const array = rule.arrayFor(ceilDiv(required, spec.sizeBytes));
    fits = array !== undefined;
    arrayDisks = array ?? rule.minDisks;
  }
  const spares = sparesFor(arrayDisks, spec.spares);
  const usable = usableBytes(spec.raid, arrayDisks, spec.sizeBytes);
  const playback = spec.playback ?? 0n;
  const perCamera = load.cameras === 0n ? 0n : ceilDiv(load.ingestBitsPerSecond, load.cameras);
  return {
    raid: spec.raid,
    diskBytes: spec.sizeBytes,
    arrayDisks,
    spares,
    totalDisks: arrayDisks + spares,
    usableBytes: usable,
    given: spec.count !== undefined,
    ...(required === undefined ? {} : { requiredBytes: required }),
    ...(load.perSecondScaled === 0n ? {} : { daysFit: daysThatFit(units * usable, load.perSecondScaled) }),
    writeBytesPerSecond: ceilDiv(ceilDiv(load.ingestBitsPerSecond, units), 8n),
    readBytesPerSecond: ceilDiv(playback * perCamera, 8n),
    playbackSessions: playback,
    fits,
  };
}

/** Whole days `capacity` bytes keep recordings that take `perSecondScaled` (1/SCALE bit) each second: rounded down. */
export function daysThatFit(capacityBytes: bigint, perSecondScaled: bigint): bigint {
  return (capacityBytes * 8n * SCALE) / (perSecondScaled * 86_400n);
}
