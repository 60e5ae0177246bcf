/**
 * The parts of the report model that the flow model adds: each direction of
 * a segment's link, the recorders, the inverse storage answer, and (with
 * --flows) which flows cross each link. Exact b/s, bytes and counts.
 */
import type { DiskPlan } from '../sizing/disks.js';
import type { StreamKind } from './fleet.js';
import type { LinkStatus, SegmentTime, StorageStatus } from './link-status.js';

export type Direction = 'up' | 'down';

/** One direction of a segment's link (up: towards the parent). */
export interface DirectionLoad {
  /** What this direction is checked with: its recorded streams plus its viewing, b/s. */
  readonly loadBitsPerSecond: bigint;
  /** Recorded camera streams crossing (day rate; the peak or daily average when rates vary), b/s. */
  readonly recordedBitsPerSecond: bigint;
  /** The cameras those recorded streams come from. */
  readonly recordedCameras: bigint;
  readonly viewingBitsPerSecond: bigint;
  /** This direction's own check, on a full-duplex or an asymmetric link (a shared link's is the row's `link`). */
  readonly link?: LinkStatus;
  /** With rates that vary over the day, when both directions carry recorded streams. */
  readonly time?: SegmentTime;
  /** With --flows: what crosses, heaviest first. */
  readonly flows?: readonly FlowItem[];
}

export type LinkKind = 'duplex' | 'asymmetric' | 'shared';

/** Where a flow starts or ends. */
export type FlowEnd =
  | { readonly kind: 'head-end' }
  | { readonly kind: 'recorder'; readonly name: string; readonly path: readonly string[] }
  | { readonly kind: 'cameras' }
  | { readonly kind: 'viewers'; readonly path: readonly string[]; readonly entry: number };

/** Streams of one kind crossing a link together: recorded streams to one recorder, or one viewer entry's streams. */
export interface FlowItem {
  readonly kind: 'recorded' | 'viewing' | 'relay';
  readonly stream: StreamKind;
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  /** Streams crossing (for recorded streams: cameras). */
  readonly streams: bigint;
  /** Their load on this link, b/s (recorded streams at the rate a camera is checked at). */
  readonly bitsPerSecond: bigint;
  readonly multicast?: boolean;
}

/** How long a storage capacity keeps recordings, when no retention was given: the longest retention that fits, whole seconds. */
export interface StorageKeeps {
  readonly capacityBytes: bigint;
  /** Undefined when nothing is recorded there (it keeps anything). */
  readonly retentionSeconds?: bigint;
}

/** A recorder, or the head end beyond the root's link: what it records, and its checks. */
export interface RecorderRow {
  readonly name: string;
  /** The segment it is in; the head end's is the root's. */
  readonly path: readonly string[];
  readonly headEnd: boolean;
  /** Cameras recording here. */
  readonly cameras: bigint;
  /** Their recorded streams arriving, on the wire (peak or daily average when rates vary), b/s. */
  readonly ingestBitsPerSecond: bigint;
  /** Units given, or the fewest that hold the ingest and the retention (`unitsAuto`). */
  readonly units?: bigint;
  readonly unitsAuto?: boolean;
  readonly ingestPerUnitBitsPerSecond?: bigint;
  readonly storagePerUnitBytes?: bigint;
  /** The ingest against units × ingest per unit, under the segment's ceiling. */
  readonly ingest?: LinkStatus;
  /** Storage for the retention of the cameras recording here, against units × storage per unit. */
  readonly storage?: StorageStatus;
  /** No retention given: how long units × storage keeps. */
  readonly keeps?: StorageKeeps;
  /** With "disks": each unit's array, what it keeps, writes and reads. */
  readonly disks?: DiskPlan;
  /** Present when something was checked (not with units "auto", unless no array of the disks' level holds the retention). */
  readonly fits?: boolean;
}
