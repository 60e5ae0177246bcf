/**
 * The figures `camsize diff` compares, read off one report row: a segment's
 * cameras, storage, ports and PoE; each direction of its link; a recorder's
 * ingest, storage, units and disks; the fleet total. Each is the report's
 * exact value with its unit; a figure a row does not have is left out.
 */
import type { FigureUnit } from '../model/diff-report.js';
import type { LinkStatus, RecorderRow, Report, SegmentRow, StorageStatus } from '../model/report.js';

export type Figures = Map<string, { readonly unit: FigureUnit; readonly value: bigint }>;

function put(into: Figures, name: string, unit: FigureUnit, value: bigint | undefined): void {
  if (value !== undefined) into.set(name, { unit, value });
}

function storageFigures(into: Figures, s: StorageStatus | undefined): void {
  if (!s) return;
  put(into, 'storage', 'B', s.bytes);
  put(into, 'storage with headroom', 'B', s.requiredBytes);
  put(into, 'storage capacity', 'B', s.capacityBytes);
}

/** A segment's own figures; its load too when it has no link (a linked segment's load is in its direction rows). */
export function segmentFigures(row: SegmentRow, linked: boolean): Figures {
  const f: Figures = new Map();
  put(f, 'cameras', 'count', row.cameras);
  if (!linked) put(f, 'load', 'b/s', row.loadBitsPerSecond);
  storageFigures(f, row.storage);
  put(f, 'ports used', 'count', row.ports?.used);
  put(f, 'ports', 'count', row.ports?.ports);
  put(f, 'PoE draw', 'mW', row.poe?.drawMilliwatts);
  put(f, 'PoE budget', 'mW', row.poe?.budgetMilliwatts);
  return f;
}

/** The directions a segment's link is checked in: up and down, or its shared capacity; none without a link. */
export function linkDirections(row: SegmentRow): Array<'up' | 'down' | 'shared'> {
  if (!row.link) return [];
  return row.linkKind === 'shared' ? ['shared'] : ['up', 'down'];
}

/** One direction of a segment's link: its load and how it sits on the link. */
export function linkFigures(row: SegmentRow, direction: 'up' | 'down' | 'shared'): Figures {
  const f: Figures = new Map();
  const link: LinkStatus | undefined = direction === 'shared' ? row.link : row[direction].link;
  put(f, 'load', 'b/s', direction === 'shared' ? row.loadBitsPerSecond : row[direction].loadBitsPerSecond);
  if (link) {
    put(f, 'capacity', 'b/s', link.capacityBitsPerSecond);
    put(f, 'utilization', 'bp', link.utilizationBasisPoints);
    put(f, 'headroom', 'b/s', link.headroomBitsPerSecond);
    put(f, 'headroom cameras', 'count', link.headroomCameras?.cameras);
  }
  const s = row.linkSuggestion;
  if (s) put(f, 'suggested speed', 'b/s', direction === 'shared' ? s.shared : s[direction]);
  return f;
}

export function recorderFigures(r: RecorderRow): Figures {
  const f: Figures = new Map();
  put(f, 'cameras', 'count', r.cameras);
  put(f, 'ingest', 'b/s', r.ingestBitsPerSecond);
  put(f, 'ingest utilization', 'bp', r.ingest?.utilizationBasisPoints);
  storageFigures(f, r.storage);
  put(f, 'units', 'count', r.units);
  const d = r.disks;
  if (d) {
    put(f, 'disks per unit', 'count', d.totalDisks);
    put(f, 'usable per unit', 'B', d.usableBytes);
    put(f, 'days fit', 'count', d.daysFit);
  }
  return f;
}

export function totalFigures(report: Report): Figures {
  const f: Figures = new Map();
  put(f, 'cameras', 'count', report.total.cameras);
  put(f, 'load', 'b/s', report.total.loadBitsPerSecond);
  storageFigures(f, report.total.storage);
  return f;
}
