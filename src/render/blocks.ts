/**
 * What the human formats (table, Markdown, HTML) show of a report, built
 * once as a sequence of blocks: the profile table, the segment table, the
 * sentences, the day's curve, the verdict and the failures. Each format only
 * draws blocks; none decides what to show.
 */
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import type { LinkStatus, Report } from '../core/model/report.js';
import { type Align, type Cell, type Column, type ColumnFit, humanTable } from './columns/column.js';
import { DRIFT_COLUMNS } from './columns/drift.js';
import { MEASURE_COLUMNS } from './columns/measurements.js';
import { PROFILE_COLUMNS, profileTotalCells } from './columns/profiles.js';
import { estimatedSentence, figuresSentence } from './wording/figures.js';
import { FLOW_COLUMNS, flowLines } from './columns/flows.js';
import { RECORDER_COLUMNS, recorderContext } from './columns/recorders.js';
import { SEGMENT_COLUMNS, segmentContext } from './columns/segments.js';
import { STORAGE_COLUMNS } from './columns/storage.js';
import { TIMELINE_COLUMNS } from './columns/timeline.js';
import { segmentLines, showsSegments } from './shown-segments.js';
import { chosenTimeline, type TimelineHour } from './timeline.js';
import type { RenderOptions } from './view.js';
import { humanCount, humanRate, storageText } from './wording/quantities.js';
import {
  capacitySentence,
  failureLines,
  percentileSentence,
  settingsSentence,
  storageSentence,
  timeSentence,
  totalSentence,
  verdictSentence,
} from './wording/sentences.js';
import { headroomKeySentence } from './wording/document.js';
import { driftSentences, measurementSentences, unmatchedLines } from './wording/measured.js';
import { designSentence } from './wording/design.js';

export interface TableBlock {
  readonly kind: 'table';
  readonly role: 'profiles' | 'segments' | 'recorders' | 'flows' | 'timeline' | 'storage' | 'measurements' | 'drift' | 'diff';
  readonly head: readonly string[];
  readonly align: readonly Align[];
  /** How each column gives way in a narrow terminal (default: none does). */
  readonly fit?: readonly ColumnFit[];
  readonly rows: readonly (readonly Cell[])[];
  /** Notes under the table about one of its columns (the headroom profiles' key): drawn only when that column is. */
  readonly notes?: ReadonlyArray<{ readonly column: number; readonly text: string }>;
}

/** Which sentence: formats style each role their own way (the total in bold, settings dimmed …). */
export type SentenceRole = 'note' | 'settings' | 'capacity' | 'total' | 'time' | 'percentile' | 'storage' | 'measured' | 'unmatched';

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | TableBlock
  | { readonly kind: 'sentence'; readonly role: SentenceRole; readonly text: string }
  | {
      readonly kind: 'timeline';
      readonly title: string;
      readonly hours: readonly TimelineHour[];
      readonly table: TableBlock;
      /** The segment's link, for formats that draw its ceiling on the chart. */
      readonly link?: LinkStatus;
    }
  | { readonly kind: 'verdict'; readonly text: string; readonly pass: boolean }
  | { readonly kind: 'failures'; readonly lines: readonly string[] };

/**
 * A table's human cells; when figures are rounded for reading, each rounded
 * cell carries its exact text as its title (the same columns drawn again
 * with every digit), so a document's reader can still have every figure.
 */
export function titledTable<Row, Context>(
  columns: readonly Column<Row, Context>[],
  rows: readonly Row[],
  contextFor: (options: RenderOptions) => Context,
  options: RenderOptions,
): ReturnType<typeof humanTable> {
  const table = humanTable(columns, rows, contextFor(options));
  if (options.precision !== 'reading') return table;
  const exact = humanTable(columns, rows, contextFor({ ...options, precision: 'exact' }));
  return { ...table, rows: table.rows.map((row, r) => withTitles(row, exact.rows[r] ?? [])) };
}

