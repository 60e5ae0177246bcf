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

export interface KeyHelp {
  /** What the key means, in one or a few sentences. */
  readonly meaning: string;
  /** A value as JSON text, e.g. '"1Gb/s"'. */
  readonly example?: string;
}

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

type Table<K extends readonly string[]> = { readonly [key in K[number]]: KeyHelp };

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

const INVENTORY = {
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

const LINK = {
  up: { meaning: 'Capacity towards the parent; with "down", an asymmetric link (a WAN).', example: '"20Mb/s"' },
  down: { meaning: 'Capacity from the parent; given with "up".', example: '"100Mb/s"' },
  shared: {
    meaning: 'One capacity for both directions together, checked against up + down (a half-duplex radio bridge).',
    example: '"300Mb/s"',
  },
} as const satisfies Table<typeof LINK_KEYS>;

const VIEWER = {
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

const RECORDER = {
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

const DISKS = {
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

const SCHEDULE = {
  nightStart: { meaning: 'The hour night starts, 0 to 23 (default 18).', example: '19' },
  nightHours: { meaning: 'How many hours night lasts, 0 to 24 (default 12).', example: '11' },
} as const satisfies Table<typeof SCHEDULE_KEYS>;

const CAMERA = {
  preset: { meaning: 'A preset id from the catalog (camsize presets); or, instead, a "bitrate", or an estimate.', example: '"4k30"' },
  bitrate: {
    meaning: 'The per-camera rate (its main stream), instead of a preset: one rate, for links and storage.',
    example: '"2.5Mb/s"',
  },
  peak: {
    meaning: 'Instead of a bit rate: the peak (a cap, a CBR rate), what links carry; alone, its average is the peak x 0.77.',
    example: '"8Mb/s"',
  },
  average: {
    meaning: 'Instead of a bit rate: the average over a day, what storage holds; alone, its peak is the average / 0.77.',
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

const EVENTS = {
  rate: {
    meaning:
      'The rate during an event: a rate, or a multiple of the state the camera is in ("x2": twice the day rate by day, twice the night rate at night).',
    example: '"10Mb/s"',
  },
  duty: { meaning: 'The share of the time in events, in percent (more than 0, at most 100).', example: '10' },
} as const satisfies Table<typeof EVENT_KEYS>;

const SUB = {
  resolution: { meaning: 'Required: WIDTHxHEIGHT or a name, as for a camera group.', example: '"640x360"' },
  fps: { meaning: 'Required: frames per second.', example: '15' },
  codec: { meaning: 'Required: the codec.', example: '"h265"' },
  scene: { meaning: 'low, medium (the default), high or complex.', example: '"medium"' },
  quality: { meaning: 'low, medium (the default) or high.', example: '"medium"' },
} as const satisfies Table<typeof SUB_KEYS>;

const PROJECT = {
  name: { meaning: "The project, as the document's title (else the fleet's name).", example: '"Campus upgrade"' },
  customer: { meaning: 'Who the design is for.', example: '"Example University"' },
  site: { meaning: 'Where the system is installed.', example: '"Main campus"' },
  author: { meaning: 'Who made the design.', example: '"Network design team"' },
  revision: { meaning: "The document's revision, in its printed header too.", example: '"B"' },
  date: { meaning: "The document's date: a real day, YYYY-MM-DD.", example: '"2026-01-15"' },
} as const satisfies Table<typeof PROJECT_KEYS>;

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
    keys: inOrder(LINK_KEYS, LINK),
  },
  { title: 'A viewer entry (each entry of a "viewers" list)', place: 'viewer', keys: inOrder(VIEWER_KEYS, VIEWER) },
  { title: 'A recorder (each entry of "recorders")', place: 'recorder', keys: inOrder(RECORDER_KEYS, RECORDER) },
  { title: 'Disks (the value of "disks" in a recorder)', place: 'disks', keys: inOrder(DISK_KEYS, DISKS) },
  { title: 'A schedule (the value of "schedule")', place: 'schedule', keys: inOrder(SCHEDULE_KEYS, SCHEDULE) },
  {
    title: 'A camera group (each entry of "cameras")',
    place: 'camera',
    note: 'one of "preset", "bitrate" or an estimate ("resolution", "fps", "codec"), and a "count"',
    keys: inOrder(CAMERA_KEYS, CAMERA),
  },
  { title: 'Events (the value of "events" in a camera group)', place: 'events', keys: inOrder(EVENT_KEYS, EVENTS) },
  { title: 'A sub stream estimate (the value of "sub", instead of a rate)', place: 'sub', keys: inOrder(SUB_KEYS, SUB) },
  {
    title: 'Inventory settings (the value of "inventory", in the fleet itself)',
    place: 'inventory',
    note: 'how a schedule sized with the fleet is read (docs/schedules.md)',
    keys: inOrder(INVENTORY_KEYS, INVENTORY),
  },
  { title: 'A project (the value of "project")', place: 'project', note: 'every key optional text', keys: inOrder(PROJECT_KEYS, PROJECT) },
];
