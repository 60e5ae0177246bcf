/**
 * What the human formats (table, Markdown, HTML) show of a report, built
 * once as a sequence of blocks: the profile table, the segment table, the
 * sentences, the day's curve, the verdict and the failures. Each format only
 * draws blocks; none decides what to show.
 */
import type { Report } from '../core/model/report.js';
import { type Align, type Cell, type ColumnFit, humanTable } from './columns/column.js';
import { PROFILE_COLUMNS, profileTotalCells } from './columns/profiles.js';
import { SEGMENT_COLUMNS, segmentContext } from './columns/segments.js';
import { TIMELINE_COLUMNS } from './columns/timeline.js';
import { segmentLines, showsSegments } from './shown-segments.js';
import { chosenTimeline, type TimelineHour } from './timeline.js';
import type { RenderOptions } from './view.js';
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

export interface TableBlock {
  readonly kind: 'table';
  readonly role: 'profiles' | 'segments' | 'timeline';
  readonly head: readonly string[];
  readonly align: readonly Align[];
  /** How each column gives way in a narrow terminal (default: none does). */
  readonly fit?: readonly ColumnFit[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Which sentence: formats style each role their own way (the total in bold, settings dimmed …). */
export type SentenceRole = 'note' | 'settings' | 'capacity' | 'total' | 'time' | 'percentile' | 'storage';

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | TableBlock
  | { readonly kind: 'sentence'; readonly role: SentenceRole; readonly text: string }
  | { readonly kind: 'timeline'; readonly title: string; readonly hours: readonly TimelineHour[]; readonly table: TableBlock }
  | { readonly kind: 'verdict'; readonly text: string; readonly pass: boolean }
  | { readonly kind: 'failures'; readonly lines: readonly string[] };

export function reportBlocks(report: Report, options: RenderOptions): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: report.fleetName }, profileTable(report, options)];
  if (showsSegments(report)) {
    const { lines, note } = segmentLines(report, options);
    const table = humanTable(SEGMENT_COLUMNS, lines, segmentContext(report, options));
    blocks.push({ kind: 'table', role: 'segments', ...table });
    if (note) blocks.push({ kind: 'sentence', role: 'note', text: note });
  }
  const sentence = (role: SentenceRole, text: string | undefined) => {
    if (text) blocks.push({ kind: 'sentence', role, text });
  };
  sentence('settings', settingsSentence(report));
  sentence('capacity', capacitySentence(report, options));
  sentence('total', totalSentence(report, options));
  sentence('time', timeSentence(report, options));
  sentence('percentile', percentileSentence(report, options));
  sentence('storage', storageSentence(report));
  if (options.timeline !== undefined) {
    const t = chosenTimeline(report, options.timeline);
    if (t)
      blocks.push({
        kind: 'timeline',
        title: t.title,
        hours: t.hours,
        table: { kind: 'table', role: 'timeline', ...humanTable(TIMELINE_COLUMNS, t.hours, options) },
      });
  }
  const verdict = verdictSentence(report);
  if (verdict) blocks.push({ kind: 'verdict', text: verdict, pass: report.verdict === 'pass' });
  const failures = failureLines(report, options);
  if (failures.length > 0) blocks.push({ kind: 'failures', lines: failures });
  return blocks;
}

function profileTable(report: Report, options: RenderOptions): TableBlock {
  const context = { options, varies: report.settings.time !== undefined };
  const { keys, head, align, fit, rows } = humanTable(PROFILE_COLUMNS, report.profiles, context);
  return { kind: 'table', role: 'profiles', head, align, fit, rows: [...rows, profileTotalCells(keys, report, context)] };
}
