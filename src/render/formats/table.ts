/** Terminal tables (cli-table3; colour through the shell's Paint only). */
import type TableType from 'cli-table3';
import { requireCjs } from '../../require-cjs.js';
import { type Block, reportBlocks, type SentenceRole, type TableBlock } from '../blocks.js';
import type { Align, Cell } from '../columns/column.js';
import { validationSummary } from '../calibration-summary.js';
import type { Renderer } from '../renderer.js';
import type { TimelineHour } from '../timeline.js';
import type { Paint, RenderOptions } from '../view.js';
import { humanRate } from '../wording/quantities.js';

const Table = requireCjs('cli-table3') as typeof TableType;

export function newTable(head: readonly string[], align: readonly Align[], paint: Paint, colWidths?: number[]): TableType.Table {
  return new Table({
    head: head.map((h) => paint.bold(h)),
    colAligns: [...align],
    ...(colWidths ? { colWidths } : {}),
    // cli-table3 colours headers and borders by itself; camsize decides colour in one place.
    style: { head: [], border: [] },
    // No rule between body rows: segment tables run to hundreds of rows.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

/**
 * Rows per cli-table3 table: its layout step compares every cell with every
 * earlier one (quadratic: 4,000 rows took 4 s here), so a long table is drawn
 * as chunks of this many rows with shared column widths, stitched together.
 */
const CHUNK_ROWS = 100;

/** A table of any length, drawn in linear time; the same text as one cli-table3 table. */
export function longTable(head: readonly string[], align: readonly Align[], rows: string[][], paint: Paint): string {
  if (rows.length <= CHUNK_ROWS) {
    const table = newTable(head, align, paint);
    table.push(...rows);
    return table.toString();
  }
  const chunks: string[][][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) chunks.push(rows.slice(i, i + CHUNK_ROWS));
  const draw = (chunk: string[][], index: number, widths?: number[]) => {
    const table = newTable(index === 0 ? head : [], align, paint, widths);
    table.push(...chunk);
    return table.toString().split('\n');
  };
  // First pass: each chunk's column widths, read off its top border ("┌───┬──┐").
  const widths: number[] = [];
  chunks.forEach((chunk, index) => {
    draw(chunk, index)[0]!
      .slice(1, -1)
      .split('┬')
      .forEach((run, column) => {
        widths[column] = Math.max(widths[column] ?? 0, run.length);
      });
  });
  // Second pass at the widest widths; inner borders dropped so the chunks join into one table.
  const lines: string[] = [];
  chunks.forEach((chunk, index) => {
    const drawn = draw(chunk, index, widths);
    lines.push(...drawn.slice(index === 0 ? 0 : 1, index === chunks.length - 1 ? drawn.length : -1));
  });
  return lines.join('\n');
}

function cellText(cell: Cell, paint: Paint): string {
  const text =
    cell.tone === 'good'
      ? paint.green(cell.text)
      : cell.tone === 'bad'
        ? paint.red(cell.text)
        : cell.style === 'strong'
          ? paint.bold(cell.text)
          : cell.text;
  return '  '.repeat(cell.indent ?? 0) + text;
}

function drawTable(block: TableBlock, paint: Paint): string {
  return longTable(
    block.head,
    block.align,
    block.rows.map((row) => row.map((cell) => cellText(cell, paint))),
    paint,
  );
}

const SENTENCE_STYLE: Record<SentenceRole, keyof Paint | undefined> = {
  note: 'dim',
  settings: 'dim',
  capacity: 'bold',
  total: 'bold',
  time: undefined,
  percentile: undefined,
  storage: 'bold',
};

function timelineChart(title: string, hours: readonly TimelineHour[], options: RenderOptions): string {
  const max = hours.reduce((m, h) => (h.peakBitsPerSecond > m ? h.peakBitsPerSecond : m), 0n);
  const lines = [options.paint.bold(`Load over the day, ${title}: average per hour (bar), peak beside it`)];
  for (const h of hours) {
    const peak = h.peakBitsPerSecond === h.averageBitsPerSecond ? '' : ` (peak ${humanRate(h.peakBitsPerSecond, options)})`;
    lines.push(
      `${h.hour} ${h.night ? 'night' : 'day  '} ${bar(h.averageBitsPerSecond, max).padEnd(40)} ${humanRate(h.averageBitsPerSecond, options)}${peak}`,
    );
  }
  return lines.join('\n');
}

/** A bar of `width` cells for value/max (eighths of a cell, so small differences still show). */
export function bar(value: bigint, max: bigint, width = 40): string {
  if (max <= 0n) return '';
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
      return [drawTable(block, paint)];
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

export const tableRenderer: Renderer = {
  report: (report, options) =>
    `${reportBlocks(report, options)
      .flatMap((b) => drawBlock(b, options))
      .join('\n')}\n`,

  presets(presets, options) {
    const table = newTable(
      ['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Night', 'Basis'],
      ['left', 'left', 'right', 'left', 'left', 'right', 'right', 'left'],
      options.paint,
    );
    for (const p of presets) {
      const night = p.nightBitsPerSecond === undefined ? '' : humanRate(p.nightBitsPerSecond, options);
      table.push([p.id, p.resolution.name, String(p.fps), p.codec ?? '', p.scene, humanRate(p.bitsPerSecond, options), night, p.basis]);
    }
    const noun = presets.length === 1 ? 'preset' : 'presets';
    const hint = options.paint.dim(`${presets.length} ${noun}; sources: camsize presets --format json (or --format markdown)`);
    return `${table.toString()}\n${hint}\n`;
  },

  estimate(estimate, options) {
    const table = newTable(['Step', 'Value'], ['left', 'right'], options.paint);
    for (const [step, value] of estimate.steps) table.push([step, value]);
    const sentence = `Estimate: ${humanRate(estimate.bitsPerSecond, options)} per camera (a model estimate; see camsize estimate --calibration)`;
    return `${table.toString()}\n${options.paint.bold(sentence)}\n`;
  },

  calibration(rows, options, validation) {
    const table = newTable(
      ['Preset', 'Basis', 'Resolution', 'FPS', 'Codec', 'Catalog', 'Estimate', 'Estimate ÷ catalog'],
      ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right'],
      options.paint,
    );
    for (const r of rows) {
      table.push([
        r.id,
        r.basis,
        r.resolution,
        String(r.fps),
        r.codec,
        humanRate(r.catalogBitsPerSecond, options),
        humanRate(r.estimateBitsPerSecond, options),
        r.ratio.toFixed(2),
      ]);
    }
    if (!validation) return `${table.toString()}\n`;
    const block = validationSummary(validation);
    const summary = newTable(block.head, block.align, options.paint);
    for (const row of block.rows) summary.push(row);
    return `${table.toString()}\n${options.paint.bold(block.heading)}\n${summary.toString()}\n${block.sentences.join('\n')}\n`;
  },
};
