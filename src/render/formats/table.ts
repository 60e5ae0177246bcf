/** Terminal tables (cli-table3; colour through the shell's Paint only), fitted to the terminal's width. */
import { type Block, measurementBlocks, reportBlocks, type SentenceRole, type TableBlock } from '../blocks.js';
import type { Cell } from '../columns/column.js';
import { validationSummary } from '../calibration-summary.js';
import {
  CALIBRATION_ALIGN,
  CALIBRATION_FIT,
  CALIBRATION_HEAD,
  calibrationCells,
  PRESET_ALIGN,
  PRESET_FIT,
  PRESET_HEAD,
  presetCells,
} from '../catalog-rows.js';
import type { Renderer } from '../renderer-interface.js';
import type { TimelineHour } from '../timeline.js';
import type { Paint, RenderOptions } from '../view.js';
import { asciiSymbols } from '../wording/ascii.js';
import { estimateSentence } from '../wording/figures.js';
import { humanRate } from '../wording/quantities.js';
import { leftOutNote } from '../wording/sentences.js';
import { visible, visibleBlock } from '../wording/visible.js';
import { drawTextTable, type TextCell, type TextTable } from './table-draw.js';
import { diffBlocks } from '../diff-blocks.js';
import { fleetsLines } from '../fleets-lines.js';

export { longTable, newTable } from './table-draw.js';

function textCell(cell: Cell, paint: Paint): TextCell {
  const color = cell.tone === 'good' ? paint.green : cell.tone === 'bad' ? paint.red : cell.style === 'strong' ? paint.bold : undefined;
  return { text: cell.text, ...(cell.indent ? { indent: cell.indent } : {}), ...(color ? { paint: color } : {}) };
}

/** A table, and under it (dimmed) the notes on the columns it shows and which columns were left out to fit the terminal. */
function fitted(table: TextTable, options: RenderOptions, notes: TableBlock['notes'] = []): string {
  const { text, dropped } = drawTextTable(options.ascii ? asciiTable(table) : table, options);
  const spelled = (note: string) => (options.ascii ? asciiSymbols(note) : note);
  const shownNotes = notes
    .filter((n) => !dropped.includes(spelled(table.head[n.column] ?? '')))
    .map((n) => options.paint.dim(spelled(n.text)));
  const left = dropped.length === 0 ? [] : [options.paint.dim(leftOutNote(dropped, options.width ?? 0))];
  return [text, ...shownNotes, ...left].join('\n');
}

/** The table with its symbols spelled in ASCII before it is laid out (± is three characters then). */
function asciiTable(table: TextTable): TextTable {
  return {
    ...table,
    head: table.head.map(asciiSymbols),
    rows: table.rows.map((row) => row.map((cell) => ({ ...cell, text: asciiSymbols(cell.text) }))),
  };
}

function drawTable(block: TableBlock, options: RenderOptions): string {
  const rows = block.rows.map((row) => row.map((cell) => textCell(cell, options.paint)));
  return fitted({ head: block.head, align: block.align, ...(block.fit ? { fit: block.fit } : {}), rows }, options, block.notes);
}

/** Plain text cells, for the tables drawn here rather than from column definitions. */
const plain = (rows: readonly (readonly string[])[]): TextCell[][] => rows.map((row) => row.map((text) => ({ text: visible(text) })));

const SENTENCE_STYLE: Record<SentenceRole, keyof Paint | undefined> = {
  note: 'dim',
  settings: 'dim',
  capacity: 'bold',
  total: 'bold',
  time: undefined,
  percentile: undefined,
  storage: 'bold',
  measured: undefined,
  unmatched: 'dim',
};

/** The day's curve as text bars: 40 cells wide, narrower when the terminal is. */
function timelineChart(title: string, hours: readonly TimelineHour[], options: RenderOptions): string {
  const max = hours.reduce((m, h) => (h.peakBitsPerSecond > m ? h.peakBitsPerSecond : m), 0n);
  const tails = hours.map((h) => {
    const peak = h.peakBitsPerSecond === h.averageBitsPerSecond ? '' : ` (peak ${humanRate(h.peakBitsPerSecond, options)})`;
    return `${humanRate(h.averageBitsPerSecond, options)}${peak}`;
  });
  // "00:00 night " is 12 cells, a space follows the bar.
  const room = options.width === undefined ? 40 : options.width - 13 - Math.max(...tails.map((t) => t.length));
  const width = Math.max(8, Math.min(40, room));
  const lines = [options.paint.bold(`Load over the day, ${title}: average per hour (bar), peak beside it`)];
  hours.forEach((h, i) => {
    lines.push(
      `${h.hour} ${h.night ? 'night' : 'day  '} ${bar(h.averageBitsPerSecond, max, width, options.ascii).padEnd(width)} ${tails[i]}`,
    );
  });
  return lines.join('\n');
}

