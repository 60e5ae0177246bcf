/**
 * The one colour decision, in this order: --color/--no-color, FORCE_COLOR,
 * NO_COLOR (any non-empty value), TERM=dumb, and whether stdout is a TTY.
 * The colours themselves are render/paint.ts.
 */
export function wantsColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, stdoutIsTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['TERM'] === 'dumb') return false;
  return stdoutIsTTY;
}

/** --color=WHEN, written attached: the flag each value stands for (main.ts rewrites it; the completion scripts offer the values). */
export const COLOR_WHEN: ReadonlyMap<string, string> = new Map([
  ['auto', '--color-auto'],
  ['always', '--color'],
  ['never', '--no-color'],
]);
