/**
 * Turns aggregated inventory entries into the fleet model: on their own (the
 * segment paths build the tree) or into the topology of a fleet file, whose
 * links and settings then apply to the inventory's cameras.
 */
import type { CameraGroup, Fleet, Segment } from '../model/fleet.js';
import { closest } from '../diagnostics/suggest.js';
import { entryCount, type Entry, type RecordPlace } from './aggregate.js';

interface Node {
  base: Omit<Segment, 'groups' | 'children'>;
  groups: CameraGroup[];
  children: Map<string, Node>;
  /** Segments the fleet file did not have, created for the inventory. */
  added: boolean;
}

export interface MissingSegment {
  path: string;
  first: RecordPlace;
  suggestion?: string;
}

/** The fleet file's tree as Nodes, walked with a stack: a deep tree costs memory, not call stack. */
function fromSegment(segment: Segment): Node {
  const nodeOf = (s: Segment): Node => {
    const { groups, children, ...base } = s;
    return { base, groups: [...groups], children: new Map(), added: false };
  };
  const root = nodeOf(segment);
  const stack: Array<[Segment, Node]> = [[segment, root]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [from, node] = top;
    for (const child of from.children) {
      const made = nodeOf(child);
      node.children.set(child.name, made);
      stack.push([child, made]);
    }
  }
  return root;
}

/**
 * The Nodes back as Segments, children sorted by name where `sortChildren`
 * (and below any segment the inventory added). Post-order with a stack: no
 * recursion over the depth of a path such as a/b/c/… with 3,000 parts.
 */
function toSegment(root: Node, sortChildren: boolean): Segment {
  interface Frame {
    node: Node;
    sort: boolean;
    children: Node[];
    done: Segment[];
  }
  const frame = (node: Node, sort: boolean): Frame => {
    const children = [...node.children.values()];
    if (sort) children.sort((a, b) => (a.base.name < b.base.name ? -1 : a.base.name > b.base.name ? 1 : 0));
    return { node, sort, children, done: [] };
  };
  const stack: Frame[] = [frame(root, sortChildren)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    const next = top.children[top.done.length];
    if (next !== undefined) {
      stack.push(frame(next, top.sort || next.added));
      continue;
    }
    const segment: Segment = { ...top.node.base, groups: top.node.groups, children: top.done };
    stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === undefined) return segment;
    parent.done.push(segment);
  }
}

/**
 * Places every entry's cameras in its segment. With `into` (a fleet file),
 * a path it lacks is reported in `missing` unless `allowNew`; without it the
 * tree is built from the paths, children sorted by name (so record order never
 * changes the report).
 */
export function inventoryFleet(
  entries: Iterable<Entry>,
  name: string,
  into?: Fleet,
  allowNew = false,
): { fleet: Fleet; missing: MissingSegment[] } {
  const root: Node = into ? fromSegment(into.root) : { base: { name }, groups: [], children: new Map(), added: true };
  const missing = new Map<string, MissingSegment>();
  // Entries of one segment share its path array: its node is found once.
  const nodes = new Map<readonly string[], Node | undefined>();
  for (const entry of entries) {
    if (nodes.has(entry.segment)) {
      nodes.get(entry.segment)?.groups.push({ profile: entry.profile, count: entryCount(entry) });
      continue;
    }
    let node = root;
    for (const part of entry.segment) {
      let child = node.children.get(part);
      if (!child) {
        if (into && !allowNew) {
          const path = entry.segment.join('/');
          if (!missing.has(path)) {
            const near = closest(part, node.children.keys(), 1)[0];
            missing.set(path, { path, first: entry.first, ...(near ? { suggestion: near } : {}) });
          }
          node = undefined as unknown as Node;
          break;
        }
        child = { base: { name: part }, groups: [], children: new Map(), added: true };
        node.children.set(part, child);
      }
      node = child;
    }
    if (node) node.groups.push({ profile: entry.profile, count: entryCount(entry) });
    nodes.set(entry.segment, node);
  }
  const fleet: Fleet = { name: into?.name ?? name, root: toSegment(root, !into), ...(into?.project ? { project: into.project } : {}) };
  return { fleet, missing: [...missing.values()] };
}
