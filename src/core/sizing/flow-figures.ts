/**
 * The figures of the flow model, run over the tree: the recorded streams'
 * day rates and their hours per link direction and per recorder, viewing
 * plans, percentiles and (with --flows) the flows on each link. Each writes
 * into the rows' drafts; what arrives at the recorders is returned.
 */
import type { FlowItem, SegmentTime } from '../model/report.js';
import { ceilDiv } from '../numbers/decimal.js';
import { DAY_SCALE, sum } from './time.js';
import { percentileFigure, bothWaysMoments } from './figures/percentile.js';
import { recordedFigure } from './figures/recorded.js';
import type { RowDraft } from './figures/row.js';
import { bothWays, type Hours, timeFigure, timeStats } from './figures/time.js';
import { averageOf, flowDetail, type HeldFlow } from './flows/detail.js';
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

/**
 * With --flows: each link's flows per direction, heaviest first. Where rates vary over the day, recorded
 * streams are given at the hour the link's load is taken (its peak hour; with --check-on average, their
 * daily average, each rounded up to a whole b/s), so the rows add up to the load checked.
 */
export function runFlowDetail(
  nodes: readonly SegmentNode[],
  places: Places,
  drafts: RowDraft[],
  rateOf: StreamRate,
  plan: ViewingPlan | undefined,
  checkOn: 'peak' | 'average',
  varying: boolean,
): void {
  const average = (i: number) => averageOf(drafts[i]!.dayLoadBitsPerSecond, drafts[i]!.cameras);
  const detail = flowDetail(nodes, places, rateOf, plan, average, varying);
  const sorted = (items: Iterable<FlowItem>) =>
    [...items].sort((a, b) => (a.bitsPerSecond === b.bitsPerSecond ? 0 : a.bitsPerSecond > b.bitsPerSecond ? -1 : 1));
  drafts.forEach((d, i) => {
    const shared = nodes[i]!.segment.linkShape?.kind === 'shared';
    const hourOf = (own: SegmentTime | undefined) => (shared ? d.time : (own ?? d.time))?.peakHour;
    d.flowsUp = sorted([...detail.up[i]!.values()].map((f) => atHour(f, checkOn, hourOf(d.timeUp))));
    d.flowsDown = sorted([...detail.down[i]!.values()].map((f) => atHour(f, checkOn, hourOf(d.timeDown))));
  });
}

/** A flow as the link's check counts it: a recorded flow whose rates vary, at the link's hour (or its daily average). */
function atHour(flow: HeldFlow, checkOn: 'peak' | 'average', hour: number | undefined): FlowItem {
  const { hours, ...item } = flow;
  if (!hours) return item;
  const bitsPerSecond =
    checkOn === 'average' ? ceilDiv(sum(hours.mean), DAY_SCALE) : hour === undefined ? item.bitsPerSecond : hours.peak[hour]!;
  return { ...item, bitsPerSecond };
}
