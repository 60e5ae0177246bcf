/**
 * CSV output (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). One table with a `section` column (profile, segment,
 * total, timeline); values in base units (b/s, cameras) so spreadsheets sum
 * them exactly.
 */
import { csvCells } from '../columns/column.js';
import { CSV_COLUMNS, type CsvColumn } from '../columns/csv-layout.js';
import { DRIFT_COLUMNS, UNMATCHED_COLUMNS } from '../columns/drift.js';
import { MEASURE_COLUMNS, MEASURE_CSV_COLUMNS } from '../columns/measurements.js';
import { FLOW_COLUMNS, flowLines } from '../columns/flows.js';
import { PROFILE_COLUMNS } from '../columns/profiles.js';
import { RECORDER_COLUMNS } from '../columns/recorders.js';
import { SEGMENT_COLUMNS } from '../columns/segments.js';
import { TIMELINE_COLUMNS } from '../columns/timeline.js';
import { TOTAL_COLUMNS } from '../columns/totals.js';
import type { Renderer } from '../renderer.js';
import { chosenTimeline } from '../timeline.js';

type CsvRow = Partial<Record<CsvColumn, string>>;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(head: readonly string[], rows: readonly (readonly string[])[]): string {
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

export const csvRenderer: Renderer = {
  report(report, options) {
    const rows: CsvRow[] = [
      ...report.profiles.map((row) => ({ section: 'profile', ...csvCells(PROFILE_COLUMNS, row) })),
      ...report.segments.map((row) => ({ section: 'segment', ...csvCells(SEGMENT_COLUMNS, { row, name: '', depth: row.depth }) })),
      ...(report.recorders ?? []).map((r) => ({ section: 'recorder', ...csvCells(RECORDER_COLUMNS, r) })),
      ...flowLines(report.segments.map((row) => ({ row, name: '' }))).map((line) => ({ section: 'flow', ...csvCells(FLOW_COLUMNS, line) })),
      { section: 'total', ...csvCells(TOTAL_COLUMNS, report) },
      ...(report.drift?.groups ?? []).map((g) => ({ section: 'drift', ...csvCells(DRIFT_COLUMNS, g) })),
      ...(report.drift?.unmatched ?? []).map((u) => ({ section: 'unmatched', ...csvCells(UNMATCHED_COLUMNS, u) })),
    ];
    const timeline = options.timeline === undefined ? undefined : chosenTimeline(report, options.timeline);
    if (timeline)
      for (const hour of timeline.hours) rows.push({ section: 'timeline', segment: timeline.path, ...csvCells(TIMELINE_COLUMNS, hour) });
    return csvText(
      CSV_COLUMNS,
      rows.map((row) => CSV_COLUMNS.map((c) => row[c] ?? '')),
    );
  },

  presets: (presets) =>
    csvText(
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
    ),

  measurements: (ms) =>
    csvText(
      MEASURE_CSV_COLUMNS,
      ms.map((m) => {
        const cells = csvCells(MEASURE_COLUMNS, m);
        return MEASURE_CSV_COLUMNS.map((c) => cells[c] ?? '');
      }),
    ),

  estimate: (estimate) =>
    csvText(['step', 'value'], [...estimate.steps.map(([a, b]) => [a, b]), ['per_camera_bps', estimate.bitsPerSecond.toString()]]),

  /** Catalog rows, then per validation point a `validation` row (the shipped model) and a `validation-held-out` row (leave one out). */
  calibration: (rows, _options, validation) => {
    const catalog = rows.map((r) => [
      r.id,
      r.basis,
      r.resolution,
      String(r.fps),
      r.codec,
      r.catalogBitsPerSecond.toString(),
      r.estimateBitsPerSecond.toString(),
      r.ratio.toFixed(4),
    ]);
    const points = (validation?.rows ?? []).flatMap((v) => {
      const cells = (basis: string, bps: bigint, ratio: number) => [
        v.id,
        basis,
        v.resolution,
        String(v.fps),
        v.codec,
        v.figureBitsPerSecond.toString(),
        bps.toString(),
        ratio.toFixed(4),
      ];
      return [cells('validation', v.estimateBitsPerSecond, v.ratio), cells('validation-held-out', v.heldOutBitsPerSecond, v.heldOutRatio)];
    });
    return csvText(['id', 'basis', 'resolution', 'fps', 'codec', 'catalog_bps', 'estimate_bps', 'ratio'], [...catalog, ...points]);
  },
};
