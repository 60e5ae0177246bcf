/** The camera streams' load at their day rate, on the wire (each segment's overhead on its own cameras). */
import { wireRate } from '../overhead.js';
import type { Figure } from './figure.js';

export const dayLoadFigure: Figure<{ bitsPerSecond: bigint }> = {
  init: () => ({ bitsPerSecond: 0n }),
  addGroup(state, group, node) {
    state.bitsPerSecond += group.count * wireRate(group.profile.bitsPerSecond, node.overhead);
  },
  addChild(parent, child) {
    parent.bitsPerSecond += child.bitsPerSecond;
  },
  finish(state, _node, row) {
    row.dayLoadBitsPerSecond = state.bitsPerSecond;
  },
};
