/** Capacity arithmetic for one link: utilisation, headroom, and how many cameras fit. */
import { ceilDiv } from '../numbers/decimal.js';
import type { Profile } from '../model/fleet.js';
import { applyFloor, type Ratio } from '../numbers/percent.js';
import type { LinkStatus } from '../model/report.js';

export function linkStatus(
  loadBitsPerSecond: bigint,
  capacityBitsPerSecond: bigint,
  ceiling: Ratio,
  headroomProfile?: { profile: Profile; perCameraBitsPerSecond: bigint; stream?: 'sub' },
): LinkStatus {
  const usable = applyFloor(capacityBitsPerSecond, ceiling);
  const headroom = usable - loadBitsPerSecond;
  let headroomCameras: LinkStatus['headroomCameras'];
  if (headroomProfile && headroomProfile.perCameraBitsPerSecond > 0n) {
    const per = headroomProfile.perCameraBitsPerSecond;
    // Spare room rounds down (a camera fits whole or not at all); an excess rounds up.
    const cameras = headroom >= 0n ? headroom / per : -ceilDiv(-headroom, per);
    headroomCameras = { ...headroomProfile, cameras };
  }
  // Optional keys are added, not spread: two or three links per segment (bench/RESULTS.md, "Fleet file").
  const status: { -readonly [K in keyof LinkStatus]: LinkStatus[K] } = {
    capacityBitsPerSecond,
    ceiling,
    usableBitsPerSecond: usable,
    headroomBitsPerSecond: headroom,
    fits: loadBitsPerSecond <= usable,
  };
  if (capacityBitsPerSecond > 0n) status.utilizationBasisPoints = ceilDiv(loadBitsPerSecond * 10_000n, capacityBitsPerSecond);
  if (headroomCameras) status.headroomCameras = headroomCameras;
  return status;
}

/** The most cameras at `perCamera` b/s that fit under the ceiling: floor(usable / perCamera). */
export function maxCamerasOnLink(perCameraBitsPerSecond: bigint, capacityBitsPerSecond: bigint, ceiling: Ratio): bigint {
  if (perCameraBitsPerSecond <= 0n) throw new RangeError('per-camera rate must be positive');
  return applyFloor(capacityBitsPerSecond, ceiling) / perCameraBitsPerSecond;
}
