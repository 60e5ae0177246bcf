/**
 * `camsize measure` output in the four formats. Small and on its own for now:
 * each column is defined once (heading, alignment, human cell, CSV cell) and
 * table, Markdown and CSV draw the same list; JSON is the measurements as data.
 */
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import { DAY_SECONDS } from '../core/measure/measurement.js';
import { csvText } from './formats/csv.js';
import { JSON_SCHEMA_VERSION } from './formats/json.js';
import { markdownCell, markdownTable } from './formats/markdown.js';
import { simplePage } from './formats/html.js';
import { esc, tableHtml, textCells } from './formats/html/elements.js';
import { drawTextTable } from './formats/table-draw.js';
import { type ColumnFit, LAST_RESORT } from './columns/column.js';
import type { Format } from './renderer.js';
import type { RenderOptions } from './view.js';
import { humanRate } from './wording/quantities.js';
import { leftOutNote } from './wording/sentences.js';

interface MeasureColumn {
  heading: string;
  csv: string;
  align: 'left' | 'right';
  human(m: FlaggedMeasurement, options: RenderOptions): string;
  raw(m: FlaggedMeasurement): string;
}

const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** 4 s, 90 min, 24 h, 7 d: whole days from two days up, else hours, minutes or seconds. */
export function durationText(seconds: number | undefined): string {
  if (seconds === undefined) return 'unknown';
  if (seconds >= 2 * DAY_SECONDS && seconds % DAY_SECONDS === 0) return `${seconds / DAY_SECONDS} d`;
  if (seconds >= 3600) return `${trim(seconds / 3600, 2)} h`;
  if (seconds >= 60) return `${trim(seconds / 60, 1)} min`;
  return `${trim(seconds, 3)} s`;
}

const notes = (m: FlaggedMeasurement) => [m.flags.short ? 'short' : '', m.flags.likelyCap ? 'likely cap' : ''].filter(Boolean).join(', ');

const COLUMNS: readonly MeasureColumn[] = [
  { heading: 'From', csv: 'file', align: 'left', human: (m) => (m.where ? `${m.file} ${m.where}` : m.file), raw: (m) => m.file },
  { heading: '', csv: 'where', align: 'left', human: () => '', raw: (m) => m.where ?? '' },
  { heading: 'Camera', csv: 'camera', align: 'left', human: (m) => m.camera ?? '', raw: (m) => m.camera ?? '' },
  { heading: 'Segment', csv: 'segment', align: 'left', human: (m) => m.segment ?? '', raw: (m) => m.segment ?? '' },
  { heading: 'Group', csv: 'group', align: 'left', human: (m) => m.preset ?? m.label ?? '', raw: (m) => m.preset ?? m.label ?? '' },
  { heading: 'Rate', csv: 'bps', align: 'right', human: (m, o) => humanRate(m.bitsPerSecond, o), raw: (m) => m.bitsPerSecond.toString() },
  {
    heading: 'Over',
    csv: 'duration_s',
    align: 'right',
    human: (m) => durationText(m.durationSeconds),
    raw: (m) => (m.durationSeconds === undefined ? '' : String(m.durationSeconds)),
  },
  {
    heading: 'Resolution',
    csv: 'resolution',
    align: 'left',
    human: (m) => (m.width ? `${m.width}x${m.height}` : ''),
    raw: (m) => (m.width ? `${m.width}x${m.height}` : ''),
  },
  { heading: 'FPS', csv: 'fps', align: 'right', human: (m) => (m.fps ? trim(m.fps, 2) : ''), raw: (m) => (m.fps ? String(m.fps) : '') },
  { heading: 'Codec', csv: 'codec', align: 'left', human: (m) => m.codec ?? '', raw: (m) => m.codec ?? '' },
  { heading: 'Notes', csv: 'notes', align: 'left', human: notes, raw: notes },
];
/** How the terminal table gives way to a narrow terminal: names wrap; where a figure came from, then the stream's shape, go first. */
const MEASURE_FIT: Record<string, ColumnFit> = {
  From: { wraps: 'name', drops: 1 },
  Camera: { wraps: 'name' },
  Segment: { wraps: 'name' },
  Group: { wraps: 'name' },
  Resolution: { drops: 4 },
  FPS: { drops: 3 },
  Codec: { drops: 2 },
  Notes: { wraps: 'text', drops: LAST_RESORT },
};

/** The human formats leave out the CSV-only `where` column (it is part of "From"). */
const HUMAN = COLUMNS.filter((c) => c.heading !== '');

export function measurementSentences(ms: readonly FlaggedMeasurement[]): string[] {
  const short = ms.filter((m) => m.flags.short).length;
  const caps = ms.filter((m) => m.flags.likelyCap).length;
  const noun = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [`${noun(ms.length, 'measurement', 'measurements')}.`];
  if (short > 0)
    lines.push(
      `${noun(short, 'is', 'are')} short (under 24 h, or of unknown length): the SOP asks for an average over at least a day including a night.`,
    );
  if (caps > 0)
    lines.push(`${noun(caps, 'shares', 'share')} a round rate with another camera: likely CBR caps or configured maximums, not averages.`);
  return lines;
}

function json(ms: readonly FlaggedMeasurement[]): string {
  const rows = ms.map(({ bitsPerSecond, ...m }) => ({ ...m, bitsPerSecond: bitsPerSecond.toString() }));
  return `${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, measurements: rows }, null, 2)}\n`;
}

export function renderMeasurements(ms: readonly FlaggedMeasurement[], format: Format, options: RenderOptions): string {
  const sentences = measurementSentences(ms);
  switch (format) {
    case 'json':
      return json(ms);
    case 'csv':
      return csvText(
        [...COLUMNS.map((c) => c.csv), 'short', 'likely_cap', 'basis'],
        ms.map((m) => [...COLUMNS.map((c) => c.raw(m)), String(m.flags.short), String(m.flags.likelyCap), m.basis]),
      );
    case 'markdown': {
      const rows = ms.map((m) => HUMAN.map((c) => c.human(m, options)));
      return `${markdownTable(
        HUMAN.map((c) => c.heading),
        HUMAN.map((c) => c.align),
        rows,
      )}\n\n${sentences.map(markdownCell).join('\n')}\n`;
    }
    case 'table': {
      const rows = ms.map((m) => HUMAN.map((c) => ({ text: c.human(m, options) })));
      const fit = HUMAN.map((c) => MEASURE_FIT[c.heading] ?? {});
      const { text, dropped } = drawTextTable({ head: HUMAN.map((c) => c.heading), align: HUMAN.map((c) => c.align), fit, rows }, options);
      const note = dropped.length === 0 ? '' : `${options.paint.dim(leftOutNote(dropped, options.width ?? 0))}\n`;
      return `${text}\n${note}${sentences.join('\n')}\n`;
    }
    case 'html': {
      const rows = ms.map((m) => HUMAN.map((c) => c.human(m, options)));
      const table = tableHtml(
        HUMAN.map((c) => c.heading),
        HUMAN.map((c) => c.align),
        textCells(rows),
        'measurements',
      );
      return simplePage('Measurements', `${table}\n${sentences.map((s) => `<p>${esc(s)}</p>`).join('\n')}`, options);
    }
  }
}
