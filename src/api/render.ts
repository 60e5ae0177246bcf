/**
 * A report (or presets, or an estimate) as text in one of the formats:
 * table, json, csv, markdown, html. Each format's code loads only when chosen.
 * The command line renders through the same calls.
 */
import { asUsage, UsageError } from '../core/diagnostics/errors.js';
import { checkArgument, checkSettings, described, type Kind } from './arguments.js';
import type { Estimate } from '../core/estimate/estimate.js';
import type { Preset } from '../core/model/catalog.js';
import type { ReportDiff } from '../core/model/diff-report.js';
import type { FleetsReport } from '../core/model/fleets-report.js';
import type { Report } from '../core/model/report.js';
import { readNumber } from '../core/numbers/number-text.js';
import { outputUnit } from '../core/numbers/rate-units.js';
import { makePaint } from '../render/paint.js';
import { FORMATS, type Format, type Renderer, renderer } from '../render/renderer.js';
import type { RenderOptions } from '../render/view.js';

/** How a human format (table, Markdown) shows the report; JSON and CSV always carry everything. */
export interface RenderSettings {
  /** Show every rate in this unit: b/s, kb/s, Mb/s, Gb/s, Tb/s or Pb/s (default: each value in the largest unit it reaches). */
  unit?: string;
  /**
   * Round shown figures: to this many decimals, marked '~' where that changed them; 'exact' (every digit);
   * or 'reading' (4 significant digits). Default: exact in the table, reading in Markdown and HTML.
   */
  precision?: number | string;
  /** Show the segment tree down to this depth (default: all of it, or above 200 segments what fits in 200 rows). */
  depth?: number | string;
  /** Also show the N busiest segments below `depth` (default 10 when the tree is cut). */
  top?: number | string;
  /** The 24-hour load curve: true for the total, or a segment's path ("site/switch-1"). */
  timeline?: boolean | string;
  /** Colour the table with ANSI escapes (default: no colour). */
  color?: boolean;
  /** Fit the table to this many columns (default: as wide as it needs). */
  width?: number | string;
  /** Draw the table's borders in ASCII (default: Unicode box drawing). */
  ascii?: boolean;
  /** A diff: also show the rows and figures that did not change (default: only what changed). */
  unchanged?: boolean;
  /** A check of many fleets, in table and Markdown: only the failing and unreadable fleets' lines. */
  quiet?: boolean;
  /** HTML: the printed page, 'a4' (default) or 'letter'. */
  paper?: string;
  /** HTML: when the report was made, said in its head and footer (default: not said); a Date or ISO 8601 text. */
  generated?: Date | string;
}

/** Display choices without the paint, which rendering makes from `color`. */
export type Display = Omit<RenderOptions, 'paint'>;

/** The deepest tree and the most busiest segments a human table is asked to show. */
const MAX_SHOWN = 999_999;

/** Reads and checks RenderSettings; an error names the setting as `name` says (`--unit` on the command line). */
export function displayOptions(settings: Omit<RenderSettings, 'color'>, name: (key: keyof RenderSettings) => string = (k) => k): Display {
  const display: { -readonly [K in keyof Display]: Display[K] } = {};
  if (settings.timeline !== undefined && settings.timeline !== false)
    display.timeline = settings.timeline === true ? '' : settings.timeline;
  for (const key of ['depth', 'top'] as const) {
    const value = settings[key];
    if (value !== undefined) display[key] = asUsage(() => readNumber(value, { what: name(key), min: 0, max: MAX_SHOWN, integer: true }));
  }
  if (settings.unit !== undefined) {
    const unit = outputUnit(settings.unit);
    if (!unit) throw new UsageError(`${name('unit')} '${settings.unit}' is not one of b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s`);
    display.unit = unit;
  }
  if (settings.precision !== undefined) {
    const precision = settings.precision;
    display.precision =
      precision === 'exact' || precision === 'reading'
        ? precision
        : asUsage(() =>
            readNumber(precision, {
              what: name('precision'),
              min: 0,
              max: 99,
              integer: true,
              range: "a whole number of decimals from 0 to 99, 'exact' or 'reading'",
            }),
          );
  }
  if (settings.width !== undefined) {
    const width = settings.width;
    display.width = asUsage(() => readNumber(width, { what: name('width'), min: 1, max: MAX_SHOWN, integer: true }));
  }
  if (settings.ascii === true) display.ascii = true;
  if (settings.unchanged === true) display.unchanged = true;
  if (settings.quiet === true) display.quiet = true;
  if (settings.paper !== undefined) {
    if (settings.paper !== 'a4' && settings.paper !== 'letter')
      throw new UsageError(`${name('paper')} '${settings.paper}' is not a4 or letter`);
    display.paper = settings.paper;
  }
  if (settings.generated !== undefined) display.generated = generatedText(settings.generated, name('generated'));
  return display;
}

