/**
 * The one schema of a preset catalog file (presets/*.json). Imported lazily:
 * zod costs ~70 ms to load, so the common path reads a catalog that the build
 * already validated (see src/io/catalog-load.ts).
 */
import { z } from 'zod';
import { InputError } from '../core/diagnostics/errors.js';
import { parseRate, rateFromNumber } from '../core/numbers/rate.js';
import { type Preset, presetRateBasis } from '../core/model/catalog.js';
import { formatIssue } from '../core/diagnostics/issues.js';
import { fromZodIssues } from './zod-issues.js';

/** Mb/s as a JSON number (read through its decimal text) or as text with a unit. */
const mbps = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    return typeof value === 'number' ? rateFromNumber(value, 'Mb/s') : parseRate(value, 'Mb/s');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof InputError ? error.message : String(error) });
    return z.NEVER;
  }
});

const PRESET_KEYS = [
  'id',
  'label',
  'resolution',
  'name',
  'width',
  'height',
  'fps',
  'scene',
  'codec',
  'mbps',
  'nightMbps',
  'subMbps',
  'averageMbps',
  'peakMbps',
  'aliases',
  'basis',
  'source',
  'citation',
  'url',
  'note',
  'catalog',
  'description',
  'presets',
];

const presetSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/, 'expected lowercase letters, digits, ".", "+" or "-"'),
  label: z.string().min(1),
  resolution: z.strictObject({
    name: z.string().min(1),
    width: z.int().positive(),
    height: z.int().positive(),
  }),
  fps: z.number().positive().max(1000),
  scene: z.string().min(1),
  codec: z.enum(['h264', 'h264-smart', 'h265', 'h265-smart', 'av1', 'mjpeg']).nullable(),
  mbps,
  nightMbps: mbps.optional(),
  subMbps: mbps.optional(),
  /** The other figure, where a source gives both: the average of a preset whose basis gives the peak, or the reverse. */
  averageMbps: mbps.optional(),
  peakMbps: mbps.optional(),
  /** Former ids, still accepted with a deprecation note. */
  aliases: z.array(z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/)).optional(),
  basis: z.enum(['report', 'vendor-cap', 'observed-cap', 'planning', 'measured']),
  source: z.strictObject({
    citation: z.string().min(1),
    url: z.url().optional(),
    note: z.string().optional(),
  }),
});

export const catalogFileSchema = z.strictObject({
  $schema: z.string().optional(),
  catalog: z.string().min(1),
  description: z.string().min(1),
  presets: z.array(presetSchema).min(1),
});

/** Validates one catalog file's text; throws InputError listing every problem as `file: field: message`. */
export function validateCatalogFile(file: string, text: string): Preset[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const result = catalogFileSchema.safeParse(json);
  if (!result.success) {
    const issues = fromZodIssues(result.error.issues, PRESET_KEYS).map((issue) => formatIssue(file, issue));
    throw new InputError(issues[0]!, issues);
  }
  const problems = result.data.presets.flatMap((p, i) => {
    const gives = presetRateBasis(p.basis);
    if (p.averageMbps !== undefined && gives !== 'peak')
      return [
        `${file}: presets[${i}].averageMbps: a '${p.basis}' preset gives ${gives === 'rate' ? 'one rate' : 'the average'}; averageMbps goes with a peak basis (vendor-cap, observed-cap)`,
      ];
    if (p.peakMbps !== undefined && gives !== 'average')
      return [
        `${file}: presets[${i}].peakMbps: a '${p.basis}' preset gives ${gives === 'rate' ? 'one rate' : 'the peak'}; peakMbps goes with an average basis (planning, measured)`,
      ];
    return [];
  });
  if (problems.length > 0) throw new InputError(problems[0]!, problems);
  return result.data.presets.map(({ mbps: bitsPerSecond, nightMbps, subMbps, averageMbps, peakMbps, ...rest }) => ({
    ...rest,
    bitsPerSecond,
    ...(averageMbps === undefined && peakMbps === undefined ? {} : { otherBitsPerSecond: (averageMbps ?? peakMbps)! }),
    ...(nightMbps === undefined ? {} : { nightBitsPerSecond: nightMbps }),
    ...(subMbps === undefined ? {} : { subBitsPerSecond: subMbps }),
    source: { ...rest.source },
    file,
  }));
}
