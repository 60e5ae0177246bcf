/**
 * Live viewing: unicast copies of camera streams that cross a segment's link
 * towards viewers at or above the fleet root, so a segment carries its own
 * viewers' streams and those of every segment below it. Every stream on the
 * wire carries the segment's transport overhead, like a camera's own.
 */
import { ceilDiv } from '../../numbers/decimal.js';
import { wireRate } from '../overhead.js';
import type { Figure } from './figure.js';

export const viewingFigure: Figure<{ bitsPerSecond: bigint }> = {
  init: () => ({ bitsPerSecond: 0n }),
  addGroup() {},
  addChild(parent, child) {
    parent.bitsPerSecond += child.bitsPerSecond;
  },
  finish(state, node, row) {
    const viewers = node.segment.viewers;
    if (viewers) {
      // A given rate is the stream as sent (payload), so it gets the overhead; without one, a viewed
      // stream is the average camera stream below the segment (day rate, already on the wire).
      const perStream =
        viewers.bitsPerSecond !== undefined
          ? wireRate(viewers.bitsPerSecond, node.overhead)
          : row.cameras === 0n
            ? 0n
            : ceilDiv(row.dayLoadBitsPerSecond, row.cameras);
      state.bitsPerSecond += viewers.streams * perStream;
    }
    row.viewingBitsPerSecond = state.bitsPerSecond;
  },
};
