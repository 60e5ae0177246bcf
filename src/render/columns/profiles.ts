/** The profile table's columns: one row per camera profile across the fleet, and a total row. */
import type { ProfileRow, Report } from '../../core/model/report.js';
import { humanCount, humanRate } from '../wording/quantities.js';
import type { RenderOptions } from '../view.js';
import type { Column } from './column.js';
import { rateJson } from './values.js';

export interface ProfileContext {
  readonly options: RenderOptions;
  /** Rates vary over the day: per-camera rates and loads are the day's, and a Night column shows. */
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
      heading: (c) => (c.varies ? 'Per camera (day)' : 'Per camera'),
      align: 'right',
      cell: (r, c) => humanRate(r.profile.bitsPerSecond, c.options),
    },
    csv: (r) => ({ per_camera_bps: r.profile.bitsPerSecond.toString() }),
    json: (r) => ({ perCamera: rateJson(r.profile.bitsPerSecond) }),
  },
  {
    key: 'night',
    human: {
      heading: () => 'Night',
      align: 'right',
      shows: (c) => c.varies,
      fit: { drops: 2 },
      cell: (r, c) => humanRate(r.profile.states?.night ?? r.profile.bitsPerSecond, c.options),
    },
  },
  {
    key: 'cameras',
    human: { heading: () => 'Cameras', align: 'right', cell: (r) => humanCount(r.cameras) },
    csv: (r) => ({ cameras: r.cameras.toString() }),
    json: (r) => ({ cameras: r.cameras.toString() }),
  },
  {
    key: 'load',
    human: {
      heading: (c) => (c.varies ? 'Load (day)' : 'Load'),
      align: 'right',
      cell: (r, c) => humanRate(r.loadBitsPerSecond, c.options),
    },
    csv: (r) => ({ load_bps: r.loadBitsPerSecond.toString() }),
    json: (r) => ({ payload: rateJson(r.payloadBitsPerSecond), load: rateJson(r.loadBitsPerSecond) }),
  },
];

/** The total row of the profile table: cameras and the profiles' load, bold; the other cells empty. */
export function profileTotalCells(columns: readonly string[], report: Report, context: ProfileContext) {
  return columns.map((key) => {
    if (key === 'profile') return { text: 'Total', style: 'strong' as const };
    if (key === 'cameras') return { text: humanCount(report.total.cameras), style: 'strong' as const };
    if (key === 'load') return { text: humanRate(report.total.profilesLoadBitsPerSecond, context.options), style: 'strong' as const };
    return { text: '' };
  });
}
