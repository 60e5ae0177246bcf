/**
 * The recorders table's disk columns (a recorder's "disks"): each unit's
 * array (disks, RAID level, hot spares), what it holds (TB as sold, TiB as an
 * OS shows), the days its units keep at the design rates, and what its disks
 * write and read. CSV and JSON carry the exact figures.
 */
import type { RecorderRow, Report } from '../../core/model/report.js';
import { formatScaled } from '../../core/numbers/rate.js';
import type { DiskPlan } from '../../core/sizing/disks.js';
import { bytesText, humanCount, storageText } from '../wording/quantities.js';
import { type Column, LAST_RESORT } from './column.js';

/** What these columns read of the recorders table's context (recorders.ts, which lists them). */
interface DiskContext {
  readonly report: Report;
}
import { bytesJson } from './json-values.js';

const shows = (c: DiskContext) => (c.report.recorders ?? []).some((r) => r.disks !== undefined);

/** "9 × 12 TB RAID 6 (1 hot spare)"; "2 × 12 TB RAID 1: too small" when no array of its level holds the retention. */
export function disksText(d: DiskPlan): string {
  const level = d.raid === 'none' ? 'no RAID' : `RAID ${d.raid}`;
  const spares = d.spares === 0n ? '' : ` (${d.spares === 1n ? '1 hot spare' : `${humanCount(d.spares)} hot spares`})`;
  return `${humanCount(d.totalDisks)} × ${bytesText(d.diskBytes)} ${level}${spares}${d.fits ? '' : ': too small'}`;
}

/** Bytes per second as exact MB/s (10^6 B/s): "19.75 MB/s". */
export function megabytesPerSecond(bytesPerSecond: bigint): string {
  return `${formatScaled(bytesPerSecond, 10n ** 6n, { group: true })} MB/s`;
}

function disksJson(d: DiskPlan) {
  return {
    raid: d.raid,
    disk: bytesJson(d.diskBytes),
    arrayDisks: d.arrayDisks.toString(),
    spares: d.spares.toString(),
    totalDisks: d.totalDisks.toString(),
    given: d.given,
    usable: bytesJson(d.usableBytes),
    ...(d.requiredBytes === undefined ? {} : { required: bytesJson(d.requiredBytes) }),
    daysFit: d.daysFit === undefined ? null : d.daysFit.toString(),
    writeBytesPerSecond: d.writeBytesPerSecond.toString(),
    playbackSessions: d.playbackSessions.toString(),
    readBytesPerSecond: d.readBytesPerSecond.toString(),
    fits: d.fits,
  };
}

export const DISK_COLUMNS: readonly Column<RecorderRow, DiskContext>[] = [
  {
    key: 'disks',
    human: {
      heading: () => 'Disks per unit',
      align: 'right',
      shows,
      cell: (r) => (r.disks ? { text: disksText(r.disks), ...(r.disks.fits ? {} : { tone: 'bad' as const }) } : ''),
      // Wraps first; left out only when names have wrapped as far as they can (the failure line still says a RAID 1 is too small).
      fit: { wraps: 'text', drops: LAST_RESORT },
    },
    csv: (r) => {
      const d = r.disks;
      if (!d) return {};
      return {
        raid: d.raid,
        disk_bytes: d.diskBytes.toString(),
        array_disks: d.arrayDisks.toString(),
        hot_spares: d.spares.toString(),
        disks: d.totalDisks.toString(),
        usable_bytes: d.usableBytes.toString(),
        days_fit: d.daysFit?.toString() ?? '',
        write_bytes_per_second: d.writeBytesPerSecond.toString(),
        read_bytes_per_second: d.readBytesPerSecond.toString(),
        ...(r.storage?.requiredBytes === undefined ? {} : { storage_required_bytes: r.storage.requiredBytes.toString() }),
      };
    },
    json: (r, out) => {
      if (r.disks) out.value('disks', disksJson(r.disks));
    },
  },
  {
    key: 'usable',
    human: {
      heading: () => 'Usable per unit',
      align: 'right',
      shows,
      cell: (r) => (r.disks ? storageText(r.disks.usableBytes) : ''),
      fit: { drops: 3 },
    },
  },
  {
    key: 'daysFit',
    human: {
      heading: () => 'Days fit',
      align: 'right',
      shows,
      fit: { drops: 5 },
      cell: (r) => (r.disks?.daysFit === undefined ? '' : `${humanCount(r.disks.daysFit)} d`),
    },
  },
  {
    key: 'write',
    human: {
      heading: () => 'Write / read',
      align: 'right',
      shows,
      fit: { drops: 4 },
      cell: (r) =>
        r.disks ? `${megabytesPerSecond(r.disks.writeBytesPerSecond)} / ${megabytesPerSecond(r.disks.readBytesPerSecond)}` : '',
    },
  },
];
