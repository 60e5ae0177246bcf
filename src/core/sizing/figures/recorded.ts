/**
 * Recorded camera streams at their day rate, on the wire, per link direction
 * and per recorder (flows/directional.ts does the arithmetic), with the
 * number of cameras behind them.
 */
import type { FlowFigure } from '../flows/directional.js';
import { recordedWire } from '../flows/streams.js';

export interface Recorded {
  bitsPerSecond: bigint;
  cameras: bigint;
}

export const recordedFigure: FlowFigure<Recorded> = {
  init: () => ({ bitsPerSecond: 0n, cameras: 0n }),
  addGroup(state, group, node, count) {
    state.bitsPerSecond += count * recordedWire(group, node);
    if (group.record !== 'none') state.cameras += count;
  },
  addState(into, from, sign) {
    if (sign === 1) {
      into.bitsPerSecond += from.bitsPerSecond;
      into.cameras += from.cameras;
    } else {
      into.bitsPerSecond -= from.bitsPerSecond;
      into.cameras -= from.cameras;
    }
  },
};
