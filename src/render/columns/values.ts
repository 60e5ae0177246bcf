/**
 * Exact values as the machine formats carry them: decimal strings in base
 * units (b/s, bytes), with convenience numbers (Mb/s, TB) that may round.
 */
import type { LinkStatus, SegmentTime, StorageStatus } from '../../core/model/report.js';
import { bytesText } from '../wording/quantities.js';
import type { Cell, Gauge } from './column.js';
import { percentText } from '../../core/numbers/percent.js';
import { formatScaled, toMbpsNumber } from '../../core/numbers/rate.js';
import { HOURS, isNight } from '../../core/sizing/time.js';
import type { CsvColumn } from './csv-layout.js';
import type { RenderOptions } from '../view.js';
import { inlineJson } from '../json-inline.js';

export function rateJson(bps: bigint): { bitsPerSecond: string; mbps: number } {
  return { bitsPerSecond: bps.toString(), mbps: toMbpsNumber(bps) };
}

/** Bytes as an exact decimal string, with TB and TiB conveniences. */
export function bytesJson(bytes: bigint): { bytes: string; tb: number; tib: number } {
  return {
    bytes: bytes.toString(),
    tb: Number(formatScaled(bytes, 10n ** 12n, { precision: 6 }).replace('~', '')),
    tib: Number(formatScaled(bytes, 2n ** 40n, { precision: 6 }).replace('~', '')),
  };
}

/**
 * A link's check as JSON, as one object literal per shape (with or without
 * headroomCameras): neither spread nor grown key by key, because this runs
 * two or three times per segment and both cost a large report as much as
 * stringifying it (bench/RESULTS.md, "Fleet file"). Key order is the contract.
 */
export function linkJson(link: LinkStatus) {
  const capacity = rateJson(link.capacityBitsPerSecond);
  const maxUtilizationPercent = Number(percentText(link.ceiling));
  const usable = rateJson(link.usableBitsPerSecond);
  const utilizationPercent = link.utilizationBasisPoints === undefined ? null : Number(formatScaled(link.utilizationBasisPoints, 100n));
  const headroom = rateJson(link.headroomBitsPerSecond);
  const fits = link.fits;
  const cameras = link.headroomCameras;
  if (!cameras) return { capacity, maxUtilizationPercent, usable, utilizationPercent, headroom, fits };
  const headroomCameras = {
    profile: cameras.profile.name,
    cameras: cameras.cameras.toString(),
    perCamera: rateJson(cameras.perCameraBitsPerSecond),
  };
  return { capacity, maxUtilizationPercent, usable, utilizationPercent, headroom, headroomCameras, fits };
}

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

export function storageJson(storage: StorageStatus) {
  return {
    needed: bytesJson(storage.bytes),
    ...(storage.requiredBytes === undefined ? {} : { required: bytesJson(storage.requiredBytes) }),
    ...(storage.capacityBytes === undefined ? {} : { capacity: bytesJson(storage.capacityBytes), fits: storage.fits }),
    ...(storage.unretainedCameras === undefined ? {} : { unretainedCameras: storage.unretainedCameras.toString() }),
  };
}

export function storageCsv(storage: StorageStatus | undefined): Partial<Record<CsvColumn, string>> {
  if (!storage) return {};
  return {
    storage_bytes: storage.bytes.toString(),
    storage_capacity_bytes: storage.capacityBytes?.toString() ?? '',
    unretained_cameras: storage.unretainedCameras?.toString() ?? '',
  };
}

/**
 * A segment's load over the day, with its 24 hours (hour 0 first): which are
 * night, the mean and the peak in each. The arrays are written on one line
 * each (see inlineJson), so a report of many segments stays readable and small.
 */
export function timeJson(t: SegmentTime) {
  const hours = Array.from({ length: HOURS }, (_, h) => h);
  return {
    average: rateJson(t.averageBitsPerSecond),
    busiestHour: t.busiestHour,
    busiestHourAverage: rateJson(t.busiestHourBitsPerSecond),
    peak: rateJson(t.peakBitsPerSecond),
    peakHour: t.peakHour,
    hourly: {
      night: inlineJson(hours.map((h) => isNight(t.schedule, h))),
      averageBitsPerSecond: inlineJson(t.hourlyAverageBitsPerSecond.map(String)),
      peakBitsPerSecond: inlineJson(t.hourlyPeakBitsPerSecond.map(String)),
    },
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
