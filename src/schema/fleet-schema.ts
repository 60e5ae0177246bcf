/**
 * The fleet file format: zod checks the structure and types (and gives the
 * JSON Schema of `camsize schema`); src/core/input/fleet-json.ts then reads the
 * values (units, presets, counts, duplicate names) into the fleet model.
 */
import { z } from 'zod';

const COUNT = 'expected a whole number of cameras, 0 or more';
const STREAMS = 'expected a whole number of streams (0 or more)';

const rate = z
  .string({ error: 'expected a bit rate with a unit, e.g. "1Gb/s"' })
  .describe('A bit rate with a unit, e.g. "1Gb/s", "10 Gbps", "2.5Mb/s"');

/** JSON integers, or strings of digits. */
const count = z
  .union([z.number().int({ error: COUNT }).min(0, { error: COUNT }), z.string().regex(/^\s*\d[\d,_]*\s*$/, { error: COUNT })], {
    error: COUNT,
  })
  .describe('Number of cameras, 0 to 10^15: a JSON integer or a string of digits');

const percent = z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*%?\s*$/)], { error: 'expected a percentage, e.g. 70 or "70%"' });

export const cameraGroupSchema = z
  .strictObject({
    preset: z.string().min(1).optional().describe('A preset id from `camsize presets`'),
    bitrate: rate.optional().describe('Per-camera bit rate, instead of a preset'),
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
  })
  .describe('A group of identical cameras: a preset or a bit rate, and a count');

const viewers = z
  .union(
    [
      z.number().int().min(0),
      z.strictObject({
        streams: z.union([z.number().int({ error: STREAMS }).min(0, { error: STREAMS }), z.string().regex(/^\d+$/, { error: STREAMS })], {
          error: STREAMS,
        }),
        bitrate: rate.optional().describe('Rate of one viewed stream; default: the average camera rate below the segment'),
      }),
    ],
    { error: 'expected a number of streams or { "streams": N, "bitrate": "…" }' },
  )
  .describe('Live-viewing streams crossing this segment towards viewers at the fleet root (unicast copies)');

const segmentFields = {
  link: rate.optional().describe("Capacity of the segment's uplink"),
  maxUtilization: percent.optional().describe('The link counts as full at this percentage (inherited by segments below; default 70)'),
  overhead: z
    .union([z.enum(['udp', 'tcp', 'none']), z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*%?\s*$/)], {
      error: 'expected "udp", "tcp", "none" or a percentage',
    })
    .optional()
    .describe('Transport overhead on top of the video payload (inherited by segments below)'),
  viewers: viewers.optional(),
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
  description: z.string().optional(),
  cameras: z.array(cameraGroupSchema).optional(),
};

/** The input type of a segment; written out because TypeScript cannot infer a recursive schema's type. */
export interface SegmentJson {
  name: string;
  link?: string | undefined;
  maxUtilization?: number | string | undefined;
  overhead?: number | string | undefined;
  viewers?: number | { streams: number | string; bitrate?: string | undefined } | undefined;
  storage?: string | undefined;
  retention?: string | undefined;
  recording?: string | undefined;
  schedule?: { nightStart?: number | undefined; nightHours?: number | undefined } | undefined;
  description?: string | undefined;
  cameras?:
    | Array<{
        preset?: string | undefined;
        bitrate?: string | undefined;
        resolution?: string | undefined;
        fps?: number | undefined;
        codec?: string | undefined;
        scene?: string | undefined;
        quality?: string | undefined;
        night?: string | number | undefined;
        events?: { rate: string | number; duty: number | string } | undefined;
        count: number | string;
        label?: string | undefined;
      }>
    | undefined;
  segments?: SegmentJson[] | undefined;
}

/** A network segment: an access switch, a distribution uplink, a site behind a WAN link … */
export const segmentSchema: z.ZodType<SegmentJson> = z.strictObject({
  name: z
    .string()
    .min(1)
    .regex(/^[^/]+$/, { error: 'must not contain "/"' }),
  ...segmentFields,
  get segments() {
    return z.array(segmentSchema).optional();
  },
});

export const fleetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    ...segmentFields,
    segments: z.array(segmentSchema).optional(),
  })
  .describe('A camsize fleet file: camera groups inside a tree of network segments');

export type FleetJson = z.input<typeof fleetSchema>;

/** Every key the format knows, in reading order: for did-you-mean hints and to sort messages. */
export const FLEET_KEYS = [
  '$schema',
  'name',
  'description',
  'link',
  'maxUtilization',
  'overhead',
  'viewers',
  'streams',
  'storage',
  'retention',
  'recording',
  'schedule',
  'nightStart',
  'nightHours',
  'preset',
  'bitrate',
  'resolution',
  'fps',
  'codec',
  'scene',
  'quality',
  'night',
  'events',
  'rate',
  'duty',
  'count',
  'label',
  'cameras',
  'segments',
];

export function fleetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(fleetSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
