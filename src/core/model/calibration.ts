/**
 * A site calibration's types (what `camsize measure --fit` writes, core/measure/fit.ts) and how one
 * is applied to an estimate: plain data, shared by the fit, the estimate model and the fleet model.
 */

export interface FactorFit {
  /** Measured ÷ estimated, geometric mean. */
  readonly factor: number;
  /** Geometric standard deviation − 1, in percent; undefined from a single measurement. */
  readonly spreadPercent?: number;
  readonly measurements: number;
}

export interface SiteCalibration {
  readonly kind: 'camsize-calibration';
  readonly version: 1;
  /** The model the factors apply to. */
  readonly model: {
    readonly base: number;
    readonly fpsExponent: number;
    readonly resolutionExponent: number;
    /** Since the two figures (#21): measurements are averages, fitted against the model's average. Absent in older files. */
    readonly averageToPeak?: number;
  };
  readonly site: FactorFit & { readonly short: number; readonly likelyCaps: number };
  readonly codecs: Readonly<Record<string, FactorFit>>;
  /** Measurements without a known resolution, frame rate and codec: not in the fit. */
  readonly skipped: number;
}

/** A site calibration as applied to one estimate: the factor and the evidence behind it. */
export interface CalibrationUsed {
  /** Measured ÷ estimated, applied to the model's rate. */
  readonly factor: number;
  readonly measurements: number;
  /** ±X %: the geometric standard deviation − 1; undefined from a single measurement. */
  readonly spreadPercent?: number;
  /** The codec's own factor ('h265'), or the whole site's. */
  readonly scope: 'site' | string;
}

/** "calibrated on 12 measurements, spread ±18 %" (of h265 cameras, when the codec has its own factor). */
export function calibrationText(c: CalibrationUsed): string {
  const noun = c.measurements === 1 ? 'measurement' : 'measurements';
  const of = c.scope === 'site' ? '' : ` of ${c.scope} cameras`;
  const spread = c.spreadPercent === undefined ? 'spread unknown' : `spread ±${Number(c.spreadPercent.toFixed(1))} %`;
  return `calibrated on ${c.measurements} ${noun}${of}, ${spread}`;
}
