/**
 * Links × hours, when the segments' night schedules differ (one curve then
 * cannot stand for the rest): for each of the busiest links, its checked
 * direction's load in every hour as a share of the link, and how that hour
 * reads against the ceiling.
 */
import type { Report, SegmentRow, SegmentTime } from '../../core/model/report.js';
import { HOURS } from '../../core/sizing/time.js';
import { busierFirst } from '../shown-segments.js';
import { type LinkTone, NEAR_PERCENT } from './topology.js';

/** Links shown at most: the busiest. */
export const HEATMAP_ROWS = 24;

export interface HeatmapRow {
  readonly row: SegmentRow;
  /** Each hour's load, as the link is checked (the peak or the daily average of the hour), b/s. */
  readonly hours: readonly bigint[];
  /** Each hour's load on the link's capacity, in basis points (rounded up). */
  readonly basisPoints: readonly bigint[];
  readonly tones: readonly LinkTone[];
}

export interface HeatmapView {
  readonly rows: readonly HeatmapRow[];
  /** Links with a curve in all (the rows are the busiest of them). */
  readonly links: number;
}

/** Undefined unless two segments with a link follow different night schedules. */
export function heatmapView(report: Report): HeatmapView | undefined {
  const checkOn = report.settings.time?.checkOn;
  if (!checkOn) return undefined;
  const timed = report.segments.filter((s) => s.link !== undefined && checkedTime(s) !== undefined);
  const schedules = new Set(timed.map((s) => `${checkedTime(s)!.schedule.nightStart}/${checkedTime(s)!.schedule.nightHours}`));
  if (schedules.size < 2) return undefined;
  const rows = [...timed]
    .sort(busierFirst)
    .slice(0, HEATMAP_ROWS)
    .map((row) => heatmapRow(row, checkOn));
  return { rows, links: timed.length };
}

/** The curve of the direction the link is checked on (the row's own when the direction has none of its own). */
function checkedTime(row: SegmentRow): SegmentTime | undefined {
  const direction = row.linkDirection;
  const own = direction === 'up' ? row.up.time : direction === 'down' ? row.down.time : undefined;
  return own ?? row.time;
}

function heatmapRow(row: SegmentRow, checkOn: 'peak' | 'average'): HeatmapRow {
  const link = row.link!;
  const time = checkedTime(row)!;
  const hourly = checkOn === 'peak' ? time.hourlyPeakBitsPerSecond : time.hourlyAverageBitsPerSecond;
  const hours = Array.from({ length: HOURS }, (_, h) => hourly[h] ?? 0n);
  const capacity = link.capacityBitsPerSecond;
  const usable = link.usableBitsPerSecond;
  const basisPoints = hours.map((bps) => (capacity > 0n ? (bps * 10_000n + capacity - 1n) / capacity : 0n));
  const tones = hours.map((bps): LinkTone => (bps > usable ? 'over' : usable > 0n && bps * 100n >= usable * NEAR_PERCENT ? 'near' : 'ok'));
  return { row, hours, basisPoints, tones };
}