/** A bar of `width` cells for value/max (eighths of a cell, so small differences still show; whole '#' cells in ASCII). */
export function bar(value: bigint, max: bigint, width = 40, ascii = false): string {
  if (max <= 0n) return '';
  if (ascii) return '#'.repeat(Number((value * BigInt(width) * 2n + max) / (2n * max)));
  const eighths = Number((value * BigInt(width) * 8n) / max);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return '█'.repeat(full) + (rest > 0 ? '▏▎▍▌▋▊▉'[rest - 1]! : '');
}

function drawBlock(block: Block, options: RenderOptions): string[] {
  const { paint } = options;
  switch (block.kind) {
    case 'heading':
      return []; // the terminal shows no title above its tables
    case 'table':
      return [drawTable(block, options)];
    case 'sentence': {
      const style = SENTENCE_STYLE[block.role];
      return [style ? paint[style](block.text) : block.text];
    }
    case 'timeline':
      return [timelineChart(block.title, block.hours, options)];
    case 'verdict':
      return [block.pass ? paint.green(block.text) : paint.red(block.text)];
    case 'failures':
      return block.lines.map((line) => paint.red(line));
  }
}

const drawBlocks = (blocks: readonly Block[], options: RenderOptions) =>
  `${blocks.flatMap((b) => drawBlock(visibleBlock(b), options)).join('\n')}\n`;

const unicodeRenderer: Renderer = {
  report: (report, options) => drawBlocks(reportBlocks(report, options), options),

  diff: (diff, options) => drawBlocks(diffBlocks(diff, options), options),

  fleets: (report, options) =>
    fleetsLines(report, options, options.quiet)
      .map((line) => `${line.bad ? options.paint.red(visible(line.text)) : visible(line.text)}\n`)
      .join(''),

  measurements: (ms, options) => drawBlocks(measurementBlocks(ms, options), options),

  presets(presets, options) {
    const rows = presets.map((p) => presetCells(p, options));
    const table = fitted({ head: PRESET_HEAD, align: PRESET_ALIGN, fit: PRESET_FIT, rows: plain(rows) }, options);
    const noun = presets.length === 1 ? 'preset' : 'presets';
    const hint = options.paint.dim(`${presets.length} ${noun}; sources: camsize presets --format json (or --format markdown)`);
    return `${table}\n${hint}\n`;
  },

  estimate(estimate, options) {
    const table = fitted(
      { head: ['Step', 'Value'], align: ['left', 'right'], fit: [{ wraps: 'text' }, {}], rows: plain(estimate.steps) },
      options,
    );
    return `${table}\n${options.paint.bold(estimateSentence(estimate, options))}\n`;
  },

  calibration(rows, options, validation) {
    const cells = rows.map((r) => calibrationCells(r, options));
    const table = fitted({ head: CALIBRATION_HEAD, align: CALIBRATION_ALIGN, fit: CALIBRATION_FIT, rows: plain(cells) }, options);
    if (!validation) return `${table}\n`;
    const block = validationSummary(validation);
    const summary = fitted({ head: block.head, align: block.align, fit: block.fit, rows: plain(block.rows) }, options);
    return `${table}\n${options.paint.bold(block.heading)}\n${summary}\n${block.sentences.join('\n')}\n`;
  },
};

/** The text, with camsize's symbols in ASCII where the borders are (the tables' cells are spelled before layout). */
const spelled = (text: string, options: RenderOptions) => (options.ascii ? asciiSymbols(text) : text);

export const tableRenderer: Renderer = {
  report: (report, options) => spelled(unicodeRenderer.report(report, options), options),
  measurements: (ms, options) => spelled(unicodeRenderer.measurements(ms, options), options),
  presets: (presets, options) => spelled(unicodeRenderer.presets(presets, options), options),
  estimate: (estimate, options) => spelled(unicodeRenderer.estimate(estimate, options), options),
  calibration: (rows, options, validation) => spelled(unicodeRenderer.calibration(rows, options, validation), options),
  diff: (diff, options) => spelled(unicodeRenderer.diff!(diff, options), options),
  fleets: (report, options) => spelled(unicodeRenderer.fleets!(report, options), options),
};
