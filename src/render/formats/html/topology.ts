/**
 * The segment tree as SVG (the topology view, views/topology.ts): the head
 * end at the top, each segment a box under its parent, the segments without
 * drawn children side by side as cards, each link drawn in its tone (over,
 * near the ceiling, within it, no link) with its utilisation, and the
 * recorders and viewing stations inside the segment they sit in. Laid out in
 * one pass over the view's pre-order list; cut into several drawings of at
 * most a printed page each, so that paper breaks between rows.
 */
import type { RenderOptions } from '../../view.js';
import type { FoldCounts, TopologyFold, TopologyNode, TopologySegment, TopologyView } from '../../views/topology.js';
import { humanCount, utilizationText } from '../../wording/quantities.js';
import { arrow } from '../../columns/directions.js';
import { esc } from './elements.js';

const WIDTH = 800;
const INDENT = 22;
/** Deeper levels are drawn at this one's indentation (a tree may be 1,000 levels deep). */
const MAX_INDENT_LEVELS = 14;
const BOX = { w: 210, h: 26, row: 34 };
const CARD = { w: 160, h: 38, row: 46, gap: 8 };
/** Each drawing is at most this tall (viewBox units; about a printed page's height at the print width). */
const PAGE_HEIGHT = 980;

interface Placed {
  readonly node: TopologyNode | 'head-end';
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly card: boolean;
}

const fixed = (n: number) => Number(n.toFixed(1));

/** A name cut to `chars` characters (with …): the whole name is the node's title. */
function cut(text: string, chars: number): string {
  const c = [...text];
  return c.length <= chars ? text : `${c.slice(0, chars - 1).join('')}…`;
}

export function topologySvg(view: TopologyView, options: RenderOptions): string {
  const { placed, rows } = layout(view);
  const byIndex = new Map(placed.map((p) => [p.index, p]));
  const drawn = placed.map((p) => ({
    p,
    parentY: parentOf(p, byIndex)?.y ?? p.y,
    svg: nodeSvg(p, view, options),
    wire: wireSvg(p, byIndex),
  }));
  const bottom = Math.max(0, ...placed.map((p) => p.y + (p.card ? CARD.row : BOX.row)));
  // Pages break between rows: a row that would end below the page starts the next one.
  const breaks: number[] = [0];
  for (const row of rows)
    if (row + CARD.row - breaks[breaks.length - 1]! > PAGE_HEIGHT && row > breaks[breaks.length - 1]!) breaks.push(row);
  return breaks.map((top, n) => page(drawn, top, breaks[n + 1] ?? bottom, n)).join('\n');
}

/** One drawing: the nodes within [top, bottom), and every wire that crosses it (from a parent above, to a child below). */
function page(
  drawn: ReadonlyArray<{ p: Placed; parentY: number; svg: string; wire: string }>,
  top: number,
  bottom: number,
  n: number,
): string {
  const height = fixed(bottom - top);
  const inside = drawn.filter(({ p }) => p.y >= top && p.y < bottom).map((d) => d.svg);
  const wires = drawn.filter((d) => d.p.y >= top && d.parentY < bottom).map((d) => d.wire);
  const label =
    n === 0 ? 'The segment tree: each link in its tone, with recorders and viewing stations where they sit' : 'The segment tree, continued';
  return (
    `<svg class="topology" viewBox="0 ${fixed(top)} ${WIDTH} ${height}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">\n` +
    `${wires.join('\n')}\n${inside.join('\n')}\n</svg>`
  );
}

const parentOf = (p: Placed, byIndex: ReadonlyMap<number, Placed>) =>
  p.node === 'head-end' ? undefined : byIndex.get(p.node.parent >= 0 ? p.node.parent : -1);

