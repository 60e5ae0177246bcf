/**
 * A figure is one thing sizing computes for every segment (cameras, load,
 * viewing, time, storage, percentile, checks). Each is an accumulator:
 * `init` a state per segment, `addGroup` for each of the segment's own camera
 * groups, `addChild` to fold a finished child's state into its parent's, and
 * `finish` to write the segment's figures into its row. `runFigure` drives one
 * figure over the whole tree in one reverse pre-order pass, so a segment is
 * finished exactly when its whole subtree has been added to it. Figures run
 * one after another; a later one reads what earlier ones wrote into the rows.
 */
import type { CameraGroup } from '../../model/fleet.js';
import type { SegmentNode } from '../walk.js';
import type { RowDraft } from './row.js';

export interface Figure<S> {
  init(node: SegmentNode): S;
  addGroup(state: S, group: CameraGroup, node: SegmentNode): void;
  addChild(parent: S, child: S): void;
  finish(state: S, node: SegmentNode, row: RowDraft): void;
}

/** Runs `figure` over the tree; returns the root's state (the total). */
export function runFigure<S>(figure: Figure<S>, nodes: readonly SegmentNode[], rows: readonly RowDraft[]): S {
  const states: Array<S | undefined> = new Array(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const state = states[i] ?? figure.init(node);
    for (const group of node.segment.groups) figure.addGroup(state, group, node);
    figure.finish(state, node, rows[i]!);
    if (node.parent >= 0) {
      const parent = (states[node.parent] ??= figure.init(nodes[node.parent]!));
      figure.addChild(parent, state);
      states[i] = undefined; // a child's state is no longer needed once it is in its parent's
    } else {
      states[i] = state;
    }
  }
  return states[0]!;
}
