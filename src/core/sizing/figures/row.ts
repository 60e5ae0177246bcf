/** What the figures write for one segment while sizing runs; assembled into a SegmentRow at the end. */
import type { Profile, StreamKind } from '../../model/fleet.js';
import type {
  FlowItem,
  GroupDrift,
  LinkStatus,
  LinkSuggestion,
  PoeStatus,
  PortStatus,
  SegmentDrift,
  SegmentPercentile,
  SegmentTime,
  StorageStatus,
} from '../../model/report.js';

/** The cameras headroom is counted in: a profile and the stream it records. */
export interface HeadroomUnit {
  readonly profile: Profile;
  readonly stream: StreamKind;
  readonly subBitsPerSecond?: bigint;
}

export interface RowDraft {
  /** Cameras in this segment and below. */
  cameras: bigint;
  /** Their most common profile and recorded stream (headroom is counted in it unless --as says otherwise). */
  dominant: HeadroomUnit | undefined;
  /** Main streams of the cameras below at their day rate, on the wire, b/s (a viewed stream's default rate). */
  dayLoadBitsPerSecond: bigint;
  /** Recorded streams crossing the link at their day rate, on the wire, per direction, b/s; and their cameras. */
  recordedUpDay: bigint;
  recordedDownDay: bigint;
  recordedUpCameras: bigint;
  recordedDownCameras: bigint;
  /** Live-viewing streams crossing this segment's link, per direction and both, b/s. */
  viewingUpBitsPerSecond: bigint;
  viewingDownBitsPerSecond: bigint;
  viewingBitsPerSecond: bigint;
  /** Both directions over the day; and each on its own when both carry recorded streams. */
  time: SegmentTime | undefined;
  timeUp: SegmentTime | undefined;
  timeDown: SegmentTime | undefined;
  /** Recorded streams as the checks see them (day rate; or the peak or average when rates vary), both directions, b/s. */
  cameraLoadBitsPerSecond: bigint;
  loadBitsPerSecond: bigint;
  /** The same per direction (recorded + viewing), b/s. */
  upRecorded: bigint;
  downRecorded: bigint;
  storage: StorageStatus | undefined;
  percentile: SegmentPercentile | undefined;
  link: LinkStatus | undefined;
  upLink: LinkStatus | undefined;
  downLink: LinkStatus | undefined;
  linkDirection: 'up' | 'down' | 'shared' | undefined;
  flowsUp: FlowItem[] | undefined;
  flowsDown: FlowItem[] | undefined;
  /** With --measured: the segment's design against measurement, and its own measured groups. */
  drift?: SegmentDrift;
  driftGroups?: GroupDrift[];
  /** "link": "auto" or --suggest-links: the smallest listed speed that holds the load. */
  linkSuggestion?: LinkSuggestion;
  /** "ports" and "poe": the switch's ports and PoE budget. */
  ports?: PortStatus;
  poe?: PoeStatus;
}

export function emptyRow(): RowDraft {
  return {
    cameras: 0n,
    dominant: undefined,
    dayLoadBitsPerSecond: 0n,
    recordedUpDay: 0n,
    recordedDownDay: 0n,
    recordedUpCameras: 0n,
    recordedDownCameras: 0n,
    viewingUpBitsPerSecond: 0n,
    viewingDownBitsPerSecond: 0n,
    viewingBitsPerSecond: 0n,
    time: undefined,
    timeUp: undefined,
    timeDown: undefined,
    cameraLoadBitsPerSecond: 0n,
    loadBitsPerSecond: 0n,
    upRecorded: 0n,
    downRecorded: 0n,
    storage: undefined,
    percentile: undefined,
    link: undefined,
    upLink: undefined,
    downLink: undefined,
    linkDirection: undefined,
    flowsUp: undefined,
    flowsDown: undefined,
  };
}
