/**
 * CSV output (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). One table with a `section` column (profile, segment,
 * total, timeline); values in base units (b/s, cameras) so spreadsheets sum
 * them exactly.
 */
import { type Column, csvCells } from '../columns/column.js';
import { CSV_COLUMNS, type CsvColumn } from '../columns/csv-layout.js';
import { DRIFT_COLUMNS, UNMATCHED_COLUMNS } from '../columns/drift.js';
import { MEASURE_COLUMNS, MEASURE_CSV_COLUMNS } from '../columns/measurements.js';
import { FLOW_COLUMNS, flowLines } from '../columns/flows.js';
import { PROFILE_COLUMNS } from '../columns/profiles.js';
import { RECORDER_COLUMNS } from '../columns/recorders.js';
import { SEGMENT_COLUMNS } from '../columns/segments.js';
import { TIMELINE_COLUMNS } from '../columns/timeline.js';
import { estimatedCsvRows, TOTAL_COLUMNS } from '../columns/totals.js';
import type { Report } from '../../core/model/report.js';
import { visible } from '../wording/visible.js';
import type { Renderer } from '../renderer-interface.js';
import type { RenderOptions } from '../view.js';
import { chosenTimeline } from '../timeline.js';
import { CHECK_COLUMNS, CHECK_CSV_COLUMNS } from '../columns/checks.js';
import { DIFF_COLUMNS, DIFF_CSV_COLUMNS, type DiffCsvColumn } from '../columns/diff.js';
import { diffLines } from '../diff-blocks.js';
import { fleetsCheckList } from './json-design.js';

type CsvRow = Partial<Record<CsvColumn, string>>;

export function csvField(value: string): string {
  // Most of a report's fields are empty (a segment row leaves 30 of 53) or digits: a loop over their
  // few characters is quicker than the regular expressions (1,000,000 segment rows: bench/RESULTS.md).
  // A quote, a comma, a control character or anything past ASCII takes the careful path.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c === 34 || c === 44 || c >= 127) return quotedField(value);
  }
  return value;
}

