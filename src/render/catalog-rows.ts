/**
 * The catalog's tables for the human formats (table, Markdown, HTML), each
 * column once: the presets list and the estimate model against the catalog.
 * Formats set the cells off their own way (Markdown puts ids in backticks).
 */
import type { CalibrationRow } from '../core/estimate/calibration.js';
import type { Preset } from '../core/model/catalog.js';
import type { Align, ColumnFit } from './columns/column.js';
import type { RenderOptions } from './view.js';
import { humanRate } from './wording/quantities.js';

export const PRESET_HEAD = ['Preset', 'Resolution', 'FPS', 'Codec', 'Scene', 'Per camera', 'Night', 'Basis'];
export const PRESET_ALIGN: readonly Align[] = ['left', 'left', 'right', 'left', 'left', 'right', 'right', 'left'];
/** In a narrow terminal: the id and the scene wrap; Night, then Codec, then Resolution go. */
export const PRESET_FIT: readonly ColumnFit[] = [
  { wraps: 'name' },
  { drops: 3 },
  {},
  { drops: 2 },
  { wraps: 'text' },
  {},
  { drops: 1 },
  {},
];

export function presetCells(p: Preset, options: RenderOptions): string[] {
  return [
    p.id,
    p.resolution.name,
    String(p.fps),
    p.codec ?? '',
    p.scene,
    humanRate(p.bitsPerSecond, options),
    p.nightBitsPerSecond === undefined ? '' : humanRate(p.nightBitsPerSecond, options),
    p.basis,
  ];
}

export const CALIBRATION_HEAD = ['Preset', 'Basis', 'Resolution', 'FPS', 'Codec', 'Catalog', 'Estimate', 'Estimate ÷ catalog'];
export const CALIBRATION_ALIGN: readonly Align[] = ['left', 'left', 'left', 'right', 'left', 'right', 'right', 'right'];
/** In a narrow terminal: the id wraps; Codec, then Resolution, then Basis go. */
export const CALIBRATION_FIT: readonly ColumnFit[] = [{ wraps: 'name' }, { drops: 3 }, { drops: 2 }, {}, { drops: 1 }, {}, {}, {}];

export function calibrationCells(r: CalibrationRow, options: RenderOptions): string[] {
  return [
    r.id,
    r.basis,
    r.resolution,
    String(r.fps),
    r.codec,
    humanRate(r.catalogBitsPerSecond, options),
    humanRate(r.estimateBitsPerSecond, options),
    r.ratio.toFixed(2),
  ];
}
