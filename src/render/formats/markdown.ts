/** Markdown (GitHub-flavoured tables), for pasting into design documents. */
import { type Block, measurementBlocks, reportBlocks, type SentenceRole, type TableBlock } from '../blocks.js';
import type { Align, Cell } from '../columns/column.js';
import { validationSummary } from '../calibration-summary.js';
import { CALIBRATION_ALIGN, CALIBRATION_HEAD, calibrationCells, PRESET_ALIGN, PRESET_HEAD, presetCells } from '../catalog-rows.js';
import type { Renderer } from '../renderer-interface.js';
import type { RenderOptions } from '../view.js';
import { estimateSentence } from '../wording/figures.js';
import { diffBlocks } from '../diff-blocks.js';
import { fleetsLines } from '../fleets-lines.js';
import { topologyView } from '../views/topology.js';
import type { Report } from '../../core/model/report.js';
import { mermaidFlowchart } from './mermaid.js';
import { forReading } from '../wording/quantities.js';
import { visible, visibleBlock } from '../wording/visible.js';

export function markdownCell(text: string): string {
  return visible(text.replace(/\r?\n/g, ' ')).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

export function markdownTable(head: readonly string[], align: readonly Align[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'right' ? '---:' : ':---')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function cellText(cell: Cell): string {
  const text =
    cell.tone === 'bad' || cell.style === 'strong'
      ? cell.text === ''
        ? ''
        : `**${cell.text}**`
      : cell.style === 'code'
        ? `\`${cell.text}\``
        : cell.text;
  return '&nbsp;&nbsp;'.repeat(cell.indent ?? 0) + text;
}

function drawTable(block: TableBlock): string {
  return markdownTable(
    block.head,
    block.align,
    block.rows.map((row) => row.map(cellText)),
  );
}

/** A full stop, unless the sentence already ends with one (the estimated part's storage sentence does). */
const stop = (t: string) => (t.endsWith('.') ? t : `${t}.`);

/** How each sentence is set: the capacity answer in bold; the total and storage end with a full stop. */
const SENTENCE: Record<SentenceRole, (text: string) => string> = {
  note: (t) => `_${t}_`,
  settings: (t) => t,
  capacity: (t) => `**${t}**`,
  total: stop,
  time: (t) => t,
  percentile: (t) => t,
  storage: stop,
  measured: (t) => t,
  unmatched: (t) => `- ${t}`,
};

function drawBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`## ${markdownCell(block.text)}`];
    case 'table':
      return [drawTable(block), ...(block.notes ?? []).map((n) => `_${markdownCell(n.text)}_`)];
    case 'sentence':
      return [SENTENCE[block.role](block.text)];
    case 'timeline':
      return [`### Load over the day: ${markdownCell(block.title)}`, drawTable(block.table)];
    case 'verdict':
      return [`**${block.text}**`];
    case 'failures':
      return [block.lines.map((f) => `- **${markdownCell(f)}**`).join('\n')];
  }
}

const drawBlocks = (blocks: readonly Block[]) => `${blocks.flatMap((b) => drawBlock(visibleBlock(b))).join('\n\n')}\n`;

/** The project's fields under the title: "Customer: ACME · Site: … · Revision B · 2026-01-15". */
function projectLine(report: Report): string | undefined {
  const p = report.project;
  if (!p) return undefined;
  const fields = [
    p.name !== undefined && p.name !== report.fleetName ? `Fleet: ${report.fleetName}` : undefined,
    p.customer === undefined ? undefined : `Customer: ${p.customer}`,
    p.site === undefined ? undefined : `Site: ${p.site}`,
    p.author === undefined ? undefined : `Author: ${p.author}`,
    p.revision === undefined ? undefined : `Revision ${p.revision}`,
    p.date,
  ].filter((f) => f !== undefined);
  return fields.length > 0 ? markdownCell(fields.join(' · ')) : undefined;
}

/** The report: its title and project, the tables with the segment tree drawn (Mermaid) after the segments, the sentences. */
function reportMarkdown(report: Report, given: RenderOptions): string {
  const options = forReading(given);
  const parts: string[] = [];
  for (const block of reportBlocks(report, options)) {
    if (block.kind === 'heading') {
      parts.push(`## ${markdownCell(report.project?.name ?? block.text)}`);
      const line = projectLine(report);
      if (line) parts.push(line);
      continue;
    }
    parts.push(...drawBlock(visibleBlock(block)));
    if (block.kind === 'table' && block.role === 'segments') parts.push(mermaidFlowchart(topologyView(report), options));
  }
  return `${parts.join('\n\n')}\n`;
}

export const markdownRenderer: Renderer = {
  report: reportMarkdown,

  diff: (diff, options) => drawBlocks(diffBlocks(diff, options)),

  fleets: (report, options) =>
    fleetsLines(report, options, options.quiet)
      .map((line) => `- ${line.bad ? `**${markdownCell(line.text)}**` : markdownCell(line.text)}\n`)
      .join(''),

  measurements: (ms, options) => drawBlocks(measurementBlocks(ms, forReading(options))),

  presets(presets, given) {
    const options = forReading(given);
    const rows = presets.map((p) => {
      const [id, ...rest] = presetCells(p, options);
      return [`\`${id}\``, ...rest, p.source.url ? `[${p.file}](${p.source.url})` : p.file];
    });
    return `${markdownTable([...PRESET_HEAD, 'Source'], [...PRESET_ALIGN, 'left'], rows)}\n`;
  },

  estimate(estimate, given) {
    const options = forReading(given);
    const table = markdownTable(['Step', 'Value'], ['left', 'right'], estimate.steps);
    return `${table}\n\n**${estimateSentence(estimate, options)}.**\n`;
  },

  calibration(rows, given, validation) {
    const options = forReading(given);
    const cells = rows.map((r) => {
      const [id, ...rest] = calibrationCells(r, options);
      return [`\`${id}\``, ...rest];
    });
    const catalog = `${markdownTable(CALIBRATION_HEAD, CALIBRATION_ALIGN, cells)}\n`;
    if (!validation) return catalog;
    const block = validationSummary(validation);
    return `${catalog}\n${block.heading}\n\n${markdownTable(block.head, block.align, block.rows)}\n\n${block.sentences.map(markdownCell).join('\n')}\n`;
  },
};
