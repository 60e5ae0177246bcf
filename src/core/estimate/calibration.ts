/**
 * How far to trust the estimate model: against every catalog preset that has a
 * codec (rows per preset), and against the independent validation set it is
 * fitted to, in sample and held out (validationReport).
 */
import type { Catalog, PresetBasis } from '../model/catalog.js';
import { estimateBitrate } from './estimate.js';
import { type ErrorStats, errorStats, fitModel, leaveOneOut, leaveOneSourceOut } from './fit.js';
import { type ModelParams, modelBitsPerSecond, SHIPPED_MODEL } from './model.js';
import type { FigureKind, ValidationSet } from './validation.js';

export interface CalibrationRow {
  id: string;
  basis: PresetBasis;
  resolution: string;
  fps: number;
  codec: string;
  catalogBitsPerSecond: bigint;
  estimateBitsPerSecond: bigint;
  /** estimate / catalog */
  ratio: number;
}

export function calibration(catalog: Catalog): CalibrationRow[] {
  return catalog.presets
    .filter((p) => p.codec !== null)
    .map((p) => {
      const estimate = estimateBitrate({ resolution: `${p.resolution.width}x${p.resolution.height}`, fps: p.fps, codec: p.codec! });
      return {
        id: p.id,
        basis: p.basis,
        resolution: p.resolution.name,
        fps: p.fps,
        codec: p.codec!,
        catalogBitsPerSecond: p.bitsPerSecond,
        estimateBitsPerSecond: estimate.bitsPerSecond,
        ratio: Number(estimate.bitsPerSecond) / Number(p.bitsPerSecond),
      };
    });
}

/** The widest ratio per basis: what the README states as the model's error. */
export function calibrationBounds(rows: readonly CalibrationRow[]): Record<string, { min: number; max: number; count: number }> {
  const out: Record<string, { min: number; max: number; count: number }> = {};
  for (const r of rows) {
    const b = (out[r.basis] ??= { min: Infinity, max: -Infinity, count: 0 });
    b.min = Math.min(b.min, r.ratio);
    b.max = Math.max(b.max, r.ratio);
    b.count++;
  }
  return out;
}

/** One public figure of the validation set against the model. */
export interface ValidationRow {
  readonly id: string;
  readonly source: string;
  readonly kind: FigureKind;
  readonly resolution: string;
  readonly fps: number;
  readonly codec: string;
  readonly figureBitsPerSecond: bigint;
  /** The shipped model's estimate, to a whole kb/s like `camsize estimate`. */
  readonly estimateBitsPerSecond: bigint;
  /** The estimate of a model fitted to every other point (leave-one-out). */
  readonly heldOutBitsPerSecond: bigint;
  readonly ratio: number;
  readonly heldOutRatio: number;
}

export interface ValidationReport {
  readonly points: number;
  readonly sources: number;
  /** The fit to every point, unrounded (SHIPPED_MODEL is it rounded). */
  readonly fitted: ModelParams;
  /** The shipped model on every point it was fitted to. */
  readonly inSample: ErrorStats;
  readonly leaveOneOut: ErrorStats;
  readonly leaveOneSourceOut: ErrorStats;
  /** The held-out (leave-one-out) worst cases, worst first. */
  readonly worst: readonly ValidationRow[];
  readonly rows: readonly ValidationRow[];
  /** The target on held-out data: median |error| ≤ 25 % and every point within ×2. */
  readonly target: { readonly medianMet: boolean; readonly factor2Met: boolean };
}

const kbps = (bps: number) => BigInt(Math.max(1, Math.round(bps / 1000))) * 1000n;

export function validationReport(set: ValidationSet): ValidationReport {
  const { points } = set;
  const kinds = new Map(set.sources.map((s) => [s.id, s.kind]));
  const loo = leaveOneOut(points);
  const loso = leaveOneSourceOut(points);
  const rows = points.map((p, i): ValidationRow => {
    const estimate = kbps(modelBitsPerSecond(SHIPPED_MODEL, p));
    const heldOut = kbps(loo[i]!);
    const figure = BigInt(Math.round(p.bitsPerSecond));
    return {
      id: p.id,
      source: p.source,
      kind: kinds.get(p.source)!,
      resolution: `${p.width}x${p.height}`,
      fps: p.fps,
      codec: p.codec,
      figureBitsPerSecond: figure,
      estimateBitsPerSecond: estimate,
      heldOutBitsPerSecond: heldOut,
      ratio: Number(estimate) / p.bitsPerSecond,
      heldOutRatio: Number(heldOut) / p.bitsPerSecond,
    };
  });
  const leaveOneOutStats = errorStats(rows.map((r) => r.heldOutRatio));
  const severity = (r: ValidationRow) => Math.abs(Math.log(r.heldOutRatio));
  return {
    points: points.length,
    sources: set.sources.length,
    fitted: fitModel(points),
    inSample: errorStats(rows.map((r) => r.ratio)),
    leaveOneOut: leaveOneOutStats,
    leaveOneSourceOut: errorStats(loso.map((e, i) => e / points[i]!.bitsPerSecond)),
    worst: [...rows].sort((a, b) => severity(b) - severity(a)).slice(0, 3),
    rows,
    target: { medianMet: leaveOneOutStats.medianAbsError <= 0.25, factor2Met: leaveOneOutStats.outsideFactor2 === 0 },
  };
}
