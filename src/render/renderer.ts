/**
 * One renderer per output format, all behind one interface over the same
 * models. Each format's module is loaded only when chosen, so a table run
 * never loads the JSON, CSV, Markdown or HTML code (start-up time, bench/RESULTS.md).
 */
import type { CalibrationRow, ValidationReport } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import type { Preset } from '../core/model/catalog.js';
import type { Report } from '../core/model/report.js';
import type { RenderOptions } from './view.js';

export interface Renderer {
  report(report: Report, options: RenderOptions): string;
  /**
   * The same text in parts, made as they are asked for (JSON and CSV, whose
   * reports grow with the fleet: a large one is never held as one string);
   * joined, exactly `report()`. A format without it is written whole.
   */
  reportChunks?(report: Report, options: RenderOptions): Iterable<string>;
  presets(presets: readonly Preset[], options: RenderOptions): string;
  estimate(estimate: Estimate, options: RenderOptions): string;
  /** The catalog rows, then (when given) the error on the validation set. */
  calibration(rows: readonly CalibrationRow[], options: RenderOptions, validation?: ValidationReport): string;
  /** `camsize measure`: one row per measurement, with what weakens it (short, likely cap). */
  measurements(measurements: readonly FlaggedMeasurement[], options: RenderOptions): string;
}

export const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const RENDERERS: Record<Format, () => Promise<Renderer>> = {
  table: async () => (await import('./formats/table.js')).tableRenderer,
  json: async () => (await import('./formats/json.js')).jsonRenderer,
  csv: async () => (await import('./formats/csv.js')).csvRenderer,
  markdown: async () => (await import('./formats/markdown.js')).markdownRenderer,
  html: async () => (await import('./formats/html.js')).htmlRenderer,
};

export function renderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}
