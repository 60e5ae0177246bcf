/**
 * The day's load as an inline SVG chart: 24 bars of the hourly average, a
 * tick at each hour's peak, night hours shaded, a scale from zero with round
 * ticks, and the link's ceiling as a dashed line (or a note that it is far
 * above). Every number printed is one of the report's or of the view's scale;
 * the drawing only places them.
 */
import { percentText } from '../../../core/numbers/percent.js';
import type { RenderOptions } from '../../view.js';
import type { DayChartView } from '../../views/day.js';
import { humanRate } from '../../wording/quantities.js';
import { esc, share } from './elements.js';

const WIDTH = 720;
const HEIGHT = 250;
const LEFT = 78;
const RIGHT = 10;
const TOP = 18;
const BOTTOM = 24;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const SLOT = PLOT_W / 24;

const fixed = (x: number) => Number(x.toFixed(2));

export function dayChart(view: DayChartView, options: RenderOptions): string {
  const { hours, ticks, link } = view;
  const top = ticks[ticks.length - 1]!;
  const y = (bps: bigint) => fixed(TOP + PLOT_H - (share(bps, top) / 100) * PLOT_H);
  const parts: string[] = [];
  hours.forEach((h, i) => {
    if (h.night) parts.push(`<rect class="night" x="${fixed(LEFT + i * SLOT)}" y="${TOP}" width="${fixed(SLOT)}" height="${PLOT_H}"/>`);
  });
  for (const tick of ticks) {
    const at = y(tick);
    parts.push(`<line class="${tick === 0n ? 'axis' : 'grid'}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}"/>`);
    parts.push(`<text class="tick" x="${LEFT - 6}" y="${fixed(at + 4)}" text-anchor="end">${esc(humanRate(tick, options))}</text>`);
  }
  hours.forEach((h, i) => {
    const x = fixed(LEFT + i * SLOT + SLOT * 0.15);
    const w = fixed(SLOT * 0.7);
    const average = humanRate(h.averageBitsPerSecond, options);
    const peak = humanRate(h.peakBitsPerSecond, options);
    const tip = `${h.hour} ${h.night ? 'night' : 'day'}: ${average} on average${h.peakBitsPerSecond === h.averageBitsPerSecond ? '' : `, peak ${peak}`}`;
    const yAverage = y(h.averageBitsPerSecond);
    parts.push(
      `<rect class="bar" data-hour="${esc(h.hour)}" x="${x}" y="${yAverage}" width="${w}" height="${fixed(TOP + PLOT_H - yAverage)}"><title>${esc(tip)}</title></rect>`,
    );
    if (h.peakBitsPerSecond !== h.averageBitsPerSecond) {
      const yPeak = y(h.peakBitsPerSecond);
      parts.push(`<line class="peak" x1="${x}" x2="${fixed(x + w)}" y1="${yPeak}" y2="${yPeak}"/>`);
    }
    if (i % 3 === 0) parts.push(`<text x="${fixed(LEFT + i * SLOT + 2)}" y="${HEIGHT - 6}">${esc(h.hour)}</text>`);
  });
  if (link) parts.push(ceilingLine(view, link, y, options));
  const label = `Load over the day, ${view.title}: hourly average (bars) and peak (ticks), on a scale from 0 to ${humanRate(top, options)}`;
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(label)}</title>\n${parts.join('\n')}\n</svg>`
  );
}

/** The link's ceiling: a dashed line with its label, or (far above the load) the label alone at the top. */
function ceilingLine(
  view: DayChartView,
  link: NonNullable<DayChartView['link']>,
  y: (bps: bigint) => number,
  options: RenderOptions,
): string {
  const text = `ceiling ${humanRate(link.usableBitsPerSecond, options)} (${percentText(link.ceiling)} % of ${humanRate(link.capacityBitsPerSecond, options)})`;
  if (!view.ceilingShown)
    return `<text class="limit-label" x="${WIDTH - RIGHT - 4}" y="${TOP + 12}" text-anchor="end">${esc(`${text}, far above: off this scale`)}</text>`;
  const at = y(link.usableBitsPerSecond);
  return (
    `<line class="limit" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${at}" y2="${at}"/>` +
    `<text class="limit-label" x="${WIDTH - RIGHT - 4}" y="${fixed(Math.max(TOP + 10, at - 5))}" text-anchor="end">${esc(text)}</text>`
  );
}
