/**
 * A site calibration (`camsize measure … --fit`, core/measure/fit.ts) applied
 * to the estimate model: which factor an estimate gets, whether the file was
 * fitted to this model, and how the result says how far to trust it.
 */
import { own } from '../model/own.js';
import type { CalibrationUsed, SiteCalibration } from '../model/calibration.js';
import { SHIPPED_MODEL } from './model.js';

/**
 * The calibration an estimate of `codec` gets: the codec's own factor when the
 * site has one, else the site's. Refused when the file was fitted against
 * another version of the model (its factors would apply to other estimates).
 */
export function calibrationFor(calibration: SiteCalibration, codec: string): CalibrationUsed {
  const ofCodec = own(calibration.codecs, codec);
  const fit = ofCodec ?? calibration.site;
  return {
    factor: fit.factor,
    measurements: fit.measurements,
    ...(fit.spreadPercent === undefined ? {} : { spreadPercent: fit.spreadPercent }),
    scope: ofCodec ? codec : 'site',
  };
}

/** Undefined when the calibration fits the shipped model; else why it does not. */
export function modelMismatch(calibration: Pick<SiteCalibration, 'model'>): string | undefined {
  const m = calibration.model;
  const s = SHIPPED_MODEL;
  const same =
    m.base === s.base &&
    m.fpsExponent === s.fpsExponent &&
    m.resolutionExponent === s.resolutionExponent &&
    m.averageToPeak === s.averageToPeak;
  if (same) return undefined;
  return (
    `fitted against another estimate model (base ${m.base}, fps exponent ${m.fpsExponent}, resolution exponent ${m.resolutionExponent}, ` +
    `average ÷ peak ${m.averageToPeak ?? 'none'}; this camsize's is ${s.base}, ${s.fpsExponent}, ${s.resolutionExponent}, ${s.averageToPeak}): ` +
    'fit it again with camsize measure … --fit'
  );
}
