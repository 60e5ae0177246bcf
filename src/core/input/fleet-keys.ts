/**
 * The keys of the fleet file format, spelled once. The zod schema
 * (fleet-schema.ts) is built over these lists and checked against them at
 * compile time and by a test; the pre-check (fleet-precheck.ts), the value
 * reader (core/input/fleet-json.ts) and the messages' did-you-mean and order
 * read them from here. No zod here: the common path must not load it.
 */
export const CAMERA_KEYS = [
  'preset',
  'bitrate',
  'resolution',
  'fps',
  'codec',
  'scene',
  'quality',
  'night',
  'events',
  'count',
  'label',
  'sub',
  'record',
  'recordTo',
] as const;
export const EVENT_KEYS = ['rate', 'duty'] as const;
/** The keys of a viewer entry (the list form); the single-object form has only `streams` and `bitrate`. */
export const VIEWER_KEYS = ['streams', 'of', 'stream', 'from', 'multicast', 'stations', 'bitrate'] as const;
export const RECORDER_KEYS = ['name', 'units', 'ingest', 'storage'] as const;
export const LINK_KEYS = ['up', 'down', 'shared'] as const;
/** The keys of a sub stream given as an estimate, instead of a bit rate. */
export const SUB_KEYS = ['resolution', 'fps', 'codec', 'scene', 'quality'] as const;
export const SCHEDULE_KEYS = ['nightStart', 'nightHours'] as const;
export const SEGMENT_KEYS = [
  'name',
  'description',
  'link',
  'maxUtilization',
  'overhead',
  'viewers',
  'recorders',
  'recordTo',
  'storage',
  'retention',
  'recording',
  'schedule',
  'cameras',
  'segments',
] as const;
/** What a design document is about (the fleet's "project"): every value a string. */
export const PROJECT_KEYS = ['name', 'customer', 'site', 'author', 'revision', 'date'] as const;
/** The fleet's own keys besides a segment's: its JSON Schema, the site calibration its estimates use, and the project. */
export const ROOT_KEYS = ['$schema', 'calibration', 'project', ...SEGMENT_KEYS] as const;

export type CameraKey = (typeof CAMERA_KEYS)[number];
export type SegmentKey = (typeof SEGMENT_KEYS)[number];
export type RootKey = (typeof ROOT_KEYS)[number];
export type ProjectKey = (typeof PROJECT_KEYS)[number];

/** The keys an estimate group has instead of a preset or a bit rate. */
export const ESTIMATE_KEYS = ['resolution', 'fps', 'codec', 'scene', 'quality'] as const satisfies readonly CameraKey[];

/** The keys nested objects hold, after the key that holds them. */
const NESTED: Readonly<Record<string, readonly string[]>> = {
  link: LINK_KEYS,
  viewers: VIEWER_KEYS,
  recorders: RECORDER_KEYS,
  schedule: SCHEDULE_KEYS,
  cameras: CAMERA_KEYS,
  events: EVENT_KEYS,
  project: PROJECT_KEYS,
};

/** Every key the format knows, in reading order (a key, then the keys of what it holds): for did-you-mean hints and to sort messages. */
export const FLEET_KEYS: readonly string[] = [...new Set(expand(ROOT_KEYS))];

function expand(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [key, ...expand(NESTED[key] ?? [])]);
}
