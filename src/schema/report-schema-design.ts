/**
 * The parts of the report schema that designs as code add (additive to
 * schemaVersion 2): the flat `checks` list of every report, a segment's link
 * suggestion, ports and PoE, a storage's headroom, a recorder's disks, and
 * the settings that say which of them apply. See report-schema.ts.
 */
import { obj, ref, type Schema, text, yes } from './json-schema-build.js';

const watts = obj('An amount of power', {
  milliwatts: { type: 'string', pattern: '^-?[0-9]+$', description: 'Exact, in mW (negative: a headroom over its limit)' },
  watts: { type: 'number', description: 'The same in W, for convenience' },
});

const speed = { anyOf: [{ $ref: '#/$defs/rate' }, { type: 'null' }], description: 'null: even the largest listed speed does not hold it' };

export const DESIGN_DEFS: Record<string, Schema> = {
  watts,
  flatCheck: obj(
    'One thing a check compared: a direction of a link, a part of a recorder, a storage, ports, PoE, a total',
    {
      file: text('camsize check: the file the fleet was read from'),
      fleet: text('The fleet’s name'),
      kind: {
        enum: ['link', 'storage', 'ports', 'poe', 'recorder', 'total', 'total-storage', 'how-many', 'drift'],
        description: 'What is checked',
      },
      where: text('Where, as the failure lines say it: a segment path, the fleet’s name for its root, "recorder NAME (PATH)", a total'),
      path: { type: 'array', items: { type: 'string' }, description: 'The segment ([] for the fleet and the totals)' },
      recorder: text('A recorder’s check: its name'),
      group: text('A drift check: the group’s profile name'),
      direction: { enum: ['up', 'down', 'shared', null], description: 'A link’s direction, or its shared capacity; null otherwise' },
      part: { enum: ['ingest', 'storage', 'disks'], description: 'A recorder’s part' },
      load: { ...ref('whole'), description: 'What was compared, exact, in unit' },
      limit: {
        ...ref('whole'),
        description: 'The most it may be (a link’s usable share, a capacity, the ports, the PoE budget under its ceiling)',
      },
      unit: { enum: ['b/s', 'B', 'mW', 'ports'] },
      verdict: { enum: ['pass', 'fail'], description: 'pass when load ≤ limit' },
    },
    ['file', 'recorder', 'group', 'part'],
  ),
  linkSuggestion: obj(
    'The smallest listed link speed that holds the load under the ceiling ("link": "auto", --suggest-links)',
    { kind: { enum: ['directions', 'shared'] }, up: speed, down: speed, shared: speed, largest: ref('rate') },
    ['up', 'down', 'shared'],
  ),
  ports: obj('A switch’s ports ("ports"): its cameras and the links below it', {
    ports: ref('whole'),
    used: ref('whole'),
    spare: { ...ref('signed'), description: 'ports − used; negative when over' },
    fits: { type: 'boolean' },
  }),
  poe: obj('A switch’s PoE budget ("poe") against its cameras’ draw', {
    budget: ref('watts'),
    maxUtilizationPercent: { type: 'number', description: 'The budget counts as full at this share (default 80)' },
    usable: { ...ref('watts'), description: 'budget × maxUtilization, rounded down' },
    draw: ref('watts'),
    cameras: { ...ref('whole'), description: 'The cameras drawing it' },
    utilizationPercent: { type: ['number', 'null'], description: 'draw ÷ budget in percent, rounded up to 2 decimals' },
    headroom: { ...ref('watts'), description: 'usable − draw; negative when over' },
    fits: { type: 'boolean' },
  }),
  disks: obj(
    'Each unit’s disks ("disks"): the array the retention needs, or the given one',
    {
      raid: { enum: ['none', '0', '1', '5', '6', '10'] },
      disk: ref('bytes'),
      arrayDisks: { ...ref('whole'), description: 'Disks in the array (data and parity)' },
      spares: { ...ref('whole'), description: 'Hot spares (one for an array of 8 disks or more unless given)' },
      totalDisks: ref('whole'),
      given: {
        type: 'boolean',
        description: 'The fleet file gave the count; else the fewest disks that hold the retention with its headroom',
      },
      usable: { ...ref('bytes'), description: 'What the array holds (tib: what an OS shows)' },
      required: { ...ref('bytes'), description: 'Per unit: the retention’s storage with its headroom' },
      daysFit: {
        type: ['string', 'null'],
        pattern: '^[0-9]+$',
        description: 'Whole days every unit keeps at the design rates; null when nothing is recorded',
      },
      writeBytesPerSecond: { ...ref('whole'), description: 'Sustained write per unit: its recorded ingest ÷ 8, rounded up' },
      playbackSessions: ref('whole'),
      readBytesPerSecond: { ...ref('whole'), description: 'Playback read per unit: sessions × the average camera rate ÷ 8, rounded up' },
      fits: { type: 'boolean', description: 'False when no array of the level holds the retention (RAID 1)' },
    },
    ['required'],
  ),
};

/** A segment's keys that designs as code add. */
export const SEGMENT_DESIGN_KEYS: Record<string, Schema> = {
  linkAuto: yes('Present when the link was "auto": its capacity is the suggested speed'),
  linkSuggestion: ref('linkSuggestion'),
  ports: ref('ports'),
  poe: ref('poe'),
};

/** The settings that say which design figures apply. */
export const SETTINGS_DESIGN_KEYS: Record<string, Schema> = {
  growth: obj(
    'Present with --growth or a segment’s "growth": future cameras in every figure',
    {
      defaultPercent: { type: 'number', description: '--growth' },
      usedPercent: { type: 'array', items: { type: 'number' }, description: 'The distinct shares applied' },
      addedCameras: { ...ref('whole'), description: 'Cameras the growth added (every count includes them)' },
    },
    ['defaultPercent'],
  ),
  linkSpeeds: { type: 'array', items: ref('rate'), description: 'Present when a link was sized or suggested: the speeds chosen from' },
  maxPoeUtilizationPercent: { type: 'number', description: 'Present when a PoE budget is checked: the default ceiling' },
};

/** A storage's key with --storage-headroom. */
export const STORAGE_DESIGN_KEYS: Record<string, Schema> = {
  required: { ...ref('bytes'), description: 'With --storage-headroom: needed × (1 + headroom), what the capacity must hold' },
};
