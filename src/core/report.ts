/**
 * The one report model that every output format renders. All rates are exact
 * b/s (bigint), all counts exact (bigint). Renderers only format these values.
 */
import type { Profile } from './fleet.js';

export interface ProfileRow {
  readonly profile: Profile;
  readonly cameras: bigint;
  /** cameras × per-camera rate, b/s */
  readonly loadBitsPerSecond: bigint;
}

export interface SegmentRow {
  /** Names from the top-level segment down to this one (the root fleet has an empty path). */
  readonly path: readonly string[];
  readonly depth: number;
  /** Cameras in this segment and every segment below it. */
  readonly cameras: bigint;
  /** Load of this segment and every segment below it, b/s. */
  readonly loadBitsPerSecond: bigint;
  readonly linkBitsPerSecond?: bigint;
}

export interface Report {
  readonly fleetName: string;
  readonly profiles: readonly ProfileRow[];
  /** Pre-order walk of the segment tree, root first. */
  readonly segments: readonly SegmentRow[];
  readonly total: { readonly cameras: bigint; readonly loadBitsPerSecond: bigint };
}
