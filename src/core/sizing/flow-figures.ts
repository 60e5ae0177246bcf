/**
 * The figures of the flow model, run over the tree: the recorded streams'
 * day rates and their hours per link direction and per recorder, viewing
 * plans, percentiles and (with --flows) the flows on each link. Each writes
 * into the rows' drafts; what arrives at the recorders is returned.
 */
import type { FlowItem } from '../model/report.js';
import { percentileFigure, bothWaysMoments } from './figures/percentile.js';
import { recordedFigure } from './figures/recorded.js';
import type { RowDraft } from './figures/row.js';
import { bothWays, type Hours, timeFigure, timeStats } from './figures/time.js';
import { averageOf, flowDetail } from './flows/detail.js';
import { runDirectional } from './flows/directional.js';
import type { Places } from './flows/places.js';
import type { StreamRate } from './flows/streams.js';
import type { ViewingPlan } from './flows/viewing.js';
import { type PercentileSettings, percentileLoad } from './percentile.js';
import type { SegmentNode } from './walk.js';

/** Recorded streams at their day rate per direction; returns each recorder's arriving cameras and day rate. */
export function runRecorded(nodes: readonly SegmentNode[], places: Places, drafts: RowDraft[]): Array<{ cameras: bigint; day: bigint }> {
  if (places.allToHeadEnd) {
    // Every camera's main stream goes up to the head end: what crosses a link up is everything below it.
    for (const d of drafts) {
      d.recordedUpDay = d.dayLoadBitsPerSecond;
      d.recordedUpCameras = d.cameras;
    }
    return [];
  }
  const arriving = runDirectional(recordedFigure, nodes, places, (i, up, down) => {
    const d = drafts[i]!;
    d.recordedUpDay = up.bitsPerSecond;
    d.recordedUpCameras = up.cameras;
    d.recordedDownDay = down?.bitsPerSecond ?? 0n;
    d.recordedDownCameras = down?.cameras ?? 0n;
  });
  return arriving.map((a) => ({ cameras: a.cameras, day: a.bitsPerSecond }));
}

/** The hours of both directions (and of each, where both carry recorded streams); returns each recorder's arriving hours. */
export function runTime(nodes: readonly SegmentNode[], places: Places, drafts: RowDraft[]): Hours[] {
  return runDirectional(timeFigure, nodes, places, (i, up, down) => {
    const d = drafts[i]!;
    const schedule = nodes[i]!.schedule;
    d.time = timeStats(bothWays(up, down), d.viewingBitsPerSecond, schedule);
    if (down) {
      d.timeUp = timeStats(up, d.viewingUpBitsPerSecond, schedule);
      d.timeDown = timeStats(down, d.viewingDownBitsPerSecond, schedule);
    }
  });
}

export function runPercentile(nodes: readonly SegmentNode[], places: Places, drafts: RowDraft[], settings: PercentileSettings): void {
  runDirectional(percentileFigure(settings.vbrCv), nodes, places, (i, up, down) => {
    const d = drafts[i]!;
    // Viewing is constant: it moves every hour's mean, not the spread.
    d.percentile = percentileLoad(bothWaysMoments(up, down), settings, Number(d.viewingBitsPerSecond), nodes[i]!.schedule.nightStart);
  });
}

/** With --flows: each link's flows per direction, heaviest first. */
export function runFlowDetail(
  nodes: readonly SegmentNode[],
  places: Places,
  drafts: RowDraft[],
  rateOf: StreamRate,
  plan: ViewingPlan | undefined,
): void {
  const detail = flowDetail(nodes, places, rateOf, plan, (i) => averageOf(drafts[i]!.dayLoadBitsPerSecond, drafts[i]!.cameras));
  const sorted = (items: Iterable<FlowItem>) =>
    [...items].sort((a, b) => (a.bitsPerSecond === b.bitsPerSecond ? 0 : a.bitsPerSecond > b.bitsPerSecond ? -1 : 1));
  drafts.forEach((d, i) => {
    d.flowsUp = sorted(detail.up[i]!.values());
    d.flowsDown = sorted(detail.down[i]!.values());
  });
}
