/**
 * The one place a schedule row without a preset or a rate becomes a camera
 * profile: its resolution, frame rate and, if given, codec, scene and quality
 * through the estimate model (core/estimate), grouped per distinct input by
 * the aggregate, with its ranges (the fleet's estimated groups' rules).
 */
import { InputError } from '../diagnostics/errors.js';
import { estimateBitrate } from '../estimate/estimate.js';
import type { SiteCalibration } from '../model/calibration.js';
import { type EstimateAtSetting, estimateAtPoints, estimateProfile, type Profile } from '../model/fleet.js';
import { decimalCommaText } from './local-numbers.js';

/** What an estimated row gives, as text (empty when not given). */
export interface EstimateCells {
  readonly resolution: string;
  readonly fps: string;
  readonly codec: string;
  readonly scene: string;
  readonly quality: string;
}

/** The codec a row without one is estimated with: the model's base (H.264), the higher estimate of the common codecs. */
export const DEFAULT_CODEC = 'h264';

/** The profile of an estimated row (named by its label, if any). Throws InputError naming the field at fault. */
export function estimatedProfile(
  cells: EstimateCells,
  label: string,
  decimalComma: boolean,
  calibration?: SiteCalibration,
  estimateAt?: EstimateAtSetting,
): Profile {
  const fpsText = (decimalComma ? decimalCommaText(cells.fps) : cells.fps).trim().replace(/\s*(fps|frames\/s|f\/s)$/i, '');
  const fps = /^\d+(\.\d+)?$/.test(fpsText) ? Number(fpsText) : Number.NaN;
  if (Number.isNaN(fps)) throw new FieldInputError('fps', `'${cells.fps}' is not a number of frames per second`);
  const input = {
    resolution: cells.resolution,
    fps,
    codec: cells.codec === '' ? DEFAULT_CODEC : cells.codec,
    ...(cells.scene !== '' ? { scene: cells.scene } : {}),
    ...(cells.quality !== '' ? { quality: cells.quality } : {}),
    ...(calibration ? { calibration } : {}),
  };
  try {
    return estimateProfile(estimateBitrate(input), label === '' ? undefined : label, estimateAtPoints(estimateAt));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new FieldInputError(fieldOfMessage(error.message), error.message);
  }
}

/** An InputError about one field of the row. */
export class FieldInputError extends InputError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The field estimateBitrate's message is about ('unknown codec …', 'fps 0 must …', 'resolution …'). */
function fieldOfMessage(message: string): string {
  return /^(?:unknown )?(resolution|fps|codec|scene|quality)\b/.exec(message)?.[1] ?? 'resolution';
}
