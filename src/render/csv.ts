/**
 * CSV output (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). One table with a `section` column (profile, segment,
 * total); values in base units (b/s, cameras) so spreadsheets sum them exactly.
 */
import type { Preset } from '../core/catalog.js';
import type { Report } from '../core/report.js';

export const CSV_COLUMNS = [
  'section',
  'segment',
  'profile',
  'description',
  'per_camera_bps',
  'cameras',
  'load_bps',
  'link_bps',
] as const;

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(report: Report): string {
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
      cameras: row.cameras.toString(),
      load_bps: row.loadBitsPerSecond.toString(),
      link_bps: row.linkBitsPerSecond?.toString() ?? '',
    });
  }
  rows.push({
    section: 'total',
    cameras: report.total.cameras.toString(),
    load_bps: report.total.loadBitsPerSecond.toString(),
  });
  return csvText(CSV_COLUMNS, rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? '')));
}

function csvText(head: readonly string[], rows: readonly string[][]): string {
  const lines = [head.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

const PRESET_COLUMNS = ['id', 'label', 'resolution', 'width', 'height', 'fps', 'scene', 'codec', 'per_camera_bps', 'night_bps', 'basis', 'citation', 'url', 'file'];

export function renderCsvPresets(presets: readonly Preset[]): string {
  return csvText(PRESET_COLUMNS, presets.map((p) => [
    p.id, p.label, p.resolution.name, String(p.resolution.width), String(p.resolution.height), String(p.fps), p.scene,
    p.codec ?? '', p.bitsPerSecond.toString(), p.nightBitsPerSecond?.toString() ?? '', p.basis, p.source.citation,
    p.source.url ?? '', p.file,
  ]));
}
