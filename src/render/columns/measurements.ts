/**
 * The columns of `camsize measure`: one row per measurement, defined once for
 * every format (the human face for table and Markdown, the CSV face in base
 * units, the JSON face with exact rates as strings). Its CSV is a table of
 * its own, with its own column order (MEASURE_CSV_COLUMNS: only ever appended to).
 * In a narrow terminal names wrap; where a figure came from, then the stream's
 * shape, go first.
 */
import type { FlaggedMeasurement } from '../../core/measure/measurement.js';
import { DAY_SECONDS, measurementPlace } from '../../core/measure/measurement.js';
import type { RenderOptions } from '../view.js';
import { humanRate } from '../wording/quantities.js';
import { type Column, LAST_RESORT } from './column.js';
import { fields } from '../json-out.js';

export const MEASURE_CSV_COLUMNS = [
  'file',
  'where',
  'camera',
  'segment',
  'group',
  'bps',
  'duration_s',
  'resolution',
  'fps',
  'codec',
  'notes',
  'short',
  'likely_cap',
  'basis',
] as const;

export type MeasureCsvColumn = (typeof MEASURE_CSV_COLUMNS)[number];

const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** 4 s, 90 min, 24 h, 7 d: whole days from two days up, else hours, minutes or seconds. */
export function durationText(seconds: number | undefined): string {
  if (seconds === undefined) return 'unknown';
  if (seconds >= 2 * DAY_SECONDS && seconds % DAY_SECONDS === 0) return `${seconds / DAY_SECONDS} d`;
  if (seconds >= 3600) return `${trim(seconds / 3600, 2)} h`;
  if (seconds >= 60) return `${trim(seconds / 60, 1)} min`;
  return `${trim(seconds, 3)} s`;
}

/** "short, likely cap": what makes a measurement weaker evidence than a day-long average. */
export function measurementNotes(m: FlaggedMeasurement): string {
  return [m.flags.short ? 'short' : '', m.flags.likelyCap ? 'likely cap' : ''].filter(Boolean).join(', ');
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value });
const resolution = (m: FlaggedMeasurement) => (m.width ? `${m.width}x${m.height}` : '');

export const MEASURE_COLUMNS: readonly Column<FlaggedMeasurement, RenderOptions, MeasureCsvColumn>[] = [
  { key: 'source', json: fields((m) => ({ source: m.source })) },
  {
    key: 'file',
    human: { heading: () => 'From', align: 'left', fit: { wraps: 'name', drops: 1 }, cell: measurementPlace },
    csv: (m) => ({ file: m.file, where: m.where ?? '' }),
    json: fields((m) => ({ file: m.file, ...optional('where', m.where) })),
  },
  {
    key: 'camera',
    human: { heading: () => 'Camera', align: 'left', fit: { wraps: 'name' }, cell: (m) => m.camera ?? '' },
    csv: (m) => ({ camera: m.camera ?? '' }),
    json: fields((m) => optional('camera', m.camera)),
  },
  {
    key: 'segment',
    human: { heading: () => 'Segment', align: 'left', fit: { wraps: 'name' }, cell: (m) => m.segment ?? '' },
    csv: (m) => ({ segment: m.segment ?? '' }),
    json: fields((m) => optional('segment', m.segment)),
  },
  {
    key: 'group',
    human: { heading: () => 'Group', align: 'left', fit: { wraps: 'name' }, cell: (m) => m.preset ?? m.label ?? '' },
    csv: (m) => ({ group: m.preset ?? m.label ?? '' }),
    json: fields((m) => ({ ...optional('preset', m.preset), ...optional('label', m.label) })),
  },
  {
    key: 'rate',
    human: { heading: () => 'Rate', align: 'right', cell: (m, o) => humanRate(m.bitsPerSecond, o) },
    csv: (m) => ({ bps: m.bitsPerSecond.toString() }),
    json: fields((m) => ({ bitsPerSecond: m.bitsPerSecond.toString() })),
  },
  {
    key: 'duration',
    human: { heading: () => 'Over', align: 'right', cell: (m) => durationText(m.durationSeconds) },
    csv: (m) => ({ duration_s: m.durationSeconds === undefined ? '' : String(m.durationSeconds) }),
    json: fields((m) => ({ ...optional('durationSeconds', m.durationSeconds), ...optional('start', m.start) })),
  },
  {
    key: 'resolution',
    human: { heading: () => 'Resolution', align: 'left', fit: { drops: 4 }, cell: resolution },
    csv: (m) => ({ resolution: resolution(m) }),
    json: fields((m) => ({ ...optional('width', m.width), ...optional('height', m.height) })),
  },
  {
    key: 'fps',
    human: { heading: () => 'FPS', align: 'right', fit: { drops: 3 }, cell: (m) => (m.fps ? trim(m.fps, 2) : '') },
    csv: (m) => ({ fps: m.fps ? String(m.fps) : '' }),
    json: fields((m) => optional('fps', m.fps)),
  },
  {
    key: 'codec',
    human: { heading: () => 'Codec', align: 'left', fit: { drops: 2 }, cell: (m) => m.codec ?? '' },
    csv: (m) => ({ codec: m.codec ?? '' }),
    json: fields((m) => optional('codec', m.codec)),
  },
  {
    key: 'notes',
    human: { heading: () => 'Notes', align: 'left', fit: { wraps: 'text', drops: LAST_RESORT }, cell: measurementNotes },
    csv: (m) => ({ notes: measurementNotes(m), short: String(m.flags.short), likely_cap: String(m.flags.likelyCap) }),
    json: fields((m) => ({ flags: m.flags })),
  },
  { key: 'basis', csv: (m) => ({ basis: m.basis }), json: fields((m) => ({ basis: m.basis })) },
];
