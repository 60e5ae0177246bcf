/**
 * The report model's measured side (--measured): each measured group's design
 * against its measurement, per segment and for the whole fleet. Part of the
 * report (report.ts re-exports it, and holds the fleet's DriftSummary); rates exact b/s.
 */
import type { Profile } from './fleet.js';

/**
 * Design against measurement, compared as daily averages of the payload (what
 * a day-long measurement of a recording sees): b/s, rounded up.
 */
export interface DriftFigures {
  readonly designBitsPerSecond: bigint;
  readonly measuredBitsPerSecond: bigint;
  /** (measured − design) ÷ design in tenths of a percent, rounded away from zero; undefined when the design is 0. */
  readonly deviationPermille?: bigint;
  /** More than the tolerance above the design. */
  readonly exceeds: boolean;
  /** Measurements behind the measured figure. */
  readonly measurements: number;
}

/** A segment's cameras with the measured rates of its measured groups in place of their design ones (the others as designed). */
export interface SegmentDrift extends DriftFigures {
  /** Measured groups in this segment and below. */
  readonly groups: number;
}

/** One measured group: a segment's cameras under one profile name (a preset id or a label), per camera. */
export interface GroupDrift extends DriftFigures {
  readonly path: readonly string[];
  /** The profile name measurements name it by. */
  readonly group: string;
  readonly profile: Profile;
  readonly cameras: bigint;
  /** Of the measurements: shorter than 24 h, likely caps. */
  readonly short: number;
  readonly likelyCaps: number;
}
