/** What the figures write for one segment while sizing runs; assembled into a SegmentRow at the end. */
import type { Profile } from '../../model/fleet.js';
import type { GroupDrift, LinkStatus, SegmentDrift, SegmentPercentile, SegmentTime, StorageStatus } from '../../model/report.js';

export interface RowDraft {
  /** Cameras in this segment and below. */
  cameras: bigint;
  /** Their most common profile (headroom is counted in it unless --as says otherwise). */
  dominant: Profile | undefined;
  /** Camera streams at their day rate, on the wire, b/s. */
  dayLoadBitsPerSecond: bigint;
  /** Live-viewing streams crossing this segment, b/s. */
  viewingBitsPerSecond: bigint;
  time: SegmentTime | undefined;
  /** Camera streams as the checks see them (day rate; or the peak or average when rates vary), b/s. */
  cameraLoadBitsPerSecond: bigint;
  loadBitsPerSecond: bigint;
  storage: StorageStatus | undefined;
  percentile: SegmentPercentile | undefined;
  link: LinkStatus | undefined;
  /** With --measured: the segment's design against measurement, and its own measured groups. */
  drift?: SegmentDrift;
  driftGroups?: GroupDrift[];
}

export function emptyRow(): RowDraft {
  return {
    cameras: 0n,
    dominant: undefined,
    dayLoadBitsPerSecond: 0n,
    viewingBitsPerSecond: 0n,
    time: undefined,
    cameraLoadBitsPerSecond: 0n,
    loadBitsPerSecond: 0n,
    storage: undefined,
    percentile: undefined,
    link: undefined,
  };
}
