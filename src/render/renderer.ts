/**
 * One renderer per output format, all behind one interface over the same
 * models. Each format's module is loaded only when chosen, so a table run
 * never loads the JSON, CSV, Markdown or HTML code (start-up time, bench/RESULTS.md).
 */
import type { Renderer } from './renderer-interface.js';

export type { Renderer } from './renderer-interface.js';

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