/** A time as the report says it: ISO 8601 in UTC to the minute. */
function generatedText(value: Date | string, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${what} '${String(value)}' is not a time (give a Date or ISO 8601 text)`);
  return `${date.toISOString().slice(0, 16)}Z`;
}

/** The renderer of a format and the options it renders with. */
export async function rendererFor(format: Format, display: Display, color: boolean): Promise<{ render: Renderer; options: RenderOptions }> {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`format '${String(format)}' is not one of ${FORMATS.join(', ')}`);
  }
  const [render, paint] = await Promise.all([renderer(format), makePaint(color && format === 'table')]);
  return { render, options: { ...display, paint } };
}

const RENDER_KINDS = {
  unit: 'text',
  precision: 'text-or-number',
  depth: 'text-or-number',
  top: 'text-or-number',
  timeline: 'text-or-true',
  color: 'boolean',
  width: 'text-or-number',
  ascii: 'boolean',
  unchanged: 'boolean',
  quiet: 'boolean',
  paper: 'text',
  generated: 'text-or-date',
} as const satisfies Record<keyof RenderSettings, Kind>;

/** The library's render calls: the format and settings checked as given (the command line's come checked from its flags). */
async function prepared(call: string, format: unknown, given: unknown) {
  checkArgument(call, 'format', format, 'text');
  const settings = checkSettings<RenderSettings>(call, given, RENDER_KINDS);
  return rendererFor(format as Format, displayOptions(settings), settings.color === true);
}

/** What was given where a report goes looks like one (size() and sizeFleet() make them; their insides are trusted as typed). */
function checkReport(report: unknown): void {
  const r = report as Partial<Record<keyof Report, unknown>> | null;
  const shaped =
    typeof r === 'object' &&
    r !== null &&
    Array.isArray(r.segments) &&
    Array.isArray(r.profiles) &&
    Array.isArray(r.checks) &&
    typeof r.total === 'object' &&
    r.total !== null &&
    typeof r.settings === 'object' &&
    r.settings !== null;
  if (!shaped) throw new UsageError(`renderReport: the report is what size() gives, not ${described(report)}`, { path: 'report' });
}

/** The report as text in `format` (default: the table). */
export async function renderReport(report: Report, format: Format = 'table', settings?: RenderSettings): Promise<string> {
  checkReport(report);
  const { render, options } = await prepared('renderReport', format, settings);
  return render.report(report, options);
}

/** What a change does (diff's answer) as text in `format`: table, markdown, json or csv. */
export async function renderDiff(diff: ReportDiff, format: Format = 'table', settings?: RenderSettings): Promise<string> {
  const { render, options } = await prepared('renderDiff', format, settings);
  if (!render.diff) throw new UsageError(`a diff is drawn as table, markdown, json or csv, not ${format}`);
  return render.diff(diff, options);
}

/** Many fleets' checks (check's answer) as text in `format`: table, markdown, json or csv. */
export async function renderFleets(report: FleetsReport, format: Format = 'table', settings?: RenderSettings): Promise<string> {
  const { render, options } = await prepared('renderFleets', format, settings);
  if (!render.fleets) throw new UsageError(`a check of many fleets is drawn as table, markdown, json or csv, not ${format}`);
  return render.fleets(report, options);
}

/** Catalog presets (e.g. `catalog.presets`, or filterPresets' answer) as text in `format`. */
export async function renderPresets(presets: readonly Preset[], format: Format = 'table', settings?: RenderSettings): Promise<string> {
  if (!Array.isArray(presets)) throw new UsageError(`renderPresets: the presets are a list (catalog.presets), not ${described(presets)}`);
  const { render, options } = await prepared('renderPresets', format, settings);
  return render.presets(presets, options);
}

/** An estimate (estimateBitrate's answer) with its derivation, as text in `format`. */
export async function renderEstimate(estimate: Estimate, format: Format = 'table', settings?: RenderSettings): Promise<string> {
  const e = estimate as Partial<Record<keyof Estimate, unknown>> | null;
  if (typeof e !== 'object' || e === null || typeof e.bitsPerSecond !== 'bigint') {
    throw new UsageError(`renderEstimate: the estimate is what estimateBitrate() gives, not ${described(estimate)}`);
  }
  const { render, options } = await prepared('renderEstimate', format, settings);
  return render.estimate(estimate, options);
}
