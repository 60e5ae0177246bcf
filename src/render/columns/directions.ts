/**
 * The segment table's faces of the two directions of a link: Up and Down
 * loads (human tables show them when something flows down or a link is not
 * full duplex), each direction's check in CSV, and each direction (with its
 * flows, under --flows) in JSON.
 */
import type { DirectionLoad, FlowEnd, FlowItem, LinkStatus, SegmentRow } from '../../core/model/report.js';
import { formatScaled } from '../../core/numbers/rate.js';
import { humanRate, utilizationText } from '../wording/quantities.js';
import { type Cell, type Column, type Gauge, LAST_RESORT } from './column.js';
import type { CsvColumn } from './csv-layout.js';
import type { SegmentContext, ShownSegment } from './segment-context.js';
import type { JsonOut } from '../json-out.js';
import { rateMembers, writeLink, writeRate, writeTime } from './json-values.js';

const suffix = (c: SegmentContext) => (c.checkOn === undefined ? '' : c.checkOn === 'peak' ? ' peak' : ' avg.');

function loadColumn(direction: 'up' | 'down'): Column<ShownSegment, SegmentContext> {
  return {
    key: direction,
    human: {
      heading: (c) => (direction === 'up' ? 'Up' : 'Down') + suffix(c),
      align: 'right',
      shows: (c) => c.twoWay,
      cell: (s, c) => humanRate(s.row[direction].loadBitsPerSecond, c.options),
      // Last of all, after the utilisation (which a failing link keeps: it says by how much), Down before Up.
      fit: { drops: LAST_RESORT + (direction === 'up' ? 5 : 4) },
    },
    // Literal keys: an object with a computed key is slow to make and to copy (100,000 rows: bench/RESULTS.md).
    csv: (s) => {
      const bps = s.row[direction].loadBitsPerSecond.toString();
      return direction === 'up' ? { up_bps: bps } : { down_bps: bps };
    },
  };
}

export const UP_DOWN_COLUMNS = [loadColumn('up'), loadColumn('down')];

/** The arrow of a direction; ASCII tables (no UTF-8 locale, TERM=dumb, --ascii) spell it. */
export function arrow(direction: 'up' | 'down', options: { readonly ascii?: boolean }): string {
  if (options.ascii) return direction;
  return direction === 'up' ? '↑' : '↓';
}

