/** One entry point per output format, all over the same Report. */
import type { Preset } from '../core/catalog.js';
import type { Report } from '../core/report.js';
import { renderCsv, renderCsvPresets } from './csv.js';
import { renderJson, renderJsonPresets } from './json.js';
import { renderMarkdown, renderMarkdownPresets } from './markdown.js';
import type { RenderOptions } from './options.js';
import { renderTable, renderTablePresets } from './table.js';

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
