/**
 * The JSON Schema (draft 2020-12) of the `--json` report, schemaVersion 2:
 * what src/render/formats/json.ts writes, key by key. `camsize schema --output`
 * prints it and the package ships it (lib/report.schema.json). Objects allow
 * keys this schema does not name, because a schemaVersion only ever gains keys;
 * the test (test/e2e/report-schema.test.ts) checks, with every object closed,
 * that each key the renderer writes is described here.
 */
import { INVENTORY_COLUMNS } from '../core/inventory/columns.js';
import { count, hour, hours, num, obj, ref, type Schema, text, yes } from './json-schema-build.js';
import { FLOW_DEFS } from './report-schema-flows.js';
import { DRIFT_DEFS } from './report-schema-drift.js';
import { DESIGN_DEFS, SEGMENT_DESIGN_KEYS, STORAGE_DESIGN_KEYS } from './report-schema-design.js';
import { FIGURE_DEFS, PROFILE_DEF } from './report-schema-figures.js';
import { CAPACITY_ANSWER, TOTAL } from './report-schema-total.js';
import { SCHEMA_ID_BASE } from './schema-id.js';
import { PROJECT } from './report-schema-project.js';
import { SETTINGS } from './report-schema-settings.js';

const VERDICT = {
  enum: ['pass', 'fail', 'unchecked'],
  description:
    'pass: every capacity check fits (exit 0); fail: at least one does not (exit 1); unchecked: nothing had a capacity to check against (exit 0)',
};

const DEFS: Record<string, Schema> = {
  ...DRIFT_DEFS,
  ...FIGURE_DEFS,
  ...DESIGN_DEFS,
  whole: { type: 'string', pattern: '^[0-9]+$', description: 'An exact whole number, as a decimal string' },
  signed: { type: 'string', pattern: '^-?[0-9]+$', description: 'An exact whole number that may be negative, as a decimal string' },
  rate: obj('A bit rate', {
    bitsPerSecond: { ...ref('signed'), description: 'Exact, in b/s' },
    mbps: num('The same in Mb/s, for convenience (a JSON number: may round above 2^53 b/s)'),
  }),
  bytes: obj('An amount of storage', {
    bytes: { ...ref('whole'), description: 'Exact, in bytes' },
    tb: num('In TB (10^12 bytes), to 6 decimals'),
    tib: num('In TiB (2^40 bytes), to 6 decimals'),
  }),
  link: obj(
    "A capacity check: a segment's link, or the total against --capacity",
    {
      capacity: ref('rate'),
      maxUtilizationPercent: num('The link counts as full at this share of its capacity'),
      usable: { ...ref('rate'), description: 'capacity × maxUtilization, rounded down' },
      utilizationPercent: {
        type: ['number', 'null'],
        description: 'load ÷ capacity in percent, rounded up to 2 decimals; null for a zero capacity',
      },
      headroom: { ...ref('rate'), description: 'usable − load; negative when over' },
      headroomCameras: obj('Cameras of one profile that still fit (negative: how many must go)', {
        profile: text('The profile the headroom is counted in'),
        cameras: ref('signed'),
        perCamera: ref('rate'),
      }),
      fits: { type: 'boolean' },
      kind: {
        enum: ['duplex', 'asymmetric', 'shared'],
        description:
          "A segment's link: full duplex (each direction against the capacity), asymmetric (up and down capacities) or shared (half duplex: up + down against one capacity)",
      },
      direction: {
        enum: ['up', 'down', 'shared'],
        description: "A segment's link: which direction this check is (the one that fails, or the fuller), or the shared capacity",
      },
    },
    ['headroomCameras', 'kind', 'direction'],
  ),
  storage: obj(
    'Recording storage for the retention',
    {
      needed: ref('bytes'),
      ...STORAGE_DESIGN_KEYS,
      capacity: ref('bytes'),
      fits: { type: 'boolean', description: 'Present with a capacity' },
      unretainedCameras: {
        ...ref('whole'),
        description: 'Recorded cameras here or below whose segment sets no retention: needed leaves them out',
      },
    },
    ['capacity', 'fits', 'unretainedCameras', ...Object.keys(STORAGE_DESIGN_KEYS)],
  ),
  time: obj('The load over the day, when some camera’s rate varies (night, events) or has an average below its peak', {
    average: { ...ref('rate'), description: 'Time-weighted daily average of the average figures (what storage sees)' },
    busiestHour: hour('The hour with the highest mean load'),
    busiestHourAverage: ref('rate'),
    peak: { ...ref('rate'), description: 'The highest load of the peak figures when every state that can coincide does' },
    peakHour: hour('The hour of the peak'),
    hourly: obj('Hour by hour, hour 0 first', {
      night: hours({ type: 'boolean' }, 'Whether each hour is night'),
      averageBitsPerSecond: hours(ref('whole'), 'Mean load of each hour, b/s'),
      peakBitsPerSecond: hours(ref('whole'), 'Peak load of each hour, b/s'),
    }),
  }),
  source: obj(
    'Where a preset’s number comes from',
    { citation: text('The source'), url: text('A link to it'), note: text('What to know') },
    ['url', 'note'],
  ),
  profile: PROFILE_DEF,
  segment: obj(
    'A segment and everything below it (the fleet root has an empty path)',
    {
      path: { type: 'array', items: { type: 'string' }, description: 'Segment names from the top level down' },
      cameras: ref('whole'),
      overhead: text('The transport overhead the segment uses: none, udp, tcp or custom'),
      cameraLoad: { ...ref('rate'), description: 'Camera streams on the wire' },
      viewing: { ...ref('rate'), description: 'Live-viewing copies crossing the segment' },
      viewers: obj('Viewing stations in the segment itself (the single-number form of "viewers" counts one)', {
        stations: ref('whole'),
        streams: { ...ref('whole'), description: 'The streams they watch in all' },
      }),
      load: {
        ...ref('rate'),
        description: 'cameraLoad + viewing: what the link is checked with (the peak or daily average when rates vary)',
      },
      link: { ...ref('link'), description: 'The check of the link: its fuller or failing direction, or its shared capacity' },
      storage: ref('storage'),
      time: ref('time'),
      percentile: ref('segmentPercentile'),
      drift: ref('segmentDrift'),
      up: { ...ref('direction'), description: 'Towards the parent: streams from inside the subtree to outside it' },
      down: { ...ref('direction'), description: 'From the parent: streams from outside the subtree to inside it' },
      ...SEGMENT_DESIGN_KEYS,
    },
    ['viewers', 'link', 'storage', 'time', 'percentile', 'drift', ...Object.keys(SEGMENT_DESIGN_KEYS)],
  ),
  ...FLOW_DEFS,
  segmentPercentile: obj('With --percentile: that percentile of the load in the worst hour (approximate)', {
    bitsPerSecond: ref('whole'),
    mbps: { type: 'number' },
    approximate: yes('Always: a normal approximation, rounded up'),
  }),
  settings: SETTINGS,
};

