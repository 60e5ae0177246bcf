/**
 * Bit-rate estimate for a camera that is not in the catalog, from its
 * resolution, frame rate, codec, scene and quality: a bits-per-pixel model.
 *
 *   b/s = bpp × pixels × 15 × (fps / 15)^FPS_EXPONENT
 *   bpp = BPP_1080P15_H264 × codec × scene × quality × (pixels / 1080p)^-RESOLUTION_EXPONENT
 *
 * Calibration (see README, "Estimating a bit rate", and test/unit/estimate.test.ts):
 * - BPP_1080P15_H264 and RESOLUTION_EXPONENT are fitted to the SOP planning
 *   table (H.264 at 15 fps, medium scene and quality, 720p to 12MP): bpp falls
 *   with resolution, from 0.145 at 720p to 0.089 at 12MP.
 * - Codec factors are that table's ratios to H.264 (H.265 0.5, smart H.264+
 *   0.6, smart H.265+ 0.25, AV1 0.35, MJPEG 5).
 * - FPS_EXPONENT 0.9 fits the vendor table's 30/15/10 fps series (sub-linear
 *   at low frame rates).
 * - Scene factors follow the planning defaults in the research notes (low 0.7,
 *   medium 1, high 1.5, complex 2.5 within IPVM's "up to 300 %+"); quality
 *   factors (low 0.7, medium 1, high 1.4) are camsize's assumption, stated as such.
 */
import { InputError } from '../diagnostics/errors.js';
import { closest } from '../diagnostics/suggest.js';

export const BPP_1080P15_H264 = 0.1286;
export const RESOLUTION_EXPONENT = 0.19;
export const FPS_EXPONENT = 0.9;
const PIXELS_1080P = 1920 * 1080;

export const CODEC_FACTORS: Readonly<Record<string, number>> = {
  h264: 1,
  'h264-smart': 0.6,
  h265: 0.5,
  'h265-smart': 0.25,
  av1: 0.35,
  mjpeg: 5,
};
export const SCENE_FACTORS: Readonly<Record<string, number>> = { low: 0.7, medium: 1, high: 1.5, complex: 2.5 };
export const QUALITY_FACTORS: Readonly<Record<string, number>> = { low: 0.7, medium: 1, high: 1.4 };

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
}

export interface Estimate {
  width: number;
  height: number;
  fps: number;
  codec: string;
  scene: string;
  quality: string;
  /** Bits per pixel per frame the model uses, after every factor. */
  bpp: number;
  /** The estimate, rounded to a whole kb/s (the model is no more precise than that). */
  bitsPerSecond: bigint;
  /** Each step of the computation, for `camsize estimate`. */
  steps: Array<[string, string]>;
}

/** "1920x1080", "4MP", "4K", "1080p" → width and height. */
export function parseResolution(text: string): [number, number] {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const named = NAMED_RESOLUTIONS[t];
  if (named) return named;
  const match = /^(\d{2,5})[x×*](\d{2,5})$/.exec(t);
  if (match) return [Number(match[1]), Number(match[2])];
  const near = closest(t, Object.keys(NAMED_RESOLUTIONS), 2);
  throw new InputError(
    `resolution '${text}' is not WIDTHxHEIGHT or one of ${Object.keys(NAMED_RESOLUTIONS).join(', ')}${near.length ? ` (did you mean '${near[0]}'?)` : ''}`,
  );
}

function pick(table: Readonly<Record<string, number>>, value: string, what: string): number {
  const factor = table[value.trim().toLowerCase()];
  if (factor !== undefined) return factor;
  const near = closest(value, Object.keys(table), 1)[0];
  throw new InputError(`unknown ${what} '${value}' (expected ${Object.keys(table).join(', ')})${near ? `; did you mean '${near}'?` : ''}`);
}

export function estimateBitrate(input: EstimateInput): Estimate {
  const [width, height] = parseResolution(input.resolution);
  if (!Number.isFinite(input.fps) || input.fps <= 0 || input.fps > 240)
    throw new InputError(`fps ${input.fps} must be more than 0 and at most 240`);
  const codec = input.codec.trim().toLowerCase().replace(/\./g, '').replace(/\+$/, '-smart');
  const scene = (input.scene ?? 'medium').toLowerCase();
  const quality = (input.quality ?? 'medium').toLowerCase();
  const codecFactor = pick(CODEC_FACTORS, codec, 'codec');
  const sceneFactor = pick(SCENE_FACTORS, scene, 'scene');
  const qualityFactor = pick(QUALITY_FACTORS, quality, 'quality');
  const pixels = width * height;
  const resolutionFactor = (pixels / PIXELS_1080P) ** -RESOLUTION_EXPONENT;
  const bpp = BPP_1080P15_H264 * codecFactor * sceneFactor * qualityFactor * resolutionFactor;
  const frames = 15 * (input.fps / 15) ** FPS_EXPONENT;
  const bps = bpp * pixels * frames;
  const bitsPerSecond = BigInt(Math.max(1, Math.round(bps / 1000))) * 1000n;
  const n = (x: number, d = 4) => String(Number(x.toFixed(d)));
  return {
    width,
    height,
    fps: input.fps,
    codec,
    scene,
    quality,
    bpp,
    bitsPerSecond,
    steps: [
      ['pixels', `${width} × ${height} = ${pixels.toLocaleString('en-US')}`],
      ['base bpp (1080p, 15 fps, H.264, medium)', n(BPP_1080P15_H264)],
      [`resolution factor (pixels / 1080p)^-${RESOLUTION_EXPONENT}`, n(resolutionFactor)],
      [`codec ${codec}`, `× ${n(codecFactor)}`],
      [`scene ${scene}`, `× ${n(sceneFactor)}`],
      [`quality ${quality}`, `× ${n(qualityFactor)}`],
      ['bits per pixel per frame', n(bpp)],
      [`effective frames/s 15 × (${input.fps} / 15)^${FPS_EXPONENT}`, n(frames, 3)],
      ['estimate (pixels × bpp × frames/s, to a whole kb/s)', `${(Number(bitsPerSecond) / 1e6).toString()} Mb/s`],
    ],
  };
}