/** Cells with the exact text as title where it differs from the shown one. */
function withTitles(shown: readonly Cell[], exact: readonly Cell[]): Cell[] {
  return shown.map((cell, i) => {
    const text = exact[i]?.text;
    return text === undefined || text === cell.text ? cell : { ...cell, title: text };
  });
}

export function reportBlocks(report: Report, options: RenderOptions): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: report.fleetName }, profileTable(report, options)];
  if (showsSegments(report)) {
    const { lines, note } = segmentLines(report, options);
    const table = titledTable(SEGMENT_COLUMNS, lines, (o) => segmentContext(report, o, lines), options);
    const key = headroomKeySentence(segmentContext(report, options, lines).headroomProfiles);
    const notes = key && table.keys.includes('headroom') ? [{ column: table.keys.indexOf('headroom'), text: key }] : [];
    blocks.push({ kind: 'table', role: 'segments', ...table, ...(notes.length > 0 ? { notes } : {}) });
    if (note) blocks.push({ kind: 'sentence', role: 'note', text: note });
    const flows = flowLines(lines);
    if (flows.length > 0)
      blocks.push({ kind: 'table', role: 'flows', ...titledTable(FLOW_COLUMNS, flows, (o) => ({ report, options: o }), options) });
  }
  if (report.recorders)
    blocks.push({
      kind: 'table',
      role: 'recorders',
      ...titledTable(RECORDER_COLUMNS, report.recorders, (o) => recorderContext(report, o), options),
    });
  blocks.push(...driftTable(report, options));
  const sentence = (role: SentenceRole, text: string | undefined) => {
    if (text) blocks.push({ kind: 'sentence', role, text });
  };
  sentence('settings', settingsSentence(report));
  sentence('settings', designSentence(report, options));
  sentence('capacity', capacitySentence(report, options));
  sentence('total', totalSentence(report, options));
  sentence('time', timeSentence(report, options));
  sentence('time', figuresSentence(report, options));
  sentence('percentile', percentileSentence(report, options));
  sentence('storage', storageSentence(report, options));
  sentence('storage', estimatedSentence(report, options));
  blocks.push(...driftNotes(report));
  if (options.timeline !== undefined) {
    const t = chosenTimeline(report, options.timeline);
    if (t)
      blocks.push({
        kind: 'timeline',
        title: t.title,
        hours: t.hours,
        table: { kind: 'table', role: 'timeline', ...titledTable(TIMELINE_COLUMNS, t.hours, (o) => o, options) },
        ...(t.link ? { link: t.link } : {}),
      });
  }
  const verdict = verdictSentence(report);
  if (verdict) blocks.push({ kind: 'verdict', text: verdict, pass: report.verdict === 'pass' });
  const failures = failureLines(report, options);
  if (failures.length > 0) blocks.push({ kind: 'failures', lines: failures });
  return blocks;
}

/** A document's summary lists at most this many failures; the rest are counted (the terminal prints every one). */
export const FAILURES_SHOWN = 12;

