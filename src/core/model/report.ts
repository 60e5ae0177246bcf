/**
 * The one report model that every output format renders. All rates are exact
 * b/s (bigint), all counts exact (bigint). Renderers only format these values.
 */
import type { ColumnRead } from '../inventory/column-plan.js';
import type { EstimateAt, Profile, Project } from './fleet.js';
import type { Overhead } from '../sizing/overhead.js';
import type { Ratio } from '../numbers/percent.js';
import type { Recording, Retention } from '../sizing/storage.js';
import type { Schedule } from '../sizing/time.js';
import type { PercentileSettings } from '../sizing/percentile.js';
import type { UnmatchedMeasurement } from '../measure/match.js';
import type { GroupDrift, SegmentDrift } from './drift-report.js';
import type { Direction, DirectionLoad, LinkKind, RecorderRow, StorageKeeps } from './flow-report.js';
import type { LinkStatus, LinkSuggestion, PoeStatus, PortStatus, SegmentTime, StorageStatus } from './link-status.js';

export type { DriftFigures, GroupDrift, SegmentDrift } from './drift-report.js';
export type { LinkStatus, LinkSuggestion, PoeStatus, PortStatus, SegmentTime, StorageStatus } from './link-status.js';
export type { Direction, DirectionLoad, FlowEnd, FlowItem, LinkKind, RecorderRow, StorageKeeps } from './flow-report.js';

export interface ProfileRow {
  readonly profile: Profile;
  readonly cameras: bigint;
  /** cameras × per-camera payload rate by day (the peak figure's day rate), b/s */
  readonly payloadBitsPerSecond: bigint;
  /** The same on the wire, with each group's transport overhead, b/s */
  readonly loadBitsPerSecond: bigint;
  /** When some rate varies over the day or has an average below its peak (settings.time): both figures. */
  readonly figures?: ProfileFigures;
}

/** A profile's two figures over the day: the peak (what links carry) and the daily average (what storage holds). */
export interface ProfileFigures {
  /** A camera's peak over the day: its highest state, events coinciding (payload), b/s. */
  readonly peakPerCameraBitsPerSecond: bigint;
  /** A camera's daily average of its average figure (payload; over the profile's cameras, rounded up), b/s. */
  readonly averagePerCameraBitsPerSecond: bigint;
  /** Every camera at its peak, on the wire, b/s. */
  readonly peakLoadBitsPerSecond: bigint;
  /** The cameras' daily average, on the wire, b/s (rounded up). */
  readonly averageLoadBitsPerSecond: bigint;
}

export interface SegmentRow {
  /** Names from the top-level segment down to this one (the root fleet has an empty path). */
  readonly path: readonly string[];
  readonly depth: number;
  /** Cameras in this segment and every segment below it. */
  readonly cameras: bigint;
  /** Recorded camera streams crossing this segment's link, both directions, on the wire, b/s. */
  readonly cameraLoadBitsPerSecond: bigint;
  /** Live-viewing streams crossing this segment's link, both directions, b/s. */
  readonly viewingBitsPerSecond: bigint;
  /** cameraLoad + viewing: everything on the link, both directions, b/s */
  readonly loadBitsPerSecond: bigint;
  readonly overhead: Overhead;
  /** Each direction of the link: up towards the parent (and the head end), down from it. */
  readonly up: DirectionLoad;
  readonly down: DirectionLoad;
  /** The check of the link: the direction that fails or is fuller (`linkDirection`), or the shared capacity of a half-duplex link. */
  readonly link?: LinkStatus;
  readonly linkKind?: LinkKind;
  readonly linkDirection?: Direction | 'shared';
  /** Present when storage is sized (a retention is set). */
  readonly storage?: StorageStatus;
  /** Present when rates vary over the day (both directions); then load is the peak or the average (settings.time.checkOn). */
  readonly time?: SegmentTime;
  /** With --percentile: that percentile of the load, both directions (approximate), and the mean and σ it came from. */
  readonly percentile?: SegmentPercentile;
  /** With --measured, when a measured group is in this segment or below: design against measurement. */
  readonly drift?: SegmentDrift;
  /** "link": "auto": the link is the suggested speed. */
  readonly linkAuto?: true;
  /** With "link": "auto" or --suggest-links: the smallest listed speed that holds the load. */
  readonly linkSuggestion?: LinkSuggestion;
  /** With "ports": the switch's ports against its cameras and the links below it. */
  readonly ports?: PortStatus;
  /** With "poe": the switch's PoE budget against its cameras' draw. */
  readonly poe?: PoeStatus;
  /**
   * Live viewing in this segment itself (not below): its operator stations
   * (the list form of "viewers"; the single-number form counts as one) and
   * the streams they watch in all.
   */
  readonly viewers?: { readonly stations: bigint; readonly streams: bigint };
}

