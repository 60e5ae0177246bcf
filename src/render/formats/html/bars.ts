/**
 * Horizontal bars, one row each: storage needed against each capacity, and a
 * big tree's busiest links against theirs (a tick at the ceiling). The view
 * (views/bars.ts) chose and ordered them; the text beside each bar is the
 * report's own figures.
 */
import type { RenderOptions } from '../../view.js';
import type { LinkBar, StorageBar } from '../../views/bars.js';
import { bytesText, humanRate, utilizationText } from '../../wording/quantities.js';
import { esc, share } from './elements.js';

const WIDTH = 800;
const ROW = 24;
const LABEL_W = 250;
const BAR_X = 262;
const BAR_W = 290;
const TEXT_X = BAR_X + BAR_W + 10;

const fixed = (n: number) => Number(n.toFixed(2));
const cut = (text: string, chars: number) => ([...text].length <= chars ? text : `${[...text].slice(0, chars - 1).join('')}…`);

interface Bar {
  readonly label: string;
  readonly value: bigint;
  readonly full: bigint;
  readonly limit?: bigint;
  readonly over: boolean;
  readonly text: string;
  readonly className: string;
}

function barsSvg(bars: readonly Bar[], label: string, className: string): string {
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const fill = fixed((share(b.value, b.full) / 100) * BAR_W);
    const tick =
      b.limit === undefined
        ? ''
        : `<line class="limit" x1="${fixed(BAR_X + (share(b.limit, b.full) / 100) * BAR_W)}" x2="${fixed(BAR_X + (share(b.limit, b.full) / 100) * BAR_W)}" y1="${y}" y2="${y + 16}"/>`;
    return (
      `<g class="bar-row ${b.className}${b.over ? ' over' : ''}"><title>${esc(`${b.label}: ${b.text}`)}</title>` +
      `<text class="label" x="${LABEL_W}" y="${y + 12}" text-anchor="end">${esc(cut(b.label, 38))}</text>` +
      `<rect class="track" x="${BAR_X}" y="${y + 2}" width="${BAR_W}" height="12" rx="2"/>` +
      `<rect class="fill" x="${BAR_X}" y="${y + 2}" width="${fill}" height="12" rx="2"/>${tick}` +
      `<text class="value" x="${TEXT_X}" y="${y + 12}">${esc(b.text)}</text></g>`
    );
  });
  const height = 8 + bars.length * ROW;
  return `<svg class="bars ${className}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">\n${rows.join('\n')}\n</svg>`;
}

/** Storage needed against each recorder's and segment's capacity. */
export function storageBarsSvg(bars: readonly StorageBar[], options: RenderOptions): string {
  return barsSvg(
    bars.map((b) => ({
      label: b.label,
      value: b.neededBytes,
      full: b.capacityBytes,
      over: b.over,
      text: `${bytesText(b.neededBytes, options)} of ${bytesText(b.capacityBytes, options)}${b.over ? ': over' : ''}`,
      className: 'storage',
    })),
    'Storage needed against each capacity',
    'storage-bars',
  );
}

/** The busiest links, fullest first: the load checked on each, a tick at its ceiling. */
export function busiestLinksSvg(bars: readonly LinkBar[], options: RenderOptions): string {
  return barsSvg(
    bars.map((b) => ({
      label: b.label,
      value: b.link.usableBitsPerSecond - b.link.headroomBitsPerSecond,
      full: b.link.capacityBitsPerSecond,
      limit: b.link.usableBitsPerSecond,
      over: !b.link.fits,
      text: `${utilizationText(b.link, options)} of ${humanRate(b.link.capacityBitsPerSecond, options)}${b.link.fits ? '' : ': over'}`,
      className: 'link',
    })),
    'The busiest links, fullest first, each against its ceiling',
    'busiest-bars',
  );
}
