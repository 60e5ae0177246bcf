/** The fleet total as the machine formats carry it: the CSV `total` row and the JSON `total` object. */
import type { Report } from '../../core/model/report.js';
import { percentText } from '../../core/numbers/percent.js';
import type { Column } from './column.js';
import { bytesJson, linkCsv, linkJson, rateJson, storageCsv, statusOf, storageJson, timeJson } from './values.js';

export const TOTAL_COLUMNS: readonly Column<Report, unknown>[] = [
  {
    key: 'cameras',
    csv: (r) => ({ cameras: r.total.cameras.toString() }),
    json: (r) => ({ cameras: r.total.cameras.toString() }),
  },
  {
    key: 'viewing',
    csv: (r) => ({ viewing_bps: r.total.viewingBitsPerSecond.toString() }),
    json: (r) => ({ viewing: rateJson(r.total.viewingBitsPerSecond) }),
  },
  {
    key: 'load',
    csv: (r) => ({ load_bps: r.total.loadBitsPerSecond.toString() }),
    json: (r) => ({ load: rateJson(r.total.loadBitsPerSecond) }),
  },
  {
    key: 'check',
    csv: (r) => linkCsv(r.totalCheck),
    json: (r) => (r.totalCheck ? { check: linkJson(r.totalCheck) } : {}),
  },
  {
    key: 'storage',
    csv: (r) => storageCsv(r.total.storage),
    json: (r) => (r.total.storage ? { storage: storageJson(r.total.storage) } : {}),
  },
  {
    // --storage-capacity without a retention: how long it keeps.
    key: 'keeps',
    csv: (r) =>
      r.total.keeps
        ? {
            storage_capacity_bytes: r.total.keeps.capacityBytes.toString(),
            retention_seconds: r.total.keeps.retentionSeconds?.toString() ?? '',
          }
        : {},
    json: (r) =>
      r.total.keeps
        ? {
            keeps: {
              capacity: bytesJson(r.total.keeps.capacityBytes),
              retentionSeconds: r.total.keeps.retentionSeconds === undefined ? null : r.total.keeps.retentionSeconds.toString(),
            },
          }
        : {},
  },
  {
    key: 'status',
    csv: (r) => ({
      // The checks of the whole fleet: --capacity, --storage-capacity, and how many fit (drift has its own rows).
      status: [
        statusOf(r.checks.filter((c) => c.kind === 'total' || c.kind === 'total-storage' || c.kind === 'how-many').map((c) => c.fits)),
        r.partial ? `partial: ${r.partial.skippedRecords} records skipped` : '',
      ]
        .filter((part) => part !== '')
        .join('; '),
    }),
  },
  {
    // What the figures include: --growth (and segments' growth), --storage-headroom.
    key: 'design',
    csv: (r) => {
      const growth = r.settings.growth;
      const headroom = r.settings.storage?.headroom;
      return {
        ...(growth ? { growth_pct: growth.used.map(percentText).join(';'), added_cameras: growth.addedCameras.toString() } : {}),
        ...(headroom ? { storage_headroom_pct: percentText(headroom) } : {}),
      };
    },
  },
  { key: 'time', json: (r) => (r.total.time ? { time: timeJson(r.total.time) } : {}) },
  {
    key: 'percentile',
    json: (r) => {
      const p = r.total.percentile;
      return p ? { percentile: { ...rateJson(p.bitsPerSecond), mean: p.mean, sigma: p.sigma, hour: p.hour, approximate: true } } : {};
    },
  },
  {
    key: 'recordedInFleet',
    json: (r) =>
      r.total.recordedInFleetBitsPerSecond === undefined ? {} : { recordedInFleet: rateJson(r.total.recordedInFleetBitsPerSecond) },
  },
];
