/**
 * The segment table's faces of the two directions of a link: Up and Down
 * loads (human tables show them when something flows down or a link is not
 * full duplex), each direction's check in CSV, and each direction (with its
 * flows, under --flows) in JSON.
 */
import type { DirectionLoad, FlowEnd, FlowItem, LinkStatus, SegmentRow } from '../../core/model/report.js';
import { formatScaled } from '../../core/numbers/rate.js';
import { humanRate, utilizationText } from '../wording/quantities.js';
import type { Cell, Column, Gauge } from './column.js';
import type { CsvColumn } from './csv-layout.js';
import type { SegmentContext, ShownSegment } from './segments.js';
import { linkJson, rateJson, timeJson } from './values.js';

const suffix = (c: SegmentContext) => (c.checkOn === undefined ? '' : c.checkOn === 'peak' ? ' peak' : ' avg.');

function loadColumn(direction: 'up' | 'down'): Column<ShownSegment, SegmentContext> {
  return {
    key: direction,
    human: {
      heading: (c) => (direction === 'up' ? 'Up' : 'Down') + suffix(c),
      align: 'right',
      shows: (c) => c.twoWay,
      cell: (s, c) => humanRate(s.row[direction].loadBitsPerSecond, c.options),
    },
    csv: (s) => ({ [`${direction}_bps`]: s.row[direction].loadBitsPerSecond.toString() }),
  };
}

export const UP_DOWN_COLUMNS = [loadColumn('up'), loadColumn('down')];

/** The arrow of a direction; ASCII tables (no UTF-8 locale, TERM=dumb, --ascii) spell it. */
export function arrow(direction: 'up' | 'down', options: { readonly ascii?: boolean }): string {
  if (options.ascii) return direction;
  return direction === 'up' ? '↑' : '↓';
}

/** "1 Gb/s", "↑20 Mb/s ↓100 Mb/s" (ASCII: "up20 Mb/s down100 Mb/s" reads badly, so "up 20 Mb/s down 100 Mb/s"), "300 Mb/s shared". */
export function linkText(row: SegmentRow, options: SegmentContext['options']): string {
  if (!row.link) return '';
  if (row.linkKind === 'shared') return `${humanRate(row.link.capacityBitsPerSecond, options)} shared`;
  if (row.linkKind === 'asymmetric')
    return [
      `${arrow('up', options)}${options.ascii ? ' ' : ''}${humanRate(row.up.link!.capacityBitsPerSecond, options)}`,
      `${arrow('down', options)}${options.ascii ? ' ' : ''}${humanRate(row.down.link!.capacityBitsPerSecond, options)}`,
    ].join(' ');
  return humanRate(row.link.capacityBitsPerSecond, options);
}

/** A check's bar: the load it checked (usable − headroom) on the capacity, full at the ceiling. */
function checkGauge(link: LinkStatus): Gauge {
  return {
    value: link.usableBitsPerSecond - link.headroomBitsPerSecond,
    full: link.capacityBitsPerSecond,
    limit: link.usableBitsPerSecond,
    over: !link.fits,
  };
}

/**
 * Utilisation of each direction ("12.3 % / 0.4 %"), or of the shared
 * capacity; the bar is the row's check (the fuller direction).
 */
export function utilizationCell(row: SegmentRow, twoWay: boolean): Cell | string {
  if (!row.link) return '';
  const text =
    !twoWay || row.linkKind === 'shared'
      ? utilizationText(row.link)
      : `${utilizationText(row.up.link!)} / ${utilizationText(row.down.link!)}`;
  return { text, gauge: checkGauge(row.link) };
}

/** ok, or OVER with the directions that are over (↑ ↓) when the table shows both. */
export function statusCell(row: SegmentRow, twoWay: boolean, options: { readonly ascii?: boolean }): Cell | string {
  const checked = [row.link?.fits, row.storage?.fits].filter((f): f is boolean => f !== undefined);
  if (checked.length === 0) return '';
  if (checked.every((f) => f)) return { text: 'ok', tone: 'good' };
  const over = [row.up.link?.fits === false ? arrow('up', options) : '', row.down.link?.fits === false ? arrow('down', options) : '']
    .filter((a) => a !== '')
    .join(options.ascii ? ' ' : '');
  const which = twoWay && row.linkKind !== 'shared' && row.storage?.fits !== false && over !== '' ? ` ${over}` : '';
  return { text: `OVER${which}`, tone: 'bad' };
}

function directionCsv(prefix: 'up' | 'down', link: LinkStatus | undefined): Partial<Record<CsvColumn, string>> {
  if (!link) return {};
  return {
    [`${prefix}_link_bps`]: link.capacityBitsPerSecond.toString(),
    [`${prefix}_usable_bps`]: link.usableBitsPerSecond.toString(),
    [`${prefix}_utilization_pct`]: link.utilizationBasisPoints === undefined ? '' : formatScaled(link.utilizationBasisPoints, 100n),
    [`${prefix}_headroom_bps`]: link.headroomBitsPerSecond.toString(),
    [`${prefix}_status`]: link.fits ? 'ok' : 'over',
  };
}

export function endJson(end: FlowEnd) {
  return end.kind === 'recorder'
    ? { recorder: end.name, path: end.path }
    : end.kind === 'viewers'
      ? { viewers: end.path, ...(end.entry >= 0 ? { entry: end.entry } : {}) }
      : { [end.kind === 'head-end' ? 'headEnd' : 'cameras']: true };
}

export function flowJson(f: FlowItem) {
  return {
    kind: f.kind,
    stream: f.stream,
    from: endJson(f.from),
    to: endJson(f.to),
    streams: f.streams.toString(),
    load: rateJson(f.bitsPerSecond),
    ...(f.multicast ? { multicast: true } : {}),
  };
}

function directionJson(d: DirectionLoad) {
  return {
    load: rateJson(d.loadBitsPerSecond),
    recorded: { ...rateJson(d.recordedBitsPerSecond), cameras: d.recordedCameras.toString() },
    viewing: rateJson(d.viewingBitsPerSecond),
    ...(d.link ? { check: linkJson(d.link) } : {}),
    ...(d.time ? { time: timeJson(d.time) } : {}),
    ...(d.flows ? { flows: d.flows.map(flowJson) } : {}),
  };
}

/** JSON and CSV only: each direction, after the row's other keys (JSON key order is part of the contract). */
export const DIRECTIONS_COLUMN: Column<ShownSegment, SegmentContext> = {
  key: 'directions',
  csv: (s) => ({
    ...(s.row.linkKind ? { link_kind: s.row.linkKind } : {}),
    ...directionCsv('up', s.row.up.link),
    ...directionCsv('down', s.row.down.link),
  }),
  json: (s) => ({ up: directionJson(s.row.up), down: directionJson(s.row.down) }),
};
