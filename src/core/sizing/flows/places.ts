/**
 * Where every camera's recorded stream goes, and which segments viewers
 * watch: the recorders by name, each segment's recorder (the one its
 * "recordTo" names, else the nearest at or above it, else the head end beyond
 * the root's link), each viewer entry's `of`. The rules are checked here
 * once, as problems at a segment and a field; the fleet reader turns them
 * into file paths, sizing into an error.
 */
import { closest } from '../../diagnostics/suggest.js';
import { type CameraGroup, type Recorder, type Segment, subRate } from '../../model/fleet.js';
import { DEFAULT_CEILING, DEFAULT_POE_CEILING } from '../../numbers/percent.js';
import { OVERHEADS } from '../overhead.js';
import { CONTINUOUS } from '../storage.js';
import { DEFAULT_SCHEDULE } from '../time.js';
import { type SegmentNode, walkTree } from '../walk.js';
import { contains, HEAD_END, type TreeIndex, treeIndex } from './tree.js';

export interface PlacedRecorder {
  readonly name: string;
  readonly recorder: Recorder;
  /** The node (walk index) of the segment it is in. */
  readonly node: number;
}

/** A broken rule, at a node and a field of that segment (e.g. ['cameras', 0, 'recordTo']). */
export interface FlowProblem {
  readonly node: number;
  readonly at: ReadonlyArray<string | number>;
  readonly message: string;
}

export interface Places {
  readonly tree: TreeIndex;
  readonly recorders: readonly PlacedRecorder[];
  /** Per node: the recorder its cameras record to by default (an index into `recorders`), or HEAD_END. */
  readonly nodeTarget: Int32Array;
  /** Per node: whether that recorder's node is the node itself or above it (so nothing of it flows down). */
  readonly nodeTargetAbove: Uint8Array;
  /** Per node and viewer entry: the node whose cameras it watches. */
  readonly viewedNode: ReadonlyMap<number, readonly number[]>;
  /** Whether every camera records its main stream at the head end (no recorders, no "recordTo", no "record"). */
  readonly allToHeadEnd: boolean;
  readonly byName: ReadonlyMap<string, number>;
}

/** The recorder index a group records to (its own "recordTo", else its segment's). */
export function groupTarget(places: Places, node: number, group: CameraGroup): number {
  return group.recordTo === undefined ? places.nodeTarget[node]! : (places.byName.get(group.recordTo) ?? HEAD_END);
}

/** The node of a recorder index (HEAD_END for the head end). */
export function targetNode(places: Places, target: number): number {
  return target < 0 ? HEAD_END : places.recorders[target]!.node;
}

export function placeFlows(nodes: readonly SegmentNode[]): { places: Places; problems: FlowProblem[] } {
  const problems: FlowProblem[] = [];
  const tree = treeIndex(nodes);
  const { recorders, byName } = collectRecorders(nodes, problems);
  const nodeTarget = new Int32Array(nodes.length);
  const nodeTargetAbove = new Uint8Array(nodes.length);
  const nearest = new Int32Array(nodes.length); // node with recorders at or above, or -1
  let allToHeadEnd = recorders.length === 0;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const own = node.segment.recorders?.length ? i : node.parent >= 0 ? nearest[node.parent]! : HEAD_END;
    nearest[i] = own;
    const target = segmentTarget(node, i, own, byName, recorders, problems);
    nodeTarget[i] = target;
    nodeTargetAbove[i] = target < 0 || contains(tree, recorders[target]!.node, i) ? 1 : 0;
    if (checkGroups(node, i, byName, problems)) allToHeadEnd = false;
  }
  const viewedNode = resolveViewers(nodes, tree, problems);
  return { places: { tree, recorders, nodeTarget, nodeTargetAbove, viewedNode, allToHeadEnd, byName }, problems };
}

function collectRecorders(nodes: readonly SegmentNode[], problems: FlowProblem[]) {
  const recorders: PlacedRecorder[] = [];
  const byName = new Map<string, number>();
  const where = new Map<string, string>();
  nodes.forEach((node, i) => {
    node.segment.recorders?.forEach((recorder, k) => {
      const earlier = where.get(recorder.name);
      if (earlier !== undefined) {
        let n = 2;
        while (byName.has(`${recorder.name}-${n}`)) n++;
        const message = `duplicate recorder name '${recorder.name}' (also in ${earlier}): names are unique in the fleet (did you mean '${recorder.name}-${n}'?)`;
        problems.push({ node: i, at: ['recorders', k, 'name'], message });
        return;
      }
      where.set(recorder.name, `'${node.path.length === 0 ? '(the fleet)' : node.path.join('/')}'`);
      byName.set(recorder.name, recorders.length);
      recorders.push({ name: recorder.name, recorder, node: i });
    });
  });
  return { recorders, byName };
}

function unknownRecorder(name: string, byName: ReadonlyMap<string, number>): string {
  if (byName.size === 0) return `unknown recorder '${name}': the fleet has no recorders (add "recorders" to a segment)`;
  const near = closest(name, byName.keys(), 1)[0];
  const hint = near ? ` (did you mean '${near}'?)` : ` (recorders: ${[...byName.keys()].slice(0, 5).join(', ')})`;
  return `unknown recorder '${name}'${hint}`;
}

