/**
 * What each key of the fleet file format means, object by object, for
 * `camsize help fleet` (and so for docs/fleet-files.md, which shows it). Each
 * table is typed over a key list of fleet-keys.ts, so a key added there
 * without its meaning here does not compile; the keys are listed in that
 * list's order. Each example is a value the fleet reader accepts
 * (test/unit/fleet-key-help.test.ts places it in a fleet and reads it).
 */
import {
  CAMERA_KEYS,
  DISK_KEYS,
  EVENT_KEYS,
  LINK_KEYS,
  PROJECT_KEYS,
  RECORDER_KEYS,
  ROOT_KEYS,
  SCHEDULE_KEYS,
  SEGMENT_KEYS,
  SUB_KEYS,
  VIEWER_KEYS,
  INVENTORY_KEYS,
} from './fleet-keys.js';
import {
  DISKS_HELP,
  EVENTS_HELP,
  INVENTORY_HELP,
  LINK_HELP,
  PROJECT_HELP,
  RECORDER_HELP,
  SCHEDULE_HELP,
  SUB_HELP,
  VIEWER_HELP,
  type KeyHelp,
  type Table,
} from './fleet-key-help-nested.js';

export type { KeyHelp };

/** One kind of object in a fleet file and its keys. */
export interface ObjectHelp {
  /** The object: which it is and where it goes. */
  readonly title: string;
  /** Where the example values of this object go, to read them back: the key path of a fleet that holds one. */
  readonly place:
    | 'root'
    | 'segment'
    | 'link'
    | 'viewer'
    | 'recorder'
    | 'disks'
    | 'schedule'
    | 'camera'
    | 'events'
    | 'sub'
    | 'inventory'
    | 'project';
  /** Said after the title (and a comma), before the keys. */
  readonly note?: string;
  readonly keys: ReadonlyArray<readonly [string, KeyHelp]>;
}

const ROOT_ONLY = {
  $schema: {
    meaning: "The path or URL of the fleet file's JSON Schema, for editors (camsize schema prints it); not read by camsize.",
    example: '"./node_modules/camsize/lib/fleet.schema.json"',
  },
  calibration: {
    meaning:
      "A site calibration from camsize measure ... --fit, applied to the estimated camera groups: a relative path inside the fleet file's folder, a regular file, never quoted back (--calibration FILE names one elsewhere and replaces it).",
    example: '"site-calibration.json"',
  },
  project: {
    meaning:
      'What the design document is about (a project object, below): shown at the head of the Markdown and HTML reports, carried in JSON, never used in sizing; --project, --customer, --site, --author, --revision and --date give or replace a field.',
    example: '{ "name": "Campus upgrade", "revision": "B" }',
  },
  inventory: {
    meaning:
      "How a camera schedule sized with this fleet (--inventory) is read (an inventory settings object, below); the command line's --columns, --segment-columns, --delimiter and --sheet win.",
    example: '{ "columns": { "count": "Anzahl" } }',
  },
  linkSpeeds: {
    meaning:
      'The link speeds "link": "auto" and --suggest-links choose from (default 100Mb/s, 1, 2.5, 10, 25, 40 and 100 Gb/s); --link-speeds replaces it.',
    example: '["1Gb/s", "10Gb/s", "100Gb/s"]',
  },
} as const satisfies { readonly [key in Exclude<(typeof ROOT_KEYS)[number], (typeof SEGMENT_KEYS)[number]>]: KeyHelp };

