/**
 * The recorders table's columns: one row per recorder in tree order, then
 * the head end (what is recorded beyond the root's link). Ingest is on the
 * wire (as the checks count it), storage for the cameras' retention, or how
 * long the storage keeps when they have none.
 */
import type { RecorderRow, Report } from '../../core/model/report.js';
import { formatScaled } from '../../core/numbers/rate.js';
import type { RenderOptions } from '../view.js';
import { bytesText, humanCount, humanRate, keepsText, utilizationText } from '../wording/quantities.js';
import { pathText } from '../wording/sentences.js';
import { type Cell, type Column, type Gauge, LAST_RESORT } from './column.js';
import { statusOf, storageGauge } from './values.js';
import { rateMembers, storageMembers, writeBytes, writeLink, writeRate } from './json-values.js';
import { DISK_COLUMNS } from './disks.js';

export interface RecorderContext {
  readonly report: Report;
  readonly options: RenderOptions;
  /** Some recorder answers how long its storage keeps: a Keeps column shows. */
  readonly keeps: boolean;
}

export function recorderContext(report: Report, options: RenderOptions): RecorderContext {
  return { report, options, keeps: (report.recorders ?? []).some((r) => r.keeps !== undefined) };
}

const capacityOf = (r: RecorderRow) => r.storage?.capacityBytes ?? r.keeps?.capacityBytes;
/** Over on ingest or storage (a check made: not with units "auto", which sizes them to fit). */
const ingestOver = (r: RecorderRow) => !r.unitsAuto && r.ingest?.fits === false;
const storageOver = (r: RecorderRow) => !r.unitsAuto && r.storage?.fits === false;
const status = (r: RecorderRow) =>
  statusOf([
    r.unitsAuto ? undefined : r.ingest?.fits,
    r.unitsAuto ? undefined : r.storage?.fits,
    r.disks?.fits === false ? false : undefined,
  ]);

/** The ingest's bar: what arrives on units × ingest, full at the ceiling. */
function ingestGauge(r: RecorderRow): Gauge {
  const ingest = r.ingest!;
  return { value: r.ingestBitsPerSecond, full: ingest.capacityBitsPerSecond, limit: ingest.usableBitsPerSecond, over: !ingest.fits };
}

/** The storage capacity, with its bar (what the retention needs on it) when one is sized. */
function storageCell(r: RecorderRow, options: RenderOptions): Cell | string {
  const capacity = capacityOf(r);
  if (capacity === undefined) return '';
  return r.storage ? { text: bytesText(capacity, options), gauge: storageGauge(r.storage, capacity) } : bytesText(capacity, options);
}

