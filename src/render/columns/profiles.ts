/** The profile table's columns: one row per camera profile across the fleet, and a total row. */
import type { EstimateAt, EstimateRange, RangeBps } from '../../core/model/fleet.js';
import type { ProfileFigures, ProfileRow, Report } from '../../core/model/report.js';
import { humanCount, humanRate } from '../wording/quantities.js';
import type { RenderOptions } from '../view.js';
import type { Column } from './column.js';
import type { JsonOut } from '../json-out.js';
import { rateJson, writeRate } from './json-values.js';

export interface ProfileContext {
  readonly options: RenderOptions;
  /** Some rate varies over the day or has an average below its peak: the rows show both figures (ProfileFigures). */
  readonly varies: boolean;
}

export const PROFILE_COLUMNS: readonly Column<ProfileRow, ProfileContext>[] = [
  {
    key: 'profile',
    human: { heading: () => 'Profile', align: 'left', cell: (r) => ({ text: r.profile.name, style: 'code' }), fit: { wraps: 'name' } },
    csv: (r) => ({ profile: r.profile.name }),
    json: (r, out) => {
      out.string('profile', r.profile.name);
      out.string('kind', r.profile.kind);
    },
  },
  {
    key: 'description',
    human: { heading: () => 'Description', align: 'left', cell: (r) => r.profile.description, fit: { wraps: 'text', drops: 1 } },
    csv: (r) => ({ description: r.profile.description }),
    json: (r, out) => {
      const p = r.profile;
      out.string('description', p.description);
      if (p.preset) {
        out.value('basis', p.preset.basis);
        out.value('source', p.preset.source);
      }
      if (p.kind === 'estimate') out.boolean('estimated', true);
      if (p.calibration) out.value('calibration', p.calibration);
      if (p.design) {
        out.boolean('measured', true);
        out.object('design');
        out.string('profile', p.design.name);
        writeRate(out, 'perCamera', p.design.bitsPerSecond);
        out.end();
      }
    },
  },
  {
    key: 'perCamera',
    human: {
      heading: () => 'Per camera',
      align: 'right',
      shows: (c) => !c.varies,
      cell: (r, c) => humanRate(r.profile.bitsPerSecond, c.options),
    },
    csv: (r) => ({ per_camera_bps: r.profile.bitsPerSecond.toString() }),
    json: (r, out) => writeRate(out, 'perCamera', r.profile.bitsPerSecond),
  },
  figureColumn('peakPerCamera', 'Peak', (f) => f.peakPerCameraBitsPerSecond),
  figureColumn('averagePerCamera', 'Average', (f) => f.averagePerCameraBitsPerSecond, 2),
  {
    key: 'cameras',
    human: { heading: () => 'Cameras', align: 'right', cell: (r) => humanCount(r.cameras) },
    csv: (r) => ({ cameras: r.cameras.toString() }),
    json: (r, out) => out.bigint('cameras', r.cameras),
  },
  {
    key: 'load',
    human: { heading: () => 'Load', align: 'right', shows: (c) => !c.varies, cell: (r, c) => humanRate(r.loadBitsPerSecond, c.options) },
    csv: (r) => ({ load_bps: r.loadBitsPerSecond.toString() }),
    json: (r, out) => {
      writeRate(out, 'payload', r.payloadBitsPerSecond);
      writeRate(out, 'load', r.loadBitsPerSecond);
    },
  },
  figureColumn('peakLoad', 'Peak load', (f) => f.peakLoadBitsPerSecond),
  figureColumn('averageLoad', 'Avg. load', (f) => f.averageLoadBitsPerSecond, 3),
  {
    // CSV and JSON: both figures of the row, and what the source gave (the other figure follows from the ratio).
    key: 'figures',
    csv: (r) => ({
      ...(r.figures
        ? {
            peak_bps: r.figures.peakLoadBitsPerSecond.toString(),
            average_bps: r.figures.averageLoadBitsPerSecond.toString(),
            per_camera_peak_bps: r.figures.peakPerCameraBitsPerSecond.toString(),
            per_camera_average_bps: r.figures.averagePerCameraBitsPerSecond.toString(),
          }
        : {}),
      rate_basis: r.profile.basis ?? 'rate',
    }),
    json: (r, out) => {
      out.string('rateBasis', r.profile.basis ?? 'rate');
      const f = r.figures;
      if (f) {
        figuresOut(out, 'peak', f.peakPerCameraBitsPerSecond, f.peakLoadBitsPerSecond);
        figuresOut(out, 'average', f.averagePerCameraBitsPerSecond, f.averageLoadBitsPerSecond);
      }
      if (r.profile.range) out.value('range', rangeJson(r.profile.range));
    },
  },
];

/** A human column of a row's figures (shown when the report has them: settings.time). */
function figureColumn(
  key: string,
  heading: string,
  value: (f: ProfileFigures) => bigint,
  drops?: number,
): Column<ProfileRow, ProfileContext> {
  return {
    key,
    human: {
      heading: () => heading,
      align: 'right',
      shows: (c) => c.varies,
      ...(drops === undefined ? {} : { fit: { drops } }),
      cell: (r, c) => (r.figures ? humanRate(value(r.figures), c.options) : ''),
    },
  };
}

/** One of a row's figures: per camera and the load. */
function figuresOut(out: JsonOut, key: string, perCamera: bigint, load: bigint): void {
  out.object(key);
  writeRate(out, 'perCamera', perCamera);
  writeRate(out, 'load', load);
  out.end();
}

/** An estimate's ranges per camera by day, and the point of each sizing used. */
function rangeJson(range: EstimateRange) {
  const figure = (f: RangeBps, at: EstimateAt) => ({ low: rateJson(f.low), mid: rateJson(f.mid), high: rateJson(f.high), used: at });
  return { coverage: range.coverage, peak: figure(range.peak, range.peakAt), average: figure(range.average, range.averageAt) };
}

/** The total row of the profile table: cameras and the profiles' loads, bold; the other cells empty. */
export function profileTotalCells(columns: readonly string[], report: Report, context: ProfileContext) {
  const figures = report.total.profilesFigures;
  return columns.map((key) => {
    if (key === 'profile') return { text: 'Total', style: 'strong' as const };
    if (key === 'cameras') return { text: humanCount(report.total.cameras), style: 'strong' as const };
    if (key === 'load') return { text: humanRate(report.total.profilesLoadBitsPerSecond, context.options), style: 'strong' as const };
    if (key === 'peakLoad' && figures) return { text: humanRate(figures.peakLoadBitsPerSecond, context.options), style: 'strong' as const };
    if (key === 'averageLoad' && figures)
      return { text: humanRate(figures.averageLoadBitsPerSecond, context.options), style: 'strong' as const };
    return { text: '' };
  });
}