/** The recorder a segment's cameras go to by default; a problem where its "recordTo" is unknown or the nearest is ambiguous. */
function segmentTarget(
  node: SegmentNode,
  index: number,
  nearestNode: number,
  byName: ReadonlyMap<string, number>,
  recorders: readonly PlacedRecorder[],
  problems: FlowProblem[],
): number {
  if (node.recordTo !== undefined) {
    const target = byName.get(node.recordTo);
    if (target === undefined && node.segment.settings?.recordTo !== undefined)
      problems.push({ node: index, at: ['recordTo'], message: unknownRecorder(node.recordTo, byName) });
    return target ?? HEAD_END;
  }
  if (nearestNode < 0) return HEAD_END;
  const here = recorders.filter((r) => r.node === nearestNode);
  if (here.length === 0) return HEAD_END; // its only recorders were refused (a duplicate name): that problem is reported
  if (here.length > 1 && node.segment.groups.some((g) => g.recordTo === undefined && g.count > 0n)) {
    const names = here.map((r) => `'${r.name}'`).join(', ');
    problems.push({
      node: index,
      at: ['cameras'],
      message: `the nearest segment with recorders has ${here.length} (${names}): say which one these cameras record to with "recordTo" (did you mean "recordTo": ${names.split(', ')[0]!.replace(/'/g, '"')}?)`,
    });
  }
  return byName.get(here[0]!.name)!;
}

/** Checks each group's recorder and recorded stream; whether any group departs from recording its main stream. */
function checkGroups(node: SegmentNode, index: number, byName: ReadonlyMap<string, number>, problems: FlowProblem[]): boolean {
  let special = node.recordTo !== undefined;
  node.segment.groups.forEach((group, j) => {
    if (group.recordTo !== undefined) {
      special = true;
      if (!byName.has(group.recordTo))
        problems.push({ node: index, at: ['cameras', j, 'recordTo'], message: unknownRecorder(group.recordTo, byName) });
    }
    if (group.record !== undefined && group.record !== 'main') special = true;
    if (group.record === 'sub' && subRate(group) === undefined)
      problems.push({
        node: index,
        at: ['cameras', j, 'record'],
        message: 'records the sub stream, but the group has none: give "sub" (e.g. "sub": "1Mb/s") (did you mean "record": "main"?)',
      });
  });
  return special;
}

/** Each viewer entry's `of` as a node; problems where it names no segment, or asks for sub streams cameras under it lack. */
function resolveViewers(nodes: readonly SegmentNode[], tree: TreeIndex, problems: FlowProblem[]): Map<number, number[]> {
  const viewed = new Map<number, number[]>();
  let byPath: Map<string, number> | undefined;
  nodes.forEach((node, i) => {
    const list = node.segment.viewerList;
    if (!list) return;
    viewed.set(
      i,
      list.map((entry, k) => {
        if (entry.of.length === 0) return 0;
        byPath ??= new Map(nodes.map((n, x) => [n.path.join('/'), x]));
        const path = entry.of.join('/');
        const found = byPath.get(path);
        if (found === undefined) {
          const near = closest(
            path,
            [...byPath.keys()].filter((p) => p !== ''),
            1,
          )[0];
          problems.push({ node: i, at: ['viewers', k, 'of'], message: `no segment '${path}'${near ? ` (did you mean '${near}'?)` : ''}` });
          return -1;
        }
        return found;
      }),
    );
    list.forEach((entry, k) => {
      const of = viewed.get(i)![k]!;
      if (entry.stream === 'sub' && entry.bitsPerSecond === undefined && of >= 0) checkSubs(nodes, tree, of, i, k, problems);
    });
  });
  return viewed;
}

function checkSubs(nodes: readonly SegmentNode[], tree: TreeIndex, of: number, at: number, entry: number, problems: FlowProblem[]): void {
  for (let x = of; x < tree.end[of]!; x++) {
    const j = nodes[x]!.segment.groups.findIndex((g) => g.count > 0n && subRate(g) === undefined);
    if (j < 0) continue;
    const where = `${nodes[x]!.path.join('/') || '(the fleet)'} cameras[${j}]`;
    const under = of === 0 ? 'in the fleet' : `under '${nodes[of]!.path.join('/')}'`;
    problems.push({
      node: at,
      at: ['viewers', entry, 'stream'],
      message: `watches sub streams, but ${where} ${under} has none: give that group "sub" (e.g. "sub": "1Mb/s") (did you mean "stream": "main"?)`,
    });
    return;
  }
}

/**
 * Places depend only on the tree's shape, names and groups (indices in
 * pre-order), not on inherited settings: the fleet reader's check and the
 * sizing of the same (readonly) tree share one placement.
 */
const PLACED = new WeakMap<Segment, ReturnType<typeof placeFlows>>();

/** placeFlows for the tree under `root`, once per tree: `nodes` is its walk, with any settings. */
export function placeFlowsOnce(root: Segment, nodes: readonly SegmentNode[]): ReturnType<typeof placeFlows> {
  const known = PLACED.get(root);
  if (known && known.places.tree.end.length === nodes.length) return known;
  const placed = placeFlows(nodes);
  PLACED.set(root, placed);
  return placed;
}

/** The problems of a fleet's flow rules, at walk indices (the fleet file's order of segments). */
export function fleetFlowProblems(root: Segment): FlowProblem[] {
  const nodes = walkTree(root, {
    overhead: OVERHEADS['none']!,
    ceiling: DEFAULT_CEILING,
    retention: undefined,
    recording: CONTINUOUS,
    schedule: DEFAULT_SCHEDULE,
    poeCeiling: DEFAULT_POE_CEILING,
  });
  return placeFlowsOnce(root, nodes).problems;
}
