/** Spawns the shipped bin (what package.json's "bin" names, built by `npm run build`) the way a user's shell would. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
export const CLI = join(ROOT, bin['camsize']!);

/** The README's samples and the tests that read borders assume a UTF-8 terminal of no set width. */
export const README_LOCALE = { LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '', COLUMNS: '' };

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export function runCli(
  args: readonly string[],
  options: { input?: string; env?: Record<string, string | undefined>; cwd?: string } = {},
): RunResult {
  // A UTF-8 locale, as in most terminals (tables draw Unicode borders), unless a test says otherwise.
  const locale = { LANG: 'C.UTF-8', LC_ALL: undefined, LC_CTYPE: undefined, COLUMNS: undefined };
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...locale,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** Runs a shell pipeline (bash -c) with the bin available as "$CAMSIZE". */
export function runShell(script: string): RunResult {
  const result = spawnSync('bash', ['-c', script], {
    env: { ...process.env, ...README_LOCALE, CAMSIZE: `${process.execPath} ${CLI}`, NO_COLOR: '1' },
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}
