/** Markdown (GitHub-flavoured tables), for pasting into design documents. */
import { type Block, measurementBlocks, reportBlocks, type SentenceRole, type TableBlock } from '../blocks.js';
import type { Align, Cell } from '../columns/column.js';
import { validationSummary } from '../calibration-summary.js';
import { CALIBRATION_ALIGN, CALIBRATION_HEAD, calibrationCells, PRESET_ALIGN, PRESET_HEAD, presetCells } from '../catalog-rows.js';
import type { Renderer } from '../renderer-interface.js';
import type { RenderOptions } from '../view.js';
import { calibrationText } from '../../core/model/calibration.js';
import { humanRate } from '../wording/quantities.js';
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

/** How each sentence is set: the capacity answer in bold; the total and storage end with a full stop. */
const SENTENCE: Record<SentenceRole, (text: string) => string> = {
  note: (t) => `_${t}_`,
  settings: (t) => t,
  capacity: (t) => `**${t}**`,
  total: (t) => `${t}.`,
  time: (t) => t,
  percentile: (t) => t,
  storage: (t) => `${t}.`,
  measured: (t) => t,
  unmatched: (t) => `- ${t}`,
};

function drawBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`## ${markdownCell(block.text)}`];
    case 'table':
      return [drawTable(block)];
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

export const markdownRenderer: Renderer = {
  report: (report, options: RenderOptions) => drawBlocks(reportBlocks(report, options)),

  measurements: (ms, options) => drawBlocks(measurementBlocks(ms, options)),

  presets(presets, options) {
    const rows = presets.map((p) => {
      const [id, ...rest] = presetCells(p, options);
      return [`\`${id}\``, ...rest, p.source.url ? `[${p.file}](${p.source.url})` : p.file];
    });
    return `${markdownTable([...PRESET_HEAD, 'Source'], [...PRESET_ALIGN, 'left'], rows)}\n`;
  },

  estimate(estimate, options) {
    const table = markdownTable(['Step', 'Value'], ['left', 'right'], estimate.steps);
    const calibrated = estimate.calibration ? `, ${calibrationText(estimate.calibration)}` : '';
    return `${table}\n\n**Estimate: ${humanRate(estimate.bitsPerSecond, options)} per camera** (a model estimate${calibrated}).\n`;
  },

  calibration(rows, options, validation) {
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
