/**
 * CSV output (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). One table with a `section` column (profile, segment,
 * total); values in base units (b/s, cameras) so spreadsheets sum them exactly.
 */
import type { Preset } from '../core/model/catalog.js';
import type { CalibrationRow } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import { percentText } from '../core/numbers/percent.js';
import { formatScaled } from '../core/numbers/rate.js';
import type { LinkStatus, Report, StorageStatus } from '../core/model/report.js';
import { timeline, type RenderOptions } from './options.js';

export const CSV_COLUMNS = [
  'section',
  'segment',
  'depth',
  'profile',
  'description',
  'per_camera_bps',
  'cameras',
  'viewing_bps',
  'load_bps',
  'link_bps',
  'max_utilization_pct',
  'usable_bps',
  'utilization_pct',
  'headroom_bps',
  'headroom_cameras',
  'headroom_profile',
  'status',
  'storage_bytes',
  'storage_capacity_bytes',
  'average_bps',
  'peak_bps',
  'hour',
  'percentile_bps',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function storageColumns(storage: StorageStatus | undefined): CsvRow {
  if (!storage) return {};
  return {
    storage_bytes: storage.bytes.toString(),
    storage_capacity_bytes: storage.capacityBytes?.toString() ?? '',
  };
}

/** 'over' if the link or the storage is over, 'ok' if what was checked fits, '' if nothing was. */
function checkStatus(link: LinkStatus | undefined, storage: StorageStatus | undefined): string {
  const checks = [link?.fits, storage?.fits].filter((fits): fits is boolean => fits !== undefined);
  return checks.length === 0 ? '' : checks.every((fits) => fits) ? 'ok' : 'over';
}

function linkColumns(link: LinkStatus | undefined): CsvRow {
  if (!link) return {};
  return {
    link_bps: link.capacityBitsPerSecond.toString(),
    max_utilization_pct: percentText(link.ceiling),
    usable_bps: link.usableBitsPerSecond.toString(),
    utilization_pct: link.utilizationBasisPoints === undefined ? '' : formatScaled(link.utilizationBasisPoints, 100n),
    headroom_bps: link.headroomBitsPerSecond.toString(),
    headroom_cameras: link.headroomCameras?.cameras.toString() ?? '',
    headroom_profile: link.headroomCameras?.profile.name ?? '',
  };
}

export function renderCsv(report: Report, options?: RenderOptions): string {
  const rows: CsvRow[] = [];
  for (const row of report.profiles) {
    rows.push({
      section: 'profile',
      profile: row.profile.name,
      description: row.profile.description,
      per_camera_bps: row.profile.bitsPerSecond.toString(),
      cameras: row.cameras.toString(),
      load_bps: row.loadBitsPerSecond.toString(),
    });
  }
  for (const row of report.segments) {
    rows.push({
      section: 'segment',
      segment: row.path.join('/'),
      depth: String(row.depth),
      cameras: row.cameras.toString(),
      viewing_bps: row.viewingBitsPerSecond.toString(),
      load_bps: row.loadBitsPerSecond.toString(),
      ...linkColumns(row.link),
      ...storageColumns(row.storage),
      status: checkStatus(row.link, row.storage),
      ...(row.time ? { average_bps: row.time.averageBitsPerSecond.toString(), peak_bps: row.time.peakBitsPerSecond.toString() } : {}),
      ...(row.percentile ? { percentile_bps: row.percentile.bitsPerSecond.toString() } : {}),
    });
  }
  rows.push({
    section: 'total',
    cameras: report.total.cameras.toString(),
    viewing_bps: report.total.viewingBitsPerSecond.toString(),
    load_bps: report.total.loadBitsPerSecond.toString(),
    ...linkColumns(report.totalCheck),
    ...storageColumns(report.total.storage),
    status: [
      checkStatus(report.totalCheck, report.total.storage),
      report.partial ? `partial: ${report.partial.skippedRecords} records skipped` : '',
    ]
      .filter((part) => part !== '')
      .join('; '),
  });
  if (options?.timeline !== undefined) {
    for (const h of timeline(report, options.timeline)!.hours) {
      rows.push({
        section: 'timeline',
        segment: options.timeline,
        hour: h.hour,
        average_bps: h.averageBitsPerSecond.toString(),
        peak_bps: h.peakBitsPerSecond.toString(),
        status: h.night ? 'night' : 'day',
      });
    }
  }
  return csvText(
    CSV_COLUMNS,
    rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? '')),
  );
}

function csvText(head: readonly string[], rows: readonly string[][]): string {
  const lines = [head.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const PRESET_COLUMNS = [
  'id',
  'label',
  'resolution',
  'width',
  'height',
  'fps',
  'scene',
  'codec',
  'per_camera_bps',
  'night_bps',
  'basis',
  'citation',
  'url',
  'file',
];

export function renderCsvPresets(presets: readonly Preset[]): string {
  return csvText(
    PRESET_COLUMNS,
    presets.map((p) => [
      p.id,
      p.label,
      p.resolution.name,
      String(p.resolution.width),
      String(p.resolution.height),
      String(p.fps),
      p.scene,
      p.codec ?? '',
      p.bitsPerSecond.toString(),
      p.nightBitsPerSecond?.toString() ?? '',
      p.basis,
      p.source.citation,
      p.source.url ?? '',
      p.file,
    ]),
  );
}

export function renderCsvEstimate(estimate: Estimate): string {
  return csvText(['step', 'value'], [...estimate.steps.map(([a, b]) => [a, b]), ['per_camera_bps', estimate.bitsPerSecond.toString()]]);
}

export function renderCsvCalibration(rows: readonly CalibrationRow[]): string {
  return csvText(
    ['id', 'basis', 'resolution', 'fps', 'codec', 'catalog_bps', 'estimate_bps', 'ratio'],
    rows.map((r) => [
      r.id,
      r.basis,
      r.resolution,
      String(r.fps),
      r.codec,
      r.catalogBitsPerSecond.toString(),
      r.estimateBitsPerSecond.toString(),
      r.ratio.toFixed(4),
    ]),
  );
}
