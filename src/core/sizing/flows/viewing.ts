/**
 * Live viewing (the list form of "viewers") as each link's worst case: on
 * every link, in each direction, a viewer entry counts the `streams`
 * highest-rate streams under its `of` that could cross that link there, not
 * the fleet's highest only (a control room watching 16 streams of the whole
 * fleet can watch 16 of any one site, so each site's uplink must carry 16).
 *
 * - unicast: every station gets its own copy from the source;
 * - multicast: each distinct stream crosses a link once, however many
 *   stations watch it; multicast entries watching the same streams are one
 *   group (view-groups.ts) that watches the sum of their `streams`;
 * - a recorder relays a stream it does not record (a sub stream of a camera
 *   that records its main stream): it fetches it from the camera, once.
 *
 * Per group, the loads are computed at the nodes of its virtual tree (the
 * candidates' nodes, the viewers' and their common ancestors) from level
 * maps merged up that tree, smaller into larger: near-linear in the fleet
 * and the entries, whatever the counts. The result is a rate to add at a few
 * nodes whose subtree sums are each link's load (figures/viewing.ts).
 */
import type { FlowEnd, FlowItem } from '../../model/report.js';
import type { SegmentNode } from '../walk.js';
import type { Places } from './places.js';
import type { StreamRate } from './streams.js';
import { CAMERAS, type ViewGroup, viewGroups } from './view-groups.js';
import { virtualTree } from './virtual-tree.js';
import {
  addLevel,
  byRate,
  bySource,
  complement,
  type KeyOf,
  type Level,
  type Levels,
  levelsOf,
  loadOf,
  mergeLevels,
  worstCase,
} from './worst-case.js';

export interface ViewingPlan {
  /** Rates to add at a node (its subtree sums give each link's load). */
  readonly up: Map<number, bigint>;
  readonly down: Map<number, bigint>;
  readonly groups: readonly ViewGroup[];
  /** The levels looked at to make it (marks placed, candidates weighed at each node): its work, for the complexity test. */
  steps: number;
}

/** What a group could send across the link above a node of its virtual tree, per direction. */
type Visit = (node: number, above: number, up: readonly Level[], down: readonly Level[], group: ViewGroup, inside: Inside) => void;

/** Which of a group's watches are below a node: their streams, and the first of them in file order. */
interface Inside {
  readonly streams: bigint;
  readonly first: number;
}

export function planViewing(nodes: readonly SegmentNode[], places: Places, rateOf: StreamRate): ViewingPlan {
  const plan: ViewingPlan = { up: new Map(), down: new Map(), groups: viewGroups(nodes, places, rateOf), steps: 0 };
  const add = (map: Map<number, bigint>, node: number, value: bigint) => {
    if (value !== 0n) map.set(node, (map.get(node) ?? 0n) + value);
  };
  for (const group of plan.groups) {
    // A node's own load less what its kept children's links carry: subtree sums give back each load.
    const carried = new Map<number, { up: bigint; down: bigint }>();
    plan.steps += eachWorstCase(group, places, byRate, (node, above, up, down) => {
      const own = { up: loadOf(up), down: loadOf(down) };
      const below = carried.get(node);
      add(plan.up, node, own.up - (below?.up ?? 0n));
      add(plan.down, node, own.down - (below?.down ?? 0n));
      if (above < 0) return;
      const sums = carried.get(above) ?? { up: 0n, down: 0n };
      carried.set(above, { up: sums.up + own.up, down: sums.down + own.down });
    });
  }
  return plan;
}

