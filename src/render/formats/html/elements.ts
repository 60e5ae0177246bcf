/** HTML pieces the report is made of: escaped text, links, tables of cells with their bars. */
import type { Align, Cell, ColumnFit, Gauge } from '../../columns/column.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute's value) as HTML: any name or label a fleet file holds is shown, never interpreted. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A link for a web address only (anything else stays text: the page must not point at files or scripts). */
export function link(text: string, url: string | undefined): string {
  return url && /^https?:\/\/[^\s"<>]+$/i.test(url) ? `<a href="${esc(url)}">${esc(text)}</a>` : esc(text);
}

/** A part of a whole as a percentage of a drawing's width, capped to the drawing (0–100, two decimals). */
export function share(value: bigint, whole: bigint): number {
  if (whole <= 0n || value <= 0n) return 0;
  if (value >= whole) return 100;
  return Number((value * 10_000n) / whole) / 100;
}

/** A bar under a cell: how full the capacity is, with a tick at the ceiling it is checked against. */
export function gaugeSvg(gauge: Gauge): string {
  const fill = share(gauge.value, gauge.full);
  const limit =
    gauge.limit === undefined
      ? ''
      : `<line class="limit" x1="${share(gauge.limit, gauge.full)}" x2="${share(gauge.limit, gauge.full)}" y1="0" y2="6"/>`;
  return (
    `<svg class="gauge${gauge.over ? ' over' : ''}" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">` +
    `<rect class="track" width="100" height="6"/><rect class="fill" width="${fill}" height="6"/>${limit}</svg>`
  );
}

/** Cell text as HTML: a name may break after a / too (a - already lets it), never inside a word. */
function cellText(cell: Cell, wraps: ColumnFit['wraps']): string {
  const text = esc(cell.text);
  const broken = wraps === 'name' ? text.replace(/\//g, '/<wbr>') : text;
  return cell.style === 'code' ? `<code>${broken}</code>` : broken;
}

function cellHtml(cell: Cell, align: Align, wraps: ColumnFit['wraps'], dropClass: string): string {
  const classes = [
    align,
    wraps ? `wraps-${wraps}` : '',
    cell.tone ?? '',
    cell.style === 'strong' ? 'strong' : '',
    cell.indent ? 'indented' : '',
    dropClass,
  ].filter(Boolean);
  const indent = cell.indent ? ` style="--indent:${Math.min(cell.indent, MAX_INDENT)}"` : '';
  const title = cell.title === undefined ? '' : ` title="${esc(cell.title)}"`;
  return `<td class="${classes.join(' ')}"${indent}${title}>${cellText(cell, wraps)}${cell.gauge ? gaugeSvg(cell.gauge) : ''}</td>`;
}

/** Indentation drawn at most (a tree may be 1,000 levels deep; deeper rows stay at this one). */
const MAX_INDENT = 12;

/** Which columns each layout leaves out (html/fit.ts): a screen narrower than 1,152 px, a wider one, the printed page. */
export interface Drops {
  readonly narrow: ReadonlySet<number>;
  readonly wide: ReadonlySet<number>;
  readonly print: ReadonlySet<number>;
}

const LAYOUTS = ['narrow', 'wide', 'print'] as const;
const NO_DROPS: Drops = { narrow: new Set(), wide: new Set(), print: new Set() };

const dropClassOf = (drops: Drops, i: number) =>
  LAYOUTS.filter((l) => drops[l].has(i))
    .map((l) => `drop-${l}`)
    .join(' ');

/**
 * A table of cells (the blocks' tables), its head repeated on every printed
 * page. Numbers keep to one line with their units; the columns that may wrap
 * (ColumnFit.wraps) wrap between words; the columns `drops` names are left
 * out on screen or on paper (each with a class), and named under the table,
 * as are the notes on the columns shown.
 */
export function tableHtml(
  head: readonly string[],
  align: readonly Align[],
  rows: readonly (readonly Cell[])[],
  className: string,
  fit: readonly ColumnFit[] = [],
  drops: Drops = NO_DROPS,
  notes: ReadonlyArray<{ readonly column: number; readonly text: string }> = [],
): string {
  const th = head
    .map((h, i) => `<th scope="col" class="${[align[i] ?? 'left', dropClassOf(drops, i)].filter(Boolean).join(' ')}">${esc(h)}</th>`)
    .join('');
  const cells = (row: readonly Cell[]) => row.map((c, i) => cellHtml(c, align[i] ?? 'left', fit[i]?.wraps, dropClassOf(drops, i))).join('');
  const body = rows.map((row) => `<tr>${cells(row)}</tr>`).join('\n');
  const below = [
    ...notes.map((n) => `<p class="note ${dropClassOf(drops, n.column)}">${esc(n.text)}</p>`),
    ...LAYOUTS.map((l) => leftOut(head, drops[l], l)),
  ].filter(Boolean);
  return `<div class="scroll"><table class="${className}">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>${below.length > 0 ? `\n${below.join('\n')}` : ''}`;
}

/** "Left out to fit the page: Link, Headroom …", for one layout. */
function leftOut(head: readonly string[], dropped: ReadonlySet<number>, layout: (typeof LAYOUTS)[number]): string {
  if (dropped.size === 0) return '';
  const names = [...dropped].sort((a, b) => a - b).map((i) => head[i] ?? '');
  const where = layout === 'print' ? 'the page' : 'the screen';
  return `<p class="note only-${layout}">Left out to fit ${where}: ${esc(names.join(', '))} (every column: <code>--format csv</code> or <code>--json</code>).</p>`;
}

/** Plain text cells, for the tables drawn from a list rather than from column definitions. */
export const textCells = (rows: readonly (readonly string[])[]): Cell[][] => rows.map((row) => row.map((text) => ({ text })));

/** A whole page: the style inline, nothing loaded from anywhere (the policy forbids it), no script. */
export function page(title: string, style: string, body: string, generator: string, pageStyle = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${esc(generator)}">
<title>${esc(title)}</title>
<style>${style}</style>${pageStyle === '' ? '' : `\n<style>\n${pageStyle}\n</style>`}
</head>
<body>
${body}
</body>
</html>
`;
}
