/**
 * The one colour decision, in this order: --color/--no-color, FORCE_COLOR,
 * NO_COLOR (any non-empty value), TERM=dumb, and whether stdout is a TTY.
 */
import { NO_PAINT, type Paint } from '../render/view.js';

export function wantsColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return stdoutIsTTY;
}

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
