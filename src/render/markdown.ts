/** Markdown output (GitHub-flavoured tables), for pasting into design documents. */
import type { Preset } from '../core/model/catalog.js';
import type { CalibrationRow } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import type { Report } from '../core/model/report.js';
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
  totalSentence,
  verdictSentence,
  type RenderOptions,
} from './options.js';

export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function markdownTable(head: string[], align: Array<'left' | 'right'>, rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'right' ? '---:' : ':---')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export function renderMarkdown(report: Report, options: RenderOptions): string {
  const profileRows = report.profiles.map((row) => [
    `\`${row.profile.name}\``,
    row.profile.description,
    humanRate(row.profile.bitsPerSecond, options),
    humanCount(row.cameras),
    humanRate(row.loadBitsPerSecond, options),
  ]);
  const cameraLoad = report.total.profilesLoadBitsPerSecond;
  profileRows.push(['**Total**', '', '', `**${humanCount(report.total.cameras)}**`, `**${humanRate(cameraLoad, options)}**`]);
  const parts = [
    `## ${markdownCell(report.fleetName)}`,
    markdownTable(['Profile', 'Description', 'Per camera', 'Cameras', 'Load'], ['left', 'left', 'right', 'right', 'right'], profileRows),
  ];
  if (showsSegments(report)) {
    const { head, align, rows, note } = segmentTable(report, options);
    const cells = rows.map(({ depth, cells: [name = '', ...rest], status }) => [
      '&nbsp;&nbsp;'.repeat(depth) + name,
      ...rest,
      status === 'over' ? '**OVER**' : status,
    ]);
    parts.push(markdownTable(head, align, cells));
    if (note) parts.push(`_${note}_`);
  }
  const settings = settingsSentence(report);
  if (settings) parts.push(settings);
  const capacity = capacitySentence(report, options);
  if (capacity) parts.push(`**${capacity}**`);
  parts.push(`${totalSentence(report, options)}.`);
  const time = timeSentence(report, options);
  if (time) parts.push(time);
  const percentile = percentileSentence(report, options);
  if (percentile) parts.push(percentile);
  const storage = storageSentence(report);
  if (storage) parts.push(`${storage}.`);
  if (options.timeline !== undefined) {
    const t = timeline(report, options.timeline)!;
    parts.push(`### Load over the day: ${markdownCell(t.title)}`);
    parts.push(
      markdownTable(
        ['Hour', 'State', 'Average', 'Peak'],
        ['left', 'left', 'right', 'right'],
        t.hours.map((h) => [
          h.hour,
          h.night ? 'night' : 'day',
          humanRate(h.averageBitsPerSecond, options),
          humanRate(h.peakBitsPerSecond, options),
        ]),
      ),
    );
  }
  const verdict = verdictSentence(report);
  if (verdict) parts.push(`**${verdict}**`);
  const failures = failureLines(report, options);
  if (failures.length > 0) parts.push(failures.map((f) => `- **${markdownCell(f)}**`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

export function renderMarkdownPresets(presets: readonly Preset[], options: RenderOptions): string {
  const rows = presets.map((p) => [
    `\`${p.id}\``,
    p.resolution.name,
    String(p.fps),
    p.codec ?? '',
    p.scene,
    humanRate(p.bitsPerSecond, options),
    p.nightBitsPerSecond === undefined ? '' : humanRate(p.nightBitsPerSecond, options),
    p.basis,
    p.source.url ? `[${p.file}](${p.source.url})` : p.file,
  ]);
  return `${markdownTable(
    ['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Night', 'Basis', 'Source'],
    ['left', 'left', 'right', 'left', 'left', 'right', 'right', 'left', 'left'],
    rows,
  )}\n`;
}

export function renderMarkdownEstimate(estimate: Estimate, options: RenderOptions): string {
  return `${markdownTable(
    ['Step', 'Value'],
    ['left', 'right'],
    estimate.steps.map(([a, b]) => [a, b]),
  )}\n\n**Estimate: ${humanRate(estimate.bitsPerSecond, options)} per camera** (a model estimate).\n`;
}

export function renderMarkdownCalibration(rows: readonly CalibrationRow[], options: RenderOptions): string {
  return `${markdownTable(
    ['Preset', 'Basis', 'Resolution', 'FPS', 'Codec', 'Catalog', 'Estimate', 'Estimate ÷ catalog'],
    ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right'],
    rows.map((r) => [
      `\`${r.id}\``,
      r.basis,
      r.resolution,
      String(r.fps),
      r.codec,
      humanRate(r.catalogBitsPerSecond, options),
      humanRate(r.estimateBitsPerSecond, options),
      r.ratio.toFixed(2),
    ]),
  )}\n`;
}