const SEGMENT = {
  name: { meaning: "Required. Sibling segments have different names; no '/' (paths use it).", example: '"site-a"' },
  description: { meaning: 'Free text.', example: '"Building A, ground floor"' },
  link: {
    meaning:
      'Capacity of the segment\'s uplink, checked whenever present: a rate is full duplex (each direction against it); "auto" the smallest standard speed that holds the load; an object is asymmetric or half duplex (a link object, below).',
    example: '"1Gb/s"',
  },
  growth: {
    meaning:
      'Future cameras: this share of every camera group here and below is added to every figure, each group rounded up (n + ceil(n x share)); inherited; --growth for segments without one.',
    example: '"20%"',
  },
  ports: {
    meaning:
      "The switch's ports for cameras and the links of the segments below it (not its own uplink); checked: each camera and downstream link takes one.",
    example: '24',
  },
  poe: {
    meaning:
      'The switch\'s PoE budget; every camera on the switch then gives its "poe", and their draw is checked under maxPoeUtilization.',
    example: '"370W"',
  },
  maxPoeUtilization: {
    meaning: "The PoE budget counts as full at this percentage (default 80, the SOP's); inherited by segments below.",
    example: '80',
  },
  maxUtilization: {
    meaning: 'The link counts as full at this percentage, 70 or "70%" (default 70); inherited by segments below.',
    example: '80',
  },
  overhead: {
    meaning:
      'Transport overhead on top of the video payload: "udp" (+5.5 %), "tcp" (+7.5 %), "none" (the default) or a percentage; inherited by segments below.',
    example: '"udp"',
  },
  viewers: {
    meaning:
      'Live viewing. A number of streams, or { "streams": N, "bitrate": RATE }: streams from the head end down to this segment. Or a list of viewer entries (below), operator stations in this segment.',
    example: '[{ "streams": 16, "of": "site-a", "stream": "sub", "multicast": true }]',
  },
  recorders: {
    meaning: 'The recorders in this segment, a list of recorder objects (below); their names are unique in the fleet.',
    example: '[{ "name": "nvr-a", "ingest": "400Mb/s", "storage": "100TB" }]',
  },
  recordTo: {
    meaning:
      'The recorder (by name, anywhere in the fleet) that the cameras of this segment and below record to, instead of the nearest one at or above them.',
    example: '"nvr-a"',
  },
  storage: {
    meaning: 'Storage for the recordings of this segment and below; checked against the retention like a link.',
    example: '"40TB"',
  },
  retention: {
    meaning: 'How long recordings are kept ("30d", "72h", "4w"; not months or years); inherited by segments below.',
    example: '"30d"',
  },
  recording: {
    meaning: 'The share of the time recorded: "continuous" (the default) or "motion:PERCENT"; inherited by segments below.',
    example: '"motion:40"',
  },
  schedule: {
    meaning: 'Which hours are night (a schedule, below); inherited by segments below.',
    example: '{ "nightStart": 19, "nightHours": 11 }',
  },
  cameras: { meaning: 'The camera groups of this segment (below).', example: '[{ "preset": "720p30", "count": 3 }]' },
  segments: { meaning: 'Child segments, nested up to 1,000 levels deep.', example: '[{ "name": "sw-1", "link": "1Gb/s" }]' },
} as const satisfies Table<typeof SEGMENT_KEYS>;

const CAMERA = {
  preset: { meaning: 'A preset id from the catalog (camsize presets); or, instead, a "bitrate", or an estimate.', example: '"4k30"' },
  bitrate: {
    meaning: 'The per-camera rate (its main stream), instead of a preset: one rate, for links and storage.',
    example: '"2.5Mb/s"',
  },
  peak: {
    meaning: 'Instead of a bit rate: the peak (a cap, a CBR rate), what links carry; alone, its average is the peak x 0.81.',
    example: '"8Mb/s"',
  },
  average: {
    meaning: 'Instead of a bit rate: the average over a day, what storage holds; alone, its peak is the average / 0.81.',
    example: '"3Mb/s"',
  },
  resolution: {
    meaning: 'With "fps" and "codec", instead of a preset or a bit rate: the rate is estimated (camsize estimate). WIDTHxHEIGHT or a name.',
    example: '"2560x1440"',
  },
  fps: { meaning: 'Frames per second, for an estimate.', example: '20' },
  codec: { meaning: 'h264, h265, h264-smart, h265-smart, av1 or mjpeg (also "H.265", "hevc"), for an estimate.', example: '"h265"' },
  scene: { meaning: 'low, medium (the default), high or complex, for an estimate.', example: '"high"' },
  quality: { meaning: 'low, medium (the default) or high, for an estimate.', example: '"low"' },
  night: {
    meaning: 'The rate at night (IR on or unlit): a rate (of the figure the group gives), or a multiple of the day rate.',
    example: '"x1.2"',
  },
  events: { meaning: 'Motion or event bursts (below).', example: '{ "rate": "x2", "duty": 10 }' },
  count: {
    meaning: 'Required. How many cameras: a whole number from 0 to 10^15, as a JSON number or a string of digits.',
    example: '12',
  },
  label: {
    meaning: 'The name of a bit-rate, peak/average or estimate group in the report (a preset group is named by its preset).',
    example: '"door cams"',
  },
  sub: {
    meaning:
      'Its sub stream, for live viewing or low-rate recording: a rate, or an estimate (a sub stream estimate, below); the planning presets carry one.',
    example: '"1Mb/s"',
  },
  record: { meaning: '"main" (the default), "sub" or "none": the stream it records.', example: '"sub"' },
  recordTo: { meaning: 'The recorder (by name, anywhere in the fleet) this group records to.', example: '"nvr-a"' },
  poe: {
    meaning:
      'Each camera\'s PoE draw at its switch port: watts, or an IEEE 802.3af/at/bt class, budgeted at its maximum at the port ("class 3": 15.4 W).',
    example: '"class 3"',
  },
} as const satisfies Table<typeof CAMERA_KEYS>;

