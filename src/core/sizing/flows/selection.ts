/**
 * Which streams a viewer entry watches when it gives no rate: the N
 * highest-rate streams of that kind under its `of` (the worst case), where a
 * stream of a higher rate always comes first and, among equal rates, the
 * camera listed first in the fleet (pre-order of segments, then group order).
 * Found in one pass over the groups under `of`, keeping at most N groups.
 */
import type { StreamKind } from '../../model/fleet.js';
import type { SegmentNode } from '../walk.js';
import type { StreamRate } from './streams.js';
import type { TreeIndex } from './tree.js';

/** Some of one group's cameras: `taken` streams at `rate` b/s each (on the wire). */
export interface Piece {
  readonly node: number;
  readonly group: number;
  readonly taken: bigint;
  readonly rate: bigint;
}

interface Candidate {
  node: number;
  group: number;
  count: bigint;
  rate: bigint;
}

/** The `want` highest-rate streams of `kind` under node `of`, highest first. */
export function highestStreams(
  nodes: readonly SegmentNode[],
  tree: TreeIndex,
  of: number,
  kind: StreamKind,
  want: bigint,
  rateOf: StreamRate,
): Piece[] {
  const chosen: Candidate[] = [];
  if (want <= 0n) return [];
  let total = 0n;
  for (let x = of; x < tree.end[of]!; x++) {
    const node = nodes[x]!;
    const groups = node.segment.groups;
    for (let j = 0; j < groups.length; j++) {
      const group = groups[j]!;
      if (group.count === 0n) continue;
      const rate = rateOf(group, node, kind);
      if (total >= want && rate <= chosen[chosen.length - 1]!.rate) continue;
      // After every chosen stream of a rate at least as high: an earlier camera wins a tie.
      let at = chosen.length;
      while (at > 0 && chosen[at - 1]!.rate < rate) at--;
      chosen.splice(at, 0, { node: x, group: j, count: group.count, rate });
      total += group.count;
      while (chosen.length > 0 && total - chosen[chosen.length - 1]!.count >= want) total -= chosen.pop()!.count;
    }
  }
  const excess = total > want ? total - want : 0n;
  return chosen.map((c, i) => ({
    node: c.node,
    group: c.group,
    rate: c.rate,
    taken: i === chosen.length - 1 ? c.count - excess : c.count,
  }));
}

/** The first `want` streams of a ranking (a ranking of at least as many). */
export function firstStreams(ranking: readonly Piece[], want: bigint): Piece[] {
  const out: Piece[] = [];
  let left = want;
  for (const piece of ranking) {
    if (left === 0n) break;
    const taken = piece.taken < left ? piece.taken : left;
    out.push({ ...piece, taken });
    left -= taken;
  }
  return out;
}
