/**
 * Bit-rate estimate for a camera that is not in the catalog, from its
 * resolution, frame rate, codec, scene and quality: a bits-per-pixel model
 * whose form and fitted parameters live in ./model.ts. How far to trust it is
 * measured, not assumed: `camsize estimate --calibration` (./calibration.ts,
 * ./fit.ts) against presets/validation/estimate-points.json.
 */
import { own } from '../model/own.js';
import { InputError } from '../diagnostics/errors.js';
import { closest } from '../diagnostics/suggest.js';
import { normalizeCodec } from './codec.js';
import { type CalibrationUsed, type SiteCalibration, calibrationText } from '../model/calibration.js';
import { calibrationFor } from './site-calibration.js';
import {
  CODEC_FACTORS,
  modelBitsPerSecond,
  PIXELS_1080P,
  QUALITY_FACTORS,
  RANGE_COVERAGE,
  SCENE_FACTORS,
  SHIPPED_MODEL,
  SHIPPED_RANGES,
} from './model.js';

export const BPP_1080P15_H264 = SHIPPED_MODEL.base;
export const RESOLUTION_EXPONENT = SHIPPED_MODEL.resolutionExponent;
export const FPS_EXPONENT = SHIPPED_MODEL.fpsExponent;
export { CODEC_FACTORS, QUALITY_FACTORS, SCENE_FACTORS };

const NAMED_RESOLUTIONS: Readonly<Record<string, [number, number]>> = {
  '720p': [1280, 720],
  '1mp': [1280, 720],
  '1080p': [1920, 1080],
  '2mp': [1920, 1080],
  '3mp': [2048, 1536],
  '4mp': [2560, 1440],
  '5mp': [2592, 1944],
  '6mp': [3072, 2048],
  '8mp': [3840, 2160],
  '4k': [3840, 2160],
  uhd: [3840, 2160],
  '12mp': [4000, 3000],
};

export interface EstimateInput {
  resolution: string;
  fps: number;
  codec: string;
  scene?: string;
  quality?: string;
  /** A site calibration (`camsize measure … --fit`): its factor scales the model's rate. */
  calibration?: SiteCalibration;
}

/** One figure of an estimate, each to a whole kb/s (the model is no more precise than that): its centre and its range. */
export interface EstimatedFigure {
  bitsPerSecond: bigint;
  low: bigint;
  high: bigint;
}

export interface Estimate {
  width: number;
  height: number;
  fps: number;
  codec: string;
  scene: string;
  quality: string;
  /** Bits per pixel per frame the model uses for the peak, after every factor. */
  bpp: number;
  /** What a link must carry (a cap, a setting) and what a VBR camera sends over a day, each with its range. */
  peak: EstimatedFigure;
  average: EstimatedFigure;
  /** The share of independent figures each range held on data the fit did not see (RANGE_COVERAGE). */
  coverage: number;
  /** The average's centre, b/s (what `perCamera` has always been for scripts). */
  bitsPerSecond: bigint;
  /** Each step of the computation, for `camsize estimate`. */
  steps: Array<[string, string]>;
  /** The site calibration applied, when one was given. */
  calibration?: CalibrationUsed;
}

/** "1920x1080", "4MP", "4K", "1080p" → width and height. */
export function parseResolution(text: string): [number, number] {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const named = own(NAMED_RESOLUTIONS, t);
  if (named) return named;
  const match = /^(\d{2,5})[x×*](\d{2,5})$/.exec(t);
  if (match) return [Number(match[1]), Number(match[2])];
  const near = closest(t, Object.keys(NAMED_RESOLUTIONS), 2);
  throw new InputError(
    `resolution '${text}' is not WIDTHxHEIGHT or one of ${Object.keys(NAMED_RESOLUTIONS).join(', ')}${near.length ? ` (did you mean '${near[0]}'?)` : ''}`,
  );
}

function pick(table: Readonly<Record<string, number>>, value: string, what: string): number {
  const factor = own(table, value.trim().toLowerCase());
  if (factor !== undefined) return factor;
  const near = closest(value, Object.keys(table), 1)[0];
  throw new InputError(`unknown ${what} '${value}' (expected ${Object.keys(table).join(', ')})${near ? `; did you mean '${near}'?` : ''}`);
}

