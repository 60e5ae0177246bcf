/**
 * The fleet file format: zod checks the structure and types (and gives the
 * JSON Schema of `camsize schema`); src/core/input/fleet-json.ts then reads the
 * values (units, presets, counts, duplicate names) into the fleet model.
 */
import { z } from 'zod';
import { MAX_DEPTH } from '../core/model/fleet.js';
import type { CameraKey, INVENTORY_KEYS, SegmentKey } from '../core/input/fleet-keys.js';
import { cameraPoe, linkSpeeds, segmentDeviceFields } from './fleet-schema-devices.js';
import { link, rate, recorder, viewers } from './fleet-schema-flows.js';
import { project } from './project-schema.js';
import { SCHEMA_ID_BASE } from './schema-id.js';

const COUNT = 'expected a whole number of cameras, 0 or more';

/** JSON integers, or strings of digits. */
const count = z
  .union([z.number().int({ error: COUNT }).min(0, { error: COUNT }), z.string().regex(/^\s*\d[\d,_]*\s*$/, { error: COUNT })], {
    error: COUNT,
  })
  .describe('Number of cameras, 0 to 10^15: a JSON integer or a string of digits');

/** A sub stream: a bit rate, or an estimate from resolution, fps and codec (as for a camera). */
const subStream = z
  .union(
    [
      rate,
      z.strictObject({
        resolution: z.string(),
        fps: z.number(),
        codec: z.string(),
        scene: z.string().optional(),
        quality: z.string().optional(),
      }),
    ],
    { error: 'expected a bit rate ("1Mb/s") or an estimate ({ "resolution": "640x360", "fps": 15, "codec": "h264" })' },
  )
  .describe("The cameras' sub stream (live viewing, low-rate recording): a bit rate, or an estimate; presets may carry one");

const percent = z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*%?\s*$/)], { error: 'expected a percentage, e.g. 70 or "70%"' });

const cameraShape = {
  preset: z.string().min(1).optional().describe('A preset id from `camsize presets`'),
  bitrate: rate.optional().describe('Per-camera bit rate, instead of a preset: one rate, for links and storage'),
  peak: rate.optional().describe('Instead of a bit rate: the peak (a cap), what links carry; alone, the average is × 0.81'),
  average: rate.optional().describe('Instead of a bit rate: the average over a day, what storage holds; alone, the peak is ÷ 0.81'),
  resolution: z
    .string()
    .optional()
    .describe('Instead of a preset or bit rate: estimate from resolution ("1920x1080", "4MP", "4K"), fps and codec'),
  fps: z.number().optional().describe('Frames per second, for an estimate'),
  codec: z.string().optional().describe('h264, h265, h264-smart, h265-smart, av1 or mjpeg, for an estimate'),
  scene: z.string().optional().describe('low, medium (default), high or complex, for an estimate'),
  quality: z.string().optional().describe('low, medium (default) or high, for an estimate'),
  count,
  label: z.string().min(1).optional().describe('Name of a custom-rate group in the report'),
  sub: subStream.optional(),
  record: z
    .enum(['main', 'sub', 'none'], { error: 'expected "main", "sub" or "none"' })
    .optional()
    .describe('Which stream the cameras record: "main" (default), "sub" or "none"'),
  recordTo: z.string().min(1).optional().describe("The recorder (by name) these cameras record to, instead of their segment's"),
  poe: cameraPoe.optional(),
  night: z
    .union([z.string(), z.number()])
    .optional()
    .describe('Rate at night (IR on or unlit): "24Mb/s", or a multiple of the day rate, "x1.2"'),
  events: z
    .strictObject({
      rate: z.union([z.string(), z.number()]).describe('Rate while an event is recorded: "12Mb/s" or "x2"'),
      duty: z.union([z.number(), z.string()]).describe('Share of the time in events, percent'),
    })
    .optional()
    .describe('Event or motion bursts'),
} satisfies Record<CameraKey, z.ZodType>;

export const cameraGroupSchema = z.strictObject(cameraShape).describe('A group of identical cameras: a preset or a bit rate, and a count');

