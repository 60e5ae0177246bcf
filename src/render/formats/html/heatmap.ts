/**
 * Links × hours (views/heatmap.ts): a row per link, a cell per hour, in the
 * tone the hour reads against the link's ceiling and as dark as the link is
 * full. Each cell's title gives the hour's load and share of the link.
 */
import { formatScaled } from '../../../core/numbers/rate.js';
import type { RenderOptions } from '../../view.js';
import type { HeatmapView } from '../../views/heatmap.js';
import { hourText, humanRate } from '../../wording/quantities.js';
import { pathText } from '../../wording/sentences.js';
import type { Report } from '../../../core/model/report.js';
import { esc } from './elements.js';

const LABEL_W = 190;
const CELL = 24;
const ROW = 20;
const TOP = 18;

const cut = (text: string, chars: number) => ([...text].length <= chars ? text : `${[...text].slice(0, chars - 1).join('')}…`);

export function heatmapSvg(view: HeatmapView, report: Report, options: RenderOptions): string {
  const width = LABEL_W + 24 * CELL + 8;
  const parts: string[] = [];
  for (let h = 0; h < 24; h += 3) parts.push(`<text class="hour" x="${LABEL_W + h * CELL + 2}" y="12">${hourText(h)}</text>`);
  view.rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    const name = pathText(report, r.row.path);
    parts.push(
      `<g><title>${esc(name)}</title><text class="label" x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end">${esc(cut(name, 28))}</text></g>`,
    );
    r.hours.forEach((bps, h) => {
      const bp = r.basisPoints[h]!;
      // As dark as the link is full: a fifth of the tone at 0 %, all of it at 100 %.
      const strength = (0.2 + 0.8 * Math.min(1, Number(bp) / 10_000)).toFixed(2);
      const tip = `${name}, ${hourText(h)}: ${humanRate(bps, options)}, ${formatScaled(bp, 100n, { precision: 1 }).replace('~', '')} % of the link`;
      parts.push(
        `<rect class="cell tone-${r.tones[h]}" x="${LABEL_W + h * CELL}" y="${y}" width="${CELL - 2}" height="${ROW - 2}" fill-opacity="${strength}"><title>${esc(tip)}</title></rect>`,
      );
    });
  });
  const height = TOP + view.rows.length * ROW + 4;
  const label = 'Each link hour by hour: its load on its capacity, in the tone it reads against the ceiling';
  return `<svg class="heatmap" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">\n${parts.join('\n')}\n</svg>`;
}
