/**
 * The segment table's columns: one row per segment (the fleet root first),
 * each carrying everything below it. The load column is what links are
 * checked with: the day load, or the peak or daily average when rates vary.
 */
import { approximateRate, headroomProfileName, humanCount, humanRate, profileKey } from '../wording/quantities.js';
import { type Column, LAST_RESORT } from './column.js';
import { headroomLink, type SegmentContext, type ShownSegment } from './segment-context.js';

export type { SegmentContext, ShownSegment } from './segment-context.js';
export { segmentContext } from './segment-context.js';
import { arrow, DIRECTIONS_COLUMN, linkText, statusCell, UP_DOWN_COLUMNS, utilizationCell } from './directions.js';
import { linkCsv, statusOf, storageCapacityCell, storageCell, storageCsv } from './values.js';
import { linkMembers, rateMembers, storageMembers, writeRate, writeTime } from './json-values.js';
import { STORAGE_REQUIRED_COLUMN, SUGGESTION_COLUMN, SWITCH_COLUMNS, SWITCH_MACHINE_COLUMN } from './switch.js';
import { deviationCell, deviationValue, driftCell, segmentDriftJson } from './drift.js';

const loadHeading = (c: SegmentContext) => (c.checkOn === undefined ? 'Load' : c.checkOn === 'peak' ? 'Peak' : 'Day avg.');

