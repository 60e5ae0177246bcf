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

/** The last cut made of each report, by the depth and top it was made for (the segment and storage tables ask for the same). */
const CUTS = new WeakMap<Report, { depth: number | undefined; top: number | undefined; shown: Shown }>();

export function shownSegments(report: Report, options: RenderOptions): Shown {
  const all = report.segments;
  if (options.depth === undefined && options.top === undefined && all.length <= FULL_TREE_LIMIT)
    return { tree: [...all], failing: [], busiest: [], rest: { segments: 0, failing: 0 } };
  const known = CUTS.get(report);
  if (known && known.depth === options.depth && known.top === options.top) return known.shown;
  const shown = cutSegments(all, options);
  CUTS.set(report, { depth: options.depth, top: options.top, shown });
  return shown;
}

/** The tree to a depth, the failing and busiest below it, and the rest summed up, in one pass (two with the depth to find). */
function cutSegments(all: Report['segments'], options: RenderOptions): Shown {
  const depth = options.depth ?? (all.length <= FULL_TREE_LIMIT ? Number.POSITIVE_INFINITY : deepestLevelWithin(all, FULL_TREE_LIMIT));
  // One pass, holding only what is shown: an inventory's million rows are made as they are read (core/inventory/sizing/).
  const top = options.top ?? 10; // 10 by default, when something lies below the shown levels
  const tree: SegmentRow[] = [];
  const over: Ranked[] = []; // the FAILING_ROWS + 1 worst failing, the last the busiest failing one not shown
  const busy: Ranked[] = []; // the top + 1 busiest others with a load
  let idle: Ranked | undefined; // the busiest of the others without a load
  let deeper = 0;
  let failingCount = 0;
  for (const s of all) {
    if (s.depth <= depth) {
      tree.push(s);
      continue;
    }
    const ranked = { row: s, index: deeper++ };
    if (failing(s)) {
      failingCount++;
      keepTop(over, ranked, FAILING_ROWS + 1);
    } else if (s.loadBitsPerSecond > 0n) keepTop(busy, ranked, top + 1);
    else if (!idle || busierFirst(s, idle.row) < 0) idle = ranked;
  }
  const shownFailing = over.slice(0, FAILING_ROWS).map((r) => r.row);
  const busiest = busy.slice(0, top).map((r) => r.row);
  // The busiest not shown: the first of the sorted rows after the shown failing ones, the shown busiest and nothing else.
  const next = [over[FAILING_ROWS], busy[top], idle].filter((r) => r !== undefined).sort(rankedFirst)[0];
  return {
    tree,
    failing: shownFailing,
    busiest,
    rest: {
      segments: deeper - shownFailing.length - busiest.length,
      failing: failingCount - shownFailing.length,
      ...(next ? { busiest: next.row } : {}),
    },
  };
}

/** A row below the shown levels, and its place among them (ties keep that order, as a stable sort does). */
interface Ranked {
  readonly row: SegmentRow;
  readonly index: number;
}

const rankedFirst = (a: Ranked, b: Ranked) => busierFirst(a.row, b.row) || a.index - b.index;

/** Puts `r` into the `limit` busiest so far, kept in order (rows come in index order: after those as busy). */
function keepTop(kept: Ranked[], r: Ranked, limit: number): void {
  let at = kept.length;
  while (at > 0 && busierFirst(r.row, kept[at - 1]!.row) < 0) at--;
  if (at >= limit) return;
  kept.splice(at, 0, r);
  if (kept.length > limit) kept.pop();
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
    `the tree to depth ${deepestOf(tree)}`,
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

/** The deepest row's depth (a loop: a tree of a million rows is too many arguments for Math.max). */
function deepestOf(tree: readonly SegmentRow[]): number {
  let deepest = 0;
  for (const row of tree) if (row.depth > deepest) deepest = row.depth;
  return deepest;
}

const joinAnd = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/** A report has a segment table when it has segments below the root or any link to check. */
export function showsSegments(report: Report): boolean {
  return report.segments.length > 1 || report.segments.some((s) => s.link !== undefined);
}
