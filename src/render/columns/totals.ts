/** The fleet total as the machine formats carry it: the CSV `total` row and the JSON `total` object. */
import type { EstimateAt } from '../../core/model/fleet.js';
import type { EstimatedPart, RangeTotal, Report } from '../../core/model/report.js';
import { percentText } from '../../core/numbers/percent.js';
import type { Column } from './column.js';
import type { CsvColumn } from './csv-layout.js';
import { linkCsv, storageCsv, statusOf } from './values.js';
import { bytesJson, rateJson, storageMembers, writeLink, writeRate, writeTime } from './json-values.js';
import { fields } from '../json-out.js';

export const TOTAL_COLUMNS: readonly Column<Report, unknown>[] = [
  {
    key: 'cameras',
    csv: (r) => ({ cameras: r.total.cameras.toString() }),
    json: (r, out) => out.bigint('cameras', r.total.cameras),
  },
  {
    key: 'viewing',
    csv: (r) => ({ viewing_bps: r.total.viewingBitsPerSecond.toString() }),
    json: (r, out) => writeRate(out, 'viewing', r.total.viewingBitsPerSecond),
  },
  {
    key: 'load',
    csv: (r) => ({ load_bps: r.total.loadBitsPerSecond.toString() }),
    // loadFigure: which figure `load` is: the peak, the daily average (--check-on average), or one constant rate per camera.
    json: (r, out) => {
      writeRate(out, 'load', r.total.loadBitsPerSecond);
      out.string('loadFigure', r.settings.time ? r.settings.time.checkOn : 'rate');
    },
  },
  {
    key: 'check',
    csv: (r) => linkCsv(r.totalCheck),
    json: (r, out) => {
      if (r.totalCheck) writeLink(out, 'check', r.totalCheck);
    },
  },
  {
    key: 'storage',
    csv: (r) => storageCsv(r.total.storage),
    json: (r, out) => {
      if (!r.total.storage) return;
      out.object('storage');
      storageMembers(r.total.storage, out);
      out.end();
    },
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
    json: fields((r) =>
      r.total.keeps
        ? {
            keeps: {
              capacity: bytesJson(r.total.keeps.capacityBytes),
              retentionSeconds: r.total.keeps.retentionSeconds === undefined ? null : r.total.keeps.retentionSeconds.toString(),
            },
          }
        : {},
    ),
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
  {
    key: 'time',
    json: (r, out) => {
      if (r.total.time) writeTime(out, 'time', r.total.time);
    },
  },
  {
    key: 'percentile',
    json: fields((r) => {
      const p = r.total.percentile;
      return p ? { percentile: { ...rateJson(p.bitsPerSecond), mean: p.mean, sigma: p.sigma, hour: p.hour, approximate: true } } : {};
    }),
  },
  {
    key: 'profileSums',
    json: fields((r) => {
      const f = r.total.profilesFigures;
      return f ? { profileSums: { peak: rateJson(f.peakLoadBitsPerSecond), average: rateJson(f.averageLoadBitsPerSecond) } } : {};
    }),
  },
  { key: 'estimated', json: fields((r) => (r.total.estimated ? { estimated: estimatedJson(r.total.estimated) } : {})) },
  {
    key: 'recordedInFleet',
    json: (r, out) => {
      if (r.total.recordedInFleetBitsPerSecond !== undefined) writeRate(out, 'recordedInFleet', r.total.recordedInFleetBitsPerSecond);
    },
  },
];

/** The estimated part: cameras, and each figure (and storage) at the ends and centre of the ranges, with the point sizing used. */
function estimatedJson(e: EstimatedPart) {
  const rates = (t: RangeTotal, used: EstimateAt) => ({ low: rateJson(t.low), mid: rateJson(t.mid), high: rateJson(t.high), used });
  return {
    cameras: e.cameras.toString(),
    coverage: e.coverage,
    peak: rates(e.peak, e.peakAt),
    average: rates(e.average, e.averageAt),
    ...(e.storage
      ? { storage: { low: bytesJson(e.storage.low), mid: bytesJson(e.storage.mid), high: bytesJson(e.storage.high), used: e.averageAt } }
      : {}),
  };
}

/** The CSV `estimated` rows: the estimated part at each point of the ranges, and what sizing used that point for. */
export function estimatedCsvRows(e: EstimatedPart): Array<Partial<Record<CsvColumn, string>>> {
  return (['low', 'mid', 'high'] as const).map((point) => ({
    section: 'estimated',
    range_point: point,
    range_coverage_pct: String(Math.round(e.coverage * 100)),
    cameras: e.cameras.toString(),
    peak_bps: e.peak[point].toString(),
    average_bps: e.average[point].toString(),
    ...(e.storage ? { storage_bytes: e.storage[point].toString() } : {}),
    sized_at: [e.peakAt === point ? 'links' : '', e.averageAt === point ? 'storage' : ''].filter((x) => x !== '').join(' and '),
  }));
}
