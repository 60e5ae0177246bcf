/**
 * The table's colours (chalk, ANSI escapes) once colour is decided (for the
 * command line by cli/color.ts; for the library by its `color` setting).
 */
import { NO_PAINT, type Paint } from './view.js';

/** chalk is loaded only when colour is on: it costs start-up time otherwise. */
export async function makePaint(enabled: boolean): Promise<Paint> {
  if (!enabled) return NO_PAINT;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    red: (t) => chalk.red(t),
    green: (t) => chalk.green(t),
    yellow: (t) => chalk.yellow(t),
  };
}
