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
  const tree = all.filter((s) => s.depth <= depth);
  const deeper = all.filter((s) => s.depth > depth);
  const top = options.top ?? (deeper.length > 0 ? 10 : 0);
  const weight = (s: SegmentRow) => s.link?.utilizationBasisPoints ?? -1n;
  const busiest = [...deeper]
    .sort((a, b) => {
      const wa = weight(a);
      const wb = weight(b);
      if (wa !== wb) return wa > wb ? -1 : 1;
      return a.loadBitsPerSecond === b.loadBitsPerSecond ? 0 : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1;
    })
    .slice(0, top);
  return { tree, busiest };
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
  const note =
    `Showing ${humanCount(BigInt(lines.length))} of ${humanCount(BigInt(report.segments.length))} segments: the tree to depth ${Math.max(0, ...tree.map((r) => r.depth))}` +
    (busiest.length > 0 ? ` and the ${busiest.length} busiest below it` : '') +
    ' (--depth, --top; --json or --format csv for all).';
  return { lines, note };
}

/** A report has a segment table when it has segments below the root or any link to check. */
export function showsSegments(report: Report): boolean {
  return report.segments.length > 1 || report.segments.some((s) => s.link !== undefined);
}
