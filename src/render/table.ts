/** Terminal table output (cli-table3; colour through the shell's Paint only). */
import type TableType from 'cli-table3';
import type { Preset } from '../core/model/catalog.js';
import type { CalibrationRow } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import type { Report } from '../core/model/report.js';
import { requireCjs } from '../require-cjs.js';
import {
  capacitySentence,
  failureLines,
  humanCount,
  humanRate,
  segmentTable,
  settingsSentence,
  showsSegments,
  storageSentence,
  timeline,
  timeSentence,
  percentileSentence,
  bar,
  totalSentence,
  verdictSentence,
  type RenderOptions,
} from './options.js';

const Table = requireCjs('cli-table3') as typeof TableType;

function newTable(head: string[], align: Array<'left' | 'right'>, options: RenderOptions, colWidths?: number[]): TableType.Table {
  return new Table({
    head: head.map((h) => options.paint.bold(h)),
    colAligns: align,
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
function longTable(head: string[], align: Array<'left' | 'right'>, rows: string[][], options: RenderOptions): string {
  if (rows.length <= CHUNK_ROWS) {
    const table = newTable(head, align, options);
    table.push(...rows);
    return table.toString();
  }
  const chunks: string[][][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) chunks.push(rows.slice(i, i + CHUNK_ROWS));
  const draw = (chunk: string[][], index: number, widths?: number[]) => {
    const table = newTable(index === 0 ? head : [], align, options, widths);
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

export function renderTable(report: Report, options: RenderOptions): string {
  const { paint } = options;
  const varies = report.settings.time !== undefined;
  const profiles = newTable(
    [
      'Profile',
      'Description',
      varies ? 'Per camera (day)' : 'Per camera',
      ...(varies ? ['Night'] : []),
      'Cameras',
      varies ? 'Load (day)' : 'Load',
    ],
    ['left', 'left', 'right', ...(varies ? ['right' as const] : []), 'right', 'right'],
    options,
  );
  for (const row of report.profiles) {
    profiles.push([
      row.profile.name,
      row.profile.description,
      humanRate(row.profile.bitsPerSecond, options),
      ...(varies ? [humanRate(row.profile.states?.night ?? row.profile.bitsPerSecond, options)] : []),
      humanCount(row.cameras),
      humanRate(row.loadBitsPerSecond, options),
    ]);
  }
  const cameraLoad = report.total.profilesLoadBitsPerSecond;
  profiles.push([
    paint.bold('Total'),
    '',
    '',
    ...(varies ? [''] : []),
    paint.bold(humanCount(report.total.cameras)),
    paint.bold(humanRate(cameraLoad, options)),
  ]);
  const parts = [profiles.toString()];

  if (showsSegments(report)) {
    const { head, align, rows, note } = segmentTable(report, options);
    const cells = rows.map(({ depth, cells, status }) => {
      const [name = '', ...rest] = cells;
      return ['  '.repeat(depth) + name, ...rest, status === 'ok' ? paint.green('ok') : status === 'over' ? paint.red('OVER') : ''];
    });
    parts.push(longTable(head, align, cells, options));
    if (note) parts.push(paint.dim(note));
  }
  const settings = settingsSentence(report);
  if (settings) parts.push(paint.dim(settings));
  const capacity = capacitySentence(report, options);
  if (capacity) parts.push(paint.bold(capacity));
  parts.push(paint.bold(totalSentence(report, options)));
  const time = timeSentence(report, options);
  if (time) parts.push(time);
  const percentile = percentileSentence(report, options);
  if (percentile) parts.push(percentile);
  const storage = storageSentence(report);
  if (storage) parts.push(paint.bold(storage));
  if (options.timeline !== undefined) parts.push(timelineChart(report, options));
  const verdict = verdictSentence(report);
  if (verdict) parts.push(report.verdict === 'pass' ? paint.green(verdict) : paint.red(verdict));
  for (const line of failureLines(report, options)) parts.push(paint.red(line));
  return `${parts.join('\n')}\n`;
}

export function renderTablePresets(presets: readonly Preset[], options: RenderOptions): string {
  const table = newTable(
    ['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Night', 'Basis'],
    ['left', 'left', 'right', 'left', 'left', 'right', 'right', 'left'],
    options,
  );
  for (const p of presets) {
    const night = p.nightBitsPerSecond === undefined ? '' : humanRate(p.nightBitsPerSecond, options);
    table.push([p.id, p.resolution.name, String(p.fps), p.codec ?? '', p.scene, humanRate(p.bitsPerSecond, options), night, p.basis]);
  }
  const noun = presets.length === 1 ? 'preset' : 'presets';
  const hint = options.paint.dim(`${presets.length} ${noun}; sources: camsize presets --format json (or --format markdown)`);
  return `${table.toString()}\n${hint}\n`;
}

export function renderTableEstimate(estimate: Estimate, options: RenderOptions): string {
  const table = newTable(['Step', 'Value'], ['left', 'right'], options);
  for (const [step, value] of estimate.steps) table.push([step, value]);
  return `${table.toString()}\n${options.paint.bold(`Estimate: ${humanRate(estimate.bitsPerSecond, options)} per camera (a model estimate; see camsize estimate --calibration)`)}\n`;
}

export function renderTableCalibration(rows: readonly CalibrationRow[], options: RenderOptions): string {
  const table = newTable(
    ['Preset', 'Basis', 'Resolution', 'FPS', 'Codec', 'Catalog', 'Estimate', 'Estimate ÷ catalog'],
    ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right'],
    options,
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
  return `${table.toString()}\n`;
}

function timelineChart(report: Report, options: RenderOptions): string {
  const t = timeline(report, options.timeline ?? '')!;
  const max = t.hours.reduce((m, h) => (h.peakBitsPerSecond > m ? h.peakBitsPerSecond : m), 0n);
  const lines = [options.paint.bold(`Load over the day, ${t.title}: average per hour (bar), peak beside it`)];
  for (const h of t.hours) {
    const peak = h.peakBitsPerSecond === h.averageBitsPerSecond ? '' : ` (peak ${humanRate(h.peakBitsPerSecond, options)})`;
    lines.push(
      `${h.hour} ${h.night ? 'night' : 'day  '} ${bar(h.averageBitsPerSecond, max).padEnd(40)} ${humanRate(h.averageBitsPerSecond, options)}${peak}`,
    );
  }
  return lines.join('\n');
}
