/**
 * A fleet file as a JavaScript value (what `JSON.parse` gives for one), typed
 * down to every key: plain interfaces, so that a consumer's compiler catches a
 * misspelt key or a value of the wrong type inside `segments`, without zod's
 * types. The keys are the ones core/input/fleet-keys.ts spells; a test
 * (test/unit/fleet-document.test.ts) fails to compile when they drift apart,
 * and checks that every value the zod schema accepts is one of these.
 * docs/fleet-files.md says what each key means.
 */

/** A bit rate with a unit: "1Gb/s", "10 Gbps", "2.5Mb/s". */
export type RateText = string;

/** The fleet: the root segment, with the file's own keys. */
export interface FleetDocument extends SegmentFieldsDocument {
  /** The JSON Schema editors check the file against (ignored by camsize). */
  $schema?: string;
  /** A site calibration file (`camsize measure … --fit`) for the estimated groups, relative to the fleet file. */
  calibration?: string;
  name: string;
  segments?: SegmentDocument[];
  /** How a camera schedule sized with this fleet (`--inventory`) is read; the command line's options win. */
  inventory?: InventorySettingsDocument;
  /** The link speeds "link": "auto" and --suggest-links choose from: ["1Gb/s", "10Gb/s"]. */
  linkSpeeds?: RateText[];
  /** What the design document is about: shown at the head of the Markdown and HTML reports, never used in sizing. */
  project?: ProjectDocument;
}

/** A design document's head (every key optional text; `date` as YYYY-MM-DD). */
export interface ProjectDocument {
  name?: string;
  customer?: string;
  site?: string;
  author?: string;
  revision?: string;
  date?: string;
}

/** A schedule's reading settings (docs/schedules.md): as --columns, --segment-columns, --delimiter and --sheet. */
export interface InventorySettingsDocument {
  /** Columns read as fields: { "count": "Anzahl", "segment": "Standort" }; "ignore": ["Unit"] reads columns as ignored. */
  columns?: { [field: string]: string | string[] };
  /** The columns whose values make the segment path, in order. */
  segmentColumns?: string[];
  /** A CSV schedule's delimiter when its header cannot tell. */
  delimiter?: ',' | ';' | '\t' | 'tab';
  /** The worksheet of an .xlsx workbook to read. */
  sheet?: string;
}

/** A network segment: an access switch, a distribution uplink, a site behind a WAN link… */
export interface SegmentDocument extends SegmentFieldsDocument {
  /** Unique among its siblings; no "/". */
  name: string;
  segments?: SegmentDocument[];
}

/** What every segment (and the fleet) may set besides its name and children. */
export interface SegmentFieldsDocument {
  description?: string;
  /** The segment's uplink: "1Gb/s" (full duplex), { up, down } or { shared } (half duplex). */
  link?: LinkDocument;
  /** The link counts as full at this percentage: 70 or "70%" (inherited; default 70). */
  maxUtilization?: number | string;
  /** Transport overhead: "udp", "tcp", "none" or a percentage (inherited). */
  overhead?: number | string;
  /** Live viewing: a number of streams, { streams, bitrate? }, or a list of operator stations. */
  viewers?: ViewersDocument;
  recorders?: RecorderDocument[];
  /** The recorder (by name) the cameras here and below record to. */
  recordTo?: string;
  /** Storage for the recordings here and below: "500TB". */
  storage?: string;
  /** How long recordings are kept: "30d", "72h", "4w" (inherited). */
  retention?: string;
  /** "continuous" or "motion:PERCENT" (inherited). */
  recording?: string;
  schedule?: ScheduleDocument;
  /** Future cameras: this share of every camera group here and below is added (rounded up): 20 or "20%". */
  growth?: number | string;
  /** The switch's ports for cameras and the links of the segments below (not its own uplink). */
  ports?: number | string;
  /** The switch's PoE budget: "370W". */
  poe?: string;
  /** The PoE budget counts as full at this percentage (inherited; default 80). */
  maxPoeUtilization?: number | string;
  cameras?: CameraGroupDocument[];
}

export type LinkDocument = RateText | LinkUpDownDocument | LinkSharedDocument;
export interface LinkUpDownDocument {
  up: RateText;
  down: RateText;
}
export interface LinkSharedDocument {
  /** One capacity both directions share (half duplex). */
  shared: RateText;
}

export type ViewersDocument = number | ViewersStreamsDocument | ViewerEntryDocument[];
export interface ViewersStreamsDocument {
  streams: number | string;
  /** Rate of one viewed stream (default: the average camera rate below the segment). */
  bitrate?: RateText;
}

/** Operator stations in this segment watching streams of the cameras under `of`. */
export interface ViewerEntryDocument {
  streams: number | string;
  /** Path of the watched segment, "site-a/sw-1" (default: the whole fleet). */
  of?: string;
  stream?: 'main' | 'sub';
  from?: 'recorder' | 'camera';
  multicast?: boolean;
  stations?: number | string;
  bitrate?: RateText;
}

export interface RecorderDocument {
  /** Unique in the fleet; cameras name it in "recordTo". */
  name: string;
  /** How many units (default 1), or "auto". */
  units?: number | 'auto';
  ingest?: RateText;
  storage?: string;
  /** Each unit's disks and RAID level. */
  disks?: DisksDocument;
}

/** A recorder unit's disk array (docs/designs-as-code.md). */
export interface DisksDocument {
  /** One disk: "12TB". */
  size: string;
  /** RAID level: 0, 1, 5, 6, 10 or "none". */
  raid: string | number;
  /** Disks in the array, hot spares apart (absent: as many as the retention needs). */
  count?: number | string;
  /** Hot spares (default: one for an array of 8 disks or more). */
  spares?: number | string;
  /** Playback sessions at once, for the read rate (default 0). */
  playback?: number | string;
}

export interface ScheduleDocument {
  /** The hour night starts, 0–23 (default 18). */
  nightStart?: number;
  /** How many hours night lasts (default 12). */
  nightHours?: number;
}

/** A group of identical cameras: a preset, a bit rate or an estimate; and a count. */
export interface CameraGroupDocument {
  preset?: string;
  bitrate?: RateText;
  /** Instead of a bit rate: the peak (a cap), what links carry; alone, the average follows (× 0.81). */
  peak?: RateText;
  /** Instead of a bit rate: the average over a day, what storage holds; alone, the peak follows (÷ 0.81). */
  average?: RateText;
  /** Instead of a preset or a bit rate: an estimate from resolution, fps and codec. */
  resolution?: string;
  fps?: number;
  codec?: string;
  scene?: string;
  quality?: string;
  /** Cameras, 0 to 10^15: a number, a string of digits, or (in code) a bigint. */
  count: number | string | bigint;
  label?: string;
  /** The sub stream: a bit rate or an estimate. */
  sub?: RateText | SubStreamDocument;
  record?: 'main' | 'sub' | 'none';
  recordTo?: string;
  /** Each camera's PoE draw at its switch port: "6.5W" or an IEEE class, "class 3". */
  poe?: string;
  /** Rate at night: "24Mb/s" or a multiple of the day rate, "x1.2". */
  night?: string | number;
  events?: EventsDocument;
}

export interface SubStreamDocument {
  resolution: string;
  fps: number;
  codec: string;
  scene?: string;
  quality?: string;
}

export interface EventsDocument {
  /** Rate while an event is recorded: "12Mb/s" or "x2". */
  rate: string | number;
  /** Share of the time in events, percent. */
  duty: number | string;
}
