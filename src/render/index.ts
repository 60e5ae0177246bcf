/** One entry point per output format, all over the same Report. */
import type { Preset } from '../core/catalog.js';
import type { CalibrationRow } from '../core/calibration.js';
import type { Estimate } from '../core/estimate.js';
import type { Report } from '../core/report.js';
import { renderCsv, renderCsvCalibration, renderCsvEstimate, renderCsvPresets } from './csv.js';
import { renderJson, renderJsonCalibration, renderJsonEstimate, renderJsonPresets } from './json.js';
import { renderMarkdown, renderMarkdownCalibration, renderMarkdownEstimate, renderMarkdownPresets } from './markdown.js';
import type { RenderOptions } from './options.js';
import { renderTable, renderTableCalibration, renderTableEstimate, renderTablePresets } from './table.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function renderReport(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderTable(report, options);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
    case 'markdown':
      return renderMarkdown(report, options);
  }
}

export function renderPresets(presets: readonly Preset[], format: Format, options: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderTablePresets(presets, options);
    case 'json':
      return renderJsonPresets(presets);
    case 'csv':
      return renderCsvPresets(presets);
    case 'markdown':
      return renderMarkdownPresets(presets, options);
  }
}

export function renderEstimate(estimate: Estimate, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderTableEstimate(estimate, options);
    case 'json':
      return renderJsonEstimate(estimate);
    case 'csv':
      return renderCsvEstimate(estimate);
    case 'markdown':
      return renderMarkdownEstimate(estimate, options);
  }
}

export function renderCalibration(rows: readonly CalibrationRow[], format: Format, options: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderTableCalibration(rows, options);
    case 'json':
      return renderJsonCalibration(rows);
    case 'csv':
      return renderCsvCalibration(rows);
    case 'markdown':
      return renderMarkdownCalibration(rows, options);
  }
}
