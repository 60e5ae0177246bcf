/** What every output format implements (one module per format in formats/, chosen in renderer.ts). */
import type { CalibrationRow, ValidationReport } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import type { Preset } from '../core/model/catalog.js';
import type { ReportDiff } from '../core/model/diff-report.js';
import type { FleetsReport } from '../core/model/fleets-report.js';
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
  /**
   * The same text as UTF-8 bytes in parts (JSON, for an Io with `stdoutBytes`): each part is
   * the writer's buffer, valid only until the next part is asked for.
   */
  reportBytes?(report: Report, options: RenderOptions): Iterable<Uint8Array>;
  presets(presets: readonly Preset[], options: RenderOptions): string;
  estimate(estimate: Estimate, options: RenderOptions): string;
  /** The catalog rows, then (when given) the error on the validation set. */
  calibration(rows: readonly CalibrationRow[], options: RenderOptions, validation?: ValidationReport): string;
  /** `camsize measure`: one row per measurement, with what weakens it (short, likely cap). */
  measurements(measurements: readonly FlaggedMeasurement[], options: RenderOptions): string;
  /** `camsize diff`: what a change to a fleet does (table, Markdown, JSON, CSV; not HTML). */
  diff?(diff: ReportDiff, options: RenderOptions): string;
  /** `camsize check`: many fleets, each with its verdict and failing checks (table, Markdown, JSON, CSV; not HTML). */
  fleets?(report: FleetsReport, options: RenderOptions): string;
}
