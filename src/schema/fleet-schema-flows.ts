/**
 * The fleet format's flow keys (zod): a segment's link (full duplex, "auto",
 * asymmetric or shared), its viewers and its recorders; and the bit rate they
 * and the camera groups share. fleet-schema.ts puts them in place.
 */
import { z } from 'zod';
import { recorderDisks } from './fleet-schema-devices.js';

const STREAMS = 'expected a whole number of streams (0 or more)';

export const rate = z
  .string({ error: 'expected a bit rate with a unit, e.g. "1Gb/s"' })
  .describe('A bit rate with a unit, e.g. "1Gb/s", "10 Gbps", "2.5Mb/s"');

const streams = z.union([z.number().int({ error: STREAMS }).min(0, { error: STREAMS }), z.string().regex(/^\d+$/, { error: STREAMS })], {
  error: STREAMS,
});

/** One entry of the list form: operator stations here watching streams of the cameras under `of`. */
const viewerEntry = z
  .strictObject({
    streams: streams.describe('Streams each station watches'),
    of: z.string().min(1).optional().describe('Path of the segment whose cameras are watched, e.g. "site-a" (default: the whole fleet)'),
    stream: z.enum(['main', 'sub'], { error: 'expected "main" or "sub"' }).optional().describe('"main" (default) or "sub"'),
    from: z
      .enum(['recorder', 'camera'], { error: 'expected "recorder" or "camera"' })
      .optional()
      .describe("Served by the cameras' recorders (default) or by the cameras"),
    multicast: z.boolean().optional().describe('Each distinct stream crosses a link once, however many stations watch it (default false)'),
    stations: streams.optional().describe('Operator stations here, each watching `streams` streams (default 1)'),
    bitrate: rate.optional().describe('Rate of one viewed stream; default: each is one of the highest-rate streams under `of`'),
  })
  .describe('Operator stations in this segment');

export const viewers = z
  .union(
    [
      z.number().int().min(0),
      z.strictObject({
        streams,
        bitrate: rate.optional().describe('Rate of one viewed stream; default: the average camera rate below the segment'),
      }),
      z.array(viewerEntry),
    ],
    { error: 'expected a number of streams, { "streams": N, "bitrate": "…" }, or a list of viewer entries' },
  )
  .describe(
    'Live viewing: a number or { "streams", "bitrate" } (streams from the head end down to this segment), or a list of operator stations here',
  );

const units = z
  .union([z.number().int().min(1), z.literal('auto')], { error: 'expected a whole number of units (1 or more) or "auto"' })
  .describe('How many units (default 1), or "auto": the fewest that hold the ingest and the retention');

export const recorder = z
  .strictObject({
    name: z.string().min(1).describe('Unique in the fleet; cameras name it in "recordTo"'),
    units: units.optional(),
    ingest: rate.optional().describe('Recorded ingest one unit takes (checked under the ceiling)'),
    storage: z.string({ error: 'expected a storage size with a unit, e.g. "100TB"' }).optional().describe('Storage of one unit'),
    disks: recorderDisks.optional(),
  })
  .describe('A recorder (NVR, recording server) in this segment');

export const link = z
  .union(
    [
      rate,
      z.strictObject({ up: rate, down: rate }),
      z.strictObject({ shared: rate.describe('One capacity that both directions share (half-duplex radio links)') }),
    ],
    { error: 'expected a bit rate ("1Gb/s", full duplex), "auto", { "up": …, "down": … } or { "shared": … }' },
  )
  .describe(
    'Capacity of the segment\'s uplink: "1Gb/s" (full duplex: each direction), "auto" (the smallest standard speed that holds the load), { "up", "down" } (asymmetric) or { "shared" } (half duplex)',
  );
