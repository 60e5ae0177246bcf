/** The 24 hours of one segment's load, as the formats show them (the core computed every value). */
import type { LinkStatus, Report, SegmentRow } from '../core/model/report.js';
import { HOURS, isNight } from '../core/sizing/time.js';
import { hourText } from './wording/quantities.js';

export interface TimelineHour {
  hour: string;
  night: boolean;
  averageBitsPerSecond: bigint;
  peakBitsPerSecond: bigint;
}

/** A segment's hours, flat at its load when nothing varies over the day. */
export function timelineHours(row: SegmentRow): TimelineHour[] {
  const hours: TimelineHour[] = [];
  for (let h = 0; h < HOURS; h++) {
    hours.push({
      hour: hourText(h),
      night: row.time ? isNight(row.time.schedule, h) : false,
      averageBitsPerSecond: row.time?.hourlyAverageBitsPerSecond[h] ?? row.loadBitsPerSecond,
      peakBitsPerSecond: row.time?.hourlyPeakBitsPerSecond[h] ?? row.loadBitsPerSecond,
    });
  }
  return hours;
}

/** The timeline --timeline asks for ('' is the total); undefined for a path that is not a segment. */
export function chosenTimeline(
  report: Report,
  path: string,
): { title: string; path: string; hours: TimelineHour[]; link?: LinkStatus } | undefined {
  const row = report.segments.find((s) => s.path.join('/') === path);
  if (!row) return undefined;
  return {
    title: path === '' ? `${report.fleetName} (total)` : path,
    path,
    hours: timelineHours(row),
    ...(row.link ? { link: row.link } : {}),
  };
}
