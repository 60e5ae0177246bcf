/**
 * The site calibration file `camsize measure … --fit` writes, as read back by
 * `--calibration FILE` and a fleet file's "calibration". Loaded only when a
 * calibration is given (zod costs start-up time). Unknown keys are allowed:
 * the file is camsize's own output, and `kind` and `version` say what it is.
 */
import { z } from 'zod';
import type { Issue } from '../core/diagnostics/issues.js';
import type { SiteCalibration } from '../core/model/calibration.js';
import { fromZodIssues } from './zod-issues.js';

const factorFit = z.object({
  factor: z.number().positive().finite(),
  measurements: z.int().min(1),
  spreadPercent: z.number().min(0).finite().optional(),
});

export const calibrationSchema = z.object({
  kind: z.literal('camsize-calibration', {
    error: 'not a camsize calibration (expected "kind": "camsize-calibration", from camsize measure --fit)',
  }),
  version: z.literal(1, { error: 'a calibration of another version (this camsize reads version 1)' }),
  model: z.object({ base: z.number(), fpsExponent: z.number(), resolutionExponent: z.number(), averageToPeak: z.number().optional() }),
  site: factorFit.extend({ short: z.int().min(0), likelyCaps: z.int().min(0) }),
  codecs: z.record(z.string(), factorFit),
  skipped: z.int().min(0),
});

/** The calibration, or every problem with its place (`site.factor`). */
export function readCalibrationJson(json: unknown): { calibration?: SiteCalibration; issues: Issue[] } {
  const result = calibrationSchema.safeParse(json);
  if (result.success) return { calibration: result.data as SiteCalibration, issues: [] };
  return { issues: fromZodIssues(result.error.issues) };
}