/** A percentile of a load in its worst hour (floating point, rounded up to a whole b/s), with that hour's mean and σ. */
export interface SegmentPercentile {
  readonly bitsPerSecond: bigint;
  readonly mean: number;
  readonly sigma: number;
  /** The hour (0–23) whose percentile is the highest. */
  readonly hour: number;
}

/**
 * One capacity check of the report: a segment's link, a segment's storage,
 * the total against --capacity or --storage-capacity. The verdict and the
 * exit code come from these (src/core/sizing/verdict.ts), and every format
 * counts and lists the same ones.
 */
export type Check =
  | {
      readonly kind: 'link';
      readonly path: readonly string[];
      readonly fits: boolean;
      /** The segment row's `link`, and the load it is checked with. */
      readonly link: LinkStatus;
      readonly loadBitsPerSecond: bigint;
      /** Every direction checked: up and down, or the shared capacity; the failure lines name each that fails. */
      readonly directions: ReadonlyArray<{
        readonly direction: Direction | 'shared';
        readonly link: LinkStatus;
        readonly loadBitsPerSecond: bigint;
      }>;
    }
  /** A switch's ports and its PoE budget. */
  | { readonly kind: 'ports'; readonly path: readonly string[]; readonly fits: boolean; readonly ports: PortStatus }
  | { readonly kind: 'poe'; readonly path: readonly string[]; readonly fits: boolean; readonly poe: PoeStatus }
  /** A recorder's ingest and storage. */
  | { readonly kind: 'recorder'; readonly path: readonly string[]; readonly fits: boolean; readonly recorder: RecorderRow }
  | { readonly kind: 'storage'; readonly path: readonly string[]; readonly fits: boolean; readonly storage: StorageStatus }
  | { readonly kind: 'total'; readonly fits: boolean; readonly link: LinkStatus; readonly loadBitsPerSecond: bigint }
  | { readonly kind: 'total-storage'; readonly fits: boolean; readonly storage: StorageStatus }
  /** "How many fit?": passes when at least one camera does. */
  | { readonly kind: 'how-many'; readonly fits: boolean; readonly answer: CapacityAnswer }
  /** --measured: a group's measured rate against its design; fails when it is more than the tolerance above. */
  | { readonly kind: 'drift'; readonly path: readonly string[]; readonly fits: boolean; readonly drift: GroupDrift };

export interface CapacityAnswer {
  readonly profile: Profile;
  /** The rate the check counts a camera at, on the wire (its peak or daily average when its rate varies). */
  readonly perCameraBitsPerSecond: bigint;
  /** Set when the camera's rate varies over the day: which of its rates perCamera is. */
  readonly checkedOn?: 'peak' | 'average';
  readonly capacityBitsPerSecond: bigint;
  readonly ceiling: Ratio;
  readonly usableBitsPerSecond: bigint;
  readonly maxCameras: bigint;
}

/** A total at the low end, the centre and the high end of the estimates' ranges. */
export interface RangeTotal {
  readonly low: bigint;
  readonly mid: bigint;
  readonly high: bigint;
}

/**
 * The estimated camera groups' part of the totals: their peak and daily
 * average (on the wire, b/s) and their storage (bytes, when storage is
 * sized), each at the low end, centre and high end of the estimates' ranges,
 * and which point sizing used for each (links: `peakAt`, storage: `averageAt`).
 */
export interface EstimatedPart {
  readonly cameras: bigint;
  /** The share of independent figures the ranges held (0.8). */
  readonly coverage: number;
  readonly peakAt: EstimateAt;
  readonly averageAt: EstimateAt;
  readonly peak: RangeTotal;
  readonly average: RangeTotal;
  readonly storage?: RangeTotal;
}

