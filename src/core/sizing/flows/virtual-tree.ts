/**
 * The tree cut down to some nodes (the terminals) and the common ancestors
 * of any two of them, each linked to its nearest kept ancestor: what a
 * viewing group's loads depend on. A link between two kept nodes carries the
 * same as the lower one's (every terminal below it is below the lower one),
 * so a figure computed at the kept nodes gives every link's. Built from the
 * terminals in pre-order and the common ancestor of each adjacent pair, in
 * O(t log t) plus one walk up per pair.
 */
import { commonAncestor, contains, type TreeIndex } from './tree.js';

export interface VirtualTree {
  /** The kept nodes, in pre-order (so a node comes before every kept node below it). */
  readonly nodes: readonly number[];
  /** Per kept node: the position in `nodes` of its nearest kept ancestor, or -1. */
  readonly parent: Int32Array;
}

export function virtualTree(tree: TreeIndex, terminals: Iterable<number>): VirtualTree {
  const sorted = [...new Set(terminals)].filter((t) => t >= 0).sort((a, b) => a - b);
  const all = new Set(sorted);
  for (let i = 1; i < sorted.length; i++) all.add(commonAncestor(tree, sorted[i - 1]!, sorted[i]!));
  const nodes = [...all].sort((a, b) => a - b);
  const parent = new Int32Array(nodes.length).fill(-1);
  const stack: number[] = [];
  nodes.forEach((node, k) => {
    while (stack.length > 0 && !contains(tree, nodes[stack[stack.length - 1]!]!, node)) stack.pop();
    if (stack.length > 0) parent[k] = stack[stack.length - 1]!;
    stack.push(k);
  });
  return { nodes, parent };
}
