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
import { pathKeys, pathOrder } from './path-order.js';

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
 * The tree of `segments` (ids below `count`) whose paths `textOf` gives, as
 * their parts joined by '/' (every part non-empty, none holding U+0000);
 * undefined when a path is deeper than MAX_DEPTH, which the general path
 * refuses with its own message.
 */
export function aggregateTree(count: number, segments: Int32Array, textOf: (segment: number) => string): AggregateTree | undefined {
  const keys = pathKeys(segments.length, (k) => textOf(segments[k]!));
  const { arena, starts, depths } = keys;
  let bound = 1;
  for (const depth of depths) {
    if (depth > MAX_DEPTH) return undefined;
    bound += depth;
  }
  const parent = new Int32Array(bound);
  const depth = new Int32Array(bound);
  const rep = new Int32Array(bound);
  const nodeOfSegment = new Int32Array(count).fill(-1);
  parent[0] = -1;
  rep[0] = -1;
  let size = 1;
  const open = [0]; // open[d]: the node at depth d on the path last placed
  let previous = -1;
  for (const k of pathOrder(keys)) {
    const parts = depths[k]!;
    // The parts this path shares with the one before: every part ended (a 0) within their common units.
    let common = 0;
    if (previous >= 0) {
      const a = starts[k]!;
      const b = starts[previous]!;
      const length = Math.min(starts[k + 1]! - a, starts[previous + 1]! - b);
      for (let u = 0; u < length && arena[a + u] === arena[b + u]; u++) if (arena[a + u] === 0) common++;
    }
    for (let d = common + 1; d <= parts; d++) {
      parent[size] = open[d - 1]!;
      depth[size] = d;
      rep[size] = segments[k]!;
      open[d] = size++;
    }
    nodeOfSegment[segments[k]!] = open[parts]!;
    previous = k;
  }
  return { size, parent: parent.subarray(0, size), depth: depth.subarray(0, size), rep: rep.subarray(0, size), nodeOfSegment };
}
