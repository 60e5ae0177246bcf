/**
 * The report's sections that are drawings: the network (the topology and its
 * legend), the day (a chart, or a sentence when it is flat; links × hours when
 * schedules differ), storage against capacity, and a big tree's busiest links.
 */
import type { Report } from '../../../core/model/report.js';
import type { RenderOptions } from '../../view.js';
import { busiestLinks, storageBars } from '../../views/bars.js';
import type { DayView } from '../../views/day.js';
import { heatmapView } from '../../views/heatmap.js';
import { topologyView } from '../../views/topology.js';
import { constantDaySentence } from '../../wording/document.js';
import { humanCount } from '../../wording/quantities.js';
import { busiestLinksSvg, storageBarsSvg } from './bars.js';
import { dayChart } from './chart.js';
import { esc } from './elements.js';
import { heatmapSvg } from './heatmap.js';
import { topologySvg } from './topology.js';

const TONE_LEGEND =
  '<span class="swatch tone-over"></span>over its ceiling <span class="swatch tone-near"></span>above 85 % of it ' +
  '<span class="swatch tone-ok"></span>within it <span class="swatch tone-none"></span>no link';

const HEAT_LEGEND =
  '<span class="swatch tone-over"></span>over its ceiling <span class="swatch tone-near"></span>above 85 % of it ' +
  '<span class="swatch tone-ok"></span>within it (darker: a fuller link)';

export function topologyHtml(report: Report, options: RenderOptions): string {
  const view = topologyView(report);
  const folded =
    view.shown < view.total
      ? `<p class="note">${esc(`Drawn: ${humanCount(BigInt(view.shown))} of ${humanCount(BigInt(view.total))} segments, the failing and the busiest with the branches that lead to them; the others are counted where they hang (a dashed box, or +N on a segment whose children are all folded).`)}</p>\n`
      : '';
  const legend =
    `${TONE_LEGEND} <span class="legend-glyph recorder"></span>recorder <span class="legend-glyph station"></span>viewing stations` +
    (view.shown < view.total ? ' <span class="swatch fold"></span>folded segments' : '');
  return `${folded}<figure class="topology">${topologySvg(view, options)}<figcaption>${legend}</figcaption></figure>`;
}

export function dayHtml(report: Report, view: DayView | undefined, options: RenderOptions, table: string): string {
  const parts: string[] = [];
  if (view?.kind === 'constant') parts.push(`<p class="constant-day">${esc(constantDaySentence(view, options))}</p>`);
  if (view?.kind === 'chart') {
    const legend =
      '<span class="legend-bar"></span>hourly average <span class="legend-peak"></span>peak (every state of that hour at once) ' +
      '<span class="legend-night"></span>night <span class="legend-limit"></span>ceiling';
    parts.push(
      `<h3>${esc(view.title)}</h3>`,
      `<figure>${dayChart(view, options)}<figcaption>${legend}</figcaption></figure>`,
      `<details><summary>The 24 hours as a table</summary>\n${table}\n</details>`,
    );
  }
  const heat = heatmapView(report);
  if (heat) {
    const more = heat.rows.length < heat.links ? ` (the ${heat.rows.length} busiest of ${humanCount(BigInt(heat.links))})` : '';
    parts.push(
      `<h3>${esc(`Each link hour by hour${more}`)}</h3>`,
      `<p class="note">The segments follow different night schedules: each link's load in each hour on its capacity.</p>`,
      `<figure>${heatmapSvg(heat, report, options)}<figcaption>${HEAT_LEGEND}</figcaption></figure>`,
    );
  }
  return parts.join('\n');
}

/** Storage needed against each capacity, as bars; '' when no storage has a capacity. */
export function storageBarsHtml(report: Report, options: RenderOptions): string {
  const bars = storageBars(report);
  if (bars.length === 0) return '';
  return `<figure>${storageBarsSvg(bars, options)}<figcaption>Storage the retention needs against each capacity (a full bar is a full store)</figcaption></figure>`;
}

/** A big tree's busiest links, fullest first. */
export function busiestHtml(report: Report, options: RenderOptions): string {
  const { bars, links } = busiestLinks(report);
  if (bars.length === 0) return '';
  const caption = `The ${bars.length} fullest of ${humanCount(BigInt(links))} links: the load each is checked with on its capacity, a tick at its ceiling`;
  return `<h3>Busiest links</h3>\n<figure>${busiestLinksSvg(bars, options)}<figcaption>${esc(caption)}</figcaption></figure>`;
}