export interface Report {
  readonly fleetName: string;
  /** What the design document is about (the fleet file's "project" and the command line's --project …). */
  readonly project?: Project;
  readonly settings: {
    readonly overhead: Overhead;
    readonly maxUtilization: Ratio;
    readonly overheadsUsed: readonly Overhead[];
    readonly percentile?: PercentileSettings;
    /** Present when some camera's rate varies over the day. */
    readonly time?: { readonly checkOn: 'peak' | 'average'; readonly schedule: Schedule };
    /** Present when storage is sized. */
    readonly storage?: {
      readonly retention?: Retention;
      readonly recording: Recording;
      readonly overhead: Ratio;
      /** The distinct retention and recording settings that segments with cameras use. */
      readonly used: ReadonlyArray<{ readonly retention: Retention; readonly recording: Recording }>;
      /** --storage-headroom: spare capacity reserved on top of every storage figure a check compares. */
      readonly headroom?: Ratio;
    };
    /** Present with --growth or a segment's "growth": future cameras in every figure. */
    readonly growth?: {
      /** --growth, for segments that set no growth of their own. */
      readonly default?: Ratio;
      /** The distinct shares applied to groups. */
      readonly used: readonly Ratio[];
      /** Cameras the growth added (every count in the report includes them). */
      readonly addedCameras: bigint;
    };
    /** Present when a link was sized or suggested ("auto", --suggest-links): the speeds chosen from. */
    readonly linkSpeeds?: readonly bigint[];
    /** Present when a PoE budget is checked: the default ceiling (a segment's "maxPoeUtilization" overrides it). */
    readonly maxPoeUtilization?: Ratio;
  };
  readonly profiles: readonly ProfileRow[];
  /** Pre-order walk of the segment tree, root first. */
  readonly segments: readonly SegmentRow[];
  readonly total: {
    readonly cameras: bigint;
    readonly loadBitsPerSecond: bigint;
    readonly viewingBitsPerSecond: bigint;
    /** The sum of the profile rows' loads (by day, when rates vary over the day). */
    readonly profilesLoadBitsPerSecond: bigint;
    /** With the profiles' figures: the sum of every profile at its own peak, and of their daily averages, on the wire, b/s. */
    readonly profilesFigures?: { readonly peakLoadBitsPerSecond: bigint; readonly averageLoadBitsPerSecond: bigint };
    /** When some camera group is estimated: the estimated part of the totals, with its ranges. */
    readonly estimated?: EstimatedPart;
    readonly storage?: StorageStatus;
    /** --storage-capacity without a retention: how long it keeps all recordings. */
    readonly keeps?: StorageKeeps;
    /** Present when rates vary over the day: the root segment's. */
    readonly time?: SegmentTime;
    /** With --percentile: the root segment's. */
    readonly percentile?: SegmentPercentile;
    /** Present when the fleet has recorders: what the recorders in the fleet take, b/s (their ingest; not the head end's). */
    readonly recordedInFleetBitsPerSecond?: bigint;
  };
  /** Present when the fleet has recorders: each of them in tree order, then the head end. */
  readonly recorders?: readonly RecorderRow[];
  /** Set when something crosses a link downwards or a link is asymmetric or shared: the human tables show both directions. */
  readonly twoWay?: boolean;
  /** Every capacity check, segments in tree order (link, then storage), then the recorders, then the totals. */
  readonly checks: readonly Check[];
  /** The check of the total against --capacity, if one was asked for. */
  readonly totalCheck?: LinkStatus;
  /** The answer to "how many of these cameras fit?", when that was the question. */
  readonly capacityAnswer?: CapacityAnswer;
  /** pass: every check fits; fail: at least one does not; unchecked: nothing had a capacity. */
  readonly verdict: 'pass' | 'fail' | 'unchecked';
  /** Set when invalid inventory records were skipped (--skip-invalid): the totals leave them out. */
  readonly partial?: { readonly skippedRecords: number };
  /** With --measured: each measured group against its design, and the measurements no group matched. */
  readonly drift?: DriftSummary;
  /** Set when the cameras came from an inventory: how many records were read. */
  readonly inventory?: {
    readonly name: string;
    readonly records: number;
    readonly bytes: number;
    /** Every column of a schedule (or key of NDJSON/JSON records) and what it was read as. */
    readonly columns?: readonly ColumnRead[];
    /** The worksheet read, for a workbook. */
    readonly sheet?: string;
  };
}

export interface DriftSummary {
  /** A group drifts when its measured rate is more than this above its design (--tolerance, default 15 %). */
  readonly tolerance: Ratio;
  /** Measurements read. */
  readonly measurements: number;
  readonly groups: readonly GroupDrift[];
  readonly unmatched: readonly UnmatchedMeasurement[];
  /** With --use-measured: the loads, links and storage are the measured fleet's. */
  readonly resized?: {
    /** Capacity checks over with the design rates, and which checks only the measured rates put over. */
    readonly overWithDesign: number;
    readonly newlyOver: readonly Check[];
  };
}
