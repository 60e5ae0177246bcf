/**
 * The parts of the report schema that a camera's two figures add (additive to
 * schemaVersion 2, issue #21), and the profile row that carries most of them: on a profile, what its source gave and both
 * figures; on the total, which figure `load` is, the profiles' sums, and the
 * estimated part with its ranges. See report-schema.ts.
 */
import { obj, ref, type Schema, text, yes } from './json-schema-build.js';
import { PROFILE_DRIFT_KEYS } from './report-schema-drift.js';

const point = { enum: ['low', 'mid', 'high'], description: 'The point of the range sizing used for this figure (--estimate-at)' };

const figureRange = (what: string): Schema => obj(what, { low: ref('rate'), mid: ref('rate'), high: ref('rate'), used: point });

const figure = (what: string): Schema =>
  obj(what, {
    perCamera: { ...ref('rate'), description: 'Per camera, payload' },
    load: { ...ref('rate'), description: 'Every camera of the profile, on the wire' },
  });

export const FIGURE_DEFS: Record<string, Schema> = {
  estimatedPart: obj(
    'When some camera group is estimated: that part of the totals at the low end, the centre and the high end of the estimates’ ranges',
    {
      cameras: ref('whole'),
      coverage: { type: 'number', description: 'The share of independent public figures the ranges held, held out (0.8)' },
      peak: figureRange('The estimated cameras at their peak, on the wire'),
      average: figureRange('Their daily average, on the wire'),
      storage: obj('Their storage for the retention, when storage is sized', {
        low: ref('bytes'),
        mid: ref('bytes'),
        high: ref('bytes'),
        used: point,
      }),
    },
    ['storage'],
  ),
};

/** The keys a profile gains: what its source gave, both figures (when the report has them), an estimate's ranges. */
export const PROFILE_FIGURE_KEYS: Record<string, Schema> = {
  rateBasis: {
    enum: ['rate', 'peak', 'average', 'both', 'measured'],
    description:
      'What the source gave: one rate for links and storage (rate), the peak or the average (the other follows from the average-to-peak ratio 0.81), or both; measured (--use-measured): the measured average, its peak that average × the design’s peak ÷ average',
  },
  peak: figure(
    'Present when some rate varies over the day or has an average below its peak: a camera’s peak over the day, what links carry',
  ),
  average: figure('Present with peak: a camera’s daily average, what storage holds'),
  range: obj('An estimate’s ranges per camera by day', {
    coverage: { type: 'number' },
    peak: figureRange('The peak’s range'),
    average: figureRange('The average’s range'),
  }),
};
export const PROFILE_FIGURE_OPTIONAL = ['peak', 'average', 'range'];

/** One row of `profiles`. */
export const PROFILE_DEF: Schema = obj(
  'One camera profile across the fleet',
  {
    profile: text('The preset id, or the label of a custom rate or an estimate'),
    kind: {
      enum: ['preset', 'custom', 'estimate', 'measured'],
      description: 'measured: with --use-measured, a group at its measured rate',
    },
    description: text('What the camera is'),
    basis: {
      enum: ['report', 'measured', 'observed-cap', 'planning', 'vendor-cap'],
      description: 'Presets only: what kind of number the rate is',
    },
    source: { ...ref('source'), description: 'Presets only' },
    estimated: yes('Present when the rate is the estimate model’s'),
    ...PROFILE_DRIFT_KEYS,
    perCamera: {
      ...ref('rate'),
      description: 'Per-camera payload rate by day: the peak figure’s day rate (the one rate when the source gave one)',
    },
    cameras: ref('whole'),
    payload: { ...ref('rate'), description: 'cameras × perCamera' },
    load: {
      ...ref('rate'),
      description: 'The same on the wire, with each group’s transport overhead (by day; peak.load and average.load are the figures)',
    },
    ...PROFILE_FIGURE_KEYS,
  },
  ['basis', 'source', 'estimated', ...Object.keys(PROFILE_DRIFT_KEYS), ...PROFILE_FIGURE_OPTIONAL],
);

/** The keys the total gains. */
export const TOTAL_FIGURE_KEYS: Record<string, Schema> = {
  loadFigure: {
    enum: ['peak', 'average', 'rate'],
    description: 'Which figure load is: the peak, the daily average (--check-on average), or one constant rate per camera (peak = average)',
  },
  profileSums: obj('With the profiles’ figures: the sums of their peak and average loads', {
    peak: { ...ref('rate'), description: 'Every profile at its own peak (the fleet’s peak, total.time.peak, is at most this)' },
    average: ref('rate'),
  }),
  estimated: ref('estimatedPart'),
};
export const TOTAL_FIGURE_OPTIONAL = ['profileSums', 'estimated'];
