/** How the estimate model compares with every catalog preset that has a codec: the model's stated error. */
import type { Catalog, PresetBasis } from '../model/catalog.js';
import { estimateBitrate } from './estimate.js';

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
