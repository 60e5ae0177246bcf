/**
 * Growth: future cameras in every figure. A share of each camera group is
 * added to it, rounded up per group, so a grown fleet never has fewer cameras
 * than the share implies: a group of n cameras at g becomes n + ceil(n × g).
 * A segment's "growth" applies to it and below unless a segment sets its own;
 * --growth is the default for segments that say nothing. Exact integers.
 */
import { InputError } from '../diagnostics/errors.js';
import type { CameraGroup, Fleet, Segment } from '../model/fleet.js';
import { ceilDiv } from '../numbers/decimal.js';
import { parsePercent, type Ratio } from '../numbers/percent.js';

/** "20%", 20, "12.5" → the share of future cameras; 0 % to 1000 %. */
export function parseGrowth(input: string | number): Ratio {
  const ratio = parsePercent(input, 'growth');
  if (ratio.num > 10n * ratio.den) throw new InputError(`growth '${input}' must be at most 1000 %`);
  return ratio;
}

/** n + ceil(n × growth): never fewer cameras than the share implies. */
export function grownCount(count: bigint, growth: Ratio): bigint {
  return count + ceilDiv(count * growth.num, growth.den);
}

/** What growth did to a fleet: the distinct shares used, and the cameras they added. */
export interface GrowthApplied {
  readonly used: readonly Ratio[];
  readonly addedCameras: bigint;
}

/**
 * The fleet with every group grown by its segment's share (or the default),
 * built bottom-up from a pre-order list (no recursion); undefined when no share applies.
 */
export function grownFleet(fleet: Fleet, defaultGrowth: Ratio | undefined): { fleet: Fleet; applied: GrowthApplied } | undefined {
  if ((defaultGrowth === undefined || defaultGrowth.num === 0n) && !anyGrowth(fleet.root)) return undefined; // the common fleet: no walk that builds
  const order: Array<{ segment: Segment; growth: Ratio | undefined; parent: number }> = [];
  const stack: Array<{ segment: Segment; from: Ratio | undefined; parent: number }> = [
    { segment: fleet.root, from: defaultGrowth, parent: -1 },
  ];
  let any = false;
  while (stack.length > 0) {
    const { segment, from, parent } = stack.pop()!;
    const growth = segment.settings?.growth ?? from;
    if (growth && growth.num > 0n && segment.groups.length > 0) any = true;
    const index = order.length;
    order.push({ segment, growth, parent });
    for (let i = segment.children.length - 1; i >= 0; i--) stack.push({ segment: segment.children[i]!, from: growth, parent: index });
  }
  if (!any) return undefined;
  const used = new Map<string, Ratio>();
  let added = 0n;
  const children: Segment[][] = order.map(() => []);
  const built: Segment[] = new Array(order.length);
  for (let i = order.length - 1; i >= 0; i--) {
    const { segment, growth, parent } = order[i]!;
    let groups: readonly CameraGroup[] = segment.groups;
    if (growth && growth.num > 0n && groups.length > 0) {
      used.set(ratioKey(growth), growth);
      groups = groups.map((g) => {
        const count = grownCount(g.count, growth);
        added += count - g.count;
        return { ...g, count };
      });
    }
    const kids = children[i]!.reverse();
    built[i] = { ...segment, groups, children: kids.length === 0 ? segment.children : kids };
    if (parent >= 0) children[parent]!.push(built[i]!);
  }
  return { fleet: { ...fleet, root: built[0]! }, applied: { used: [...used.values()], addedCameras: added } };
}

/** Whether some segment sets a growth of its own (a walk that allocates nothing per segment). */
function anyGrowth(root: Segment): boolean {
  const stack: Segment[] = [root];
  while (stack.length > 0) {
    const segment = stack.pop()!;
    if (segment.settings?.growth !== undefined) return true;
    for (const child of segment.children) stack.push(child);
  }
  return false;
}

/** The same share, whatever its decimals ("20" and "20.0"): num/den in lowest terms. */
function ratioKey(r: Ratio): string {
  let [a, b] = [r.num, r.den];
  while (b !== 0n) [a, b] = [b, a % b];
  return `${r.num / a}/${r.den / a}`;
}
