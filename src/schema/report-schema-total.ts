/**
 * The report schema's fleet total and its answer to "how many fit?"
 * (schemaVersion 2); report-schema.ts puts them in place.
 */
import { hour, num, obj, ref, yes } from './json-schema-build.js';
import { TOTAL_FIGURE_KEYS, TOTAL_FIGURE_OPTIONAL } from './report-schema-figures.js';

export const TOTAL = obj(
  'The whole fleet',
  {
    cameras: ref('whole'),
    viewing: ref('rate'),
    load: { ...ref('rate'), description: 'What the root’s link carries: the figure loadFigure says' },
    ...TOTAL_FIGURE_KEYS,
    check: { ...ref('link'), description: 'With --capacity: the total against it' },
    storage: ref('storage'),
    keeps: { ...ref('keeps'), description: '--storage-capacity without --retention: how long it keeps every recording' },
    time: ref('time'),
    percentile: obj('With --percentile: the total’s, in its worst hour', {
      bitsPerSecond: ref('whole'),
      mbps: { type: 'number' },
      mean: num('That hour’s mean load, b/s'),
      sigma: num('That hour’s standard deviation, b/s'),
      hour: hour('The worst hour'),
      approximate: yes('Always'),
    }),
    recordedInFleet: {
      ...ref('rate'),
      description: 'With recorders: what the recorders in the fleet take (their ingest summed; what reaches the head end is load)',
    },
  },
  ['check', 'storage', 'keeps', 'time', 'percentile', 'recordedInFleet', ...TOTAL_FIGURE_OPTIONAL],
);

export const CAPACITY_ANSWER = obj(
  'The answer to "how many of these cameras fit?" (--capacity without --count)',
  {
    profile: { type: 'string' },
    perCamera: { ...ref('rate'), description: 'The rate a camera is counted at, on the wire' },
    perCameraIs: { enum: ['peak', 'average'], description: 'Present when the rate varies over the day: which of its rates perCamera is' },
    capacity: ref('rate'),
    maxUtilizationPercent: { type: 'number' },
    usable: ref('rate'),
    maxCameras: ref('whole'),
    fits: { type: 'boolean', description: 'Whether at least one camera fits' },
  },
  ['perCameraIs'],
);