/** A table's keys in the order of their list in fleet-keys.ts. */
function inOrder<K extends string>(keys: readonly K[], table: { readonly [key in K]: KeyHelp }): ReadonlyArray<readonly [string, KeyHelp]> {
  return keys.map((key) => [key, table[key]] as const);
}

export const FLEET_REFERENCE: readonly ObjectHelp[] = [
  {
    title: 'The fleet (the file itself)',
    place: 'root',
    note: 'the root segment: every key of a segment (next), and these',
    keys: inOrder(
      ROOT_KEYS.filter((k): k is keyof typeof ROOT_ONLY => !(SEGMENT_KEYS as readonly string[]).includes(k)),
      ROOT_ONLY,
    ),
  },
  { title: 'A segment (a site, a building, a switch: each entry of "segments")', place: 'segment', keys: inOrder(SEGMENT_KEYS, SEGMENT) },
  {
    title: 'A link object (the value of "link", instead of a rate)',
    place: 'link',
    note: 'either "up" and "down", or "shared"',
    keys: inOrder(LINK_KEYS, LINK_HELP),
  },
  { title: 'A viewer entry (each entry of a "viewers" list)', place: 'viewer', keys: inOrder(VIEWER_KEYS, VIEWER_HELP) },
  { title: 'A recorder (each entry of "recorders")', place: 'recorder', keys: inOrder(RECORDER_KEYS, RECORDER_HELP) },
  { title: 'Disks (the value of "disks" in a recorder)', place: 'disks', keys: inOrder(DISK_KEYS, DISKS_HELP) },
  { title: 'A schedule (the value of "schedule")', place: 'schedule', keys: inOrder(SCHEDULE_KEYS, SCHEDULE_HELP) },
  {
    title: 'A camera group (each entry of "cameras")',
    place: 'camera',
    note: 'one of "preset", "bitrate" or an estimate ("resolution", "fps", "codec"), and a "count"',
    keys: inOrder(CAMERA_KEYS, CAMERA),
  },
  { title: 'Events (the value of "events" in a camera group)', place: 'events', keys: inOrder(EVENT_KEYS, EVENTS_HELP) },
  { title: 'A sub stream estimate (the value of "sub", instead of a rate)', place: 'sub', keys: inOrder(SUB_KEYS, SUB_HELP) },
  {
    title: 'Inventory settings (the value of "inventory", in the fleet itself)',
    place: 'inventory',
    note: 'how a schedule sized with the fleet is read (docs/schedules.md)',
    keys: inOrder(INVENTORY_KEYS, INVENTORY_HELP),
  },
  {
    title: 'A project (the value of "project")',
    place: 'project',
    note: 'every key optional text',
    keys: inOrder(PROJECT_KEYS, PROJECT_HELP),
  },
];
