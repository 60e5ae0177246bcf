/**
 * A site calibration from measurements: how far this site's cameras are from
 * the estimate model, as one factor (and, with enough points, one per codec),
 * fitted in log space so a camera at half the estimate and one at twice it
 * cancel out. The spread is the geometric standard deviation: ±X % covers
 * about two thirds of the site's cameras around the factor.
 */
import { own } from '../model/own.js';
import { InputError } from '../diagnostics/errors.js';
import { CODEC_FACTORS } from '../estimate/estimate.js';
import { modelBitsPerSecond, SHIPPED_MODEL } from '../estimate/model.js';
import type { FactorFit, SiteCalibration } from '../model/calibration.js';
import { type FlaggedMeasurement, measurementPlace } from './measurement.js';

/** A codec gets its own factor from this many measurements up. */
export const MIN_PER_CODEC = 3;

export interface CameraShape {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: string;
}

export function factorFit(ratios: readonly number[]): FactorFit {
  const logs = ratios.map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const fit = { factor: Math.exp(mean), measurements: logs.length };
  if (logs.length < 2) return fit;
  const variance = logs.reduce((a, l) => a + (l - mean) ** 2, 0) / (logs.length - 1);
  return { ...fit, spreadPercent: (Math.exp(Math.sqrt(variance)) - 1) * 100 };
}

/** The camera a measurement describes: from ffprobe itself, or from its preset (`shapeOf`). */
function shape(m: FlaggedMeasurement, shapeOf: (preset: string) => CameraShape | undefined): CameraShape | undefined {
  if (m.width && m.height && m.fps && m.codec) return { width: m.width, height: m.height, fps: m.fps, codec: m.codec };
  return m.preset === undefined ? undefined : shapeOf(m.preset);
}

export function fitSiteCalibration(
  measurements: readonly FlaggedMeasurement[],
  shapeOf: (preset: string) => CameraShape | undefined = () => undefined,
): SiteCalibration {
  const samples: Array<{ ratio: number; codec: string; m: FlaggedMeasurement }> = [];
  for (const m of measurements) {
    const s = shape(m, shapeOf);
    if (!s || own(CODEC_FACTORS, s.codec) === undefined) continue;
    // Measurements are averages: against the model's average figure.
    const estimate = modelBitsPerSecond(SHIPPED_MODEL, { ...s, scene: 'medium', quality: 'medium' }, 'average');
    const ratio = Number(m.bitsPerSecond) / estimate;
    // A fit is a number or nothing: never a factor of null written with exit 0.
    if (!Number.isFinite(ratio) || ratio <= 0)
      throw new InputError(
        `${measurementPlace(m)}: ${m.bitsPerSecond} b/s against an estimate of ${estimate} b/s for ${s.width}x${s.height} at ${s.fps} fps is no ratio to fit`,
      );
    samples.push({ ratio, codec: s.codec, m });
  }
  if (samples.length === 0)
    throw new InputError(
      'no measurement says its resolution, frame rate and codec (a recording, or a CSV row with a preset that has a codec): nothing to fit',
    );
  const codecs: Record<string, FactorFit> = {};
  for (const codec of new Set(samples.map((s) => s.codec))) {
    const ratios = samples.filter((s) => s.codec === codec).map((s) => s.ratio);
    if (ratios.length >= MIN_PER_CODEC) codecs[codec] = factorFit(ratios);
  }
  return {
    kind: 'camsize-calibration',
    version: 1,
    model: {
      base: SHIPPED_MODEL.base,
      fpsExponent: SHIPPED_MODEL.fpsExponent,
      resolutionExponent: SHIPPED_MODEL.resolutionExponent,
      averageToPeak: SHIPPED_MODEL.averageToPeak,
    },
    site: {
      ...factorFit(samples.map((s) => s.ratio)),
      short: samples.filter((s) => s.m.flags.short).length,
      likelyCaps: samples.filter((s) => s.m.flags.likelyCap).length,
    },
    codecs,
    skipped: measurements.length - samples.length,
  };
}
