/**
 * Which segments the human formats show: the whole tree when it is small or
 * asked for; otherwise the segments that fail first, then the levels down to
 * `depth` and the `top` busiest segments below them (by utilisation where
 * there is a link, else by load), and a note that sums up the rest.
 * JSON and CSV always carry every segment.
 */
import type { Report, SegmentRow } from '../core/model/report.js';
import type { ShownSegment } from './columns/segments.js';
import type { RenderOptions } from './view.js';
import { humanCount, utilizationText } from './wording/quantities.js';
import { pathText } from './wording/sentences.js';

/** Above this many segments the human formats cut the tree unless asked otherwise. */
export const FULL_TREE_LIMIT = 200;
/** A cut tree lists at most this many failing segments below its depth (the worst first); the rest are counted. */
export const FAILING_ROWS = 50;

/** A segment's link or storage is over its limit. */
export const failing = (s: SegmentRow) => s.link?.fits === false || s.storage?.fits === false;

/** Fuller first: by utilisation where there is a link, else by load. */
export function busierFirst(a: SegmentRow, b: SegmentRow): number {
  const wa = a.link?.utilizationBasisPoints ?? -1n;
  const wb = b.link?.utilizationBasisPoints ?? -1n;
  if (wa !== wb) return wa > wb ? -1 : 1;
  return a.loadBitsPerSecond === b.loadBitsPerSecond ? 0 : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1;
}

export interface Shown {
  readonly tree: SegmentRow[];
  /** Below the tree's depth: the failing segments (the worst FAILING_ROWS), and the busiest of the others. */
  readonly failing: SegmentRow[];
  readonly busiest: SegmentRow[];
  /** The segments below the depth not shown: how many, how many of them fail, and the busiest of them. */
  readonly rest: { readonly segments: number; readonly failing: number; readonly busiest?: SegmentRow };
}

export function shownSegments(report: Report, options: RenderOptions): Shown {
  const all = report.segments;
  if (options.depth === undefined && options.top === undefined && all.length <= FULL_TREE_LIMIT)
    return { tree: [...all], failing: [], busiest: [], rest: { segments: 0, failing: 0 } };
  const depth = options.depth ?? (all.length <= FULL_TREE_LIMIT ? Number.POSITIVE_INFINITY : deepestLevelWithin(all, FULL_TREE_LIMIT));
  const tree = all.filter((s) => s.depth <= depth);
  const deeper = all.filter((s) => s.depth > depth).sort(busierFirst);
  const over = deeper.filter(failing);
  const shownFailing = over.slice(0, FAILING_ROWS);
  const top = options.top ?? (deeper.length > 0 ? 10 : 0);
  const busiest = deeper.filter((s) => !failing(s) && s.loadBitsPerSecond > 0n).slice(0, top);
  const shown = new Set([...shownFailing, ...busiest]);
  const others = deeper.filter((s) => !shown.has(s));
  return {
    tree,
    failing: shownFailing,
    busiest,
    rest: { segments: others.length, failing: over.length - shownFailing.length, ...(others[0] ? { busiest: others[0] } : {}) },
  };
}

/** The deepest level whose tree (that level and those above it) has at most `limit` segments; 0 when even the first level has more. */
function deepestLevelWithin(all: readonly SegmentRow[], limit: number): number {
  const perLevel: number[] = [];
  for (const s of all) perLevel[s.depth] = (perLevel[s.depth] ?? 0) + 1;
  let depth = 0;
  let rows = perLevel[0] ?? 0;
  while (depth + 1 < perLevel.length && rows + (perLevel[depth + 1] ?? 0) <= limit) rows += perLevel[++depth] ?? 0;
  return depth;
}

/** The shown segments as table rows (name and indentation), and a note when the tree was cut. */
export function segmentLines(report: Report, options: RenderOptions): { lines: ShownSegment[]; note?: string } {
  const shown = shownSegments(report, options);
  const { tree, busiest } = shown;
  const flat = (label: string) => (row: SegmentRow) => ({ row, name: `${label}: ${pathText(report, row.path)}`, depth: 0 });
  const lines: ShownSegment[] = [
    ...shown.failing.map(flat('over')),
    ...tree.map((row) => ({ row, name: row.depth === 0 ? report.fleetName : (row.path[row.path.length - 1] ?? ''), depth: row.depth })),
    ...busiest.map(flat('busiest')),
  ];
  if (lines.length >= report.segments.length) return { lines };
  return { lines, note: cutNote(report, shown, lines.length, options) };
}

/** "Showing 31 of 1,001 segments: …; the other 960 fit, the busiest of them at 45.2 % (…)." */
function cutNote(report: Report, shown: Shown, lines: number, options: RenderOptions): string {
  const { tree, busiest, rest } = shown;
  const over = shown.failing.length;
  const parts = [
    ...(over > 0 ? [over === 1 ? 'the one over its limit first' : `the ${humanCount(BigInt(over))} over their limit first`] : []),
    `the tree to depth ${Math.max(0, ...tree.map((r) => r.depth))}`,
    ...(busiest.length > 0 ? [busiest.length === 1 ? 'the busiest below it' : `the ${busiest.length} busiest below it`] : []),
  ];
  const others = `the other ${humanCount(BigInt(rest.segments))}`;
  const restOver =
    rest.segments === 1
      ? `the other segment is ${rest.failing > 0 ? '' : 'not '}over its limit${rest.failing > 0 ? ' too' : ''}`
      : rest.failing > 0
        ? `${humanCount(BigInt(rest.failing))} of ${others} are over their limit too`
        : `none of ${others} is over its limit`;
  const link = rest.busiest?.link;
  const them = rest.segments === 1 ? 'at' : 'the busiest of them at';
  const busiestText = link ? `, ${them} ${utilizationText(link, options)} (${pathText(report, rest.busiest!.path)})` : '';
  const summary = rest.segments > 0 ? `; ${restOver}${busiestText}` : '';
  return (
    `Showing ${humanCount(BigInt(lines))} of ${humanCount(BigInt(report.segments.length))} segments: ${joinAnd(parts)}${summary}` +
    ' (--depth, --top; --json or --format csv for all).'
  );
}

const joinAnd = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/** A report has a segment table when it has segments below the root or any link to check. */
export function showsSegments(report: Report): boolean {
  return report.segments.length > 1 || report.segments.some((s) => s.link !== undefined);
}
