/**
 * The walked tree as index arrays, for the flow arithmetic: each node's
 * parent, depth and the end of its subtree in pre-order, so that "is b in a's
 * subtree" is two comparisons and a common ancestor is a walk up one path.
 * Node -1 is the head end beyond the root's link: it contains nothing and
 * is no node's descendant.
 */
import type { SegmentNode } from '../walk.js';

export const HEAD_END = -1;

export interface TreeIndex {
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** One past the last node of each node's subtree (pre-order). */
  readonly end: Int32Array;
}

export function treeIndex(nodes: readonly SegmentNode[]): TreeIndex {
  const n = nodes.length;
  const parent = new Int32Array(n);
  const depth = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    parent[i] = node.parent;
    depth[i] = node.path.length;
    end[i] = i + 1;
  }
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!;
    if (end[i]! > end[p]!) end[p] = end[i]!;
  }
  return { parent, depth, end };
}

/** Whether node b is in node a's subtree (a itself included); the head end is in no subtree. */
export function contains(tree: TreeIndex, a: number, b: number): boolean {
  return a >= 0 && b >= a && b < tree.end[a]!;
}

/** The deepest node whose subtree holds both a and b; the head end when either is the head end. */
export function commonAncestor(tree: TreeIndex, a: number, b: number): number {
  if (a < 0 || b < 0) return HEAD_END;
  let x = a;
  while (!contains(tree, x, b)) x = tree.parent[x]!;
  return x;
}
