/**
 * With --flows: which flows cross each link, per direction, for "why is this
 * WAN full?". Recorded streams are summed per recorder and stream kind (the
 * directional runner with a map as its state); viewing flows are each link's
 * worst case (viewing.ts), listed by source. When rates vary over the day,
 * recorded streams keep their 24 hours, so that each row can be given at the
 * hour the link's load is taken (flow-figures.ts): the rows add up to it.
 */
import type { FlowEnd, FlowItem } from '../../model/report.js';
import { tupleKey } from '../../model/keys.js';
import { ceilDiv } from '../../numbers/decimal.js';
import { wireRate } from '../overhead.js';
import type { SegmentNode } from '../walk.js';
import { type FlowFigure, runDirectional } from './directional.js';
import { groupTarget, type Places } from './places.js';
import type { Hours } from '../figures/time.js';
import { hourly } from '../time.js';
import { recordedStates, type StreamRate } from './streams.js';
import { type ViewingPlan, viewingDetail } from './viewing.js';

/** A flow on a link; recorded streams whose rates vary over the day keep their hours. */
export type HeldFlow = FlowItem & { readonly hours?: Hours };
type Items = Map<string, HeldFlow>;
export interface FlowDetail {
  up: Items[];
  down: Items[];
}

function merge(into: Items, item: HeldFlow, sign: 1n | -1n): void {
  const key = tupleKey(item.kind, item.stream, endKey(item.from), endKey(item.to), item.multicast === true);
  const seen = into.get(key);
  const streams = (seen?.streams ?? 0n) + sign * item.streams;
  const bitsPerSecond = (seen?.bitsPerSecond ?? 0n) + sign * item.bitsPerSecond;
  if (streams === 0n && bitsPerSecond === 0n) into.delete(key);
  else into.set(key, { ...item, streams, bitsPerSecond, ...(item.hours ? { hours: addHours(seen?.hours, item.hours, sign) } : {}) });
}

function addHours(a: Hours | undefined, b: Hours, sign: 1n | -1n): Hours {
  return {
    mean: b.mean.map((m, h) => (a?.mean[h] ?? 0n) + sign * m),
    peak: b.peak.map((p, h) => (a?.peak[h] ?? 0n) + sign * p),
  };
}

function endKey(end: FlowEnd): string {
  return end.kind === 'recorder'
    ? tupleKey('r', end.name)
    : end.kind === 'viewers'
      ? tupleKey('v', end.path, end.entry)
      : tupleKey(end.kind);
}

export function flowDetail(
  nodes: readonly SegmentNode[],
  places: Places,
  rateOf: StreamRate,
  plan: ViewingPlan | undefined,
  averageStream: (index: number) => bigint,
  varying = false,
): FlowDetail {
  const detail: FlowDetail = { up: nodes.map(() => new Map()), down: nodes.map(() => new Map()) };
  const recorderEnd = (target: number): FlowEnd => {
    if (target < 0) return { kind: 'head-end' };
    const r = places.recorders[target]!;
    return { kind: 'recorder', name: r.name, path: nodes[r.node]!.path };
  };
  const recorded: FlowFigure<Items> = {
    init: () => new Map(),
    addGroup(state, group, node, count) {
      const stream = group.record ?? 'main';
      if (stream === 'none') return;
      const to = recorderEnd(groupTarget(places, node.index, group));
      const figures = varying ? recordedStates(group, node) : undefined;
      const one = figures && hourly(figures.peak, node.schedule, figures.average);
      const hours = one && { mean: one.mean.map((m) => count * m), peak: one.peak.map((p) => count * p) };
      const bitsPerSecond = count * rateOf(group, node, stream);
      merge(
        state,
        { kind: 'recorded', stream, from: { kind: 'cameras' }, to, streams: count, bitsPerSecond, ...(hours ? { hours } : {}) },
        1n,
      );
    },
    addState(into, from, sign) {
      for (const item of from.values()) merge(into, item, sign === 1 ? 1n : -1n);
    },
  };
  runDirectional(recorded, nodes, places, (i, up, down) => {
    detail.up[i] = new Map(up);
    if (down) detail.down[i] = new Map(down);
  });
  if (plan) viewingDetail(nodes, places, plan, recorderEnd, (x, direction, item) => merge(detail[direction][x]!, item, 1n));
  nodes.forEach((node, i) => {
    const viewers = node.segment.viewers;
    if (!viewers) return;
    const perStream = viewers.bitsPerSecond !== undefined ? wireRate(viewers.bitsPerSecond, node.overhead) : averageStream(i);
    const item: FlowItem = {
      kind: 'viewing',
      stream: 'main',
      from: { kind: 'head-end' },
      to: { kind: 'viewers', path: node.path, entry: -1 },
      streams: viewers.streams,
      bitsPerSecond: viewers.streams * perStream,
    };
    for (let x = i; x >= 0; x = nodes[x]!.parent) merge(detail.down[x]!, item, 1n);
  });
  return detail;
}

/** The average main stream below a segment, as the first form of "viewers" uses it. */
export function averageOf(dayLoad: bigint, cameras: bigint): bigint {
  return cameras === 0n ? 0n : ceilDiv(dayLoad, cameras);
}