/** Runs `visit` at every node of the group's virtual tree, children before parents; returns the levels it looked at. */
function eachWorstCase(group: ViewGroup, places: Places, keyOf: KeyOf, visit: Visit): number {
  const { marks } = group;
  const vt = virtualTree(places.tree, [
    ...marks.viewUp.keys(),
    ...marks.relayUp.keys(),
    ...marks.relayDown.keys(),
    ...group.watches.map((w) => w.node),
  ]);
  const inside = vt.nodes.map(() => ({ streams: 0n, first: Number.MAX_SAFE_INTEGER }));
  const at = new Map(vt.nodes.map((node, k) => [node, k]));
  group.watches.forEach((w, i) => {
    const k = at.get(w.node)!;
    inside[k] = { streams: inside[k]!.streams + w.streams, first: Math.min(inside[k]!.first, i) };
  });
  const rekeyed = (levels: Levels | undefined) => (levels ? rekey(levels, keyOf) : undefined);
  const maps = vt.nodes.map((node) => ({
    viewUp: rekeyed(marks.viewUp.get(node)),
    relayUp: rekeyed(marks.relayUp.get(node)),
    relayDown: rekeyed(marks.relayDown.get(node)),
  }));
  const views = rekey(group.views, keyOf);
  const cap = group.copies * group.streams;
  let steps = 0;
  for (let k = vt.nodes.length - 1; k >= 0; k--) {
    const m = maps[k]!;
    const here = inside[k]!;
    const far = group.streams - here.streams;
    const upViews = far > 0n ? [...levelsOf(m.viewUp)] : [];
    const up = worstCase([...upViews, ...levelsOf(m.relayUp)], cap, group.copies * far);
    const downViews = here.streams > 0n ? complement(views, m.viewUp) : [];
    const down = worstCase([...downViews, ...levelsOf(m.relayDown)], cap, group.copies * here.streams);
    steps += 1 + upViews.length + downViews.length + (m.relayUp?.size ?? 0) + (m.relayDown?.size ?? 0);
    const p = vt.parent[k]!;
    visit(vt.nodes[k]!, p < 0 ? -1 : vt.nodes[p]!, up, down, group, here);
    if (p < 0) continue;
    const to = maps[p]!;
    to.viewUp = mergeLevels(to.viewUp, m.viewUp);
    to.relayUp = mergeLevels(to.relayUp, m.relayUp);
    to.relayDown = mergeLevels(to.relayDown, m.relayDown);
    const there = inside[p]!;
    inside[p] = { streams: there.streams + here.streams, first: Math.min(there.first, here.first) };
  }
  return steps;
}

/** Levels keyed by source, keyed as `keyOf` says (by rate alone, the sources merge). */
function rekey(levels: Levels, keyOf: KeyOf): Levels {
  const out: Levels = new Map();
  for (const level of levelsOf(levels)) addLevel(out, keyOf(level), level, level.units);
  return out;
}

/**
 * With --flows: the viewing flows on each link, per direction. A node's flows are those of the
 * nearest node of each group's virtual tree at or below it, on the path up to the next one.
 */
export function viewingDetail(
  nodes: readonly SegmentNode[],
  places: Places,
  plan: ViewingPlan,
  recorderEnd: (target: number) => FlowEnd,
  each: (node: number, direction: 'up' | 'down', item: FlowItem) => void,
): void {
  for (const group of plan.groups) {
    eachWorstCase(group, places, bySource, (node, above, up, down, g, inside) => {
      const viewers = (outside: boolean) => {
        const i = outside ? firstOutside(g, places, node) : inside.first;
        const w = g.watches[i] ?? g.watches[0]!;
        return { kind: 'viewers', path: nodes[w.node]!.path, entry: w.entry } as const;
      };
      for (const [direction, taken] of [
        ['up', up],
        ['down', down],
      ] as const) {
        for (const level of taken) {
          const item = itemOf(g, level, recorderEnd, () => viewers(direction === 'up'));
          for (let x = node; x >= 0 && x !== above; x = places.tree.parent[x]!) each(x, direction, item);
        }
      }
    });
  }
}

function itemOf(group: ViewGroup, level: Level, recorderEnd: (t: number) => FlowEnd, viewers: () => FlowEnd): FlowItem {
  const relay = level.cls === 'relay';
  return {
    kind: relay ? 'relay' : 'viewing',
    stream: group.stream,
    from: relay || level.source === CAMERAS ? { kind: 'cameras' } : recorderEnd(level.source),
    to: relay ? recorderEnd(level.source) : viewers(),
    streams: level.units,
    bitsPerSecond: level.units * level.weight,
    ...(group.multicast && !relay ? { multicast: true } : {}),
  };
}

/** The first of a group's watches (file order) whose viewers are not below `node`. */
function firstOutside(group: ViewGroup, places: Places, node: number): number {
  const end = places.tree.end[node]!;
  const i = group.watches.findIndex((w) => w.node < node || w.node >= end);
  return i < 0 ? 0 : i;
}
