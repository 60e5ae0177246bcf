/**
 * What `camsize diff` finds between two reports of a design (before and
 * after a change to its fleet file): per segment, link direction, recorder
 * and total, each figure that changed, and which checks flipped. Exact:
 * every figure is the reports' own bigint, in its unit.
 */
import type { FlatCheck } from '../sizing/flat-checks.js';

/** The unit of a figure: b/s, bytes, hundredths of a percent, milliwatts, or a count (cameras, ports, units, disks, days). */
export type FigureUnit = 'b/s' | 'B' | 'bp' | 'mW' | 'count';

export interface FigureChange {
  /** What the figure is: "cameras", "load", "utilization", "storage", "ports used", "PoE draw" … */
  readonly name: string;
  readonly unit: FigureUnit;
  /** Absent on the side that does not have it (a row added or removed, a link given or taken away). */
  readonly before?: bigint;
  readonly after?: bigint;
}

export type DiffChange = 'added' | 'removed' | 'changed' | 'unchanged';
export type CheckState = 'pass' | 'fail' | 'absent';

/** A check whose verdict differs between the two sides. */
export interface CheckFlip {
  /** The check as it is after (or before, when it is gone). */
  readonly check: FlatCheck;
  readonly before: CheckState;
  readonly after: CheckState;
  /** Set on the check as it was before, when it exists there. */
  readonly was?: FlatCheck;
}

export interface DiffRow {
  readonly kind: 'segment' | 'link' | 'recorder' | 'total';
  readonly path: readonly string[];
  readonly direction?: 'up' | 'down' | 'shared';
  readonly recorder?: string;
  readonly change: DiffChange;
  /** Every figure the row has on either side (its changed ones are those whose before and after differ). */
  readonly figures: readonly FigureChange[];
  /** The checks of this row that flipped. */
  readonly flips: readonly CheckFlip[];
}

export interface DiffSide {
  readonly fleet: string;
  readonly verdict: 'pass' | 'fail' | 'unchecked';
  readonly checks: number;
  readonly failed: number;
}

export interface ReportDiff {
  readonly before: DiffSide;
  readonly after: DiffSide;
  /** Every row of either side, in the after report's order, then what only the before report had. */
  readonly rows: readonly DiffRow[];
  /** Checks that fail after and did not before (they passed, or did not exist): the CI gate. */
  readonly newlyFailing: number;
  /** Checks that failed before and pass after (or are gone). */
  readonly fixed: number;
  /** fail when some check newly fails: exit 1. */
  readonly verdict: 'pass' | 'fail';
}

export function changed(figure: FigureChange): boolean {
  return figure.before !== figure.after;
}
