/**
 * The estimate model's form and its shipped parameters. A camera has two figures:
 *
 *   peak    b/s = bpp × pixels × 15 × (fps / 15)^fpsExponent       (what a link must carry: a cap, a setting)
 *   bpp         = base × codec × scene × quality × (pixels / 1080p)^-resolutionExponent
 *   average b/s = peak × averageToPeak                              (what a VBR camera sends over a day)
 *
 * base, both exponents and averageToPeak are fitted in log space to
 * presets/validation/ (src/core/estimate/fit.ts; `camsize estimate --calibration`
 * refits them and shows the held-out errors per kind of figure). The codec,
 * scene and quality factors are not fitted: the codecs' come from independent
 * comparisons (CODEC_BASIS), the others are the SOP's planning adjustments.
 * test/unit/estimate-fit.test.ts checks that SHIPPED_MODEL is the rounded fit
 * and SHIPPED_RANGES the held-out percentiles, so they cannot drift apart.
 */
import { own } from '../model/own.js';

export interface ModelParams {
  /** Bits per pixel per frame of the peak at 1080p, 15 fps, H.264, medium scene and quality. */
  readonly base: number;
  readonly fpsExponent: number;
  readonly resolutionExponent: number;
  /** A camera's average over a day ÷ its peak (fitted: average-like against cap-like figures). */
  readonly averageToPeak: number;
  /** v2: a calculator's table ÷ the configured peak (a property of calculator tables, never applied by `estimate`). */
  readonly calculatorLevel?: number;
  /** v2 and v3: a secondary stream's configured rate ÷ a main stream's at the same resolution, frame rate and codec. */
  readonly subStream?: number;
}

/**
 * The model's forms (presets/validation/README.md): v1; v2 with levels for calculator tables and
 * secondary streams; v3 with the secondary streams' level only.
 */
export type ModelForm = 'v1' | 'v2' | 'v3';

export const PIXELS_1080P = 1920 * 1080;
export const REFERENCE_FPS = 15;

/** The fit to the validation set, rounded (base 4 decimals, exponents and the ratio 2). */
export const SHIPPED_MODEL: ModelParams = {
  base: 0.0868,
  fpsExponent: 0.84,
  resolutionExponent: 0.2,
  averageToPeak: 0.81,
};

/**
 * The 80 % range of each figure: the estimate times these factors holds the
 * public figure 80 % of the time on data the fit did not see (the 10th and
 * 90th percentiles of figure ÷ held-out estimate, leave one source out).
 */
export interface FigureRange {
  readonly low: number;
  readonly high: number;
}
export const RANGE_COVERAGE = 0.8;
export const SHIPPED_RANGES: Readonly<Record<'peak' | 'average', FigureRange>> = {
  peak: { low: 0.5, high: 1.98 },
  average: { low: 0.6, high: 1.7 },
};

/** Bit-rate factor of each codec relative to H.264, from independent comparisons (not fitted). */
export const CODEC_FACTORS: Readonly<Record<string, number>> = {
  h264: 1,
  'h264-smart': 0.6,
  h265: 0.85,
  'h265-smart': 0.51,
  av1: 0.6,
  mjpeg: 10,
};

/** Where each codec factor comes from, for docs/estimates.md and `estimate` help. */
export const CODEC_BASIS: Readonly<Record<string, string>> = {
  h264: 'reference (1)',
  h265: 'IPVM\'s tests: H.265 "about 10-15 % on average" below H.264, a Samsung test "~15-20 % lower" (smart codecs off): 0.85',
  'h264-smart': 'IPVM: smart codecs cut H.264 by "at least ~40 %" (daytime still scene) and up to 90 %+; the least saving: 0.6',
  'h265-smart': 'the H.265 factor × the smart-codec factor: 0.85 × 0.6',
  av1: "no independent comparison for surveillance: the SOP's AV1/H.265 ratio 0.7 × 0.85",
  mjpeg: 'Anixter\'s lab test: H.264 about 10 % of MJPEG (low motion); Axis: H.264 "more than 80 %" smaller',
};

/** Scene factors: planning defaults (SOP low ×0.7, high ×1.5; complex within IPVM's "300 %+"), not fitted. */
export const SCENE_FACTORS: Readonly<Record<string, number>> = { low: 0.7, medium: 1, high: 1.5, complex: 2.5 };
/** Quality factors: the SOP's "Image quality / compression setting: low ×0.7, medium ×1.0, high ×1.4" (§5 Step 2). */
export const QUALITY_FACTORS: Readonly<Record<string, number>> = { low: 0.7, medium: 1, high: 1.4 };

export interface ModelInput {
  /** 'sub' for a secondary stream (v2's subStream factor); a main stream when absent. */
  readonly stream?: 'main' | 'sub';
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: string;
  readonly scene: string;
  readonly quality: string;
}

/** The model's peak in b/s (a float; estimateBitrate rounds it to a whole kb/s); × averageToPeak for the average. */
export function modelBitsPerSecond(params: ModelParams, input: ModelInput, figure: 'peak' | 'average' = 'peak'): number {
  const pixels = input.width * input.height;
  const bpp =
    params.base *
    (own(CODEC_FACTORS, input.codec) ?? Number.NaN) *
    (own(SCENE_FACTORS, input.scene) ?? Number.NaN) *
    (own(QUALITY_FACTORS, input.quality) ?? Number.NaN) *
    (pixels / PIXELS_1080P) ** -params.resolutionExponent;
  const role = input.stream === 'sub' ? (params.subStream ?? 1) : 1;
  const peak = bpp * pixels * REFERENCE_FPS * (input.fps / REFERENCE_FPS) ** params.fpsExponent * role;
  return figure === 'peak' ? peak : peak * params.averageToPeak;
}