export const RECORDER_COLUMNS: readonly Column<RecorderRow, RecorderContext>[] = [
  {
    key: 'recorder',
    human: {
      heading: () => 'Recorder',
      align: 'left',
      cell: (r) => (r.headEnd ? r.name : { text: r.name, style: 'code' }),
      fit: { wraps: 'name' },
    },
    csv: (r) => ({ recorder: r.name }),
    json: (r, out) => {
      out.string('name', r.name);
      if (r.headEnd) out.boolean('headEnd', true);
    },
  },
  {
    key: 'segment',
    human: {
      heading: () => 'Segment',
      align: 'left',
      cell: (r, c) => (r.headEnd ? 'beyond the root' : pathText(c.report, r.path)),
      // Context, not a figure: left out before a figure that explains a status would have to break.
      fit: { wraps: 'name', drops: 3 },
    },
    csv: (r) => ({ segment: r.headEnd ? '' : r.path.join('/') }),
    json: (r, out) => (r.headEnd ? out.string('path', null) : out.strings('path', r.path)),
  },
  {
    key: 'cameras',
    human: { heading: () => 'Cameras', align: 'right', cell: (r) => humanCount(r.cameras), fit: { drops: LAST_RESORT } },
    csv: (r) => ({ cameras: r.cameras.toString() }),
    json: (r, out) => out.bigint('cameras', r.cameras),
  },
  {
    key: 'ingest',
    human: {
      heading: () => 'Ingest',
      align: 'right',
      cell: (r, c) => humanRate(r.ingestBitsPerSecond, c.options),
      // The very last to go, after Cameras: Usable ingest still says how full each recorder is ("140 Mb/s (73.99 %)").
      fit: { drops: LAST_RESORT + 1 },
    },
    csv: (r) => ({
      load_bps: r.ingestBitsPerSecond.toString(),
      ...(r.ingest
        ? {
            ingest_capacity_bps: r.ingest.capacityBitsPerSecond.toString(),
            usable_bps: r.ingest.usableBitsPerSecond.toString(),
            utilization_pct: r.ingest.utilizationBasisPoints === undefined ? '' : formatScaled(r.ingest.utilizationBasisPoints, 100n),
            headroom_bps: r.ingest.headroomBitsPerSecond.toString(),
          }
        : {}),
    }),
    json: (r, out) => {
      out.object('ingest');
      rateMembers(r.ingestBitsPerSecond, out);
      if (r.ingestPerUnitBitsPerSecond !== undefined) writeRate(out, 'perUnit', r.ingestPerUnitBitsPerSecond);
      if (r.ingest) writeLink(out, 'check', r.ingest);
      out.end();
    },
  },
  {
    key: 'usable',
    human: {
      heading: () => 'Usable ingest',
      align: 'right',
      cell: (r, c) =>
        r.ingest
          ? {
              text: `${humanRate(r.ingest.usableBitsPerSecond, c.options)} (${utilizationText(r.ingest, c.options)})`,
              gauge: ingestGauge(r),
            }
          : '',
      // "280 Mb/s" over "(73.99 %)" where the terminal is narrow (a figure with its unit never breaks).
      fit: { wraps: 'text', drops: 2 },
      explains: (r) => ingestOver(r),
    },
  },
  {
    key: 'storage',
    human: {
      heading: () => 'Storage',
      align: 'right',
      shows: (c) => (c.report.recorders ?? []).some((r) => r.storage !== undefined),
      cell: (r, c) => (r.storage ? bytesText(r.storage.bytes, c.options) : ''),
      fit: { drops: 4 },
      explains: (r) => storageOver(r),
    },
    csv: (r) => ({
      ...(r.storage ? { storage_bytes: r.storage.bytes.toString() } : {}),
      ...(capacityOf(r) === undefined ? {} : { storage_capacity_bytes: capacityOf(r)!.toString() }),
      ...(r.keeps?.retentionSeconds === undefined ? {} : { retention_seconds: r.keeps.retentionSeconds.toString() }),
    }),
    json: (r, out) => {
      if (r.storage) {
        out.object('storage');
        out.bigint('bytes', r.storage.bytes);
        storageMembers(r.storage, out);
        out.end();
      }
      if (r.storagePerUnitBytes !== undefined) writeBytes(out, 'storagePerUnit', r.storagePerUnitBytes);
      if (r.keeps) {
        out.object('keeps');
        writeBytes(out, 'capacity', r.keeps.capacityBytes);
        if (r.keeps.retentionSeconds === undefined) out.string('retentionSeconds', null);
        else out.bigint('retentionSeconds', r.keeps.retentionSeconds);
        out.end();
      }
    },
  },
  {
    key: 'capacity',
    human: {
      heading: () => 'Store cap.',
      align: 'right',
      shows: (c) => (c.report.recorders ?? []).some((r) => capacityOf(r) !== undefined),
      cell: (r, c) => storageCell(r, c.options),
      fit: { drops: 1 },
      explains: (r) => storageOver(r),
    },
  },
  {
    key: 'keeps',
    human: {
      heading: () => 'Keeps',
      align: 'right',
      shows: (c) => c.keeps,
      cell: (r, c) => (r.keeps ? keepsText(r.keeps.retentionSeconds, c.options) : ''),
      fit: { wraps: 'text', drops: 3 },
    },
  },
  ...DISK_COLUMNS,
  {
    key: 'units',
    human: {
      heading: () => 'Units',
      align: 'right',
      cell: (r) => (r.units === undefined ? '' : r.unitsAuto ? `${humanCount(r.units)} needed` : humanCount(r.units)),
      // "2" over "needed" at the last: the words of a count, not a description.
      fit: { wraps: 'name', drops: 5 },
      // Units "auto" leaves the status blank (no check: the units are sized to fit); "2 needed" is the answer in its place.
      explains: (r) => r.unitsAuto === true,
    },
    csv: (r) => (r.units === undefined ? {} : { units: r.units.toString() }),
    json: (r, out) => {
      if (r.units === undefined) return;
      out.bigint('units', r.units);
      if (r.unitsAuto) out.boolean('unitsAuto', true);
    },
  },
  {
    key: 'status',
    human: {
      heading: () => 'Status',
      align: 'left',
      cell: (r) => {
        const s = status(r);
        return s === '' ? '' : s === 'ok' ? { text: 'ok', tone: 'good' } : { text: 'OVER', tone: 'bad' };
      },
    },
    csv: (r) => ({ status: status(r) }),
    json: (r, out) => {
      if (r.fits !== undefined) out.boolean('fits', r.fits);
    },
  },
];
