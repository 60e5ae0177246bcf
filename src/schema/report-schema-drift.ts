/**
 * The parts of the report schema that --measured and a site calibration add
 * (additive to schemaVersion 2): `drift` on each segment and at the top level,
 * `calibration`, `measured` and `design` on a profile. See report-schema.ts.
 */
import { count, obj, ref, type Schema } from './json-schema-build.js';

/** Design against measured, as a segment and a group both have it: daily averages of the payload. */
const FIGURES: Record<string, Schema> = {
  design: { ...ref('rate'), description: 'The design’s daily average (day, night and event rates over the schedule)' },
  measured: { ...ref('rate'), description: 'The measured daily average (a group’s: the mean of its measurements, rounded up)' },
  deviationPercent: {
    type: ['number', 'null'],
    description: '(measured − design) ÷ design in percent, rounded away from zero to 0.1; null for a zero design',
  },
  exceeds: { type: 'boolean', description: 'More than the tolerance above the design (the check itself is exact)' },
};

export const DRIFT_DEFS: Record<string, Schema> = {
  segmentDrift: obj('With --measured, on a segment with measured groups: its load designed and with them at their measured rates', {
    ...FIGURES,
    measurements: count('Matched measurements below the segment'),
    groups: count('Measured groups below the segment'),
  }),
  groupDrift: obj('A measured group (one segment’s cameras under one profile name) against its design, per camera', {
    path: { type: 'array', items: { type: 'string' }, description: 'The group’s segment' },
    group: { type: 'string', description: 'The preset id, or the label of a bit-rate or estimate group' },
    kind: { enum: ['preset', 'custom', 'estimate', 'measured'] },
    description: { type: 'string' },
    cameras: ref('whole'),
    measurements: count('How many measurements matched it'),
    short: count('Of them, shorter than 24 h (or of unknown length)'),
    likelyCaps: count('Of them, at a round rate another camera shares: likely CBR caps, not averages'),
    ...FIGURES,
  }),
  unmatchedMeasurement: obj(
    'A measurement that matches no group of the fleet, and why',
    {
      file: { type: 'string' },
      where: { type: 'string', description: 'Where in the file, e.g. line 11' },
      camera: { type: 'string' },
      segment: { type: 'string' },
      group: { type: 'string' },
      bitsPerSecond: ref('whole'),
      reason: { type: 'string' },
    },
    ['where', 'camera', 'segment', 'group'],
  ),
  drift: obj(
    'With --measured: the fleet against measurements',
    {
      tolerancePercent: { type: 'number', description: 'A group drifts when it is more than this above its design' },
      measurements: count('Measurements read'),
      matched: count('Of them, matched to a group'),
      groups: { type: 'array', items: ref('groupDrift'), description: 'Every measured group, in tree order' },
      unmatched: { type: 'array', items: ref('unmatchedMeasurement') },
      resized: obj('With --use-measured: the capacity checks only the measured rates put over', {
        overWithDesign: count('Capacity checks over with the design rates'),
        newlyOver: {
          type: 'array',
          items: obj(
            'A check over at the measured rates that is not with the design rates',
            {
              kind: { enum: ['link', 'storage', 'recorder', 'total', 'total-storage', 'how-many'] },
              path: { type: 'array', items: { type: 'string' } },
              recorder: { type: 'string', description: "With kind 'recorder': the recorder's name (a segment may have several)" },
            },
            ['path', 'recorder'],
          ),
        },
      }),
    },
    ['resized'],
  ),
  calibrationUsed: obj('A site calibration (camsize measure … --fit) applied to an estimated rate', {
    factor: { type: 'number', exclusiveMinimum: 0, description: 'Measured ÷ estimated, fitted in log space' },
    measurements: count('How many measurements it was fitted on'),
    spreadPercent: { type: 'number', minimum: 0, description: 'The fit’s spread, ± percent' },
    scope: { type: 'string', description: 'site, or the codec whose own factor was used' },
  }),
};

/** The keys a profile gains: a calibration, and with --use-measured the design it replaced. */
export const PROFILE_DRIFT_KEYS: Record<string, Schema> = {
  calibration: ref('calibrationUsed'),
  measured: { const: true, description: 'With --use-measured: the rate is the measured average of this group' },
  design: obj('With --use-measured: the design profile and rate the measured one replaced', {
    profile: { type: 'string' },
    perCamera: ref('rate'),
  }),
};
