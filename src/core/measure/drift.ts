/**
 * Design against measurement, the arithmetic: a measured group's rate is the
 * mean of its measurements (one per camera), rounded up to a whole b/s; it
 * drifts when it is more than the tolerance above the design's daily average
 * (the SOP: redesign when a group exceeds its design rate by more than 15 %).
 * All comparisons are exact integer ones.
 */
import { InputError } from '../diagnostics/errors.js';
import { type CameraGroup, type Fleet, measuredProfile, type Segment, subRate } from '../model/fleet.js';
import { ceilDiv } from '../numbers/decimal.js';
import { parsePercent, type Ratio } from '../numbers/percent.js';
import { groupKey, type MeasuredGroup, type UnmatchedMeasurement } from './match.js';

/** The SOP's: re-measure after installation, redesign when a group is more than 15 % above its design. */
export const DEFAULT_TOLERANCE: Ratio = { num: 15n, den: 100n };

/** What sizing needs to compare a fleet with its measurements (SizeOptions.drift). */
export interface DriftInput {
  readonly groups: readonly MeasuredGroup[];
  readonly unmatched: readonly UnmatchedMeasurement[];
  /** Measurements read, matched or not. */
  readonly measurements: number;
  readonly tolerance: Ratio;
}

/** --measured FILE… as read from the command line or the library's settings. */
export interface MeasuredRequest {
  readonly files: readonly string[];
  readonly tolerance: Ratio;
  /** Re-size with the measured rates in place of the design ones. */
  readonly useMeasured: boolean;
}

/** --tolerance: a percentage from 0 up (1000 % at most: beyond that nothing is a design). */
export function parseTolerance(text: string): Ratio {
  const ratio = parsePercent(text, 'tolerance');
  if (ratio.num > 10n * ratio.den) throw new InputError(`tolerance '${text}' must be at most 1000 %`);
  return ratio;
}

/** The mean of a group's measurements, b/s, rounded up. */
export function measuredRate(group: MeasuredGroup): bigint {
  const sum = group.measurements.reduce((s, m) => s + m.bitsPerSecond, 0n);
  return ceilDiv(sum, BigInt(group.measurements.length));
}

/** measured > design × (1 + tolerance), exactly (both in the same unit). */
export function exceeds(measured: bigint, design: bigint, tolerance: Ratio): boolean {
  return measured * tolerance.den > design * (tolerance.den + tolerance.num);
}

/** (measured − design) ÷ design in tenths of a percent, rounded away from zero, so "+15.1 %" is shown only above 15 %. */
export function deviationPermille(measured: bigint, design: bigint): bigint | undefined {
  if (design <= 0n) return undefined;
  const diff = measured - design;
  const magnitude = ceilDiv((diff < 0n ? -diff : diff) * 1000n, design);
  return diff < 0n ? -magnitude : magnitude;
}

/**
 * The fleet with each measured group's cameras at their measured rate
 * (--use-measured), the rest as designed. The tree is rebuilt without
 * recursion, children before parents.
 */
export function withMeasuredRates(fleet: Fleet, groups: readonly MeasuredGroup[]): Fleet {
  const rates = new Map(groups.map((g) => [groupKey(g.path, g.group), { rate: measuredRate(g), n: g.measurements.length }]));
  const order: Array<{ segment: Segment; path: readonly string[]; parent: number }> = [];
  const stack = [{ segment: fleet.root, path: [] as readonly string[], parent: -1 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const index = order.length;
    order.push(entry);
    const children = entry.segment.children;
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ segment: children[i]!, path: [...entry.path, children[i]!.name], parent: index });
  }
  const built: Segment[] = new Array(order.length);
  const children: Segment[][] = order.map(() => []);
  for (let i = order.length - 1; i >= 0; i--) {
    const { segment, path, parent } = order[i]!;
    const where = path.length === 0 ? fleet.name : path.join('/');
    const measuredGroups = segment.groups.map((g): CameraGroup => {
      const m = rates.get(groupKey(path, g.profile.name));
      if (!m) return g;
      // Only the (main) rate is measured: what the group records, where to, and its sub stream stay as
      // designed. The measured profile has no preset, so a preset's sub rate is kept on the group.
      const sub = subRate(g);
      return { ...g, profile: measuredProfile(g.profile, m.rate, m.n, where), ...(sub === undefined ? {} : { subBitsPerSecond: sub }) };
    });
    built[i] = { ...segment, groups: measuredGroups, children: children[i]!.reverse() };
    if (parent >= 0) children[parent]!.push(built[i]!);
  }
  return { ...fleet, root: built[0]! };
}
