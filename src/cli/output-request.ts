/** The output part of a request: which format, whether to colour, and the display choices. */
import { type Display, displayOptions } from '../api/render.js';
import { UsageError } from '../core/diagnostics/errors.js';
import type { Format } from '../render/renderer.js';
import { wantsColor } from './color.js';
import type { OutputFlags } from './program.js';

export interface OutputRequest {
  readonly format: Format;
  /** Colour the table (never the machine formats). */
  readonly color: boolean;
  /** Everything a renderer needs but the paint, which the shell makes from `color`. */
  readonly display: Display;
}

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
  const { timelineOf, timeline, depth, top, unit, precision, paper } = flags;
  const display: { -readonly [K in keyof Display]: Display[K] } = displayOptions(
    {
      ...(timelineOf !== undefined ? { timeline: timelineOf } : timeline ? { timeline: true } : {}),
      ...(depth === undefined ? {} : { depth }),
      ...(top === undefined ? {} : { top }),
      ...(unit === undefined ? {} : { unit }),
      ...(precision === undefined ? {} : { precision }),
      ...(paper === undefined ? {} : { paper }),
    },
    (key) => `--${key}`,
  );
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
