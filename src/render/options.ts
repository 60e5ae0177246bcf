/** What every renderer gets besides the report (display choices, never data), and shared wording. */
import { formatBinaryBytes, formatBytes } from '../core/numbers/bytes.js';
import { percentText } from '../core/numbers/percent.js';
import { recordingText } from '../core/sizing/storage.js';
import { formatRate, formatScaled, groupThousands } from '../core/numbers/rate.js';
import type { LinkStatus, Report, SegmentRow, StorageStatus } from '../core/model/report.js';

/** Colour functions; identity when colour is off. The shell builds them from chalk. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

export const NO_PAINT: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
};

export interface RenderOptions {
  /** Fixed unit for human formats (table, markdown); default: auto-scaled per value. */
  unit?: { name: string; factor: bigint };
  /** Decimals for human formats; default: exact. */
  precision?: number;
  /** Human formats show the segment tree down to this depth (default: all; above 200 segments, the deepest level that keeps the tree within 200 rows, at least 1). */
  depth?: number;
  /** … and the N busiest segments below it (default 10 when the tree is cut). */
  top?: number;
  /** Show the 24-hour curve of this segment path ('' for the total). */
  timeline?: string;
  paint: Paint;
}

/** Above this many segments the human formats cut the tree unless asked otherwise. */
export const FULL_TREE_LIMIT = 200;

/** A rate as people read it: "80 Tb/s", "80,000,000 Mb/s". */
export function humanRate(bps: bigint, options: RenderOptions): string {
  return formatRate(bps, {
    group: true,
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.precision === undefined ? {} : { precision: options.precision }),
  });
}

export function humanCount(count: bigint): string {
  return count < 0n ? `-${groupThousands((-count).toString())}` : groupThousands(count.toString());
}

/** Hundredths of a percent as "72.34 %". */
export function utilizationText(link: LinkStatus): string {
  return link.utilizationBasisPoints === undefined ? 'n/a' : `${formatScaled(link.utilizationBasisPoints, 100n)} %`;
}

/** "+42 × 4k30" / "-3 × 720p30" (cameras that still fit, or must go). */
export function headroomCamerasText(link: LinkStatus): string {
  const h = link.headroomCameras;
  if (!h) return '';
  return `${h.cameras >= 0n ? '+' : ''}${humanCount(h.cameras)} × ${h.profile.name}`;
}

export function segmentName(report: Report, row: SegmentRow): string {
  return row.depth === 0 ? report.fleetName : (row.path[row.path.length - 1] ?? '');
}

export function segmentPath(report: Report, row: SegmentRow): string {
  return row.depth === 0 ? report.fleetName : row.path.join('/');
}

/** The total in its auto-scaled unit and, when that is not Mb/s, in Mb/s too. */
export function totalSentence(report: Report, options: RenderOptions): string {
  const { cameras, loadBitsPerSecond, viewingBitsPerSecond } = report.total;
  const main = humanRate(loadBitsPerSecond, options);
  const inMbps = formatRate(loadBitsPerSecond, { group: true, unit: { name: 'Mb/s', factor: 10n ** 6n } });
  const also = options.unit === undefined && !main.endsWith(' Mb/s') ? ` (${inMbps})` : '';
  const noun = cameras === 1n ? 'camera' : 'cameras';
  const viewing = viewingBitsPerSecond > 0n ? `, including ${humanRate(viewingBitsPerSecond, options)} of live viewing` : '';
  const partial = report.partial ? ` (partial: ${humanCount(BigInt(report.partial.skippedRecords))} invalid records skipped)` : '';
  return `Total: ${main}${also} for ${humanCount(cameras)} ${noun}${viewing}${partial}`;
}

/** Which overheads and ceiling the numbers include; nothing when neither matters (no overhead, no check). */
export function settingsSentence(report: Report): string | undefined {
  const overheadApplied = report.settings.overheadsUsed.some((o) => o.ratio.num !== 0n);
  if (!overheadApplied && report.verdict === 'unchecked') return undefined;
  const overheads = report.settings.overheadsUsed.map((o) => o.description).join('; ');
  return `Overhead: ${overheads}. Links count as full at ${percentText(report.settings.maxUtilization)} % unless a segment says otherwise.`;
}

/** One line for a link over its limit: what, by how much. */
export function failureLine(where: string, link: LinkStatus, load: bigint, options: RenderOptions): string {
  const over = humanRate(-link.headroomBitsPerSecond, options);
  const cameras = link.headroomCameras
    ? `, ${humanCount(-link.headroomCameras.cameras)} × ${link.headroomCameras.profile.name} too many`
    : '';
  return (
    `over: ${where}: ${humanRate(load, options)} on ${humanRate(link.capacityBitsPerSecond, options)} ` +
    `(${utilizationText(link)}), ${over} over the ${percentText(link.ceiling)} % ceiling of ` +
    `${humanRate(link.usableBitsPerSecond, options)}${cameras}`
  );
}

