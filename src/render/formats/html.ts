/**
 * A self-contained HTML design report: one file, its style inline, no script
 * and nothing fetched (a Content-Security-Policy says so), light and dark,
 * printable. It draws the blocks table and Markdown draw (blocks.ts), laid
 * out for reading: the verdict and the failed checks first, then segments,
 * the day's load as SVG charts, storage, profiles, the sources of every
 * preset and the command that made it.
 */
import { type Block, keyFigures, measurementBlocks, reportBlocks, storageBlock, type TableBlock } from '../blocks.js';
import { validationSummary } from '../calibration-summary.js';
import { CALIBRATION_ALIGN, CALIBRATION_HEAD, calibrationCells, PRESET_ALIGN, PRESET_HEAD, presetCells } from '../catalog-rows.js';
import type { Renderer } from '../renderer-interface.js';
import { reportSources } from '../sources.js';
import type { RenderOptions } from '../view.js';
import { forReading, humanRate } from '../wording/quantities.js';
import { uncheckedSentence } from '../wording/sentences.js';
import { calibrationText } from '../../core/model/calibration.js';
import type { Report } from '../../core/model/report.js';
import { dayChart } from './html/chart.js';
import { esc, link, page, tableHtml, textCells } from './html/elements.js';
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
};

const section = (id: string, heading: string, body: string) => `<section id="${id}">\n<h2>${esc(heading)}</h2>\n${body}\n</section>`;
const table = (block: TableBlock) => tableHtml(block.head, block.align, block.rows, block.role, block.fit);

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
    failures?.kind === 'failures' ? `<ul class="failures">${failures.lines.map((l) => `<li>${esc(l)}</li>`).join('\n')}</ul>` : '',
    `<dl class="figures">${figures}</dl>`,
    `<div class="sentences">\n${sentences.join('\n')}\n</div>`,
  ]
    .filter(Boolean)
    .join('\n');
}

function timelineHtml(block: Extract<Block, { kind: 'timeline' }>, options: RenderOptions): string {
  const legend =
    '<span class="legend-bar"></span>hourly average <span class="legend-peak"></span>peak (every state of that hour at once) ' +
    '<span class="legend-night"></span>night';
  return [
    `<h3>${esc(block.title)}</h3>`,
    `<figure>${dayChart(block.title, block.hours, block.link, options)}<figcaption>${legend}</figcaption></figure>`,
    `<details><summary>The 24 hours as a table</summary>\n${table(block.table)}\n</details>`,
  ].join('\n');
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

function footerHtml(options: RenderOptions): string {
  const p = options.provenance;
  const made = p ? `Made by camsize ${esc(p.version)} with <code>${esc(p.command)}</code>.` : 'Made by camsize.';
  return `<footer>${made} Rates are exact bits per second; every figure can be had as JSON with <code>--json</code>.</footer>`;
}

function reportHtml(report: Report, given: RenderOptions): string {
  // The report always draws a day chart: the total's unless --timeline names a segment.
  const options = forReading({ ...given, timeline: given.timeline ?? '' });
  const blocks = reportBlocks(report, options);
  const sections = [section('summary', 'Summary', summaryHtml(report, blocks, options))];
  const segments = blocks.find((b) => b.kind === 'table' && b.role === 'segments');
  const note = blocks.find((b) => b.kind === 'sentence' && b.role === 'note');
  if (segments?.kind === 'table') {
    const noteHtml = note?.kind === 'sentence' ? `\n<p class="note">${esc(note.text)}</p>` : '';
    sections.push(section('segments', TABLE_HEADING.segments, table(segments) + noteHtml));
  }
  const timelines = blocks.filter((b) => b.kind === 'timeline').map((b) => (b.kind === 'timeline' ? timelineHtml(b, options) : ''));
  if (timelines.length > 0) sections.push(section('day', 'Load over the day', timelines.join('\n')));
  const storage = storageBlock(report, options);
  if (storage) sections.push(section('storage', TABLE_HEADING.storage, table(storage)));
  for (const b of blocks) {
    if (b.kind === 'table' && b.role !== 'segments') sections.push(section(b.role, TABLE_HEADING[b.role], table(b)));
  }
  sections.push(sourcesHtml(report));
  const header = `<header><p class="kicker">camsize design report</p><h1>${esc(report.fleetName)}</h1></header>`;
  const body = `${header}\n<main>\n${sections.filter(Boolean).join('\n')}\n</main>\n${footerHtml(options)}`;
  return page(`${report.fleetName}: camsize design report`, STYLE, body, generator(options));
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
    const calibrated = estimate.calibration ? `, ${calibrationText(estimate.calibration)}` : '';
    const content = `${tableHtml(['Step', 'Value'], ['left', 'right'], textCells(estimate.steps), 'estimate')}\n<p><strong>Estimate: ${esc(humanRate(estimate.bitsPerSecond, options))} per camera</strong> (a model estimate${esc(calibrated)}).</p>`;
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
