/**
 * The day's load as an inline SVG chart: 24 bars of the hourly average, a
 * tick at each hour's peak, night hours shaded, and the link's ceiling as a
 * dashed line when it is near enough to the load to read. Every number
 * printed is one of the report's; the drawing only scales them.
 */
import type { LinkStatus } from '../../../core/model/report.js';
import { percentText } from '../../../core/numbers/percent.js';
import type { TimelineHour } from '../../timeline.js';
import type { RenderOptions } from '../../view.js';
import { humanRate } from '../../wording/quantities.js';
import { esc, share } from './elements.js';

const WIDTH = 720;
const HEIGHT = 260;
const LEFT = 8;
const RIGHT = 8;
const TOP = 22;
const BOTTOM = 26;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;
const SLOT = PLOT_W / 24;

const fixed = (x: number) => Number(x.toFixed(2));

export function dayChart(title: string, hours: readonly TimelineHour[], link: LinkStatus | undefined, options: RenderOptions): string {
  const highest = hours.reduce((m, h) => (h.peakBitsPerSecond > m ? h.peakBitsPerSecond : m), 0n);
  // The ceiling is drawn when it is at most half again the highest load; a far larger link would flatten the bars.
  const ceiling = link && link.usableBitsPerSecond * 2n <= highest * 3n ? link : undefined;
  const top = ceiling && ceiling.usableBitsPerSecond > highest ? ceiling.usableBitsPerSecond : highest;
  const y = (bps: bigint) => fixed(TOP + PLOT_H - (share(bps, top) / 100) * PLOT_H);
  const parts: string[] = [];
  hours.forEach((h, i) => {
    const x = fixed(LEFT + i * SLOT);
    if (h.night) parts.push(`<rect class="night" x="${x}" y="${TOP}" width="${fixed(SLOT)}" height="${PLOT_H}"/>`);
  });
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP + PLOT_H}" y2="${TOP + PLOT_H}"/>`);
  parts.push(`<line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${TOP}" y2="${TOP}"/>`);
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
    if (i % 3 === 0) parts.push(`<text x="${fixed(LEFT + i * SLOT + 2)}" y="${HEIGHT - 8}">${esc(h.hour)}</text>`);
  });
  parts.push(`<text x="${LEFT + 2}" y="${TOP - 7}">${esc(humanRate(top, options))}</text>`);
  if (ceiling) {
    const yLimit = y(ceiling.usableBitsPerSecond);
    const label = `ceiling ${humanRate(ceiling.usableBitsPerSecond, options)} (${percentText(ceiling.ceiling)} % of ${humanRate(ceiling.capacityBitsPerSecond, options)})`;
    parts.push(`<line class="limit" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${yLimit}" y2="${yLimit}"/>`);
    parts.push(`<text class="limit-label" x="${WIDTH - RIGHT - 4}" y="${fixed(yLimit - 5)}" text-anchor="end">${esc(label)}</text>`);
  }
  const label = `Load over the day, ${title}: hourly average (bars) and peak (ticks), up to ${humanRate(highest, options)}`;
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(label)}</title>\n${parts.join('\n')}\n</svg>`
  );
}