/** A segment's own fields: every segment key but its name and its children. */
const segmentFields = {
  link: link.optional(),
  maxUtilization: percent.optional().describe('The link counts as full at this percentage (inherited by segments below; default 70)'),
  overhead: z
    .union([z.enum(['udp', 'tcp', 'none']), z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*%?\s*$/)], {
      error: 'expected "udp", "tcp", "none" or a percentage',
    })
    .optional()
    .describe('Transport overhead on top of the video payload (inherited by segments below)'),
  viewers: viewers.optional(),
  recorders: z.array(recorder).optional(),
  recordTo: z
    .string()
    .min(1)
    .optional()
    .describe('The recorder (by name) the cameras of this segment and below record to, instead of the nearest one at or above'),
  storage: z
    .string({ error: 'expected a storage size with a unit, e.g. "500TB"' })
    .optional()
    .describe('Storage for the recordings of this segment and below (e.g. "500TB", "400TiB"); checked when a retention is set'),
  retention: z
    .string({ error: 'expected a duration, e.g. "30d"' })
    .optional()
    .describe('How long recordings are kept, e.g. "30d", "72h", "4w" (inherited by segments below)'),
  recording: z
    .string({ error: 'expected "continuous" or "motion:PERCENT"' })
    .optional()
    .describe('"continuous" or "motion:30" (30 % of the time recorded); inherited by segments below'),
  schedule: z
    .strictObject({ nightStart: z.int().min(0).max(23).optional(), nightHours: z.int().min(0).optional() })
    .optional()
    .describe('Which hours are night: nightStart (0-23, default 18) and nightHours (default 12); inherited by segments below'),
  ...segmentDeviceFields,
  description: z.string().optional(),
  cameras: z.array(cameraGroupSchema).optional(),
} satisfies Record<Exclude<SegmentKey, 'name' | 'segments'>, z.ZodType>;

const segmentName = z
  .string()
  .min(1)
  .regex(/^[^/]+$/, { error: 'must not contain "/"' });

/**
 * One segment without looking into its children (they are each checked on
 * their own, by validateFleet, so that depth costs memory, never stack).
 */
export const segmentShallowSchema = z.strictObject({ name: segmentName, ...segmentFields, segments: z.array(z.unknown()).optional() });
const calibration = z
  .string({ error: 'expected the path of a site calibration file, e.g. "site-calibration.json"' })
  .min(1)
  .optional()
  .describe('A site calibration from `camsize measure … --fit`, for the estimated groups; a path relative to this file');

const inventory = z
  .strictObject({
    columns: z
      .record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1))]))
      .optional()
      .describe(
        'Columns read as fields, e.g. { "count": "Anzahl", "segment": "Standort" }; "ignore": ["Unit"] reads columns as ignored (as --columns)',
      ),
    segmentColumns: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('The columns whose values make the segment path, in order (as --segment-columns)'),
    delimiter: z
      .enum([',', ';', '\t', 'tab'])
      .optional()
      .describe("A CSV schedule's delimiter when its header cannot tell (as --delimiter)"),
    sheet: z.string().min(1).optional().describe('The worksheet of an .xlsx workbook to read (as --sheet)'),
  } satisfies Record<(typeof INVENTORY_KEYS)[number], z.ZodType>)
  .optional()
  .describe("How a camera schedule sized with this fleet (--inventory) is read; the command line's options win");

export const rootShallowSchema = z.strictObject({
  $schema: z.string().optional(),
  calibration,
  project,
  inventory,
  linkSpeeds,
  name: z.string().min(1),
  ...segmentFields,
  segments: z.array(z.unknown()).optional(),
});

/** The input type of a segment: its own fields as zod reads them, and its children. */
export type SegmentJson = Omit<z.input<typeof segmentShallowSchema>, 'segments'> & { segments?: SegmentJson[] | undefined };

/** A network segment: an access switch, a distribution uplink, a site behind a WAN link … */
export const segmentSchema: z.ZodType<SegmentJson> = z.strictObject({
  name: segmentName,
  ...segmentFields,
  get segments() {
    return z.array(segmentSchema).optional();
  },
});

export const fleetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    calibration,
    project,
    inventory,
    linkSpeeds,
    name: z.string().min(1),
    ...segmentFields,
    segments: z.array(segmentSchema).optional(),
  })
  .describe('A camsize fleet file: camera groups inside a tree of network segments');

export { FLEET_KEYS } from '../core/input/fleet-keys.js';

/**
 * Every structural problem of a parsed fleet file, each at its path. The tree
 * is walked with a stack, one segment at a time, so a deep file costs memory,
 * not stack (zod on the recursive schema recurses once per level).
 */
export function validateFleet(json: unknown): Array<{ path: Array<string | number>; issue: z.core.$ZodIssue }> {
  const problems: Array<{ path: Array<string | number>; issue: z.core.$ZodIssue }> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: json, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const result = (path.length === 0 ? rootShallowSchema : segmentShallowSchema).safeParse(value);
    if (!result.success) for (const issue of result.error.issues) problems.push({ path, issue });
    const children = (value as { segments?: unknown } | null)?.segments;
    // Below the depth limit the value reader reports the nesting itself (and paths would cost depth²).
    if (Array.isArray(children) && path.length / 2 < MAX_DEPTH) {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i], path: [...path, 'segments', i] });
    }
  }
  return problems;
}

export function fleetJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(fleetSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $schema, $id: `${SCHEMA_ID_BASE}fleet.schema.json`, ...schema };
}