function quotedField(value: string): string {
  const shown = visible(value); // a line break, an escape sequence in a name: written as \n, \u{1b}
  return /[",]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
}

export function csvText(head: readonly string[], rows: Iterable<string[]>): string {
  return [...csvChunks(head, rows)].join('');
}

/** Lines gathered into one part of the text (UTF-16 units): a report of 100,000 segments is written in parts, never held whole. */
export const CSV_CHUNK = 1 << 15;

/**
 * The CSV text of a heading and rows in parts, in order; joined, every line
 * ended by CRLF. A line is built from its non-empty fields only, each after
 * the run of commas since the last one: most of a report's 88 columns are
 * empty in any row (a segment row fills about 10), and a join over every
 * field took twice as long (1,064,595 segment rows: bench/RESULTS.md, issue
 * 24, third session).
 */
export function* csvChunks(head: readonly string[], rows: Iterable<readonly string[]>, chunk = CSV_CHUNK): Generator<string> {
  let part = `${head.map(csvField).join(',')}\r\n`;
  for (const row of rows) {
    let last = 0;
    for (let i = 0; i < row.length; i++) {
      const field = row[i]!;
      if (field === '') continue;
      part += commas(i - last) + csvField(field);
      last = i;
    }
    part += row.length === 0 ? '\r\n' : `${commas(row.length - 1 - last)}\r\n`;
    if (part.length >= chunk) {
      yield part;
      part = '';
    }
  }
  if (part.length > 0) yield part;
}

/** Runs of commas, made once: a line's empty fields are one of these between two filled ones. */
const COMMA_RUNS: string[] = [''];

function commas(n: number): string {
  while (COMMA_RUNS.length <= n) COMMA_RUNS.push(`${COMMA_RUNS[COMMA_RUNS.length - 1]!},`);
  return COMMA_RUNS[n]!;
}

/** The report's rows, section by section, each made as it is asked for, as fields in CSV_COLUMNS order. */
export function* reportRows(report: Report, options: RenderOptions): Generator<string[]> {
  for (const row of report.profiles) yield fieldsOf(PROFILE_COLUMNS, row, { section: 'profile' });
  // The segments are read a second time only when a row has flows (--flows): an inventory's rows are made
  // each time they are read (core/inventory/sizing/).
  let flows = false;
  for (const row of report.segments) {
    yield fieldsOf(SEGMENT_COLUMNS, { row, name: '', depth: row.depth }, { section: 'segment' });
    flows ||= row.up.flows !== undefined || row.down.flows !== undefined;
  }
  for (const r of report.recorders ?? []) yield fieldsOf(RECORDER_COLUMNS, r, { section: 'recorder' });
  if (flows)
    for (const row of report.segments)
      for (const line of flowLines([{ row, name: '' }])) yield fieldsOf(FLOW_COLUMNS, line, { section: 'flow' });
  yield fieldsOf(TOTAL_COLUMNS, report, { section: 'total' });
  if (report.total.estimated) for (const row of estimatedCsvRows(report.total.estimated)) yield CSV_COLUMNS.map((c) => row[c] ?? '');
  for (const g of report.drift?.groups ?? []) yield fieldsOf(DRIFT_COLUMNS, g, { section: 'drift' });
  for (const u of report.drift?.unmatched ?? []) yield fieldsOf(UNMATCHED_COLUMNS, u, { section: 'unmatched' });
  const timeline = options.timeline === undefined ? undefined : chosenTimeline(report, options.timeline);
  for (const hour of timeline?.hours ?? []) yield fieldsOf(TIMELINE_COLUMNS, hour, { section: 'timeline', segment: timeline!.path });
}

/** Where each CSV column is in a line. */
const CSV_INDEX = new Map<string, number>(CSV_COLUMNS.map((column, at) => [column, at]));
const EMPTY_FIELDS: readonly string[] = CSV_COLUMNS.map(() => '');

/**
 * A row's fields: its own cells (the section), then every column's CSV face,
 * a later face's cell over an earlier one's (as csvCells merges them), each
 * put straight into its place in the line: no merged object per row (100,000
 * segment rows: bench/RESULTS.md, "Fleet file").
 */
export function fieldsOf<Row, Context>(columns: readonly Column<Row, Context>[], row: Row, own: CsvRow): string[] {
  const fields = EMPTY_FIELDS.slice(); // a packed copy: quicker to make and to join than new Array(n).fill('')
  put(fields, own);
  for (const column of columns) if (column.csv) put(fields, column.csv(row));
  return fields;
}

function put(fields: string[], cells: CsvRow): void {
  for (const key in cells) {
    const at = CSV_INDEX.get(key);
    if (at !== undefined) fields[at] = cells[key as CsvColumn] ?? '';
  }
}

function* reportChunks(report: Report, options: RenderOptions): Generator<string> {
  yield* csvChunks(CSV_COLUMNS, reportRows(report, options));
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
  report: (report, options) => [...reportChunks(report, options)].join(''),
  reportChunks,

  /** One `figure` row per figure shown (changed, or all with --unchanged), then a `check` row per flipped check. */
  diff: (diff, options) =>
    csvText(DIFF_CSV_COLUMNS, [
      ...diffLines(diff, options).map((line) => {
        const cells = csvCells(DIFF_COLUMNS, line, { section: 'figure' });
        return DIFF_CSV_COLUMNS.map((c) => cells[c] ?? '');
      }),
      ...diff.rows.flatMap((row) =>
        row.flips.map((flip) => {
          const c = flip.after === 'absent' ? flip.was! : flip.check;
          const cells: Partial<Record<DiffCsvColumn, string>> = {
            section: 'check',
            kind: c.kind,
            where: c.path.join('/'),
            direction: c.direction ?? '',
            recorder: c.recorder ?? '',
            change: row.change,
            figure: c.part ?? c.kind,
            unit: c.unit,
            before: flip.was?.load.toString() ?? '',
            after: flip.after === 'absent' ? '' : flip.check.load.toString(),
            before_verdict: flip.before,
            after_verdict: flip.after,
          };
          return DIFF_CSV_COLUMNS.map((k) => cells[k] ?? '');
        }),
      ),
    ]),

  /** One row per check (failing only with --failures-only), and one per fleet that could not be read. */
  fleets: (report) =>
    csvText(CHECK_CSV_COLUMNS, [
      ...fleetsCheckList(report).map((c) => {
        const cells = csvCells(CHECK_COLUMNS, c);
        return CHECK_CSV_COLUMNS.map((k) => cells[k] ?? '');
      }),
      ...report.fleets
        .filter((f) => !f.report)
        .map((f) => CHECK_CSV_COLUMNS.map((k) => (k === 'file' ? f.file : k === 'verdict' ? 'error' : ''))),
    ]),

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

  /** The steps, then the average (per_camera_bps, as before), then both figures with their ranges. */
  estimate: (estimate) => {
    const { peak, average } = estimate;
    const figure = (name: string, f: typeof peak) => [
      [`${name}_bps`, f.bitsPerSecond.toString()],
      [`${name}_low_bps`, f.low.toString()],
      [`${name}_high_bps`, f.high.toString()],
    ];
    return csvText(
      ['step', 'value'],
      [
        ...estimate.steps.map(([a, b]) => [a, b]),
        ['per_camera_bps', estimate.bitsPerSecond.toString()],
        ...figure('peak', peak),
        ...figure('average', average),
        ['range_coverage', String(estimate.coverage)],
      ],
    );
  },

  /** Catalog rows, then per validation point a `validation` row (the shipped model) and a `validation-held-out` row (leave one source out), each as the figure its kind is. */
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
