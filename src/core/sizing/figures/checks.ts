/**
 * The load a segment's link is checked with, and the check itself: the day
 * load when rates are constant; the peak (or, with --check-on average, the
 * daily average) when they vary over the day. Headroom is counted in cameras
 * of the segment's most common profile, or of the --as profile.
 */
import type { Profile } from '../../model/fleet.js';
import { linkStatus } from '../link.js';
import { checkedRate } from '../checked-rate.js';
import type { SegmentNode } from '../walk.js';
import type { Figure } from './figure.js';
import type { RowDraft } from './row.js';

export function checksFigure(checkOn: 'peak' | 'average', headroomProfile: Profile | undefined): Figure<undefined> {
  return {
    init: () => undefined,
    addGroup() {},
    addChild() {},
    finish(_state, node, row) {
      setCheckedLoad(row, checkOn);
      const link = node.segment.linkBitsPerSecond;
      if (link !== undefined)
        row.link = linkStatus(row.loadBitsPerSecond, link, node.ceiling, headroomIn(headroomProfile ?? row.dominant, node, checkOn));
    },
  };
}

function setCheckedLoad(row: RowDraft, checkOn: 'peak' | 'average'): void {
  const viewing = row.viewingBitsPerSecond;
  row.cameraLoadBitsPerSecond = row.time
    ? (checkOn === 'peak' ? row.time.peakBitsPerSecond : row.time.averageBitsPerSecond) - viewing
    : row.dayLoadBitsPerSecond;
  row.loadBitsPerSecond = row.cameraLoadBitsPerSecond + viewing;
}

/** A profile's per-camera rate as this segment's check sees it (see checked-rate.ts), for headroom in cameras. */
export function headroomIn(
  profile: Profile | undefined,
  node: Pick<SegmentNode, 'overhead' | 'schedule'>,
  checkOn: 'peak' | 'average',
): { profile: Profile; perCameraBitsPerSecond: bigint } | undefined {
  return profile ? { profile, perCameraBitsPerSecond: checkedRate(profile, node.overhead, node.schedule, checkOn) } : undefined;
}
