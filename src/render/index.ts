/**
 * One entry point per output, each rendering with the module of the chosen
 * format. Each format module is loaded only when used, so a table run never
 * loads the JSON, CSV or Markdown code (start-up time, bench/RESULTS.md).
 */
import type { Preset } from '../core/model/catalog.js';
import type { CalibrationRow } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import type { Report } from '../core/model/report.js';
import type { RenderOptions } from './options.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export async function renderReport(report: Report, format: Format, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable(report, options);
    case 'json':
      return (await import('./json.js')).renderJson(report, options);
    case 'csv':
      return (await import('./csv.js')).renderCsv(report, options);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(report, options);
  }
}

export async function renderPresets(presets: readonly Preset[], format: Format, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTablePresets(presets, options);
    case 'json':
      return (await import('./json.js')).renderJsonPresets(presets);
    case 'csv':
      return (await import('./csv.js')).renderCsvPresets(presets);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdownPresets(presets, options);
  }
}

export async function renderEstimate(estimate: Estimate, format: Format, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTableEstimate(estimate, options);
    case 'json':
      return (await import('./json.js')).renderJsonEstimate(estimate);
    case 'csv':
      return (await import('./csv.js')).renderCsvEstimate(estimate);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdownEstimate(estimate, options);
  }
}

export async function renderCalibration(rows: readonly CalibrationRow[], format: Format, options: RenderOptions): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTableCalibration(rows, options);
    case 'json':
      return (await import('./json.js')).renderJsonCalibration(rows);
    case 'csv':
      return (await import('./csv.js')).renderCsvCalibration(rows);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdownCalibration(rows, options);
  }
}