export function reportJsonSchema(): Schema {
  const report = obj(
    'A camsize sizing report (camsize --json)',
    {
      schemaVersion: { const: 2, description: 'Raised only when a change is not additive' },
      fleet: text('The fleet’s name'),
      project: PROJECT,
      settings: ref('settings'),
      verdict: VERDICT,
      checkOn: { enum: ['peak', 'average'], description: 'Present when rates vary over the day: what links are checked against' },
      schedule: obj('The night hours', {
        nightStart: hour('The hour night starts'),
        nightHours: { type: 'integer', minimum: 0, maximum: 24 },
      }),
      percentileSettings: obj('With --percentile', {
        percentile: { type: 'number' },
        correlation: { type: 'number' },
        vbrCv: { type: 'number' },
      }),
      partial: yes('Present when invalid inventory records were skipped: the totals leave them out'),
      skippedRecords: { type: 'integer', minimum: 1 },
      inventory: obj(
        'Present when the cameras came from an inventory',
        {
          name: { type: 'string' },
          records: { type: 'integer', minimum: 0 },
          bytes: { type: 'integer', minimum: 0 },
          columns: {
            type: 'array',
            description:
              "Every column of a CSV or XLSX schedule in file order (an NDJSON/JSON inventory's keys, in the order first met), and what it was read as",
            items: obj(
              'One column (or key)',
              {
                header: text('The header (or key) as the file gives it'),
                field: {
                  enum: [...INVENTORY_COLUMNS.map((c) => c.field), 'ignored'],
                  description: "The field it was read as (docs/schedules.md), or 'ignored'",
                },
                unit: text("A rate column's unit for its bare numbers, from its header ('Bitrate (Mbps)')"),
                level: count('For a column that is one level of a composed segment path: which (1 the first)'),
              },
              ['unit', 'level'],
            ),
          },
          sheet: text('The worksheet read, for an XLSX workbook'),
        },
        ['columns', 'sheet'],
      ),
      profiles: { type: 'array', items: ref('profile') },
      segments: { type: 'array', items: ref('segment'), description: 'The segment tree in pre-order, the fleet root first' },
      recorders: {
        type: 'array',
        items: ref('recorder'),
        description: 'Present when the fleet has recorders: in tree order, then the head end',
      },
      total: TOTAL,
      capacityAnswer: CAPACITY_ANSWER,
      drift: ref('drift'),
      checks: {
        type: 'array',
        items: ref('flatCheck'),
        description: 'Every check flat, one entry per direction or part, in the report’s order',
      },
    },
    'project checkOn schedule percentileSettings partial skippedRecords inventory recorders capacityAnswer drift'.split(' '),
  );
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${SCHEMA_ID_BASE}report.schema.json`, ...report, $defs: DEFS };
}