/** Where each node goes: rows from the top, a segment with drawn children as a box, the others as cards side by side. */
function layout(view: TopologyView): { placed: Placed[]; rows: number[] } {
  const nodes = view.nodes;
  const root = nodes[0];
  const withHead =
    root?.kind === 'segment' && (root.row.link !== undefined || root.row.loadBitsPerSecond > 0n || view.headEndCameras !== undefined);
  const shift = withHead ? 1 : 0;
  const hasChildren = new Uint8Array(nodes.length);
  for (const n of nodes) if (n.parent >= 0) hasChildren[n.parent] = 1;
  const x = (depth: number) => 10 + Math.min(depth + shift, MAX_INDENT_LEVELS) * INDENT;
  const placed: Placed[] = [];
  const rows: number[] = [];
  let y = 8;
  if (withHead) {
    placed.push({ node: 'head-end', index: -1, x: x(-1), y, card: false });
    rows.push(y);
    y += BOX.row;
  }
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (hasChildren[i] || node.parent < 0) {
      placed.push({ node, index: i, x: x(node.depth), y, card: false });
      rows.push(y);
      y += BOX.row;
      i++;
      continue;
    }
    // A run of siblings without drawn children: cards, as many to a row as the width holds.
    const left = x(node.depth);
    const perRow = Math.max(1, Math.floor((WIDTH - left) / (CARD.w + CARD.gap)));
    let k = 0;
    while (i < nodes.length && nodes[i]!.parent === node.parent && !hasChildren[i]) {
      if (k % perRow === 0) {
        if (k > 0) y += CARD.row;
        rows.push(y);
      }
      placed.push({ node: nodes[i]!, index: i, x: left + (k % perRow) * (CARD.w + CARD.gap), y, card: true });
      k++;
      i++;
    }
    y += CARD.row;
  }
  return { placed, rows };
}

/** The wire from a node's parent: down the parent's trunk, then across to the node (the link, in its tone, for a box or a row's first card). */
function wireSvg(p: Placed, byIndex: ReadonlyMap<number, Placed>): string {
  if (p.node === 'head-end') return '';
  const parent = parentOf(p, byIndex);
  if (!parent) return '';
  const tone = p.node.kind === 'segment' ? p.node.tone : 'none';
  const trunk = parent.x + 10;
  const mid = p.y + (p.card ? CARD.h : BOX.h) / 2;
  const firstInRow = !p.card || p.x - trunk < CARD.w;
  const down = `<path class="wire" d="M${trunk} ${parent.y + BOX.h}V${fixed(mid)}"/>`;
  if (!firstInRow) return down;
  const across = `<path class="link tone-${p.card ? 'none' : tone}" d="M${trunk} ${fixed(mid)}H${p.x}"/>`;
  return down + across;
}

function nodeSvg(p: Placed, view: TopologyView, options: RenderOptions): string {
  if (p.node === 'head-end') return headEndSvg(p, view);
  return p.node.kind === 'fold' ? foldSvg(p, p.node) : segmentSvg(p, p.node, options);
}

function headEndSvg(p: Placed, view: TopologyView): string {
  const cameras = view.headEndCameras;
  const recorders =
    cameras === undefined
      ? ''
      : `${glyph('recorder', p.x + BOX.w + 8, p.y + 8)}<text class="note" x="${p.x + BOX.w + 22}" y="${p.y + 17}">${esc(`records ${humanCount(cameras)} cameras`)}</text>`;
  return `<g class="node head-end"><rect class="box head" x="${p.x}" y="${p.y}" width="${BOX.w}" height="${BOX.h}" rx="4"/><text class="name" x="${p.x + 8}" y="${p.y + 17}">head end</text>${recorders}</g>`;
}

/** What a segment holds besides its name: its link's utilisation, recorders and viewing stations. */
function segmentFacts(n: TopologySegment, options: RenderOptions): { link: string; recorders: string; stations: string } {
  const row = n.row;
  const direction = row.linkDirection === 'shared' ? ' shared' : row.linkDirection ? ` ${arrow(row.linkDirection, options)}` : '';
  const storage = row.storage?.fits === false ? ' · storage over' : '';
  const link = (row.link ? `${utilizationText(row.link, options)}${direction}${n.tone === 'over' ? ' over' : ''}` : 'no link') + storage;
  const stations = row.viewers ? `${humanCount(row.viewers.stations)} ${row.viewers.stations === 1n ? 'station' : 'stations'}` : '';
  return { link, recorders: n.recorders.join(', '), stations };
}

