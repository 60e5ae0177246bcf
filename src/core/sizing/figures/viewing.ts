/**
 * Live viewing per link direction. The first form of "viewers" (a number, or
 * { streams, bitrate }) is unicast streams from the head end down to the
 * segment, so it loads the down direction of the segment's link and of every
 * link above it; without a rate, a stream is the average camera stream below
 * the segment (day rate, on the wire). The list form is planned as flows
 * (flows/viewing.ts) whose rates are summed here. Every stream on the wire
 * carries its segment's transport overhead, like a camera's own.
 */
import { ceilDiv } from '../../numbers/decimal.js';
import type { ViewingPlan } from '../flows/viewing.js';
import { wireRate } from '../overhead.js';
import type { Figure } from './figure.js';

export function viewingFigure(plan: ViewingPlan | undefined): Figure<{ up: bigint; down: bigint }> {
  return {
    init: () => ({ up: 0n, down: 0n }),
    addGroup() {},
    addChild(parent, child) {
      parent.up += child.up;
      parent.down += child.down;
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
        state.down += viewers.streams * perStream;
      }
      if (plan) {
        state.up += plan.up.get(node.index) ?? 0n;
        state.down += plan.down.get(node.index) ?? 0n;
      }
      row.viewingUpBitsPerSecond = state.up;
      row.viewingDownBitsPerSecond = state.down;
      row.viewingBitsPerSecond = state.up + state.down;
    },
  };
}
