/** "How many of these cameras fit?": the inverse of sizing, answered under the same ceiling and overhead. */
import type { Profile } from '../model/fleet.js';
import type { Report } from '../model/report.js';
import { DEFAULT_CEILING, applyFloor } from '../numbers/percent.js';
import { maxCamerasOnLink } from './link.js';
import { OVERHEADS, wireRate } from './overhead.js';
import { type SizeOptions, sizeFleet } from './size.js';

/** The answer, and the report of that many cameras sized against the capacity. */
export function answerCapacity(profile: Profile, capacityBitsPerSecond: bigint, options: SizeOptions): Report {
  const ceiling = options.maxUtilization ?? DEFAULT_CEILING;
  const perCamera = wireRate(profile.bitsPerSecond, options.overhead ?? OVERHEADS['none']!);
  const maxCameras = maxCamerasOnLink(perCamera, capacityBitsPerSecond, ceiling);
  const groups = maxCameras > 0n ? [{ profile, count: maxCameras }] : [];
  const report = sizeFleet(
    { name: 'command line', root: { name: 'command line', groups, children: [] } },
    { ...options, capacityBitsPerSecond, headroomProfile: profile },
  );
  return {
    ...report,
    capacityAnswer: {
      profile,
      perCameraBitsPerSecond: perCamera,
      capacityBitsPerSecond,
      ceiling,
      usableBitsPerSecond: applyFloor(capacityBitsPerSecond, ceiling),
      maxCameras,
    },
  };
}
