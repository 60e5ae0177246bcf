/** Terminal table output (cli-table3; colour through the shell's Paint only). */
import type TableType from 'cli-table3';
import type { Preset } from '../core/catalog.js';
import type { CalibrationRow } from '../core/calibration.js';
import type { Estimate } from '../core/estimate.js';
import type { Report } from '../core/report.js';
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
  totalSentence,
  verdictSentence,
  type RenderOptions,
} from './options.js';

const Table = requireCjs('cli-table3') as typeof TableType;

function newTable(head: string[], align: Array<'left' | 'right'>, options: RenderOptions): TableType.Table {
  return new Table({
    head: head.map((h) => options.paint.bold(h)),
    colAligns: align,
    // cli-table3 colours headers and borders by itself; camsize decides colour in one place.
    style: { head: [], border: [] },
    // No rule between body rows: segment tables run to hundreds of rows.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
}

export function renderTable(report: Report, options: RenderOptions): string {
  const { paint } = options;
  const profiles = newTable(
    ['Profile', 'Description', 'Per camera', 'Cameras', 'Load'],
    ['left', 'left', 'right', 'right', 'right'],
    options,
  );
  for (const row of report.profiles) {
    profiles.push([
      row.profile.name,
      row.profile.description,
      humanRate(row.profile.bitsPerSecond, options),
      humanCount(row.cameras),
      humanRate(row.loadBitsPerSecond, options),
    ]);
  }
  const cameraLoad = report.total.loadBitsPerSecond - report.total.viewingBitsPerSecond;
  profiles.push([paint.bold('Total'), '', '', paint.bold(humanCount(report.total.cameras)), paint.bold(humanRate(cameraLoad, options))]);
  const parts = [profiles.toString()];

  if (showsSegments(report)) {
    const { head, align, rows, note } = segmentTable(report, options);
    const segments = newTable(head, align, options);
    for (const { depth, cells, status } of rows) {
      const [name = '', ...rest] = cells;
      segments.push(['  '.repeat(depth) + name, ...rest, status === 'ok' ? paint.green('ok') : status === 'over' ? paint.red('OVER') : '']);
    }
    parts.push(segments.toString());
    if (note) parts.push(paint.dim(note));
  }
  const settings = settingsSentence(report);
  if (settings) parts.push(paint.dim(settings));
  const capacity = capacitySentence(report, options);
  if (capacity) parts.push(paint.bold(capacity));
  parts.push(paint.bold(totalSentence(report, options)));
  const storage = storageSentence(report);
  if (storage) parts.push(paint.bold(storage));
  const verdict = verdictSentence(report);
  if (verdict) parts.push(report.verdict === 'pass' ? paint.green(verdict) : paint.red(verdict));
  for (const line of failureLines(report, options)) parts.push(paint.red(line));
  return parts.join('\n') + '\n';
}

export function renderTablePresets(presets: readonly Preset[], options: RenderOptions): string {
  const table = newTable(
    ['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Basis'],
    ['left', 'left', 'right', 'left', 'left', 'right', 'left'],
    options,
  );
  for (const p of presets) {
    table.push([p.id, p.resolution.name, String(p.fps), p.codec ?? '', p.scene, humanRate(p.bitsPerSecond, options), p.basis]);
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
  const table = newTable(['Preset', 'Basis', 'Resolution', 'FPS', 'Codec', 'Catalog', 'Estimate', 'Estimate ÷ catalog'], ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right'], options);
  for (const r of rows) {
    table.push([r.id, r.basis, r.resolution, String(r.fps), r.codec, humanRate(r.catalogBitsPerSecond, options), humanRate(r.estimateBitsPerSecond, options), r.ratio.toFixed(2)]);
  }
  return `${table.toString()}\n`;
}
