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

function fromSegment(segment: Segment): Node {
  const { groups, children, ...base } = segment;
  const node: Node = { base, groups: [...groups], children: new Map(), added: false };
  for (const child of children) node.children.set(child.name, fromSegment(child));
  return node;
}

function toSegment(node: Node, sortChildren: boolean): Segment {
  const children = [...node.children.values()];
  if (sortChildren) children.sort((a, b) => (a.base.name < b.base.name ? -1 : a.base.name > b.base.name ? 1 : 0));
  return { ...node.base, groups: node.groups, children: children.map((c) => toSegment(c, sortChildren || c.added)) };
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
  for (const entry of entries) {
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
  }
  return { fleet: { name: into?.name ?? name, root: toSegment(root, !into) }, missing: [...missing.values()] };
}
