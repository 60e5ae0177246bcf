/**
 * Live viewing as flows. Each viewer entry (operator stations in a segment)
 * watches streams of the cameras under its `of`, served by those cameras'
 * recorders (or the head end) or by the cameras themselves:
 *
 * - unicast: every station gets its own copy, from its source to its station;
 * - multicast: each distinct stream crosses each link at most once, however
 *   many stations and entries behind that link watch it (a tree from the
 *   source to every segment that wants it);
 * - a recorder relays a stream it does not record (a sub stream of a camera
 *   that records its main stream): it pulls it from the camera once.
 *
 * The result is a rate to add and to take out at a few segments per flow
 * (see directional.ts for why that gives each link's load in each
 * direction); the viewing figure sums them over subtrees.
 */
import type { StreamKind, ViewerEntry } from '../../model/fleet.js';
import { wireRate } from '../overhead.js';
import type { SegmentNode } from '../walk.js';
import { groupTarget, type Places, targetNode } from './places.js';
import { firstStreams, highestStreams, type Piece } from './selection.js';
import type { StreamRate } from './streams.js';
import { commonAncestor, HEAD_END, type TreeIndex } from './tree.js';

/** One flow of viewing streams: `bitsPerSecond` on every link between its source and its destinations. */
export interface ViewingFlow {
  readonly kind: 'viewing' | 'relay';
  /** The viewer entry (segment and index in its list); for a relay, the entry that first asked for it. */
  readonly viewer: { readonly node: number; readonly entry: number };
  readonly stream: StreamKind;
  readonly from: 'recorder' | 'camera';
  readonly multicast: boolean;
  /** A node, or HEAD_END. */
  readonly source: number;
  /** The recorder (index) that serves the streams, or that a relay feeds; HEAD_END for the head end or none. */
  readonly recorder: number;
  /** Distinct nodes in pre-order (a relay: its recorder's node, or HEAD_END). */
  readonly destinations: readonly number[];
  /** Streams on each link it crosses, and their rate there. */
  readonly streams: bigint;
  readonly bitsPerSecond: bigint;
}

export interface ViewingPlan {
  /** Rates to add at a node (its subtree sums give each link's load). */
  readonly up: Map<number, bigint>;
  readonly down: Map<number, bigint>;
  readonly flows: ViewingFlow[];
}

interface Wanted {
  node: number;
  entry: number;
  spec: ViewerEntry;
  pieces: Piece[];
}

export function planViewing(nodes: readonly SegmentNode[], places: Places, rateOf: StreamRate): ViewingPlan {
  const plan: ViewingPlan = { up: new Map(), down: new Map(), flows: [] };
  const wanted = viewedStreams(nodes, places, rateOf);
  const multicast = new Map<string, { src: number; target: number; rate: bigint; first: Wanted; wants: Array<[number, bigint]> }>();
  const relays = new Map<string, { node: number; target: number; piece: Piece; stream: StreamKind; first: Wanted; taken: bigint }>();
  for (const w of wanted) {
    for (const piece of w.pieces) {
      const group = nodes[piece.node]!.segment.groups[piece.group]!;
      const target = groupTarget(places, piece.node, group);
      const src = w.spec.from === 'camera' ? piece.node : targetNode(places, target);
      const rate = w.spec.bitsPerSecond === undefined ? piece.rate : wireRate(w.spec.bitsPerSecond, nodes[w.node]!.overhead);
      if (w.spec.from === 'recorder' && (group.record ?? 'main') !== w.spec.stream) {
        const key = `${piece.node}:${piece.group}:${w.spec.stream}`;
        const relay = relays.get(key);
        if (!relay) relays.set(key, { node: piece.node, target, piece, stream: w.spec.stream, first: w, taken: piece.taken });
        else if (piece.taken > relay.taken) relay.taken = piece.taken;
      }
      if (!w.spec.multicast) {
        const streams = w.spec.stations * piece.taken;
        addFlow(plan, places.tree, flowOf(w, 'viewing', src, target, [w.node], streams, rate));
        continue;
      }
      const key = `${piece.node}:${piece.group}:${w.spec.stream}:${w.spec.from}:${rate}`;
      const seen = multicast.get(key);
      if (seen) seen.wants.push([w.node, piece.taken]);
      else multicast.set(key, { src, target, rate, first: w, wants: [[w.node, piece.taken]] });
    }
  }
  for (const m of multicast.values()) multicastBands(plan, places.tree, m, m.wants);
  for (const r of relays.values()) {
    const to = targetNode(places, r.target);
    const flow = flowOf(r.first, 'relay', r.node, r.target, [to], r.taken, r.piece.rate);
    addFlow(plan, places.tree, { ...flow, stream: r.stream, multicast: false });
  }
  return plan;
}

