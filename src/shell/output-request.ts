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

export function resolveOutput(flags: OutputFlags, env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean): OutputRequest {
  if (flags.json && flags.format !== undefined && flags.format !== 'json') {
    throw new UsageError(`--json and --format ${flags.format} disagree: give one of them`);
  }
  const format: Format = flags.json ? 'json' : ((flags.format as Format | undefined) ?? 'table');
  const { timelineOf, timeline, depth, top, unit, precision } = flags;
  const display = displayOptions(
    {
      ...(timelineOf !== undefined ? { timeline: timelineOf } : timeline ? { timeline: true } : {}),
      ...(depth === undefined ? {} : { depth }),
      ...(top === undefined ? {} : { top }),
      ...(unit === undefined ? {} : { unit }),
      ...(precision === undefined ? {} : { precision }),
    },
    (key) => `--${key}`,
  );
  return { format, color: format === 'table' && wantsColor(flags.color, env, stdoutIsTTY), display };
}
