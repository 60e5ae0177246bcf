/** Markdown output (GitHub-flavoured tables), for pasting into design documents. */
import type { Preset } from '../core/catalog.js';
import type { Report } from '../core/report.js';
import { humanCount, humanRate, totalSentence, type RenderOptions } from './options.js';
import { showsSegments } from './table.js';

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
  profileRows.push(['**Total**', '', '', `**${humanCount(report.total.cameras)}**`, `**${humanRate(report.total.loadBitsPerSecond, options)}**`]);
  const parts = [
    `## ${markdownCell(report.fleetName)}`,
    markdownTable(['Profile', 'Description', 'Per camera', 'Cameras', 'Load'], ['left', 'left', 'right', 'right', 'right'], profileRows),
  ];
  if (showsSegments(report)) {
    const segmentRows = report.segments.map((row) => [
      row.depth === 0 ? report.fleetName : `${'&nbsp;&nbsp;'.repeat(row.depth)}${row.path[row.path.length - 1] ?? ''}`,
      humanCount(row.cameras),
      humanRate(row.loadBitsPerSecond, options),
      row.linkBitsPerSecond === undefined ? '' : humanRate(row.linkBitsPerSecond, options),
    ]);
    parts.push(markdownTable(['Segment', 'Cameras', 'Load', 'Link'], ['left', 'right', 'right', 'right'], segmentRows));
  }
  parts.push(totalSentence(report.total.cameras, report.total.loadBitsPerSecond, options) + '.');
  return parts.join('\n\n') + '\n';
}

export function renderMarkdownPresets(presets: readonly Preset[], options: RenderOptions): string {
  const rows = presets.map((p) => [
    `\`${p.id}\``,
    p.resolution.name,
    String(p.fps),
    p.codec ?? '',
    p.scene,
    humanRate(p.bitsPerSecond, options),
    p.basis,
    p.source.url ? `[${p.file}](${p.source.url})` : p.file,
  ]);
  return markdownTable(['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Basis', 'Source'],
    ['left', 'left', 'right', 'left', 'left', 'right', 'left', 'left'], rows) + '\n';
}