function segmentSvg(p: Placed, n: TopologySegment, options: RenderOptions): string {
  const facts = segmentFacts(n, options);
  const path = n.row.path.join('/');
  const classes = `node segment tone-${n.tone}${n.over ? ' over' : ''}${n.below ? ' folds' : ''}`;
  const below = n.below ? `, ${belowText(n.below)} below` : '';
  const title = `<title>${esc(`${n.depth === 0 ? n.name : path}: ${facts.link}, ${humanCount(n.row.cameras)} cameras${below}`)}</title>`;
  const w = p.card ? CARD.w : BOX.w;
  const h = p.card ? CARD.h : BOX.h;
  const frame = `<rect class="box" x="${p.x}" y="${p.y}" width="${w}" height="${h}" rx="4"/><rect class="stripe" x="${p.x}" y="${p.y}" width="5" height="${h}" rx="2"/>`;
  if (!p.card) {
    const after = p.x + w + 8;
    const extras = extrasSvg(facts, after + 4 + textWidth(facts.link), p.y + 17);
    return (
      `<g class="${classes}" data-path="${esc(path)}">${title}${frame}` +
      `<text class="name" x="${p.x + 12}" y="${p.y + 17}">${esc(cut(n.name, 27))}</text>` +
      `<text class="util" x="${after}" y="${p.y + 17}">${esc(facts.link)}</text>${extras}</g>`
    );
  }
  const folded = n.below
    ? `<text class="below" x="${p.x + CARD.w - 6}" y="${p.y + 15}" text-anchor="end">${esc(`+${humanCount(BigInt(n.below.segments))}`)}</text>`
    : '';
  const extras = extrasSvg(facts, p.x + 16 + textWidth(facts.link), p.y + 31, true) + folded;
  return (
    `<g class="${classes}" data-path="${esc(path)}">${title}${frame}` +
    `<text class="name" x="${p.x + 12}" y="${p.y + 15}">${esc(cut(n.name, 20))}</text>` +
    `<text class="util" x="${p.x + 12}" y="${p.y + 31}">${esc(facts.link)}</text>${extras}</g>`
  );
}

/** About how wide a text of 11-unit type is, to place what follows it. */
const textWidth = (text: string) => [...text].length * 6.2;

/** The recorders and stations of a segment: a glyph each, with their names (a box) or counts (a card). */
function extrasSvg(facts: { recorders: string; stations: string }, x: number, baseline: number, short = false): string {
  const parts: string[] = [];
  let at = x + 6;
  if (facts.recorders !== '') {
    const names = facts.recorders.split(', ');
    const text = short ? (names.length === 1 ? cut(names[0]!, 10) : String(names.length)) : facts.recorders;
    parts.push(
      `<g class="recorders">${glyph('recorder', at, baseline - 9)}<text class="note" x="${at + 13}" y="${baseline}">${esc(text)}</text><title>${esc(`recorders: ${facts.recorders}`)}</title></g>`,
    );
    at += 20 + textWidth(text);
  }
  if (facts.stations !== '') {
    const text = short ? facts.stations.split(' ')[0]! : facts.stations;
    parts.push(
      `<g class="stations">${glyph('station', at, baseline - 9)}<text class="note" x="${at + 13}" y="${baseline}">${esc(text)}</text><title>${esc(`viewing: ${facts.stations}`)}</title></g>`,
    );
  }
  return parts.join('');
}

/** A recorder (a drive: a box with a slot) or a viewing station (a screen on a stand), 10 units wide. */
function glyph(kind: 'recorder' | 'station', x: number, y: number): string {
  const at = `transform="translate(${fixed(x)} ${fixed(y)})"`;
  return kind === 'recorder'
    ? `<g class="glyph recorder" ${at}><rect width="10" height="9" rx="1.5"/><line x1="2" x2="8" y1="6" y2="6"/></g>`
    : `<g class="glyph station" ${at}><rect width="10" height="7" rx="1"/><line x1="5" x2="5" y1="7" y2="9.5"/></g>`;
}

/** "5 segments (2 over)": what a segment's undrawn children hold. */
function belowText(f: FoldCounts): string {
  return `${humanCount(BigInt(f.segments))} ${f.segments === 1 ? 'segment' : 'segments'}${f.over > 0 ? ` (${humanCount(BigInt(f.over))} over)` : ''}`;
}

function foldSvg(p: Placed, f: TopologyFold): string {
  const noun = f.segments === 1 ? 'segment' : 'segments';
  const state =
    f.over > 0
      ? `${humanCount(BigInt(f.over))} over`
      : f.busiest
        ? `busiest ${utilizationText(f.busiest, { precision: 'reading' })}`
        : 'no link';
  return (
    `<g class="node fold${f.over > 0 ? ' over' : ''}"><title>${esc(`${f.segments} more ${noun} below, ${humanCount(f.cameras)} cameras`)}</title>` +
    `<rect class="box fold" x="${p.x}" y="${p.y}" width="${CARD.w}" height="${CARD.h}" rx="4"/>` +
    `<text class="name" x="${p.x + 12}" y="${p.y + 15}">+${esc(humanCount(BigInt(f.segments)))} ${noun}</text>` +
    `<text class="util" x="${p.x + 12}" y="${p.y + 31}">${esc(`${humanCount(f.cameras)} cameras · ${state}`)}</text></g>`
  );
}