/** "1.2 PB (~1.07 PiB)": storage as people read it, exact in decimal units. */
export function storageText(bytes: bigint): string {
  return `${formatBytes(bytes, { group: true })} (${formatBinaryBytes(bytes)})`;
}

function storageFailure(where: string, storage: StorageStatus): string {
  const short = storage.bytes - (storage.capacityBytes ?? 0n);
  return `over: ${where}: storage ${storageText(storage.bytes)} needed, capacity ${formatBytes(storage.capacityBytes ?? 0n, { group: true })}, ${formatBytes(short, { group: true })} short`;
}

/** "30d of continuous recording", or each combination the segments use. */
function retentionText(report: Report): string {
  const used = report.settings.storage?.used ?? [];
  const one = (u: (typeof used)[number]) => `${u.retention.text} of ${recordingText(u.recording)} recording`;
  if (used.length === 1) return one(used[0]!);
  return `the retentions set per segment (${used.map(one).join('; ')})`;
}

/** Every failing check of the report as a line, segments in tree order, then the total. */
export function failureLines(report: Report, options: RenderOptions): string[] {
  const lines: string[] = [];
  for (const row of report.segments) {
    if (row.link && !row.link.fits) lines.push(failureLine(segmentPath(report, row), row.link, row.loadBitsPerSecond, options));
    if (row.storage?.fits === false) lines.push(storageFailure(segmentPath(report, row), row.storage));
  }
  if (report.totalCheck && !report.totalCheck.fits) {
    lines.push(failureLine('total (--capacity)', report.totalCheck, report.total.loadBitsPerSecond, options));
  }
  if (report.total.storage?.fits === false) lines.push(storageFailure('total (--storage-capacity)', report.total.storage));
  return lines;
}

/** "Storage: 25.92 EB (~22.48 EiB) to keep 30d of continuous recording (+25 % RAID/filesystem)." */
export function storageSentence(report: Report): string | undefined {
  const s = report.settings.storage;
  const total = report.total.storage;
  if (!s || !total) return undefined;
  const overhead = s.overhead.num === 0n ? '' : `, with +${percentText(s.overhead)} % for RAID/filesystem`;
  const capacity = total.capacityBytes === undefined ? '' : ` on ${formatBytes(total.capacityBytes, { group: true })}`;
  return `Storage: ${storageText(total.bytes)} to keep ${retentionText(report)}${overhead}${capacity}`;
}

/** "How many fit" in one sentence. */
export function capacitySentence(report: Report, options: RenderOptions): string | undefined {
  const a = report.capacityAnswer;
  if (!a) return undefined;
  const noun = a.maxCameras === 1n ? 'camera' : 'cameras';
  return (
    `${humanRate(a.capacityBitsPerSecond, options)} at ${percentText(a.ceiling)} % max utilization = ` +
    `${humanRate(a.usableBitsPerSecond, options)} usable; at ${humanRate(a.perCameraBitsPerSecond, options)} per camera ` +
    `that fits ${humanCount(a.maxCameras)} ${a.profile.name} ${noun}.`
  );
}

/** "All 9 checks fit." / "2 of 9 checks are over their limit:" — or nothing when nothing had a capacity. */
export function verdictSentence(report: Report): string | undefined {
  const checks = report.segments.filter((s) => s.link).map((s) => s.link!.fits);
  for (const s of report.segments) if (s.storage?.fits !== undefined) checks.push(s.storage.fits);
  if (report.totalCheck) checks.push(report.totalCheck.fits);
  if (report.total.storage?.fits !== undefined) checks.push(report.total.storage.fits);
  if (checks.length === 0) return undefined;
  const failed = checks.filter((fits) => !fits).length;
  if (checks.length === 1) return failed === 0 ? 'Fits: the capacity check passes.' : 'Does not fit: the capacity check is over the limit:';
  return failed === 0
    ? `Fits: all ${checks.length} capacity checks pass.`
    : `Does not fit: ${failed} of ${checks.length} capacity checks ${failed === 1 ? 'is' : 'are'} over the limit:`;
}

/**
 * Which segments the human formats show: the whole tree when it is small or
 * asked for; otherwise the levels down to `depth` and the `top` busiest
 * segments below them (by utilisation where there is a link, else by load).
 */
