/** With --percentile: per hour, Σ n·μ_h, Σ n·σ_h, Σ n·σ_h² and Σ n·peak_h of the streams on the wire, and the worst hour's percentile. */
import { wireRate } from '../overhead.js';
import { addCameras, addMoments, emptyMoments, type HourMoments, type PercentileSettings, percentileLoad } from '../percentile.js';
import type { Figure } from './figure.js';
import { onTheWire } from './time.js';

export function percentileFigure(settings: PercentileSettings): Figure<HourMoments> {
  return {
    init: emptyMoments,
    addGroup(state, group, node) {
      const states = group.profile.states ?? { day: group.profile.bitsPerSecond, night: group.profile.bitsPerSecond };
      addCameras(
        state,
        onTheWire(states, (bps) => wireRate(bps, node.overhead)),
        node.schedule,
        settings.vbrCv,
        Number(group.count),
      );
    },
    addChild: addMoments,
    finish(state, node, row) {
      // Viewing is constant: it moves every hour's mean, not the spread.
      row.percentile = percentileLoad(state, settings, Number(row.viewingBitsPerSecond), node.schedule.nightStart);
    },
  };
}
