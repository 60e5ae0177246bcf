/**
 * The day as a document shows it: which segment's curve (the one --timeline
 * names; else the head end's, or for a fleet that records in its sites the
 * busiest link's), whether it varies at all (a flat day is one sentence, not
 * 24 equal bars), and the scale a chart reads against: zero, round ticks and
 * the link's ceiling.
 */
import type { LinkStatus, Report, SegmentRow } from '../../core/model/report.js';
import { busierFirst } from '../shown-segments.js';
import { type TimelineHour, timelineHours } from '../timeline.js';
import { pathText } from '../wording/sentences.js';

export interface DayChartView {
  readonly kind: 'chart';
  readonly title: string;
  /** The segment's path ('' for the root). */
  readonly path: string;
  readonly hours: readonly TimelineHour[];
  readonly link?: LinkStatus;
  /** The scale, from 0 up: the top of the chart is the last tick. */
  readonly ticks: readonly bigint[];
  /** The link's ceiling is drawn (it is within the scale); else it is far above the load, and the chart says so. */
  readonly ceilingShown: boolean;
}

export interface ConstantDayView {
  readonly kind: 'constant';
  readonly title: string;
  /** The segment's path ('' for the root: what crosses between the fleet and the head end). */
  readonly path: string;
  readonly bitsPerSecond: bigint;
  readonly link?: LinkStatus;
}

export type DayView = DayChartView | ConstantDayView;

/** The ceiling is drawn when it is within this many times the highest load (else the bars would be slivers). */
const CEILING_WITHIN = 4n;

/**
 * The day the document shows: `path` names a segment ('' the root); without
 * it, the root's, unless the fleet records in its sites (then what crosses
 * the head end's link is not the design's load) or nothing crosses it: then
 * the busiest link's. Undefined when no segment carries anything.
 */
export function dayView(report: Report, path: string | undefined): DayView | undefined {
  const row = path === undefined ? defaultRow(report) : report.segments.find((s) => s.path.join('/') === path);
  if (!row) return undefined;
  const title = row.depth === 0 ? `${report.fleetName} (total)` : pathText(report, row.path);
  const hours = timelineHours(row);
  const first = hours[0]!;
  const flat = hours.every((h) => h.averageBitsPerSecond === first.averageBitsPerSecond && h.peakBitsPerSecond === first.peakBitsPerSecond);
  const link = row.link;
  if (flat) return { kind: 'constant', title, path: row.path.join('/'), bitsPerSecond: first.peakBitsPerSecond, ...(link ? { link } : {}) };
  const highest = hours.reduce((m, h) => (h.peakBitsPerSecond > m ? h.peakBitsPerSecond : m), 0n);
  const ceilingShown = link !== undefined && link.usableBitsPerSecond <= highest * CEILING_WITHIN;
  const top = ceilingShown && link.usableBitsPerSecond > highest ? link.usableBitsPerSecond : highest;
  return { kind: 'chart', title, path: row.path.join('/'), hours, ...(link ? { link } : {}), ticks: niceTicks(top), ceilingShown };
}

function defaultRow(report: Report): SegmentRow | undefined {
  const root = report.segments[0];
  const inSites = report.total.recordedInFleetBitsPerSecond !== undefined;
  if (root && !inSites && root.loadBitsPerSecond > 0n) return root;
  const busiest = [...report.segments].filter((s) => s.depth > 0 && s.loadBitsPerSecond > 0n).sort(busierFirst)[0];
  return busiest ?? (root && root.loadBitsPerSecond > 0n ? root : undefined);
}

/** Round ticks from 0 to at least `top`: a step of 1, 2, 2.5 or 5 × 10^k, four or five of them. */
export function niceTicks(top: bigint): bigint[] {
  if (top <= 0n) return [0n, 1n];
  const rough = (top + 3n) / 4n;
  let pow = 1n;
  while (pow * 10n <= rough) pow *= 10n;
  // Steps in tenths of pow, so that 2.5 stays whole: 10, 20, 25, 50, 100.
  const tenths = [10n, 20n, 25n, 50n, 100n].find((t) => (t * pow) / 10n >= rough && (t * pow) % 10n === 0n) ?? 100n;
  const step = (tenths * pow) / 10n;
  const ticks: bigint[] = [0n];
  while (ticks[ticks.length - 1]! < top) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}
