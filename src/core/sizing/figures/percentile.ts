/** With --percentile: per hour, Σ n·μ_h, Σ n·σ_h, Σ n·σ_h² and Σ n·peak_h of the recorded streams on the wire, per link direction. */
import type { FlowFigure } from '../flows/directional.js';
import { recordedStates } from '../flows/streams.js';
import { addCameras, emptyMoments, type HourMoments } from '../percentile.js';
import { HOURS } from '../time.js';

export function percentileFigure(vbrCv: number): FlowFigure<HourMoments> {
  return {
    init: emptyMoments,
    addGroup(state, group, node, count) {
      const figures = recordedStates(group, node);
      if (figures) addCameras(state, figures.peak, node.schedule, vbrCv, Number(count), figures.average);
    },
    addState(into, from, sign) {
      for (let h = 0; h < HOURS; h++) {
        into.mean[h]! += sign * from.mean[h]!;
        into.sigma[h]! += sign * from.sigma[h]!;
        into.variance[h]! += sign * from.variance[h]!;
        into.peak[h]! += sign * from.peak[h]!;
      }
    },
  };
}

/** The moments of both directions together (the whole load on a link). */
export function bothWaysMoments(up: HourMoments, down: HourMoments | undefined): HourMoments {
  if (!down) return up;
  const out = emptyMoments();
  for (const m of [up, down])
    for (let h = 0; h < HOURS; h++) {
      out.mean[h]! += m.mean[h]!;
      out.sigma[h]! += m.sigma[h]!;
      out.variance[h]! += m.variance[h]!;
      out.peak[h]! += m.peak[h]!;
    }
  return out;
}