function flowOf(
  w: Wanted,
  kind: ViewingFlow['kind'],
  source: number,
  recorder: number,
  destinations: number[],
  streams: bigint,
  rate: bigint,
): ViewingFlow {
  return {
    kind,
    viewer: { node: w.node, entry: w.entry },
    stream: w.spec.stream,
    from: w.spec.from,
    multicast: w.spec.multicast,
    source,
    recorder,
    destinations,
    streams,
    bitsPerSecond: streams * rate,
  };
}

/** Each entry's streams: the highest-rate ones under its `of`, one ranking shared by entries that watch the same. */
function viewedStreams(nodes: readonly SegmentNode[], places: Places, rateOf: StreamRate): Wanted[] {
  const entries: Array<{ node: number; entry: number; spec: ViewerEntry; of: number }> = [];
  for (const [node, ofs] of places.viewedNode) {
    nodes[node]!.segment.viewerList!.forEach((spec, entry) => {
      if (ofs[entry]! >= 0) entries.push({ node, entry, spec, of: ofs[entry]! });
    });
  }
  const most = new Map<string, bigint>();
  const key = (e: (typeof entries)[number]) => `${e.of}:${e.spec.stream}`;
  for (const e of entries) if (e.spec.streams > (most.get(key(e)) ?? 0n)) most.set(key(e), e.spec.streams);
  const rankings = new Map<string, Piece[]>();
  return entries.map((e) => {
    let ranking = rankings.get(key(e));
    if (!ranking) {
      ranking = highestStreams(nodes, places.tree, e.of, e.spec.stream, most.get(key(e))!, rateOf);
      rankings.set(key(e), ranking);
    }
    return { node: e.node, entry: e.entry, spec: e.spec, pieces: firstStreams(ranking, e.spec.streams) };
  });
}

function add(map: Map<number, bigint>, node: number, value: bigint): void {
  if (node >= 0) map.set(node, (map.get(node) ?? 0n) + value);
}

/** A flow from a source to one destination, or a multicast tree to several: in where it starts and arrives, out where the paths meet. */
function addFlow(plan: ViewingPlan, tree: TreeIndex, flow: ViewingFlow): void {
  plan.flows.push(flow);
  const w = flow.bitsPerSecond;
  const { source, destinations } = flow;
  if (source >= 0) {
    let meet = source;
    for (const d of destinations) meet = d < 0 ? HEAD_END : meet < 0 ? meet : commonAncestor(tree, meet, d);
    add(plan.up, source, w);
    add(plan.up, meet, -w);
  }
  let deepest = HEAD_END;
  destinations.forEach((d, i) => {
    if (d < 0) return;
    add(plan.down, d, w);
    const next = destinations[i + 1];
    if (next !== undefined && next >= 0) add(plan.down, commonAncestor(tree, d, next), -w);
    const join = commonAncestor(tree, source, d);
    if (join >= 0 && (deepest < 0 || tree.depth[join]! > tree.depth[deepest]!)) deepest = join;
  });
  add(plan.down, deepest, -w);
}

/** A multicast stream wanted by several entries, each the first `taken` cameras of a group: one tree per band of cameras wanted alike. */
function multicastBands(
  plan: ViewingPlan,
  tree: TreeIndex,
  m: { src: number; target: number; rate: bigint; first: Wanted },
  wants: Array<[number, bigint]>,
): void {
  const cuts = [...new Set(wants.map(([, taken]) => taken))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let done = 0n;
  for (const cut of cuts) {
    const destinations = [...new Set(wants.filter(([, taken]) => taken >= cut).map(([node]) => node))].sort((a, b) => a - b);
    addFlow(plan, tree, flowOf(m.first, 'viewing', m.src, m.target, destinations, cut - done, m.rate));
    done = cut;
  }
}