export function estimateBitrate(input: EstimateInput): Estimate {
  const [width, height] = parseResolution(input.resolution);
  if (!Number.isFinite(input.fps) || input.fps <= 0 || input.fps > 240)
    throw new InputError(`fps ${input.fps} must be more than 0 and at most 240`);
  const codec = normalizeCodec(input.codec);
  const scene = (input.scene ?? 'medium').toLowerCase();
  const quality = (input.quality ?? 'medium').toLowerCase();
  const codecFactor = pick(CODEC_FACTORS, codec, 'codec');
  const sceneFactor = pick(SCENE_FACTORS, scene, 'scene');
  const qualityFactor = pick(QUALITY_FACTORS, quality, 'quality');
  const pixels = width * height;
  const resolutionFactor = (pixels / PIXELS_1080P) ** -RESOLUTION_EXPONENT;
  const bpp = BPP_1080P15_H264 * codecFactor * sceneFactor * qualityFactor * resolutionFactor;
  const frames = 15 * (input.fps / 15) ** FPS_EXPONENT;
  const calibration = input.calibration && calibrationFor(input.calibration, codec);
  const factor = calibration?.factor ?? 1;
  const peakBps = modelBitsPerSecond(SHIPPED_MODEL, { width, height, fps: input.fps, codec, scene, quality }) * factor;
  const peak = figure(peakBps, SHIPPED_RANGES.peak);
  const average = figure(peakBps * SHIPPED_MODEL.averageToPeak, SHIPPED_RANGES.average);
  const n = (x: number, d = 4) => String(Number(x.toFixed(d)));
  const mbps = (bps: bigint) => `${(Number(bps) / 1e6).toString()} Mb/s`;
  const range = (f: EstimatedFigure, r: { low: number; high: number }) =>
    `× ${n(r.low, 2)} to × ${n(r.high, 2)}: ${mbps(f.low)} to ${mbps(f.high)}`;
  const calibrated: Array<[string, string]> = calibration
    ? [[`site calibration (${calibrationText(calibration)})`, `× ${n(calibration.factor)}`]]
    : [];
  const percent = `${RANGE_COVERAGE * 100} %`;
  return {
    width,
    height,
    fps: input.fps,
    codec,
    scene,
    quality,
    bpp,
    peak,
    average,
    coverage: RANGE_COVERAGE,
    bitsPerSecond: average.bitsPerSecond,
    ...(calibration ? { calibration } : {}),
    steps: [
      ['pixels', `${width} × ${height} = ${pixels.toLocaleString('en-US')}`],
      ['base bpp of the peak (1080p, 15 fps, H.264, medium)', n(BPP_1080P15_H264)],
      [`resolution factor (pixels / 1080p)^-${RESOLUTION_EXPONENT}`, n(resolutionFactor)],
      [`codec ${codec}`, `× ${n(codecFactor)}`],
      [`scene ${scene}`, `× ${n(sceneFactor)}`],
      [`quality ${quality}`, `× ${n(qualityFactor)}`],
      ['bits per pixel per frame', n(bpp)],
      [`effective frames/s 15 × (${input.fps} / 15)^${FPS_EXPONENT}`, n(frames, 3)],
      ...calibrated,
      [`peak (pixels × bpp × frames/s${calibration ? ' × calibration' : ''}, to a whole kb/s)`, mbps(peak.bitsPerSecond)],
      [`average (peak × ${SHIPPED_MODEL.averageToPeak}, the fitted average-to-peak ratio)`, mbps(average.bitsPerSecond)],
      [`peak's ${percent} range`, range(peak, SHIPPED_RANGES.peak)],
      [`average's ${percent} range`, range(average, SHIPPED_RANGES.average)],
    ],
  };
}

/** A figure's centre and range, each rounded to a whole kb/s (at least 1 kb/s). */
function figure(bps: number, range: { low: number; high: number }): EstimatedFigure {
  const kbps = (x: number) => BigInt(Math.max(1, Math.round(x / 1000))) * 1000n;
  return { bitsPerSecond: kbps(bps), low: kbps(bps * range.low), high: kbps(bps * range.high) };
}