export function shownSegments(report: Report, options: RenderOptions): { tree: SegmentRow[]; busiest: SegmentRow[] } {
  const all = report.segments;
  if (options.depth === undefined && options.top === undefined && all.length <= FULL_TREE_LIMIT) return { tree: [...all], busiest: [] };
  const depth = options.depth ?? (all.length <= FULL_TREE_LIMIT ? Infinity : deepestLevelWithin(all, FULL_TREE_LIMIT));
  const tree = all.filter((s) => s.depth <= depth);
  const deeper = all.filter((s) => s.depth > depth);
  const top = options.top ?? (deeper.length > 0 ? 10 : 0);
  const weight = (s: SegmentRow) => s.link?.utilizationBasisPoints ?? -1n;
  const busiest = [...deeper]
    .sort((a, b) => {
      const wa = weight(a);
      const wb = weight(b);
      if (wa !== wb) return wa > wb ? -1 : 1;
      return a.loadBitsPerSecond === b.loadBitsPerSecond ? 0 : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1;
    })
    .slice(0, top);
  return { tree, busiest };
}

/** The deepest level whose tree (that level and those above it) has at most `limit` segments; at least 1. */
function deepestLevelWithin(all: readonly SegmentRow[], limit: number): number {
  const perLevel: number[] = [];
  for (const s of all) perLevel[s.depth] = (perLevel[s.depth] ?? 0) + 1;
  let depth = 0;
  let rows = perLevel[0] ?? 0;
  while (depth + 1 < perLevel.length && rows + (perLevel[depth + 1] ?? 0) <= limit) rows += perLevel[++depth] ?? 0;
  return Math.max(depth, 1);
}

/** The segment table both human formats show: header, alignment, and per row its cells and status. */
export function segmentTable(
  report: Report,
  options: RenderOptions,
): {
  head: string[];
  align: Array<'left' | 'right'>;
  rows: Array<{ depth: number; cells: string[]; status: 'ok' | 'over' | '' }>;
  note?: string;
} {
  const viewing = report.total.viewingBitsPerSecond > 0n;
  const storage = report.settings.storage !== undefined;
  const storageCapacity = report.segments.some((s) => s.storage?.capacityBytes !== undefined);
  const checkOn = report.settings.time?.checkOn;
  const other = [
    ...(checkOn === undefined ? [] : [checkOn === 'peak' ? 'Day avg.' : 'Peak']),
    ...(report.settings.percentile ? [`p${report.settings.percentile.percentile} ~`] : []),
  ];
  const head = [
    'Segment',
    'Cameras',
    ...(viewing ? ['Viewing'] : []),
    checkOn === undefined ? 'Load' : checkOn === 'peak' ? 'Peak' : 'Day avg.',
    ...other,
    'Link',
    'Util.',
    'Headroom',
    ...(storage ? ['Storage'] : []),
    ...(storageCapacity ? ['Store cap.'] : []),
    'Status',
  ];
  const align: Array<'left' | 'right'> = [
    'left',
    'right',
    ...(viewing ? ['right' as const] : []),
    'right',
    ...other.map(() => 'right' as const),
    'right',
    'right',
    'right',
    ...(storage ? ['right' as const] : []),
    ...(storageCapacity ? ['right' as const] : []),
    'left',
  ];
  const { tree, busiest } = shownSegments(report, options);
  const shown = [
    ...tree.map((row) => ({ row, name: segmentName(report, row), depth: row.depth })),
    ...busiest.map((row) => ({ row, name: `busiest: ${segmentPath(report, row)}`, depth: 0 })),
  ];
  const count = tree.length + busiest.length;
  const note =
    count < report.segments.length
      ? `Showing ${humanCount(BigInt(count))} of ${humanCount(BigInt(report.segments.length))} segments: the tree to depth ${Math.max(0, ...tree.map((r) => r.depth))}` +
        (busiest.length > 0 ? ` and the ${busiest.length} busiest below it` : '') +
        ' (--depth, --top; --json or --format csv for all).'
      : undefined;
  const rows = shown.map(({ row, name, depth }) => {
    const link = row.link;
    const checked = link !== undefined || row.storage?.fits !== undefined;
    const fits = link?.fits !== false && row.storage?.fits !== false;
    return {
      depth,
      status: !checked ? ('' as const) : fits ? ('ok' as const) : ('over' as const),
      cells: [
        name,
        humanCount(row.cameras),
        ...(viewing ? [row.viewingBitsPerSecond > 0n ? humanRate(row.viewingBitsPerSecond, options) : ''] : []),
        humanRate(row.loadBitsPerSecond, options),
        ...(checkOn === undefined
          ? []
          : [row.time ? humanRate(checkOn === 'peak' ? row.time.averageBitsPerSecond : row.time.peakBitsPerSecond, options) : '']),
        ...(row.percentile ? [humanRate(row.percentile.bitsPerSecond, { ...options, precision: options.precision ?? 3 })] : []),
        link ? humanRate(link.capacityBitsPerSecond, options) : '',
        link ? utilizationText(link) : '',
        link ? headroomCamerasText(link) : '',
        ...(storage ? [row.storage ? formatBytes(row.storage.bytes, { group: true }) : ''] : []),
        ...(storageCapacity
          ? [row.storage?.capacityBytes === undefined ? '' : formatBytes(row.storage.capacityBytes, { group: true })]
          : []),
      ],
    };
  });
  return { head, align, rows, ...(note ? { note } : {}) };
}

