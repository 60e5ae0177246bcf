/**
 * A camera group described by resolution, frame rate and codec (and scene,
 * quality, a site calibration), estimated with its range: the same profile a
 * fleet file's estimated group gets, for any reader that has such rows (a
 * spreadsheet schedule, an inventory). Its figures are at the points of their
 * 80 % ranges `estimateAt` says (default: the peak's high end for links, the
 * average's centre for storage); the ranges go with the profile, so the
 * report's estimated part carries them into the totals.
 */
import { type CameraGroup, type EstimateAtSetting, estimateAtPoints, estimateProfile, type Profile } from '../model/fleet.js';
import { type EstimateInput, estimateBitrate } from './estimate.js';

export interface EstimatedGroupSpec extends EstimateInput {
  /** What the report calls the group (default "estimate"). */
  readonly label?: string;
  /** --estimate-at: `low`, `mid` or `high` for both figures (default: links high, storage mid). */
  readonly estimateAt?: EstimateAtSetting;
}

/** The estimated profile; an InputError for a resolution, fps, codec, scene or quality it cannot read. */
export function estimatedProfile(spec: EstimatedGroupSpec): Profile {
  return estimateProfile(estimateBitrate(spec), spec.label, estimateAtPoints(spec.estimateAt));
}

/** `count` cameras of the estimated profile. */
export function estimatedGroup(spec: EstimatedGroupSpec, count: bigint): CameraGroup {
  return { profile: estimatedProfile(spec), count };
}
