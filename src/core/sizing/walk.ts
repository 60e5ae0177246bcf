/**
 * The segment tree as a flat list in pre-order (every segment after its
 * parent), each with the settings it inherits resolved. Iterative: a fleet
 * nested thousands of levels deep costs memory, not stack.
 */
import { InputError } from '../diagnostics/errors.js';
import { MAX_DEPTH, type Segment } from '../model/fleet.js';
import type { Ratio } from '../numbers/percent.js';
import type { Overhead } from './overhead.js';
import type { Recording, Retention } from './storage.js';
import type { Schedule } from './time.js';

/** Settings a segment passes down unless a segment below sets its own. */
export interface Inherited {
  readonly overhead: Overhead;
  readonly ceiling: Ratio;
  readonly retention: Retention | undefined;
  readonly recording: Recording;
  readonly schedule: Schedule;
  /** The recorder (by name) cameras record to, when a segment at or above says so. */
  readonly recordTo?: string | undefined;
  /** A switch's PoE budget counts as full at this share. */
  readonly poeCeiling: Ratio;
}

export interface SegmentNode extends Inherited {
  /** Index of this segment in the walk (pre-order, the root is 0). */
  readonly index: number;
  /** Index of the parent in the walk; -1 for the root. */
  readonly parent: number;
  /** Names from the top-level segment down (the root has an empty path). */
  readonly path: readonly string[];
  readonly segment: Segment;
}

export function walkTree(root: Segment, defaults: Inherited): SegmentNode[] {
  const nodes: SegmentNode[] = [];
  const stack: Array<{ segment: Segment; path: readonly string[]; parent: number; from: Inherited }> = [
    { segment: root, path: [], parent: -1, from: defaults },
  ];
  while (stack.length > 0) {
    const { segment, path, parent, from } = stack.pop()!;
    const own = segment.settings;
    const node: SegmentNode = {
      index: nodes.length,
      parent,
      path,
      segment,
      overhead: own?.overhead ?? from.overhead,
      ceiling: own?.maxUtilization ?? from.ceiling,
      retention: own?.retention ?? from.retention,
      recording: own?.recording ?? from.recording,
      schedule: own?.schedule ?? from.schedule,
      recordTo: own?.recordTo ?? from.recordTo,
      poeCeiling: own?.maxPoeUtilization ?? from.poeCeiling,
    };
    const index = node.index;
    nodes.push(node);
    if (segment.children.length > 0 && path.length >= MAX_DEPTH) {
      const where = `${path.slice(0, 3).join('/')}/…`;
      throw new InputError(
        `the segment tree is more than ${MAX_DEPTH} levels deep (at '${where}'); camsize sizes trees up to ${MAX_DEPTH} levels`,
      );
    }
    for (let i = segment.children.length - 1; i >= 0; i--) {
      const child = segment.children[i]!;
      stack.push({ segment: child, path: [...path, child.name], parent: index, from: node });
    }
  }
  return nodes;
}