export const SEGMENT_COLUMNS: readonly Column<ShownSegment, SegmentContext>[] = [
  {
    key: 'segment',
    human: { heading: () => 'Segment', align: 'left', cell: (s) => ({ text: s.name, indent: s.depth }), fit: { wraps: 'name' } },
    csv: (s) => ({ segment: s.row.path.join('/'), depth: String(s.row.depth) }),
    json: (s, out) => out.strings('path', s.row.path),
  },
  {
    key: 'cameras',
    human: { heading: () => 'Cameras', align: 'right', cell: (s) => humanCount(s.row.cameras), fit: { drops: LAST_RESORT } },
    csv: (s) => ({ cameras: s.row.cameras.toString() }),
    json: (s, out) => {
      out.bigint('cameras', s.row.cameras);
      out.string('overhead', s.row.overhead.kind);
      writeRate(out, 'cameraLoad', s.row.cameraLoadBitsPerSecond);
    },
  },
  ...UP_DOWN_COLUMNS,
  {
    key: 'viewing',
    human: {
      heading: () => 'Viewing',
      align: 'right',
      shows: (c) => c.viewing && !c.twoWay,
      fit: { drops: 2 },
      cell: (s, c) => (s.row.viewingBitsPerSecond > 0n ? humanRate(s.row.viewingBitsPerSecond, c.options) : ''),
    },
    csv: (s) => ({ viewing_bps: s.row.viewingBitsPerSecond.toString() }),
    json: (s, out) => {
      writeRate(out, 'viewing', s.row.viewingBitsPerSecond);
      const v = s.row.viewers;
      if (v) {
        out.object('viewers');
        out.bigint('stations', v.stations);
        out.bigint('streams', v.streams);
        out.end();
      }
    },
  },
  {
    key: 'load',
    human: {
      heading: loadHeading,
      align: 'right',
      shows: (c) => !c.twoWay,
      cell: (s, c) => humanRate(s.row.loadBitsPerSecond, c.options),
      // The very last to go, after names have wrapped and Cameras and Util. are out (Util. stays where it explains
      // a status, and then says how full each link is); the Total line gives the fleet's load.
      fit: { drops: LAST_RESORT + 4 },
    },
    csv: (s) => ({ load_bps: s.row.loadBitsPerSecond.toString() }),
    json: (s, out) => writeRate(out, 'load', s.row.loadBitsPerSecond),
  },
  {
    // When links are checked on the peak, the daily average beside it (and the other way round).
    key: 'otherTime',
    human: {
      heading: (c) => (c.checkOn === 'peak' ? 'Day avg.' : 'Peak'),
      align: 'right',
      shows: (c) => c.checkOn !== undefined && !c.twoWay,
      fit: { drops: 3 },
      cell: (s, c) =>
        s.row.time ? humanRate(c.checkOn === 'peak' ? s.row.time.averageBitsPerSecond : s.row.time.peakBitsPerSecond, c.options) : '',
    },
    csv: (s) =>
      s.row.time ? { average_bps: s.row.time.averageBitsPerSecond.toString(), peak_bps: s.row.time.peakBitsPerSecond.toString() } : {},
  },
  {
    key: 'percentile',
    human: {
      heading: (c) => `p${c.report.settings.percentile?.percentile} ~`,
      align: 'right',
      shows: (c) => c.report.settings.percentile !== undefined,
      fit: { drops: 4 },
      cell: (s, c) => (s.row.percentile ? approximateRate(s.row.percentile.bitsPerSecond, c.options) : ''),
    },
    csv: (s) => (s.row.percentile ? { percentile_bps: s.row.percentile.bitsPerSecond.toString() } : {}),
  },
  {
    key: 'link',
    human: { heading: () => 'Link', align: 'right', fit: { drops: 6 }, cell: (s, c) => linkText(s.row, c.options) },
    csv: (s) => linkCsv(s.row.link),
    json: (s, out) => {
      if (!s.row.link) return;
      out.object('link');
      linkMembers(s.row.link, out);
      if (s.row.linkKind !== undefined) out.string('kind', s.row.linkKind);
      if (s.row.linkDirection !== undefined) out.string('direction', s.row.linkDirection);
      out.end();
    },
  },
  SUGGESTION_COLUMN,
  {
    key: 'utilization',
    human: {
      heading: (c) => (c.twoWay ? `Util. ${arrow('up', c.options)} / ${arrow('down', c.options)}` : 'Util.'),
      align: 'right',
      cell: (s, c) => utilizationCell(s.row, c.twoWay, c.options),
      // Both directions are wide: they wrap at " / " once names do, and go (unless a link is over) once names have wrapped.
      fit: { wraps: 'name', drops: LAST_RESORT + 3 },
      explains: (s) => s.row.link?.fits === false,
    },
  },
  {
    // In cameras of the up direction, where a camera's recorded stream goes; the profile named once per table.
    key: 'headroom',
    human: {
      heading: (c) => (c.headroomProfiles.length === 1 ? `Headroom (${c.headroomProfiles[0]})` : 'Headroom'),
      align: 'right',
      cell: (s, c) => {
        const h = headroomLink(s)?.headroomCameras;
        if (!h) return '';
        const key = c.headroomProfiles.length > 1 ? ` (${profileKey(c.headroomProfiles.indexOf(headroomProfileName(h)))})` : '';
        return `${h.cameras >= 0n ? '+' : ''}${humanCount(h.cameras)}${key}`;
      },
      fit: { drops: 1 },
    },
  },
  {
    key: 'storage',
    human: {
      heading: () => 'Storage',
      align: 'right',
      shows: (c) => c.report.settings.storage !== undefined,
      fit: { drops: LAST_RESORT + 1 },
      explains: (s) => s.row.storage?.fits === false,
      cell: (s, c) => storageCell(s.row.storage, c.options),
    },
    csv: (s) => storageCsv(s.row.storage),
    json: (s, out) => {
      if (!s.row.storage) return;
      out.object('storage');
      storageMembers(s.row.storage, out);
      out.end();
    },
  },
  STORAGE_REQUIRED_COLUMN,
  {
    key: 'storageCapacity',
    human: {
      heading: () => 'Store cap.',
      align: 'right',
      shows: (c) => c.storageCapacity,
      fit: { drops: 5 },
      explains: (s) => s.row.storage?.fits === false,
      cell: (s, c) => storageCapacityCell(s.row.storage, c.options),
    },
  },
  ...SWITCH_COLUMNS,
  {
    key: 'status',
    human: {
      heading: () => 'Status',
      align: 'left',
      cell: (s, c) => statusCell(s.row, c.twoWay, c.options),
    },
    csv: (s) => ({ status: statusOf([s.row.link?.fits, s.row.storage?.fits, s.row.ports?.fits, s.row.poe?.fits]) }),
  },
  // --measured: the segment's load as daily averages, designed and with its measured groups at their measured rates.
  // In a narrow terminal the two averages go after the link (the deviation says what they do), the deviation last; Drift stays.
  {
    key: 'driftDesign',
    human: {
      heading: () => 'Design avg.',
      align: 'right',
      fit: { drops: 7 },
      shows: (c) => c.report.drift !== undefined,
      cell: (s, c) => (s.row.drift ? humanRate(s.row.drift.designBitsPerSecond, c.options) : ''),
    },
    csv: (s) => (s.row.drift ? { design_bps: s.row.drift.designBitsPerSecond.toString() } : {}),
  },
  {
    key: 'driftMeasured',
    human: {
      heading: () => 'Measured avg.',
      align: 'right',
      fit: { drops: 8 },
      shows: (c) => c.report.drift !== undefined,
      cell: (s, c) => (s.row.drift ? humanRate(s.row.drift.measuredBitsPerSecond, c.options) : ''),
    },
    csv: (s) =>
      s.row.drift ? { measured_bps: s.row.drift.measuredBitsPerSecond.toString(), measurements: String(s.row.drift.measurements) } : {},
  },
  {
    key: 'driftDeviation',
    human: {
      heading: () => 'Deviation',
      align: 'right',
      fit: { drops: LAST_RESORT + 2 },
      explains: (s) => s.row.drift?.exceeds === true,
      shows: (c) => c.report.drift !== undefined,
      cell: (s) => deviationCell(s.row.drift),
    },
    csv: (s) => (s.row.drift ? { deviation_pct: deviationValue(s.row.drift).text } : {}),
  },
  {
    key: 'driftStatus',
    human: { heading: () => 'Drift', align: 'left', shows: (c) => c.report.drift !== undefined, cell: (s) => driftCell(s.row.drift) },
    csv: (s) => (s.row.drift ? { drift: s.row.drift.exceeds ? 'over' : 'ok' } : {}),
    // JSON: every drift figure in one object, as `link` and `storage` are.
    json: (s, out) => {
      if (s.row.drift) out.value('drift', segmentDriftJson(s.row.drift));
    },
  },
  // JSON keeps time and percentile after the checks (its key order is part of the contract).
  {
    key: 'time',
    json: (s, out) => {
      if (s.row.time) writeTime(out, 'time', s.row.time);
    },
  },
  {
    key: 'percentileJson',
    json: (s, out) => {
      if (!s.row.percentile) return;
      out.object('percentile');
      rateMembers(s.row.percentile.bitsPerSecond, out);
      out.boolean('approximate', true);
      out.end();
    },
  },
  DIRECTIONS_COLUMN,
  SWITCH_MACHINE_COLUMN,
];
