/**
 * The fleet format's switch, recorder-disk and design keys (zod): a segment's
 * ports, PoE budget and growth, a camera group's PoE draw, a recorder's disks,
 * and the link speeds "auto" picks from. fleet-schema.ts puts them in place;
 * the value reader (core/input) reads their values.
 */
import { z } from 'zod';
import type { DISK_KEYS } from '../core/input/fleet-keys.js';

const percent = z.union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*%?\s*$/)], { error: 'expected a percentage, e.g. 20 or "20%"' });

const wholeOrDigits = (error: string) =>
  z.union([z.number().int({ error }).min(0, { error }), z.string().regex(/^\s*\d+\s*$/, { error })], { error });

export const segmentDeviceFields = {
  growth: percent
    .optional()
    .describe('Future cameras: this share of every camera group here and below is added (rounded up) to every figure, e.g. "20%"'),
  ports: wholeOrDigits('expected a whole number of ports, 0 or more')
    .optional()
    .describe("The switch's ports for cameras and the links of the segments below (not its own uplink); checked"),
  poe: z
    .string({ error: 'expected a power with a unit, e.g. "370W"' })
    .optional()
    .describe('The switch\'s PoE budget, e.g. "370W"; every camera on the switch then gives its "poe"; checked under maxPoeUtilization'),
  maxPoeUtilization: percent
    .optional()
    .describe('The PoE budget counts as full at this percentage (inherited by segments below; default 80, the SOP)'),
};

export const cameraPoe = z
  .string({ error: 'expected a power ("6.5W") or a PoE class ("class 3")' })
  .describe('Each camera\'s PoE draw at its switch port: watts ("6.5W"), or an IEEE 802.3af/at/bt class ("class 3": its maximum, 15.4 W)');

export const recorderDisks = z
  .strictObject({
    size: z.string({ error: 'expected a disk size with a unit, e.g. "12TB"' }).describe('One disk, e.g. "12TB"'),
    raid: z
      .union([z.string(), z.number()], { error: 'expected a RAID level: 0, 1, 5, 6, 10 or "none"' })
      .describe('RAID level: 0, 1, 5, 6, 10 or "none" (JBOD)'),
    count: wholeOrDigits('expected a whole number of disks')
      .optional()
      .describe('Disks in the array (hot spares apart); absent: as many as the retention needs'),
    spares: wholeOrDigits('expected a whole number of hot spares')
      .optional()
      .describe('Hot spares (default: one for an array of 8 disks or more)'),
    playback: wholeOrDigits('expected a whole number of playback sessions')
      .optional()
      .describe('Playback sessions at once, for the read rate (default 0)'),
  } satisfies Record<(typeof DISK_KEYS)[number], z.ZodType>)
  .describe(
    "Each unit's disks: the disks the retention needs (or, with a count, the days they keep), usable TB and TiB, write and read rates",
  );

export const linkSpeeds = z
  .array(z.string({ error: 'expected a bit rate with a unit, e.g. "10Gb/s"' }), {
    error: 'expected a list of link speeds, e.g. ["1Gb/s", "10Gb/s"]',
  })
  .min(1)
  .optional()
  .describe('The speeds "auto" links and --suggest-links choose from (default 100Mb/s, 1, 2.5, 10, 25, 40 and 100 Gb/s)');
