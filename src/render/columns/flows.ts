/**
 * The flows table (--flows): for each shown segment's link and direction,
 * the flows that cross it, heaviest first: recorded streams per recorder,
 * each viewer entry's streams, relays of streams a recorder does not record.
 */
import type { Direction, FlowEnd, FlowItem, Report } from '../../core/model/report.js';
import type { RenderOptions } from '../view.js';
import { humanCount, humanRate } from '../wording/quantities.js';
import { pathText } from '../wording/sentences.js';
import type { Column } from './column.js';
import { arrow } from './directions.js';

/** One flow on one link. */
export interface FlowLine {
  readonly path: readonly string[];
  readonly name: string;
  readonly direction: Direction;
  readonly flow: FlowItem;
}

export interface FlowContext {
  readonly report: Report;
  readonly options: RenderOptions;
}

/** "nvr-a (site-a)", "the head end", "cameras", "viewers at hq/control-room". */
export function endText(report: Report, end: FlowEnd): string {
  switch (end.kind) {
    case 'head-end':
      return 'the head end';
    case 'cameras':
      return 'cameras';
    case 'recorder':
      return `${end.name} (${pathText(report, end.path)})`;
    case 'viewers':
      return `viewers at ${pathText(report, end.path)}${end.entry >= 0 ? ` [${end.entry}]` : ''}`;
  }
}

/** "recorded main → nvr-hq (hq)", "viewing sub nvr-a (site-a) → viewers at hq/control-room [0], multicast". */
export function flowText(report: Report, f: FlowItem, options: { readonly ascii?: boolean } = {}): string {
  const what = f.kind === 'relay' ? `relay ${f.stream}` : `${f.kind} ${f.stream}`;
  const to = options.ascii ? '->' : '→';
  return `${what}: ${endText(report, f.from)} ${to} ${endText(report, f.to)}${f.multicast ? ', multicast' : ''}`;
}

export const FLOW_COLUMNS: readonly Column<FlowLine, FlowContext>[] = [
  {
    key: 'segment',
    human: { heading: () => 'Segment', align: 'left', cell: (l) => l.name, fit: { wraps: 'name' } },
    csv: (l) => ({ segment: l.path.join('/') }),
  },
  {
    key: 'direction',
    human: {
      heading: () => 'Dir.',
      align: 'left',
      cell: (l, c) => (c.options.ascii ? l.direction : `${arrow(l.direction, c.options)} ${l.direction}`),
    },
    csv: (l) => ({ direction: l.direction }),
  },
  {
    key: 'flow',
    human: { heading: () => 'Flow', align: 'left', cell: (l, c) => flowText(c.report, l.flow, c.options), fit: { wraps: 'text' } },
    csv: (l) => ({
      flow: l.flow.kind,
      stream: l.flow.stream,
      source: endKeyText(l.flow.from),
      destination: endKeyText(l.flow.to),
      multicast: l.flow.multicast ? 'true' : 'false',
    }),
  },
  {
    key: 'streams',
    human: { heading: () => 'Streams', align: 'right', cell: (l) => humanCount(l.flow.streams) },
    csv: (l) => ({ streams: l.flow.streams.toString() }),
  },
  {
    key: 'load',
    human: { heading: () => 'Load', align: 'right', cell: (l, c) => humanRate(l.flow.bitsPerSecond, c.options) },
    csv: (l) => ({ load_bps: l.flow.bitsPerSecond.toString() }),
  },
];

/** An end as a CSV field: "recorder:nvr-a", "viewers:hq/control-room#0", "head-end", "cameras". */
function endKeyText(end: FlowEnd): string {
  if (end.kind === 'recorder') return `recorder:${end.name}`;
  if (end.kind === 'viewers') return `viewers:${end.path.join('/')}${end.entry >= 0 ? `#${end.entry}` : ''}`;
  return end.kind;
}

/** Every flow of the given segment rows, up then down, as lines. */
export function flowLines(rows: ReadonlyArray<{ row: Report['segments'][number]; name: string }>): FlowLine[] {
  return rows.flatMap(({ row, name }) =>
    (['up', 'down'] as const).flatMap((direction) =>
      (row[direction].flows ?? []).map((flow) => ({ path: row.path, name, direction, flow })),
    ),
  );
}
