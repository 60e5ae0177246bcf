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
  'peak',
  'average',
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
  'poe',
] as const;
export const EVENT_KEYS = ['rate', 'duty'] as const;
/** The keys of a viewer entry (the list form); the single-object form has only `streams` and `bitrate`. */
export const VIEWER_KEYS = ['streams', 'of', 'stream', 'from', 'multicast', 'stations', 'bitrate'] as const;
export const RECORDER_KEYS = ['name', 'units', 'ingest', 'storage', 'disks'] as const;
/** A recorder unit's disks: their size and RAID level, and optionally how many, hot spares, playback sessions. */
export const DISK_KEYS = ['size', 'raid', 'count', 'spares', 'playback'] as const;
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
  'growth',
  'ports',
  'poe',
  'maxPoeUtilization',
  'cameras',
  'segments',
] as const;
/** How a camera schedule sized with the fleet (--inventory) is read: the --columns, --segment-columns, --delimiter and --sheet of the file. */
export const INVENTORY_KEYS = ['columns', 'segmentColumns', 'delimiter', 'sheet'] as const;
/** What a design document is about (the fleet's "project"): every value a string. */
export const PROJECT_KEYS = ['name', 'customer', 'site', 'author', 'revision', 'date'] as const;
/** The fleet's own keys besides a segment's: its JSON Schema, the site calibration its estimates use, the project, how its inventories are read, the link speeds "auto" picks from. */
export const ROOT_KEYS = ['$schema', 'calibration', 'project', 'inventory', 'linkSpeeds', ...SEGMENT_KEYS] as const;

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
  disks: DISK_KEYS,
  schedule: SCHEDULE_KEYS,
  cameras: CAMERA_KEYS,
  events: EVENT_KEYS,
  inventory: INVENTORY_KEYS,
  project: PROJECT_KEYS,
};

/** Every key the format knows, in reading order (a key, then the keys of what it holds): for did-you-mean hints and to sort messages. */
export const FLEET_KEYS: readonly string[] = [...new Set(expand(ROOT_KEYS))];

function expand(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [key, ...expand(NESTED[key] ?? [])]);
}
