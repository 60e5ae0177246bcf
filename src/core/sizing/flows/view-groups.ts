/**
 * Who watches what, as the viewing worst case needs it: viewer entries in
 * groups, and each group's streams as marks on the tree.
 *
 * A unicast entry is a group of its own. Multicast entries that watch the
 * same kind of stream of the same segment's cameras, from the same source
 * kind and at the same rate, are one group: a stream two of them watch
 * crosses a link once, and together they watch the sum of their `streams`.
 *
 * Each camera group under `of` is a candidate. Its viewed stream (the view)
 * goes from its source (its recorder, or the head end, or the camera itself)
 * to the viewers; a recorder that serves a stream it does not record fetches
 * it from the camera first (the relay). A view crosses a link up when its
 * source is below the link and a viewer is not, down the other way round; a
 * relay, when the camera is on one side and the recorder on the other. So
 * candidates are marks at nodes whose subtree sums say what could cross each
 * link: a view's at its source (up; down is the complement), a relay's at
 * the camera (up) or the recorder (down), taken out where the two meet.
 */
import type { StreamKind, ViewerEntry } from '../../model/fleet.js';
import { wireRate } from '../overhead.js';
import type { SegmentNode } from '../walk.js';
import { groupTarget, type Places, targetNode } from './places.js';
import type { StreamRate } from './streams.js';
import { commonAncestor } from './tree.js';
import { addLevel, type Level, type Levels } from './worst-case.js';

/** A source that is the cameras themselves (from: "camera"), beside recorder indices and HEAD_END. */
export const CAMERAS = -2;

/** One viewer entry of a group. */
export interface Watch {
  readonly node: number;
  readonly entry: number;
  readonly streams: bigint;
}

/** Candidates by node, each level keyed by its source: views up at their source, relays up and down (taken out where camera and recorder meet). */
export interface Marks {
  readonly viewUp: Map<number, Levels>;
  readonly relayUp: Map<number, Levels>;
  readonly relayDown: Map<number, Levels>;
}

export interface ViewGroup {
  readonly of: number;
  readonly stream: StreamKind;
  readonly from: 'recorder' | 'camera';
  readonly multicast: boolean;
  /** Copies of a viewed stream per stream watched: a unicast entry's stations; 1 for multicast. */
  readonly copies: bigint;
  readonly watches: Watch[];
  /** The streams its entries watch together. */
  streams: bigint;
  readonly marks: Marks;
  /** Every view, wherever its source (the down direction takes those whose source is not below the link). */
  readonly views: Levels;
}

/** The groups of every resolved viewer entry, in file order (segments in pre-order, entries in list order). */
export function viewGroups(nodes: readonly SegmentNode[], places: Places, rateOf: StreamRate): ViewGroup[] {
  const groups: ViewGroup[] = [];
  const shared = new Map<string, ViewGroup>();
  for (const [node, ofs] of [...places.viewedNode].sort((a, b) => a[0] - b[0])) {
    nodes[node]!.segment.viewerList!.forEach((spec, entry) => {
      const of = ofs[entry]!;
      if (of < 0) return;
      const rate = spec.bitsPerSecond === undefined ? undefined : wireRate(spec.bitsPerSecond, nodes[node]!.overhead);
      const watch = { node, entry, streams: spec.streams };
      const key = `${of}:${spec.stream}:${spec.from}:${rate ?? ''}`;
      const known = spec.multicast ? shared.get(key) : undefined;
      if (known) {
        known.watches.push(watch);
        known.streams += spec.streams;
        return;
      }
      const group = newGroup(of, spec, watch, spec.multicast ? 1n : spec.stations);
      if (spec.multicast) shared.set(key, group);
      groups.push(group);
      addCandidates(group, nodes, places, rateOf, rate);
    });
  }
  return groups;
}

function newGroup(of: number, spec: ViewerEntry, watch: Watch, copies: bigint): ViewGroup {
  const { stream, from, multicast } = spec;
  const marks = { viewUp: new Map(), relayUp: new Map(), relayDown: new Map() };
  return { of, stream, from, multicast, copies, watches: [watch], streams: spec.streams, marks, views: new Map() };
}

function mark(at: Map<number, Levels>, node: number, level: Level, units: bigint): void {
  let levels = at.get(node);
  if (!levels) at.set(node, (levels = new Map()));
  addLevel(levels, level.source, level, units);
}

/** Every camera group under `of` as marks: its view, and its relay where its recorder does not record that stream. */
function addCandidates(group: ViewGroup, nodes: readonly SegmentNode[], places: Places, rateOf: StreamRate, given: bigint | undefined) {
  const { tree } = places;
  let order = 0;
  for (let x = group.of; x < tree.end[group.of]!; x++) {
    const node = nodes[x]!;
    node.segment.groups.forEach((camera) => {
      order++;
      if (camera.count === 0n) return;
      const rate = rateOf(camera, node, group.stream);
      const target = groupTarget(places, x, camera);
      const recorder = targetNode(places, target);
      const source = group.from === 'camera' ? x : recorder;
      const view: Level = {
        cls: 'view',
        weight: given ?? rate,
        source: group.from === 'camera' ? CAMERAS : target,
        units: camera.count * group.copies,
        order,
      };
      addLevel(group.views, view.source, view, view.units);
      if (source >= 0) mark(group.marks.viewUp, source, view, view.units);
      if (group.from === 'camera' || (camera.record ?? 'main') === group.stream || recorder === x) return;
      const relay: Level = { cls: 'relay', weight: rate, source: target, units: camera.count, order };
      mark(group.marks.relayUp, x, relay, relay.units);
      if (recorder < 0) return;
      const meet = commonAncestor(tree, x, recorder);
      mark(group.marks.relayUp, meet, relay, -relay.units);
      mark(group.marks.relayDown, recorder, relay, relay.units);
      mark(group.marks.relayDown, meet, relay, -relay.units);
    });
  }
}
