/** The output part of a request: which format, whether to colour, and the display choices. */
import { UsageError } from '../core/diagnostics/errors.js';
import { outputUnit } from '../core/numbers/rate-units.js';
import type { Format } from '../render/renderer.js';
import type { RenderOptions } from '../render/view.js';
import { wantsColor } from './color.js';
import { numberOption } from './option-value.js';
import type { OutputFlags } from './program.js';

export interface OutputRequest {
  readonly format: Format;
  /** Colour the table (never the machine formats). */
  readonly color: boolean;
  /** Everything a renderer needs but the paint, which the shell makes from `color`. */
  readonly display: Omit<RenderOptions, 'paint'>;
}

/** The deepest tree and the most busiest segments a human table is asked to show. */
const MAX_SHOWN = 999_999;

/**
 * `terminalColumns` is the terminal's width when stdout is one (Io.terminalColumns),
 * asked only for a table that is to fit it.
 */
export function resolveOutput(
  flags: OutputFlags,
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
  terminalColumns: () => number | undefined = () => undefined,
): OutputRequest {
  if (flags.json && flags.format !== undefined && flags.format !== 'json') {
    throw new UsageError(`--json and --format ${flags.format} disagree: give one of them`);
  }
  const format: Format = flags.json ? 'json' : ((flags.format as Format | undefined) ?? 'table');
  const display: { -readonly [K in keyof OutputRequest['display']]: OutputRequest['display'][K] } = {};
  if (flags.timelineOf !== undefined) display.timeline = flags.timelineOf;
  else if (flags.timeline) display.timeline = '';
  for (const name of ['depth', 'top'] as const) {
    const value = flags[name];
    if (value !== undefined) display[name] = numberOption(value, { what: `--${name}`, min: 0, max: MAX_SHOWN, integer: true });
  }
  if (flags.unit !== undefined) {
    const unit = outputUnit(flags.unit);
    if (!unit) throw new UsageError(`--unit '${flags.unit}' is not one of b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s`);
    display.unit = unit;
  }
  if (flags.precision !== undefined) {
    display.precision = numberOption(flags.precision, {
      what: '--precision',
      min: 0,
      max: 99,
      integer: true,
      range: 'a whole number of decimals from 0 to 99',
    });
  }
  if (format === 'table') {
    if (flags.ascii || !unicodeTerminal(env)) display.ascii = true;
    // The terminal is asked only when stdout is one: asking opens the stdout stream (start-up time).
    const width = flags.wide ? undefined : ((stdoutIsTTY ? terminalColumns() : undefined) ?? columnsOf(env['COLUMNS']));
    if (width !== undefined) display.width = width;
  }
  return { format, color: format === 'table' && wantsColor(flags.color, env, stdoutIsTTY), display };
}

/** The locale's character set is UTF-8 (the first of LC_ALL, LC_CTYPE, LANG that is set says), and the terminal is not dumb. */
export function unicodeTerminal(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['TERM'] === 'dumb') return false;
  const locale = [env['LC_ALL'], env['LC_CTYPE'], env['LANG']].find((value) => value !== undefined && value !== '');
  return locale !== undefined && /utf-?8/i.test(locale);
}

/** COLUMNS as the shell sets it: a whole number of columns; anything else is not a width. */
function columnsOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,5}$/.test(text.trim())) return undefined;
  const columns = Number(text.trim());
  return columns > 0 ? columns : undefined;
}
