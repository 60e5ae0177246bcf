/**
 * A self-contained HTML design report: one file, its style inline, no script
 * and nothing fetched (a Content-Security-Policy says so), light and dark,
 * printable. It draws the blocks table and Markdown draw (blocks.ts), laid
 * out for reading: the verdict and the failed checks first, then segments,
 * the day's load as SVG charts, storage, profiles, the sources of every
 * preset and the command that made it.
 */
import { type Block, firstFailures, keyFigures, measurementBlocks, reportBlocks, storageBlock, type TableBlock } from '../blocks.js';
import { showsSegments } from '../shown-segments.js';
import { dayView } from '../views/day.js';
import { validationSummary } from '../calibration-summary.js';
import { CALIBRATION_ALIGN, CALIBRATION_HEAD, calibrationCells, PRESET_ALIGN, PRESET_HEAD, presetCells } from '../catalog-rows.js';
import type { Renderer } from '../renderer-interface.js';
import { reportSources } from '../sources.js';
import type { RenderOptions } from '../view.js';
import { estimateSentence } from '../wording/figures.js';
import { forReading } from '../wording/quantities.js';
import { uncheckedSentence } from '../wording/sentences.js';
import { moreFailuresSentence } from '../wording/document.js';
import type { Report } from '../../core/model/report.js';
import { documentTitle, footerHtml, headerHtml, pageStyle } from './html/document.js';
import { esc, link, page, tableHtml, textCells } from './html/elements.js';
import { htmlDrops } from './html/fit.js';
import { busiestHtml, dayHtml, storageBarsHtml, topologyHtml } from './html/sections.js';
import { STYLE } from './html/style.js';

const TABLE_HEADING: Record<TableBlock['role'], string> = {
  profiles: 'Camera profiles',
  segments: 'Segments and links',
  flows: 'Flows across the links',
  recorders: 'Recorders',
  timeline: 'Hour by hour',
  storage: 'Storage',
  measurements: 'Measurements',
  drift: 'Design against measurement',
  diff: 'What the change does',
};

const section = (id: string, heading: string, body: string) => `<section id="${id}">\n<h2>${esc(heading)}</h2>\n${body}\n</section>`;

/** A table, fitted to the screen and the page (html/fit.ts), with the notes on its columns. */
const table = (block: TableBlock) =>
  tableHtml(block.head, block.align, block.rows, block.role, block.fit, htmlDrops(block.head, block.rows, block.fit ?? []), block.notes);

/** "Does not fit: 2 of 9 …" with its first words set off. */
function verdictHtml(report: Report, text: string | undefined): string {
  const words = text ?? uncheckedSentence();
  const at = words.indexOf(': ');
  const lead = at < 0 ? words : words.slice(0, at + 1);
  const rest = at < 0 ? '' : ` ${esc(words.slice(at + 2))}`;
  return `<div class="verdict ${report.verdict}" id="verdict" data-verdict="${report.verdict}" role="status"><strong>${esc(lead)}</strong>${rest}</div>`;
}

function summaryHtml(report: Report, blocks: readonly Block[], options: RenderOptions): string {
  const verdict = blocks.find((b) => b.kind === 'verdict');
  const failures = blocks.find((b) => b.kind === 'failures');
  const figures = keyFigures(report, options)
    .map((f) => `<div><dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd></div>`)
    .join('');
  const sentences = blocks
    .filter((b) => b.kind === 'sentence' && b.role !== 'note')
    .map((b) => (b.kind === 'sentence' ? `<p class="${b.role}">${esc(b.text)}</p>` : ''));
  return [
    verdictHtml(report, verdict?.kind === 'verdict' ? verdict.text : undefined),
    failures?.kind === 'failures' ? failuresHtml(failures.lines) : '',
    `<dl class="figures">${figures}</dl>`,
    `<div class="sentences">\n${sentences.join('\n')}\n</div>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The first failed checks, then how many more (a failing design of 1,000 sites would fill pages). */
function failuresHtml(lines: readonly string[]): string {
  const { shown, more } = firstFailures(lines);
  const items = shown.map((l) => `<li>${esc(l)}</li>`);
  if (more > 0) items.push(`<li class="more">${esc(moreFailuresSentence(more))}</li>`);
  return `<ul class="failures">${items.join('\n')}</ul>`;
}

function sourcesHtml(report: Report): string {
  const { sources, estimated, custom } = reportSources(report);
  const items = sources.map((s) => {
    const used = s.profiles.map((p) => `<code>${esc(p.name)}</code> <span class="basis">(${esc(p.basis)})</span>`).join(', ');
    const note = s.note ? ` <span class="basis">${esc(s.note)}</span>` : '';
    return `<li>${link(s.citation, s.url)}${note}<br>for ${used}</li>`;
  });
  if (estimated.length > 0)
    items.push(
      `<li>camsize's bits-per-pixel model, checked against public figures (<code>camsize estimate --calibration</code>)<br>for ${estimated.map((n) => `<code>${esc(n)}</code>`).join(', ')}</li>`,
    );
  if (custom.length > 0)
    items.push(`<li>Rates given by the designer<br>for ${custom.map((n) => `<code>${esc(n)}</code>`).join(', ')}</li>`);
  return items.length === 0 ? '' : section('sources', 'Sources', `<ol class="sources">\n${items.join('\n')}\n</ol>`);
}

