/** The profile table's columns: one row per camera profile across the fleet, and a total row. */
import type { EstimateAt, EstimateRange, RangeBps } from '../../core/model/fleet.js';
import type { ProfileFigures, ProfileRow, Report } from '../../core/model/report.js';
import { humanCount, humanRate } from '../wording/quantities.js';
import type { RenderOptions } from '../view.js';
import type { Column } from './column.js';
import { rateJson } from './values.js';

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
    json: (r) => ({ profile: r.profile.name, kind: r.profile.kind }),
  },
  {
    key: 'description',
    human: { heading: () => 'Description', align: 'left', cell: (r) => r.profile.description, fit: { wraps: 'text', drops: 1 } },
    csv: (r) => ({ description: r.profile.description }),
    json: (r) => ({
      description: r.profile.description,
      ...(r.profile.preset ? { basis: r.profile.preset.basis, source: r.profile.preset.source } : {}),
      ...(r.profile.kind === 'estimate' ? { estimated: true } : {}),
      ...(r.profile.calibration ? { calibration: r.profile.calibration } : {}),
      ...(r.profile.design
        ? { measured: true, design: { profile: r.profile.design.name, perCamera: rateJson(r.profile.design.bitsPerSecond) } }
        : {}),
    }),
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
    json: (r) => ({ perCamera: rateJson(r.profile.bitsPerSecond) }),
  },
  figureColumn('peakPerCamera', 'Peak', (f) => f.peakPerCameraBitsPerSecond),
  figureColumn('averagePerCamera', 'Average', (f) => f.averagePerCameraBitsPerSecond, 2),
  {
    key: 'cameras',
    human: { heading: () => 'Cameras', align: 'right', cell: (r) => humanCount(r.cameras) },
    csv: (r) => ({ cameras: r.cameras.toString() }),
    json: (r) => ({ cameras: r.cameras.toString() }),
  },
  {
    key: 'load',
    human: { heading: () => 'Load', align: 'right', shows: (c) => !c.varies, cell: (r, c) => humanRate(r.loadBitsPerSecond, c.options) },
    csv: (r) => ({ load_bps: r.loadBitsPerSecond.toString() }),
    json: (r) => ({ payload: rateJson(r.payloadBitsPerSecond), load: rateJson(r.loadBitsPerSecond) }),
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
    json: (r) => ({
      rateBasis: r.profile.basis ?? 'rate',
      ...(r.figures
        ? {
            peak: { perCamera: rateJson(r.figures.peakPerCameraBitsPerSecond), load: rateJson(r.figures.peakLoadBitsPerSecond) },
            average: { perCamera: rateJson(r.figures.averagePerCameraBitsPerSecond), load: rateJson(r.figures.averageLoadBitsPerSecond) },
          }
        : {}),
      ...(r.profile.range ? { range: rangeJson(r.profile.range) } : {}),
    }),
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