/** A report has a segment table when it has segments below the root or any link to check. */
export function showsSegments(report: Report): boolean {
  return report.segments.length > 1 || report.segments.some((s) => s.link !== undefined);
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "Over the day: peak … at 18:00 …; daily average …; links are checked against the peak." */
export function timeSentence(report: Report, options: RenderOptions): string | undefined {
  const settings = report.settings.time;
  const t = report.segments[0]?.time;
  if (!settings || !t) return undefined;
  const { nightStart, nightHours } = settings.schedule;
  const night = nightHours === 0 ? 'no night' : `night ${hourText(nightStart)}–${hourText((nightStart + nightHours) % 24)}`;
  const other = settings.checkOn === 'peak' ? '--check-on average' : '--check-on peak';
  return (
    `Over the day (${night}): peak ${humanRate(t.peakBitsPerSecond, options)} from ${hourText(t.peakHour)} ` +
    `(every camera's state in that hour at once, events coinciding), busiest hour ${hourText(t.busiestHour)} at ` +
    `${humanRate(t.busiestHourBitsPerSecond, options)} on average, daily average ${humanRate(t.averageBitsPerSecond, options)}. ` +
    `Links are checked against the ${settings.checkOn} (${other} to change); storage uses the daily average.`
  );
}

export interface TimelineHour {
  hour: string;
  night: boolean;
  averageBitsPerSecond: bigint;
  peakBitsPerSecond: bigint;
}

/** The 24 hours of a segment (the root for ''), flat when nothing varies; undefined for an unknown path. */
export function timeline(report: Report, path: string): { title: string; hours: TimelineHour[] } | undefined {
  const row = report.segments.find((s) => s.path.join('/') === path);
  if (!row) return undefined;
  const schedule = report.settings.time?.schedule;
  const hours: TimelineHour[] = [];
  for (let h = 0; h < 24; h++) {
    const night = schedule !== undefined && (h - schedule.nightStart + 24) % 24 < schedule.nightHours;
    hours.push({
      hour: hourText(h),
      night,
      averageBitsPerSecond: row.time?.hourlyAverageBitsPerSecond[h] ?? row.loadBitsPerSecond,
      peakBitsPerSecond: row.time?.hourlyPeakBitsPerSecond[h] ?? row.loadBitsPerSecond,
    });
  }
  return { title: path === '' ? `${report.fleetName} (total)` : path, hours };
}

/** A bar of `width` cells for value/max (eighths of a cell, so small differences still show). */
export function bar(value: bigint, max: bigint, width = 40): string {
  if (max <= 0n) return '';
  const eighths = Number((value * BigInt(width) * 8n) / max);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return '█'.repeat(full) + (rest > 0 ? '▏▎▍▌▋▊▉'[rest - 1]! : '');
}

/** "p99 of the total: ~1.2 Gb/s (mean …, σ …; correlation 1, VBR σ/μ 0.5; normal approximation)." */
export function percentileSentence(report: Report, options: RenderOptions): string | undefined {
  const settings = report.settings.percentile;
  const p = report.segments[0]?.percentile;
  if (!settings || !p) return undefined;
  const mean = humanRate(BigInt(Math.ceil(p.mean)), { ...options, precision: options.precision ?? 3 });
  const sigma = humanRate(BigInt(Math.ceil(p.sigma)), { ...options, precision: options.precision ?? 3 });
  return (
    `p${settings.percentile} of the total: ~${humanRate(p.bitsPerSecond, { ...options, precision: options.precision ?? 3 }).replace(/^~/, '')} ` +
    `(mean ${mean}, σ ${sigma}; correlation ${settings.correlation}, VBR σ/μ ${settings.vbrCv}; ` +
    'normal approximation, never below the mean).'
  );
}