/** The segment table, and for a tree cut to fit (above 200 segments) the busiest links as bars before it. */
function segmentsHtml(report: Report, blocks: readonly Block[], options: RenderOptions): string {
  const segments = blocks.find((b) => b.kind === 'table' && b.role === 'segments');
  if (segments?.kind !== 'table') return '';
  const note = blocks.find((b) => b.kind === 'sentence' && b.role === 'note');
  const cut = note?.kind === 'sentence';
  return [cut ? `<p class="note">${esc(note.text)}</p>` : '', cut ? busiestHtml(report, options) : '', table(segments)]
    .filter(Boolean)
    .join('\n');
}

function reportHtml(report: Report, given: RenderOptions): string {
  const options = forReading(given);
  const day = dayView(report, given.timeline);
  // The blocks draw the chosen day's hours as a table (for the chart's "as a table"), whichever segment it is.
  const timeline = day?.kind === 'chart' ? day.path : undefined;
  const blocks = reportBlocks(report, { ...options, ...(timeline === undefined ? {} : { timeline }) });
  const sections = [section('summary', 'Summary', summaryHtml(report, blocks, options))];
  if (showsSegments(report)) sections.push(section('topology', 'Network', topologyHtml(report, options)));
  const segments = segmentsHtml(report, blocks, options);
  if (segments) sections.push(section('segments', TABLE_HEADING.segments, segments));
  const timelineBlock = blocks.find((b) => b.kind === 'timeline');
  const dayBody = dayHtml(report, day, options, timelineBlock?.kind === 'timeline' ? table(timelineBlock.table) : '');
  if (dayBody) sections.push(section('day', 'Load over the day', dayBody));
  const storage = storageBlock(report, options);
  const bars = storageBarsHtml(report, options);
  if (storage || bars)
    sections.push(section('storage', TABLE_HEADING.storage, [bars, storage ? table(storage) : ''].filter(Boolean).join('\n')));
  for (const b of blocks) {
    if (b.kind === 'table' && b.role !== 'segments') sections.push(section(b.role, TABLE_HEADING[b.role], table(b)));
  }
  sections.push(sourcesHtml(report));
  const body = `${headerHtml(report, options)}\n<main>\n${sections.filter(Boolean).join('\n')}\n</main>\n${footerHtml(options)}`;
  return page(`${documentTitle(report)}: camsize design report`, STYLE, body, generator(options), pageStyle(report, options));
}

const generator = (options: RenderOptions) => (options.provenance ? `camsize ${options.provenance.version}` : 'camsize');

/** A page of one or more tables (the catalog, an estimate), with a heading and the sentences under it. */
function simplePage(title: string, content: string, options: RenderOptions): string {
  const body = `<header><p class="kicker">camsize</p><h1>${esc(title)}</h1></header>\n<main>\n${content}\n</main>\n${footerHtml(options)}`;
  return page(`${title}: camsize`, STYLE, body, generator(options));
}

/** `camsize measure`: the measurements' table, then what weakens them. */
function measurementsHtml(ms: Parameters<Renderer['measurements']>[0], options: RenderOptions): string {
  const parts = measurementBlocks(ms, options).map((b) =>
    b.kind === 'table' ? table(b) : b.kind === 'sentence' ? `<p class="${b.role}">${esc(b.text)}</p>` : '',
  );
  return simplePage('Measurements', parts.filter(Boolean).join('\n'), options);
}

export const htmlRenderer: Renderer = {
  report: reportHtml,

  measurements: (ms, options) => measurementsHtml(ms, forReading(options)),

  presets(presets, given) {
    const options = forReading(given);
    const rows = presets.map((p) => presetCells(p, options).map((text, i) => (i === 0 ? { text, style: 'code' as const } : { text })));
    const sources = presets.map((p) => `<li><code>${esc(p.id)}</code>: ${link(p.source.citation, p.source.url)}</li>`).join('\n');
    const content = `${tableHtml(PRESET_HEAD, PRESET_ALIGN, rows, 'presets')}\n<h2>Sources</h2>\n<ol class="sources">\n${sources}\n</ol>`;
    return simplePage(`Preset catalog (${presets.length})`, content, options);
  },

  estimate(estimate, given) {
    const options = forReading(given);
    const content = `${tableHtml(['Step', 'Value'], ['left', 'right'], textCells(estimate.steps), 'estimate')}\n<p><strong>${esc(estimateSentence(estimate, options))}.</strong></p>`;
    return simplePage('Bit-rate estimate', content, options);
  },

  calibration(rows, given, validation) {
    const options = forReading(given);
    const cells = rows.map((r) => calibrationCells(r, options));
    let content = tableHtml(CALIBRATION_HEAD, CALIBRATION_ALIGN, textCells(cells), 'calibration');
    if (validation) {
      const block = validationSummary(validation);
      content += `\n<h2>${esc(block.heading)}</h2>\n${tableHtml(block.head, block.align, textCells(block.rows), 'validation')}\n${block.sentences.map((s) => `<p>${esc(s)}</p>`).join('\n')}`;
    }
    return simplePage('The estimate model against the catalog', content, options);
  },
};
