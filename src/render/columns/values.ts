/**
 * Values as CSV and the human formats carry them: CSV cells in base units
 * (b/s, bytes), the storage cells and the gauges. Their JSON shapes are
 * json-values.ts.
 */
import type { LinkStatus, StorageStatus } from '../../core/model/report.js';
import { bytesText } from '../wording/quantities.js';
import type { Cell, Gauge } from './column.js';
import { percentText } from '../../core/numbers/percent.js';
import { formatScaled } from '../../core/numbers/rate.js';
import type { CsvColumn } from './csv-layout.js';
import type { RenderOptions } from '../view.js';

export function linkCsv(link: LinkStatus | undefined): Partial<Record<CsvColumn, string>> {
  if (!link) return {};
  return {
    link_bps: link.capacityBitsPerSecond.toString(),
    max_utilization_pct: percentText(link.ceiling),
    usable_bps: link.usableBitsPerSecond.toString(),
    utilization_pct: link.utilizationBasisPoints === undefined ? '' : formatScaled(link.utilizationBasisPoints, 100n),
    headroom_bps: link.headroomBitsPerSecond.toString(),
    headroom_cameras: link.headroomCameras?.cameras.toString() ?? '',
    headroom_profile: link.headroomCameras?.profile.name ?? '',
  };
}

/** What a segment's retention needs; "no retention" where every camera recorded there is left out for want of one. */
export function storageCell(storage: StorageStatus | undefined, options: Pick<RenderOptions, 'precision'> = {}): string {
  if (!storage) return '';
  if (storage.bytes === 0n && storage.unretainedCameras !== undefined) return 'no retention';
  return bytesText(storage.bytes, options);
}

export function storageCsv(storage: StorageStatus | undefined): Partial<Record<CsvColumn, string>> {
  if (!storage) return {};
  return {
    storage_bytes: storage.bytes.toString(),
    storage_capacity_bytes: storage.capacityBytes?.toString() ?? '',
    unretained_cameras: storage.unretainedCameras?.toString() ?? '',
  };
}

/** The same over any checks' results (undefined: not checked). */
export function statusOf(results: readonly (boolean | undefined)[]): '' | 'ok' | 'over' {
  const checked = results.filter((fits): fits is boolean => fits !== undefined);
  return checked.length === 0 ? '' : checked.every((fits) => fits) ? 'ok' : 'over';
}

/** A link's bar: the load it is checked with, on its capacity, full at its ceiling. */
export function linkGauge(link: LinkStatus, loadBitsPerSecond: bigint): Gauge {
  return { value: loadBitsPerSecond, full: link.capacityBitsPerSecond, limit: link.usableBitsPerSecond, over: !link.fits };
}

/** Storage's bar: the bytes the retention needs, on the capacity. */
export function storageGauge(storage: StorageStatus, capacityBytes: bigint): Gauge {
  return { value: storage.requiredBytes ?? storage.bytes, full: capacityBytes, over: storage.fits === false };
}

/** A segment's storage capacity, with its bar (what the retention needs on it); empty without one. */
export function storageCapacityCell(storage: StorageStatus | undefined, options: Pick<RenderOptions, 'precision'> = {}): Cell | string {
  if (storage?.capacityBytes === undefined) return '';
  return { text: bytesText(storage.capacityBytes, options), gauge: storageGauge(storage, storage.capacityBytes) };
}
