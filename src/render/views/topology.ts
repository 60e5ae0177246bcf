/**
 * The segment tree as the documents draw it (HTML's SVG, Markdown's Mermaid
 * flowchart): which segments are drawn, and what stands for the others. Up to
 * TOPOLOGY_LIMIT segments, every one; beyond, the failing and the busiest
 * links with the branches that lead to them, then the shallowest levels while
 * the limit allows, and each drawn segment's other children folded into one
 * node that counts them (segments, cameras, how many are over, the busiest).
 * Pure and iterative: a tree may be 1,000 levels deep.
 */
import type { LinkStatus, Report, SegmentRow } from '../../core/model/report.js';
import { pathKey } from '../../core/model/keys.js';

/** Segments drawn one by one, at most. */
export const TOPOLOGY_LIMIT = 200;
/** Beyond the limit, the failing and the busiest links expanded first, at most this many of each. */
const FAILING_SHOWN = 60;
const BUSIEST_SHOWN = 30;
/** A link is near its ceiling from this share of it on (percent of the usable capacity). */
export const NEAR_PERCENT = 85n;

/** How a link reads: over its ceiling, near it, within it, or no link to check. */
export type LinkTone = 'over' | 'near' | 'ok' | 'none';

export interface TopologySegment {
  readonly kind: 'segment';
  readonly row: SegmentRow;
  /** Its own name (the fleet's for the root). */
  readonly name: string;
  /** The drawn node it hangs from (an index into `nodes`); -1 for the root. */
  readonly parent: number;
  readonly depth: number;
  /** Its link's tone (the check's direction: the fuller or failing one, or the shared capacity). */
  readonly tone: LinkTone;
  /** Some check of the segment itself is over: its link, its storage, or one of its recorders. */
  readonly over: boolean;
  /** The recorders that sit in it. */
  readonly recorders: readonly string[];
  /** Its children when none of them is drawn: what they hold, counted (in place of a fold node of its own). */
  readonly below?: FoldCounts;
}

/** What a fold counts. */
export interface FoldCounts {
  readonly segments: number;
  readonly cameras: bigint;
  /** Folded segments whose link or storage is over. */
  readonly over: number;
  /** The fullest link among them. */
  readonly busiest?: LinkStatus;
}

/** Children of a drawn segment that are not drawn (beside others that are), and everything below them. */
export interface TopologyFold extends FoldCounts {
  readonly kind: 'fold';
  readonly parent: number;
  readonly depth: number;
}

export type TopologyNode = TopologySegment | TopologyFold;

export interface TopologyView {
  /** In pre-order: every node after its parent, a fold after its parent's drawn children. */
  readonly nodes: readonly TopologyNode[];
  /** Segments drawn, and in the tree. */
  readonly shown: number;
  readonly total: number;
  /** Cameras recorded at the head end (beyond the root's link), when the fleet has recorders and some record there. */
  readonly headEndCameras?: bigint;
}

/** A link's tone: over when it fails, near from NEAR_PERCENT of its usable capacity, else ok. */
export function linkTone(link: LinkStatus | undefined): LinkTone {
  if (!link) return 'none';
  if (!link.fits) return 'over';
  const load = link.usableBitsPerSecond - link.headroomBitsPerSecond;
  return link.usableBitsPerSecond > 0n && load * 100n >= link.usableBitsPerSecond * NEAR_PERCENT ? 'near' : 'ok';
}

/** Utilisation in basis points, for ordering (a zero-capacity link counts as full). */
const utilisation = (row: SegmentRow) => row.link?.utilizationBasisPoints ?? (row.link ? 1_000_000n : -1n);

export function topologyView(report: Report): TopologyView {
  const rows = report.segments;
  const parent = parents(rows);
  const recorders = recordersBySegment(report);
  const over = rows.map((row, i) => row.link?.fits === false || row.storage?.fits === false || (recorders.get(i)?.over ?? false));
  const keep = chooseShown(rows, parent, over);
  const folds = foldedChildren(rows, parent, over, keep);
  const drawsChildren = new Uint8Array(rows.length);
  for (let i = 1; i < rows.length; i++) if (keep[i]) drawsChildren[parent[i]!] = 1;
  const nodes: TopologyNode[] = [];
  const drawn = new Int32Array(rows.length).fill(-1);
  // Open drawn segments, deepest last: a fold is placed once its parent's subtree is left.
  const open: number[] = [];
  const close = (depth: number) => {
    while (open.length > 0 && rows[open[open.length - 1]!]!.depth >= depth) {
      const i = open.pop()!;
      const fold = folds.get(i);
      if (fold && drawsChildren[i]) nodes.push({ kind: 'fold', parent: drawn[i]!, depth: rows[i]!.depth + 1, ...fold });
    }
  };
  for (let i = 0; i < rows.length; i++) {
    if (!keep[i]) continue;
    const row = rows[i]!;
    close(row.depth);
    drawn[i] = nodes.length;
    nodes.push({
      kind: 'segment',
      row,
      name: row.depth === 0 ? report.fleetName : (row.path[row.path.length - 1] ?? ''),
      parent: i === 0 ? -1 : drawn[parent[i]!]!,
      depth: row.depth,
      tone: linkTone(row.link),
      over: over[i]!,
      recorders: recorders.get(i)?.names ?? [],
      ...(folds.has(i) && !drawsChildren[i] ? { below: folds.get(i)! } : {}),
    });
    open.push(i);
  }
  close(0);
  const headEnd = (report.recorders ?? []).find((r) => r.headEnd && r.cameras > 0n);
  const shown = nodes.filter((n) => n.kind === 'segment').length;
  return { nodes, shown, total: rows.length, ...(headEnd ? { headEndCameras: headEnd.cameras } : {}) };
}

