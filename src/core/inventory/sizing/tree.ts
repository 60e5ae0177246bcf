/**
 * The segment tree of an inventory read without a fleet file, as index
 * arrays: the nodes in pre-order with every segment's children sorted by
 * name (what `inventoryFleet` builds as objects, node for node), each with
 * its parent and depth. Built by sorting the distinct segment paths once
 * (path-order.ts): part by part, a path sorts before its extensions and
 * siblings by name, so the sorted paths list the nodes in pre-order. No
 * object per segment.
 */
import { MAX_DEPTH } from '../../model/fleet.js';
import { pathOrder } from './path-order.js';

export interface AggregateTree {
  /** Nodes, the root (the fleet, path []) first. */
  readonly size: number;
  /** Per node: its parent (-1 for the root), always at a lower index. */
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** Per node: a segment id whose path begins with this node's path (-1 for the root). */
  readonly rep: Int32Array;
  /** Per segment id: its node (segments whose paths are equal share one); -1 for a segment not in `segments`. */
  readonly nodeOfSegment: Int32Array;
}

/**
 * The tree of `segments` (ids below `count`) whose paths `pathOf` gives
 * (every part non-empty, no part holding U+0000); undefined when a path is
 * deeper than MAX_DEPTH, which the general path refuses with its own message.
 */
export function aggregateTree(
  count: number,
  segments: Int32Array,
  pathOf: (segment: number) => readonly string[],
): AggregateTree | undefined {
  let bound = 1;
  for (const s of segments) {
    const length = pathOf(s).length;
    if (length > MAX_DEPTH) return undefined;
    bound += length;
  }
  const parent = new Int32Array(bound);
  const depth = new Int32Array(bound);
  const rep = new Int32Array(bound);
  const nodeOfSegment = new Int32Array(count).fill(-1);
  parent[0] = -1;
  rep[0] = -1;
  let size = 1;
  const open = [0]; // open[d]: the node at depth d on the path last placed
  let previous: readonly string[] = [];
  for (const k of pathOrder(segments.length, (k) => pathOf(segments[k]!))) {
    const s = segments[k]!;
    const path = pathOf(s);
    let common = 0;
    while (common < path.length && common < previous.length && path[common] === previous[common]) common++;
    for (let d = common + 1; d <= path.length; d++) {
      parent[size] = open[d - 1]!;
      depth[size] = d;
      rep[size] = s;
      open[d] = size++;
    }
    nodeOfSegment[s] = open[path.length]!;
    previous = path;
  }
  return { size, parent: parent.subarray(0, size), depth: depth.subarray(0, size), rep: rep.subarray(0, size), nodeOfSegment };
}
