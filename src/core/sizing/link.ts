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
  const usable = usableOf(capacityBitsPerSecond, ceiling);
  const headroom = usable - loadBitsPerSecond;
  let headroomCameras: LinkStatus['headroomCameras'];
  if (headroomProfile && headroomProfile.perCameraBitsPerSecond > 0n) {
    const { profile, perCameraBitsPerSecond: per, stream } = headroomProfile;
    // Spare room rounds down (a camera fits whole or not at all); an excess rounds up.
    const cameras = headroom >= 0n ? headroom / per : -ceilDiv(-headroom, per);
    headroomCameras = stream === undefined ? { profile, perCameraBitsPerSecond: per, cameras } : { ...headroomProfile, cameras };
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

/** The last capacity and ceiling asked, and their usable rate: most links of a large fleet share both. */
let lastCapacity = -1n;
let lastCeiling: Ratio | undefined;
let lastUsable = 0n;

/** applyFloor(capacity, ceiling), remembered for the next call with the same two. */
function usableOf(capacity: bigint, ceiling: Ratio): bigint {
  if (capacity !== lastCapacity || ceiling !== lastCeiling) {
    lastUsable = applyFloor(capacity, ceiling);
    lastCapacity = capacity;
    lastCeiling = ceiling;
  }
  return lastUsable;
}

/** The most cameras at `perCamera` b/s that fit under the ceiling: floor(usable / perCamera). */
export function maxCamerasOnLink(perCameraBitsPerSecond: bigint, capacityBitsPerSecond: bigint, ceiling: Ratio): bigint {
  if (perCameraBitsPerSecond <= 0n) throw new RangeError('per-camera rate must be positive');
  return applyFloor(capacityBitsPerSecond, ceiling) / perCameraBitsPerSecond;
}
