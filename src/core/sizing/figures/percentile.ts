/** With --percentile: Σ n·μ, Σ n·σ and Σ n·σ² of the camera streams on the wire, and the percentile they give. */
import { wireRate } from '../overhead.js';
import { cameraMoments, type Moments, type PercentileSettings, percentileLoad } from '../percentile.js';
import type { Figure } from './figure.js';
import { onTheWire } from './time.js';

export function percentileFigure(settings: PercentileSettings): Figure<Moments> {
  return {
    init: () => ({ mean: 0, sigma: 0, variance: 0 }),
    addGroup(state, group, node) {
      const states = group.profile.states ?? { day: group.profile.bitsPerSecond, night: group.profile.bitsPerSecond };
      const m = cameraMoments(
        onTheWire(states, (bps) => wireRate(bps, node.overhead)),
        node.schedule,
        settings.vbrCv,
      );
      const n = Number(group.count);
      state.mean += n * m.mean;
      state.sigma += n * m.sigma;
      state.variance += n * m.sigma ** 2;
    },
    addChild(parent, child) {
      parent.mean += child.mean;
      parent.sigma += child.sigma;
      parent.variance += child.variance;
    },
    finish(state, _node, row) {
      // Viewing is constant: it moves the mean, not the spread.
      row.percentile = percentileLoad({ ...state, mean: state.mean + Number(row.viewingBitsPerSecond) }, settings);
    },
  };
}