/** The first `max` failure lines, and how many more there are. */
export function firstFailures(lines: readonly string[], max = FAILURES_SHOWN): { shown: readonly string[]; more: number } {
  return { shown: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}

function profileTable(report: Report, options: RenderOptions): TableBlock {
  const contextFor = (o: RenderOptions) => ({ options: o, varies: report.settings.time !== undefined });
  const { keys, head, align, fit, rows } = titledTable(PROFILE_COLUMNS, report.profiles, contextFor, options);
  const total = profileTotalCells(keys, report, contextFor(options));
  const exactTotal = profileTotalCells(keys, report, contextFor({ ...options, precision: 'exact' }));
  const totalRow = options.precision === 'reading' ? withTitles(total, exactTotal) : total;
  return { kind: 'table', role: 'profiles', head, align, fit, rows: [...rows, totalRow] };
}

/** The storage table (HTML's storage section): the shown segments whose storage is sized; undefined when none is. */
export function storageBlock(report: Report, options: RenderOptions): TableBlock | undefined {
  if (!report.settings.storage) return undefined;
  const lines = segmentLines(report, options).lines.filter((l) => l.row.storage !== undefined && l.row.cameras > 0n);
  if (lines.length === 0) return undefined;
  return { kind: 'table', role: 'storage', ...titledTable(STORAGE_COLUMNS, lines, (o) => segmentContext(report, o, lines), options) };
}

/** The report's headline figures, for formats that lead with them (HTML): label and value as people read them. */
export function keyFigures(report: Report, options: RenderOptions): { label: string; value: string }[] {
  const checkOn = report.settings.time?.checkOn;
  const load = checkOn === 'peak' ? 'Peak load' : checkOn === 'average' ? 'Daily average load' : 'Load';
  const recorded = report.total.recordedInFleetBitsPerSecond;
  const figures = [
    { label: 'Cameras', value: humanCount(report.total.cameras) },
    // With recorders the total load is only what crosses between the fleet and the head end.
    ...(recorded === undefined ? [] : [{ label: 'Recorders in the fleet take', value: humanRate(recorded, options) }]),
    {
      label: recorded === undefined ? load : `${load} to and from the head end`,
      // Recorded in the sites with nothing crossing: a card reading "0 b/s" looks like a bug (issue 23).
      value: recorded !== undefined && report.total.loadBitsPerSecond === 0n ? 'none' : humanRate(report.total.loadBitsPerSecond, options),
    },
  ];
  if (report.total.viewingBitsPerSecond > 0n)
    figures.push({ label: 'Live viewing (in the load)', value: humanRate(report.total.viewingBitsPerSecond, options) });
  if (report.total.storage) figures.push({ label: 'Storage', value: storageText(report.total.storage.bytes, options) });
  const answer = report.capacityAnswer;
  if (answer) figures.push({ label: `${answer.profile.name} cameras that fit`, value: humanCount(answer.maxCameras) });
  return figures;
}

/** What `camsize measure` shows: the measurements' table, then what weakens them. */
export function measurementBlocks(ms: readonly FlaggedMeasurement[], options: RenderOptions): Block[] {
  return [
    { kind: 'table', role: 'measurements', ...titledTable(MEASURE_COLUMNS, ms, (o) => o, options) },
    ...measurementSentences(ms).map((text): Block => ({ kind: 'sentence', role: 'measured', text })),
  ];
}

/** The measured groups' table drawn in full up to this many rows; beyond, the groups furthest above their design. */
const DRIFT_ROWS = 200;

/** --measured: each measured group against its design. */
function driftTable(report: Report, options: RenderOptions): Block[] {
  const groups = report.drift?.groups;
  if (!groups || groups.length === 0) return [];
  const shown =
    groups.length <= DRIFT_ROWS
      ? groups
      : [...groups].sort((a, b) => Number((b.deviationPermille ?? 0n) - (a.deviationPermille ?? 0n))).slice(0, DRIFT_ROWS);
  const blocks: Block[] = [
    { kind: 'table', role: 'drift', ...titledTable(DRIFT_COLUMNS, shown, (o) => ({ report, options: o }), options) },
  ];
  if (shown.length < groups.length) {
    const text = `The ${DRIFT_ROWS} of ${groups.length} measured groups furthest above their design; every one in --format json or csv.`;
    blocks.push({ kind: 'sentence', role: 'note', text });
  }
  return blocks;
}

/** What was compared, what weakens it, what re-sizing found, and the measurements no group matched. */
function driftNotes(report: Report): Block[] {
  const blocks: Block[] = driftSentences(report).map((text) => ({ kind: 'sentence', role: 'measured', text }));
  const unmatched = unmatchedLines(report);
  if (unmatched) {
    blocks.push({ kind: 'sentence', role: 'measured', text: unmatched.head });
    for (const text of unmatched.lines) blocks.push({ kind: 'sentence', role: 'unmatched', text });
  }
  return blocks;
}
