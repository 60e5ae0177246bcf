/**
 * What the keys of a fleet file's nested objects mean (a link, a viewer
 * entry, a recorder and its disks, the schedule, a camera group's events and
 * sub stream, the inventory settings, the project), for fleet-key-help.ts,
 * which puts them in the order `camsize help fleet` prints them.
 */
import type {
  DISK_KEYS,
  EVENT_KEYS,
  INVENTORY_KEYS,
  LINK_KEYS,
  PROJECT_KEYS,
  RECORDER_KEYS,
  SCHEDULE_KEYS,
  SUB_KEYS,
  VIEWER_KEYS,
} from './fleet-keys.js';
export interface KeyHelp {
  /** What the key means, in one or a few sentences. */
  readonly meaning: string;
  /** A value as JSON text, e.g. '"1Gb/s"'. */
  readonly example?: string;
}

/** A key list's meanings, each key of the list once. */
export type Table<K extends readonly string[]> = { readonly [key in K[number]]: KeyHelp };

export const INVENTORY_HELP = {
  columns: {
    meaning: 'Columns read as fields, as --columns: a field name and its header; "ignore" lists headers read as ignored.',
    example: '{ "count": "Anzahl", "segment": "Standort", "ignore": ["Notiz"] }',
  },
  segmentColumns: {
    meaning: 'The columns whose values make the segment path, in order, as --segment-columns.',
    example: '["Site", "Switch"]',
  },
  delimiter: { meaning: 'A CSV schedule\'s delimiter when its header cannot tell: ",", ";" or "tab", as --delimiter.', example: '";"' },
  sheet: { meaning: 'The worksheet of an .xlsx workbook to read, as --sheet (default: the first visible).', example: '"Cameras"' },
} as const satisfies Table<typeof INVENTORY_KEYS>;

export const LINK_HELP = {
  up: { meaning: 'Capacity towards the parent; with "down", an asymmetric link (a WAN).', example: '"20Mb/s"' },
  down: { meaning: 'Capacity from the parent; given with "up".', example: '"100Mb/s"' },
  shared: {
    meaning: 'One capacity for both directions together, checked against up + down (a half-duplex radio bridge).',
    example: '"300Mb/s"',
  },
} as const satisfies Table<typeof LINK_KEYS>;

export const VIEWER_HELP = {
  streams: { meaning: 'Required. The streams each station watches.', example: '16' },
  of: { meaning: 'The segment path whose cameras are watched (default: the whole fleet).', example: '"site-a"' },
  stream: { meaning: '"main" (the default) or "sub": which stream of those cameras.', example: '"sub"' },
  from: {
    meaning:
      'Who sends the streams: "recorder" (the default), the recorder each camera records to (or the head end), which fetches a stream it does not record from the camera once (a relay); or "camera", the camera itself.',
    example: '"camera"',
  },
  multicast: {
    meaning:
      'true: each distinct stream crosses a link once, however many stations watch it (default false); multicast entries watching the same streams watch the sum of theirs.',
    example: 'true',
  },
  stations: { meaning: 'How many operator stations here each watch "streams" streams (default 1).', example: '4' },
  bitrate: {
    meaning:
      'The rate of one viewed stream as sent, with the overhead of this segment (the stations\'). Without it each link carries, each way, the "streams" highest-rate streams of that kind under "of" that could cross it there (the worst case for that link), with their cameras\' overhead.',
    example: '"4Mb/s"',
  },
} as const satisfies Table<typeof VIEWER_KEYS>;

export const RECORDER_HELP = {
  name: { meaning: 'Required, unique in the fleet; "recordTo" names it.', example: '"nvr-a"' },
  units: {
    meaning:
      'How many identical units (default 1), or "auto": the fewest that hold the ingest and the retention (with "ingest" or "storage").',
    example: '"auto"',
  },
  ingest: { meaning: "The recorded ingest one unit takes, checked under the segment's ceiling.", example: '"400Mb/s"' },
  storage: {
    meaning:
      'The storage of one unit: checked against the retention of the cameras recording there, or, without a retention, how long it keeps them.',
    example: '"100TB"',
  },
  disks: {
    meaning:
      "Each unit's disks and RAID level (a disks object, below): the disks the retention needs, or with a count the days they keep; usable TB and TiB, write and read rates.",
    example: '{ "size": "12TB", "raid": 6 }',
  },
} as const satisfies Table<typeof RECORDER_KEYS>;

export const DISKS_HELP = {
  size: { meaning: 'Required: one disk, as sold (decimal TB).', example: '"12TB"' },
  raid: { meaning: 'Required: the RAID level, 0, 1, 5, 6, 10 or "none" (JBOD).', example: '6' },
  count: {
    meaning:
      'Disks in the array, hot spares apart (at least the level\'s minimum; RAID 10 even): the array is then the unit\'s storage, instead of "storage".',
    example: '8',
  },
  spares: { meaning: 'Hot spares (default: one for an array of 8 disks or more).', example: '1' },
  playback: { meaning: 'Playback sessions at once, each reading one camera at the average rate (default 0).', example: '2' },
} as const satisfies Table<typeof DISK_KEYS>;

export const SCHEDULE_HELP = {
  nightStart: { meaning: 'The hour night starts, 0 to 23 (default 18).', example: '19' },
  nightHours: { meaning: 'How many hours night lasts, 0 to 24 (default 12).', example: '11' },
} as const satisfies Table<typeof SCHEDULE_KEYS>;

export const EVENTS_HELP = {
  rate: {
    meaning:
      'The rate during an event: a rate, or a multiple of the state the camera is in ("x2": twice the day rate by day, twice the night rate at night).',
    example: '"10Mb/s"',
  },
  duty: { meaning: 'The share of the time in events, in percent (more than 0, at most 100).', example: '10' },
} as const satisfies Table<typeof EVENT_KEYS>;

export const SUB_HELP = {
  resolution: { meaning: 'Required: WIDTHxHEIGHT or a name, as for a camera group.', example: '"640x360"' },
  fps: { meaning: 'Required: frames per second.', example: '15' },
  codec: { meaning: 'Required: the codec.', example: '"h265"' },
  scene: { meaning: 'low, medium (the default), high or complex.', example: '"medium"' },
  quality: { meaning: 'low, medium (the default) or high.', example: '"medium"' },
} as const satisfies Table<typeof SUB_KEYS>;

export const PROJECT_HELP = {
  name: { meaning: "The project, as the document's title (else the fleet's name).", example: '"Campus upgrade"' },
  customer: { meaning: 'Who the design is for.', example: '"Example University"' },
  site: { meaning: 'Where the system is installed.', example: '"Main campus"' },
  author: { meaning: 'Who made the design.', example: '"Network design team"' },
  revision: { meaning: "The document's revision, in its printed header too.", example: '"B"' },
  date: { meaning: "The document's date: a real day, YYYY-MM-DD.", example: '"2026-01-15"' },
} as const satisfies Table<typeof PROJECT_KEYS>;
