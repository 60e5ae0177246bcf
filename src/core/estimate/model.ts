/**
 * The estimate model's form and its shipped parameters:
 *
 *   b/s = bpp × pixels × 15 × (fps / 15)^fpsExponent
 *   bpp = base × codec × scene × quality × (pixels / 1080p)^-resolutionExponent
 *
 * The parameters are fitted in log space to presets/validation/estimate-points.json
 * (src/core/estimate/fit.ts; `camsize estimate --calibration` refits them and
 * shows in-sample and held-out errors). test/unit/estimate-fit.test.ts checks
 * that SHIPPED_MODEL is the rounded fit, so the two cannot drift apart.
 */
import { own } from '../model/own.js';

export interface ModelParams {
  /** Bits per pixel per frame at 1080p, 15 fps, H.264, medium scene and quality. */
  readonly base: number;
  readonly fpsExponent: number;
  readonly resolutionExponent: number;
  /** Bit-rate factor of each codec relative to H.264 (h264 is 1). */
  readonly codecFactors: Readonly<Record<string, number>>;
}

export const PIXELS_1080P = 1920 * 1080;
export const REFERENCE_FPS = 15;

/** The fit to the validation set, rounded (codecs without a public figure: see CODEC_BASIS). */
export const SHIPPED_MODEL: ModelParams = {
  base: 0.1026,
  fpsExponent: 0.87,
  resolutionExponent: 0.09,
  codecFactors: { h264: 1, 'h264-smart': 0.66, h265: 0.7, 'h265-smart': 0.35, av1: 0.49, mjpeg: 6.8 },
};

/** Where each codec factor comes from, for the README and `estimate` help. */
export const CODEC_BASIS: Readonly<Record<string, string>> = {
  h264: 'reference (1)',
  'h264-smart': 'fitted (one calculator table)',
  h265: 'fitted',
  'h265-smart': 'fitted (one calculator table)',
  av1: "no public figure: the SOP's AV1/H.265 ratio 0.7 × the fitted H.265 factor",
  mjpeg: 'fitted (one vendor figure)',
};

/** Scene factors: planning defaults (SOP low ×0.7, high ×1.5; complex within IPVM's "300 %+"), not fitted. */
export const SCENE_FACTORS: Readonly<Record<string, number>> = { low: 0.7, medium: 1, high: 1.5, complex: 2.5 };
/** Quality factors: the SOP's "Image quality / compression setting: low ×0.7, medium ×1.0, high ×1.4" (§5 Step 2). */
export const QUALITY_FACTORS: Readonly<Record<string, number>> = { low: 0.7, medium: 1, high: 1.4 };

export interface ModelInput {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: string;
  readonly scene: string;
  readonly quality: string;
}

/** The model's rate in b/s (a float; estimateBitrate rounds it to a whole kb/s). */
export function modelBitsPerSecond(params: ModelParams, input: ModelInput): number {
  const pixels = input.width * input.height;
  const codec = own(params.codecFactors, input.codec) ?? Number.NaN;
  const bpp =
    params.base *
    codec *
    (own(SCENE_FACTORS, input.scene) ?? Number.NaN) *
    (own(QUALITY_FACTORS, input.quality) ?? Number.NaN) *
    (pixels / PIXELS_1080P) ** -params.resolutionExponent;
  return bpp * pixels * REFERENCE_FPS * (input.fps / REFERENCE_FPS) ** params.fpsExponent;
}
