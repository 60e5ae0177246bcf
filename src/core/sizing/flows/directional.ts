/**
 * Sums over recorded streams per link and direction, in one reverse pass.
 * A camera's recorded stream is a flow from its segment to its recorder's
 * (or to the head end beyond the root's link). Segment S's link carries it
 * up when the source is in S's subtree and the recorder is not, and down the
 * other way round. So, with subtree sums:
 *
 *   up(S)   = Σ streams from sources in S  − Σ streams whose source and recorder are both in S
 *   down(S) = Σ streams to recorders in S  − the same
 *
 * and a flow's source and recorder are both in S exactly when their common
 * ancestor is. The common case, a recorder at or above the cameras, is that
 * ancestor itself: the streams are added where the cameras are and taken out
 * where their recorder is, per segment, never per camera. Streams to a
 * recorder elsewhere in the tree ("recordTo" sideways) are placed in a first
 * pass: out at the common ancestor (up), in at the recorder and out at the
 * common ancestor (down). A figure says what one group adds (a rate, 24
 * hours of rates, moments); the runner does the arithmetic on it.
 */
import type { CameraGroup } from '../../model/fleet.js';
import type { SegmentNode } from '../walk.js';
import { groupTarget, type Places, targetNode } from './places.js';
import { commonAncestor } from './tree.js';

export interface FlowFigure<S> {
  init(): S;
  /** Adds `count` cameras of the group's recorded stream (a negative count takes them out). */
  addGroup(state: S, group: CameraGroup, node: SegmentNode, count: bigint): void;
  /** into += sign × from */
  addState(into: S, from: S, sign: 1 | -1): void;
}

/** What crosses one segment's link: up always, down only where something flows down (else undefined). */
export type OnSegment<S> = (index: number, up: S, down: S | undefined) => void;

/** Runs `figure` over the tree; calls `each` for every segment (children first); returns what arrives at each recorder. */
export function runDirectional<S>(figure: FlowFigure<S>, nodes: readonly SegmentNode[], places: Places, each: OnSegment<S>): S[] {
  const n = nodes.length;
  const up: Array<S | undefined> = new Array(n);
  const down: Array<S | undefined> = new Array(n);
  const arriving = places.recorders.map(() => figure.init());
  const fromBelow = places.recorders.map(() => figure.init());
  const hosted = recordersByNode(places);
  if (!places.allToHeadEnd) placeSpecial(figure, nodes, places, { up, down, arriving });
  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const u = (up[i] ??= figure.init());
    const target = places.nodeTarget[i]!;
    const near = target >= 0 && places.nodeTargetAbove[i] === 1;
    let own: S | undefined;
    for (const group of node.segment.groups) {
      if (!near || group.recordTo !== undefined) figure.addGroup(u, group, node, group.count);
      else figure.addGroup((own ??= figure.init()), group, node, group.count);
    }
    if (own) {
      figure.addState(arriving[target]!, own, 1);
      if (places.recorders[target]!.node !== i) {
        figure.addState(u, own, 1);
        figure.addState(fromBelow[target]!, own, 1);
      }
    }
    const here = hosted.get(i);
    if (here) for (const t of here) figure.addState(u, fromBelow[t]!, -1);
    each(i, u, down[i]);
    const parent = node.parent;
    if (parent >= 0) {
      figure.addState((up[parent] ??= figure.init()), u, 1);
      const d = down[i];
      if (d) figure.addState((down[parent] ??= figure.init()), d, 1);
    }
    up[i] = undefined;
    down[i] = undefined;
  }
  return arriving;
}

function recordersByNode(places: Places): Map<number, number[]> {
  const byNode = new Map<number, number[]>();
  places.recorders.forEach((r, t) => {
    const list = byNode.get(r.node);
    if (list) list.push(t);
    else byNode.set(r.node, [t]);
  });
  return byNode;
}

/**
 * Streams the main pass does not take out where they arrive: a group's own
 * "recordTo", or a segment whose recorder is not above it. Their source side
 * is added by the main pass like any other.
 */
function placeSpecial<S>(
  figure: FlowFigure<S>,
  nodes: readonly SegmentNode[],
  places: Places,
  into: { up: Array<S | undefined>; down: Array<S | undefined>; arriving: S[] },
): void {
  const at = (states: Array<S | undefined>, index: number) => (states[index] ??= figure.init());
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const sideways = places.nodeTarget[i]! >= 0 && places.nodeTargetAbove[i] === 0;
    for (const group of node.segment.groups) {
      if (!sideways && group.recordTo === undefined) continue;
      const target = groupTarget(places, i, group);
      if (target < 0) continue; // to the head end: nothing to take out inside the tree
      const recorder = targetNode(places, target);
      const common = commonAncestor(places.tree, i, recorder);
      const flow = figure.init();
      figure.addGroup(flow, group, node, group.count);
      figure.addState(into.arriving[target]!, flow, 1);
      figure.addState(at(into.up, common), flow, -1);
      if (recorder !== common) {
        figure.addState(at(into.down, recorder), flow, 1);
        figure.addState(at(into.down, common), flow, -1);
      }
    }
  }
}