/** "1 Gb/s", "100 Mb/s (auto)", "↑20 Mb/s ↓100 Mb/s" (ASCII: "up20 Mb/s down100 Mb/s" reads badly, so "up 20 Mb/s down 100 Mb/s"), "300 Mb/s shared". */
export function linkText(row: SegmentRow, options: SegmentContext['options']): string {
  if (!row.link) return '';
  if (row.linkKind === 'shared') return `${humanRate(row.link.capacityBitsPerSecond, options)} shared`;
  if (row.linkKind === 'asymmetric')
    return [
      `${arrow('up', options)}${options.ascii ? ' ' : ''}${humanRate(row.up.link!.capacityBitsPerSecond, options)}`,
      `${arrow('down', options)}${options.ascii ? ' ' : ''}${humanRate(row.down.link!.capacityBitsPerSecond, options)}`,
    ].join(' ');
  // An "auto" link is the speed camsize chose for it.
  return `${humanRate(row.link.capacityBitsPerSecond, options)}${row.linkAuto ? ' (auto)' : ''}`;
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
export function utilizationCell(row: SegmentRow, twoWay: boolean, options: SegmentContext['options']): Cell | string {
  if (!row.link) return '';
  const text =
    !twoWay || row.linkKind === 'shared'
      ? utilizationText(row.link, options)
      : `${utilizationText(row.up.link!, options)} / ${utilizationText(row.down.link!, options)}`;
  return { text, gauge: checkGauge(row.link) };
}

/** ok, or OVER with the directions that are over (↑ ↓) when the table shows both. */
export function statusCell(row: SegmentRow, twoWay: boolean, options: { readonly ascii?: boolean }): Cell | string {
  const checked = [row.link?.fits, row.storage?.fits, row.ports?.fits, row.poe?.fits].filter((f): f is boolean => f !== undefined);
  if (checked.length === 0) return '';
  if (checked.every((f) => f)) return { text: 'ok', tone: 'good' };
  const over = [row.up.link?.fits === false ? arrow('up', options) : '', row.down.link?.fits === false ? arrow('down', options) : '']
    .filter((a) => a !== '')
    .join(options.ascii ? ' ' : '');
  const onlyLink = row.storage?.fits !== false && row.ports?.fits !== false && row.poe?.fits !== false;
  const which = twoWay && row.linkKind !== 'shared' && onlyLink && over !== '' ? ` ${over}` : '';
  return { text: `OVER${which}`, tone: 'bad' };
}

/** A direction's check in CSV cells, added to `cells` (one object per row: bench/RESULTS.md, "Fleet file"). */
function addDirectionCsv(cells: Partial<Record<CsvColumn, string>>, prefix: 'up' | 'down', link: LinkStatus | undefined): void {
  if (!link) return;
  cells[`${prefix}_link_bps` as const] = link.capacityBitsPerSecond.toString();
  cells[`${prefix}_usable_bps` as const] = link.usableBitsPerSecond.toString();
  cells[`${prefix}_utilization_pct` as const] =
    link.utilizationBasisPoints === undefined ? '' : formatScaled(link.utilizationBasisPoints, 100n);
  cells[`${prefix}_headroom_bps` as const] = link.headroomBitsPerSecond.toString();
  cells[`${prefix}_status` as const] = link.fits ? 'ok' : 'over';
}

/** Where a flow starts or ends: a recorder, viewers (an entry of theirs), the head end or the cameras. */
export function endMembers(end: FlowEnd, out: JsonOut): void {
  if (end.kind === 'recorder') {
    out.string('recorder', end.name);
    out.strings('path', end.path);
  } else if (end.kind === 'viewers') {
    out.strings('viewers', end.path);
    if (end.entry >= 0) out.number('entry', end.entry);
  } else out.boolean(end.kind === 'head-end' ? 'headEnd' : 'cameras', true);
}

export function flowMembers(f: FlowItem, out: JsonOut): void {
  out.string('kind', f.kind);
  out.string('stream', f.stream);
  out.object('from');
  endMembers(f.from, out);
  out.end();
  out.object('to');
  endMembers(f.to, out);
  out.end();
  out.bigint('streams', f.streams);
  writeRate(out, 'load', f.bitsPerSecond);
  if (f.multicast) out.boolean('multicast', true);
}

/** A direction: its load, what of it is recorded and viewing, its check, its day and its flows. */
function directionMembers(d: DirectionLoad, out: JsonOut): void {
  writeRate(out, 'load', d.loadBitsPerSecond);
  out.object('recorded');
  rateMembers(d.recordedBitsPerSecond, out);
  out.bigint('cameras', d.recordedCameras);
  out.end();
  writeRate(out, 'viewing', d.viewingBitsPerSecond);
  if (d.link) writeLink(out, 'check', d.link);
  if (d.time) writeTime(out, 'time', d.time);
  if (d.flows) out.objects('flows', d.flows, flowMembers);
}

/** JSON and CSV only: each direction, after the row's other keys (JSON key order is part of the contract). */
export const DIRECTIONS_COLUMN: Column<ShownSegment, SegmentContext> = {
  key: 'directions',
  csv: (s) => {
    const cells: Partial<Record<CsvColumn, string>> = {};
    if (s.row.linkKind) cells.link_kind = s.row.linkKind;
    addDirectionCsv(cells, 'up', s.row.up.link);
    addDirectionCsv(cells, 'down', s.row.down.link);
    return cells;
  },
  json: (s, out) => {
    out.object('up');
    directionMembers(s.row.up, out);
    out.end();
    out.object('down');
    directionMembers(s.row.down, out);
    out.end();
  },
};
