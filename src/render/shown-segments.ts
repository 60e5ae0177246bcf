/**
 * Which segments the human formats show: the whole tree when it is small or
 * asked for; otherwise the levels down to `depth` and the `top` busiest
 * segments below them (by utilisation where there is a link, else by load).
 * JSON and CSV always carry every segment.
 */
import type { Report, SegmentRow } from '../core/model/report.js';
import type { ShownSegment } from './columns/segments.js';
import type { RenderOptions } from './view.js';
import { humanCount } from './wording/quantities.js';
import { pathText } from './wording/sentences.js';

/** Above this many segments the human formats cut the tree unless asked otherwise. */
export const FULL_TREE_LIMIT = 200;

export function shownSegments(report: Report, options: RenderOptions): { tree: SegmentRow[]; busiest: SegmentRow[] } {
  const all = report.segments;
  if (options.depth === undefined && options.top === undefined && all.length <= FULL_TREE_LIMIT) return { tree: [...all], busiest: [] };
  const depth = options.depth ?? (all.length <= FULL_TREE_LIMIT ? Number.POSITIVE_INFINITY : deepestLevelWithin(all, FULL_TREE_LIMIT));
  // One pass, holding only what is shown: an inventory's million rows are made as they are read (core/inventory/sizing/).
  const tree: SegmentRow[] = [];
  const busiest: SegmentRow[] = [];
  const top = options.top ?? 10; // 10 by default, when something lies below the shown levels
  for (const s of all) {
    if (s.depth <= depth) tree.push(s);
    else if (top > 0) keepBusiest(busiest, s, top);
  }
  return { tree, busiest };
}

/** Busiest first: utilisation where there is a link, then load. */
function busier(a: SegmentRow, b: SegmentRow): number {
  const wa = a.link?.utilizationBasisPoints ?? -1n;
  const wb = b.link?.utilizationBasisPoints ?? -1n;
  if (wa !== wb) return wa > wb ? -1 : 1;
  return a.loadBitsPerSecond === b.loadBitsPerSecond ? 0 : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1;
}

/** Puts `s` into the `top` busiest so far (in order, after those as busy: what a stable sort would keep). */
function keepBusiest(busiest: SegmentRow[], s: SegmentRow, top: number): void {
  let at = busiest.length;
  while (at > 0 && busier(s, busiest[at - 1]!) < 0) at--;
  if (at >= top) return;
  busiest.splice(at, 0, s);
  if (busiest.length > top) busiest.pop();
}

/** The deepest level whose tree (that level and those above it) has at most `limit` segments; at least 1. */
function deepestLevelWithin(all: readonly SegmentRow[], limit: number): number {
  const perLevel: number[] = [];
  for (const s of all) perLevel[s.depth] = (perLevel[s.depth] ?? 0) + 1;
  let depth = 0;
  let rows = perLevel[0] ?? 0;
  while (depth + 1 < perLevel.length && rows + (perLevel[depth + 1] ?? 0) <= limit) rows += perLevel[++depth] ?? 0;
  return Math.max(depth, 1);
}

/** The shown segments as table rows (name and indentation), and a note when the tree was cut. */
export function segmentLines(report: Report, options: RenderOptions): { lines: ShownSegment[]; note?: string } {
  const { tree, busiest } = shownSegments(report, options);
  const lines: ShownSegment[] = [
    ...tree.map((row) => ({ row, name: row.depth === 0 ? report.fleetName : (row.path[row.path.length - 1] ?? ''), depth: row.depth })),
    ...busiest.map((row) => ({ row, name: `busiest: ${pathText(report, row.path)}`, depth: 0 })),
  ];
  if (lines.length >= report.segments.length) return { lines };
  let deepest = 0;
  for (const row of tree) if (row.depth > deepest) deepest = row.depth;
  const note =
    `Showing ${humanCount(BigInt(lines.length))} of ${humanCount(BigInt(report.segments.length))} segments: the tree to depth ${deepest}` +
    (busiest.length > 0 ? ` and the ${busiest.length} busiest below it` : '') +
    ' (--depth, --top; --json or --format csv for all).';
  return { lines, note };
}

/** A report has a segment table when it has segments below the root or any link to check. */
export function showsSegments(report: Report): boolean {
  return report.segments.length > 1 || report.segments.some((s) => s.link !== undefined);
}
