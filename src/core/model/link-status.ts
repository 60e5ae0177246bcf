/**
 * The figures a check is made of: a link's status, a storage status, a segment's day. Leaf types of the
 * report model (report.ts re-exports them), apart so that flow-report.ts can use them without a cycle.
 */
import type { Ratio } from '../numbers/percent.js';
import type { Schedule } from '../sizing/time.js';
import type { Profile } from './fleet.js';

/** Load over the day, when some camera's rate varies (night, events). Rates in b/s, hours 0–23. */
export interface SegmentTime {
  /** Time-weighted average over the day (what storage sees), rounded up. */
  readonly averageBitsPerSecond: bigint;
  /** The hour with the highest mean load. */
  readonly busiestHour: number;
  readonly busiestHourBitsPerSecond: bigint;
  /** The highest load when every state that can coincide does (all events at once). */
  readonly peakBitsPerSecond: bigint;
  readonly peakHour: number;
  readonly hourlyAverageBitsPerSecond: readonly bigint[];
  readonly hourlyPeakBitsPerSecond: readonly bigint[];
  /** The segment's schedule: which of those hours are night. */
  readonly schedule: Schedule;
}

/** Recording storage of a segment (and everything below it). */
export interface StorageStatus {
  /** Bytes needed to keep the retention, rounded up. */
  readonly bytes: bigint;
  /** With --storage-headroom: bytes × (1 + headroom), rounded up: what the capacity must hold (the spare capacity reserved). */
  readonly requiredBytes?: bigint;
  readonly capacityBytes?: bigint;
  /** Present with a capacity: whether the retention (with its headroom) fits. */
  readonly fits?: boolean;
  /** Present when > 0: recorded cameras here (or below) whose segment sets no retention, so `bytes` leaves them out. */
  readonly unretainedCameras?: bigint;
}

/** How a load sits on a link: the capacity check of one segment or of the total. */
export interface LinkStatus {
  readonly capacityBitsPerSecond: bigint;
  /** The link counts as full at this share of its capacity. */
  readonly ceiling: Ratio;
  /** floor(capacity × ceiling), b/s */
  readonly usableBitsPerSecond: bigint;
  /** load / capacity in hundredths of a percent, rounded up; undefined for a zero-capacity link */
  readonly utilizationBasisPoints?: bigint;
  /** usable − load, b/s; negative when over */
  readonly headroomBitsPerSecond: bigint;
  /** Cameras of `profile` that still fit (negative: how many must go), counted at the rate of the stream they record */
  readonly headroomCameras?: {
    readonly profile: Profile;
    readonly perCameraBitsPerSecond: bigint;
    readonly cameras: bigint;
    /** Set when the cameras record their sub stream. */
    readonly stream?: 'sub';
  };
  readonly fits: boolean;
}

/** A switch's ports (segment "ports"): its cameras and the links of the segments below it, against its port count. */
export interface PortStatus {
  readonly ports: bigint;
  readonly used: bigint;
  /** ports − used; negative when over. */
  readonly spare: bigint;
  readonly fits: boolean;
}

/** A switch's PoE budget (segment "poe") against what its cameras draw at their ports, under a ceiling (default 80 %). */
export interface PoeStatus {
  readonly budgetMilliwatts: bigint;
  readonly ceiling: Ratio;
  /** floor(budget × ceiling), mW. */
  readonly usableMilliwatts: bigint;
  readonly drawMilliwatts: bigint;
  /** The cameras drawing it. */
  readonly cameras: bigint;
  /** draw / budget in hundredths of a percent, rounded up; undefined for a zero budget. */
  readonly utilizationBasisPoints?: bigint;
  /** usable − draw, mW; negative when over. */
  readonly headroomMilliwatts: bigint;
  readonly fits: boolean;
}

/**
 * The smallest listed link speed that carries a segment's load under its ceiling ("link": "auto",
 * --suggest-links): per direction, or for both together on a shared link. A direction without a
 * speed needs more than the largest listed (`largestBitsPerSecond`).
 */
export interface LinkSuggestion {
  readonly kind: 'directions' | 'shared';
  readonly up?: bigint;
  readonly down?: bigint;
  readonly shared?: bigint;
  readonly largestBitsPerSecond: bigint;
}
