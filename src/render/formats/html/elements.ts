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

function cellHtml(cell: Cell, align: Align, wraps: ColumnFit['wraps']): string {
  const classes = [
    align,
    wraps ? `wraps-${wraps}` : '',
    cell.tone ?? '',
    cell.style === 'strong' ? 'strong' : '',
    cell.indent ? 'indented' : '',
  ].filter(Boolean);
  const indent = cell.indent ? ` style="--indent:${cell.indent}"` : '';
  const title = cell.title === undefined ? '' : ` title="${esc(cell.title)}"`;
  const text = cell.style === 'code' ? `<code>${esc(cell.text)}</code>` : esc(cell.text);
  return `<td class="${classes.join(' ')}"${indent}${title}>${text}${cell.gauge ? gaugeSvg(cell.gauge) : ''}</td>`;
}

/**
 * A table of cells (the blocks' tables), its head repeated on every printed
 * page. Cells keep to one line (a number never breaks from its unit) but in
 * the columns that may wrap (ColumnFit.wraps): descriptions on screen, names
 * too on paper.
 */
export function tableHtml(
  head: readonly string[],
  align: readonly Align[],
  rows: readonly (readonly Cell[])[],
  className: string,
  fit: readonly ColumnFit[] = [],
): string {
  const th = head.map((h, i) => `<th scope="col" class="${align[i] ?? 'left'}">${esc(h)}</th>`).join('');
  const cells = (row: readonly Cell[]) => row.map((c, i) => cellHtml(c, align[i] ?? 'left', fit[i]?.wraps)).join('');
  const body = rows.map((row) => `<tr>${cells(row)}</tr>`).join('\n');
  return `<div class="scroll"><table class="${className}">\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

/** Plain text cells, for the tables drawn from a list rather than from column definitions. */
export const textCells = (rows: readonly (readonly string[])[]): Cell[][] => rows.map((row) => row.map((text) => ({ text })));

/** A whole page: the style inline, nothing loaded from anywhere (the policy forbids it), no script. */
export function page(title: string, style: string, body: string, generator: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${esc(generator)}">
<title>${esc(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