/** Each segment's parent in the pre-order list (-1 for the root), from the depths: a stack, no recursion. */
function parents(rows: readonly SegmentRow[]): Int32Array {
  const parent = new Int32Array(rows.length).fill(-1);
  const stack: number[] = [];
  rows.forEach((row, i) => {
    while (stack.length > 0 && rows[stack[stack.length - 1]!]!.depth >= row.depth) stack.pop();
    parent[i] = stack.length > 0 ? stack[stack.length - 1]! : -1;
    stack.push(i);
  });
  return parent;
}

/** The recorders in each segment (by its index), and whether one of them is over. */
function recordersBySegment(report: Report): Map<number, { names: string[]; over: boolean }> {
  const index = new Map<string, number>();
  for (const [i, row] of report.segments.entries()) index.set(pathKey(row.path), i);
  const out = new Map<number, { names: string[]; over: boolean }>();
  for (const r of report.recorders ?? []) {
    if (r.headEnd) continue;
    const i = index.get(pathKey(r.path));
    if (i === undefined) continue;
    const entry = out.get(i) ?? { names: [], over: false };
    entry.names.push(r.name);
    entry.over ||= r.fits === false;
    out.set(i, entry);
  }
  return out;
}

/** Which segments are drawn: all up to the limit; beyond, the failing, the busiest, then the shallowest, each with its branch. */
function chooseShown(rows: readonly SegmentRow[], parent: Int32Array, over: readonly boolean[]): Uint8Array {
  const keep = new Uint8Array(rows.length);
  if (rows.length <= TOPOLOGY_LIMIT) return keep.fill(1);
  let count = 0;
  // A segment with the branch above it, if the branch fits in what the limit leaves.
  const add = (i: number): void => {
    const branch: number[] = [];
    for (let at = i; at >= 0 && !keep[at]; at = parent[at]!) branch.push(at);
    if (count + branch.length > TOPOLOGY_LIMIT) return;
    for (const at of branch) keep[at] = 1;
    count += branch.length;
  };
  add(0);
  const byUse = (a: number, b: number) => {
    const ua = utilisation(rows[a]!);
    const ub = utilisation(rows[b]!);
    return ua === ub ? a - b : ua > ub ? -1 : 1;
  };
  const indexes = rows.map((_, i) => i);
  for (const i of indexes
    .filter((k) => over[k])
    .sort(byUse)
    .slice(0, FAILING_SHOWN))
    add(i);
  for (const i of indexes
    .filter((k) => rows[k]!.link !== undefined)
    .sort(byUse)
    .slice(0, BUSIEST_SHOWN))
    add(i);
  const byLevel = indexes.sort((a, b) => rows[a]!.depth - rows[b]!.depth || a - b);
  for (const i of byLevel) {
    if (count >= TOPOLOGY_LIMIT) break;
    if (!keep[i] && keep[parent[i]!]) add(i);
  }
  return keep;
}

/** For each drawn segment with children not drawn: what those children and everything below them hold. */
function foldedChildren(
  rows: readonly SegmentRow[],
  parent: Int32Array,
  over: readonly boolean[],
  keep: Uint8Array,
): Map<number, FoldCounts> {
  // Each subtree's segments, segments over and fullest link, summed from the last row back (children follow their parent).
  const size = new Float64Array(rows.length).fill(1);
  const overs = Float64Array.from(over, (o) => (o ? 1 : 0));
  const busiest: (SegmentRow | undefined)[] = rows.map((r) => (r.link ? r : undefined));
  for (let i = rows.length - 1; i > 0; i--) {
    const p = parent[i]!;
    size[p]! += size[i]!;
    overs[p]! += overs[i]!;
    const b = busiest[i];
    if (b && (!busiest[p] || utilisation(b) > utilisation(busiest[p]!))) busiest[p] = b;
  }
  const folds = new Map<number, { segments: number; cameras: bigint; over: number; busiest?: LinkStatus }>();
  for (let i = 1; i < rows.length; i++) {
    const p = parent[i]!;
    if (keep[i] || !keep[p]) continue;
    const fold = folds.get(p) ?? { segments: 0, cameras: 0n, over: 0 };
    fold.segments += size[i]!;
    fold.cameras += rows[i]!.cameras;
    fold.over += overs[i]!;
    const b = busiest[i];
    if (b?.link && (!fold.busiest || (b.link.utilizationBasisPoints ?? 0n) > (fold.busiest.utilizationBasisPoints ?? 0n)))
      fold.busiest = b.link;
    folds.set(p, fold);
  }
  return folds;
}
