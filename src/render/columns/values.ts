/**
 * Exact values as the machine formats carry them: decimal strings in base
 * units (b/s, bytes), with convenience numbers (Mb/s, TB) that may round.
 */
import type { LinkStatus, SegmentTime, StorageStatus } from '../../core/model/report.js';
import { percentText } from '../../core/numbers/percent.js';
import { formatScaled, toMbpsNumber } from '../../core/numbers/rate.js';
import type { CsvColumn } from './csv-layout.js';

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

export function linkJson(link: LinkStatus) {
  return {
    capacity: rateJson(link.capacityBitsPerSecond),
    maxUtilizationPercent: Number(percentText(link.ceiling)),
    usable: rateJson(link.usableBitsPerSecond),
    utilizationPercent: link.utilizationBasisPoints === undefined ? null : Number(formatScaled(link.utilizationBasisPoints, 100n)),
    headroom: rateJson(link.headroomBitsPerSecond),
    ...(link.headroomCameras
      ? {
          headroomCameras: {
            profile: link.headroomCameras.profile.name,
            cameras: link.headroomCameras.cameras.toString(),
            perCamera: rateJson(link.headroomCameras.perCameraBitsPerSecond),
          },
        }
      : {}),
    fits: link.fits,
  };
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

export function storageJson(storage: StorageStatus) {
  return {
    needed: bytesJson(storage.bytes),
    ...(storage.capacityBytes === undefined ? {} : { capacity: bytesJson(storage.capacityBytes), fits: storage.fits }),
  };
}

export function storageCsv(storage: StorageStatus | undefined): Partial<Record<CsvColumn, string>> {
  if (!storage) return {};
  return { storage_bytes: storage.bytes.toString(), storage_capacity_bytes: storage.capacityBytes?.toString() ?? '' };
}

export function timeJson(t: SegmentTime) {
  return {
    average: rateJson(t.averageBitsPerSecond),
    busiestHour: t.busiestHour,
    busiestHourAverage: rateJson(t.busiestHourBitsPerSecond),
    peak: rateJson(t.peakBitsPerSecond),
    peakHour: t.peakHour,
  };
}

/** 'over' if the link or the storage is over, 'ok' if what was checked fits, '' if nothing was. */
export function checkStatus(link: LinkStatus | undefined, storage: StorageStatus | undefined): '' | 'ok' | 'over' {
  const checks = [link?.fits, storage?.fits].filter((fits): fits is boolean => fits !== undefined);
  return checks.length === 0 ? '' : checks.every((fits) => fits) ? 'ok' : 'over';
}
