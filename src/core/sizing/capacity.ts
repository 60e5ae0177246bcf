/** "How many of these cameras fit?": the inverse of sizing, answered under the same ceiling and overhead. */
import type { Profile } from '../model/fleet.js';
import type { CapacityAnswer, Report } from '../model/report.js';
import { DEFAULT_CEILING, applyFloor } from '../numbers/percent.js';
import { maxCamerasOnLink } from './link.js';
import { checkedRate } from './checked-rate.js';
import { OVERHEADS } from './overhead.js';
import { UsageError } from '../diagnostics/errors.js';
import { type SizeOptions, sizeFleet } from './size.js';
import { DEFAULT_SCHEDULE } from './time.js';
import { figuresDiffer } from './size-plan.js';
import { verdictOf } from './verdict.js';

/** The answer, and the report of that many cameras sized against the capacity. */
export function answerCapacity(profile: Profile, capacityBitsPerSecond: bigint, options: SizeOptions): Report {
  // The answer is a count: growing it would size more cameras than fit.
  if (options.growth) throw new UsageError('growth adds future cameras to camera groups or a fleet; "how many fit?" has no count to grow');
  const ceiling = options.maxUtilization ?? DEFAULT_CEILING;
  // Counted at the rate the check uses: a camera whose rate rises at night fits by its night rate.
  const perCamera = checkedRate(
    profile,
    options.overhead ?? OVERHEADS['none']!,
    options.schedule ?? DEFAULT_SCHEDULE,
    options.checkOn ?? 'peak',
  );
  const maxCameras = maxCamerasOnLink(perCamera, capacityBitsPerSecond, ceiling);
  const groups = maxCameras > 0n ? [{ profile, count: maxCameras }] : [];
  const report = sizeFleet(
    { name: 'command line', root: { name: 'command line', groups, children: [] } },
    { ...options, capacityBitsPerSecond, headroomProfile: profile },
  );
  const checkOn = options.checkOn ?? 'peak';
  const answer: CapacityAnswer = {
    profile,
    perCameraBitsPerSecond: perCamera,
    ...(figuresDiffer(profile) ? { checkedOn: checkOn } : {}),
    capacityBitsPerSecond,
    ceiling,
    usableBitsPerSecond: applyFloor(capacityBitsPerSecond, ceiling),
    maxCameras,
  };
  // Not even one camera fitting is a failed check like any other: the verdict, the exit code and every format say so.
  const checks = [...report.checks, { kind: 'how-many' as const, fits: maxCameras > 0n, answer }];
  return { ...report, capacityAnswer: answer, checks, verdict: verdictOf(checks) };
}
