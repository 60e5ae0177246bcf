/**
 * Tests that need a program from a Debian package (ffmpeg, Chromium, tmux,
 * zsh, fish, python3). `npm test` must pass on a machine with Node alone: where
 * one is missing, its tests are skipped and one line on stderr names the
 * package. Under CI (`CI=true`; .ci/run installs every package) a missing
 * program fails the run instead, so CI never passes by skipping.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Requirement {
  /** What is needed, as the line names it: a program on PATH, or a file. */
  readonly what: string;
  /** The Debian package that provides it. */
  readonly package: string;
  /** Whether it is there. */
  readonly present: boolean;
}

/** A program on PATH (an executable file of that name in one of PATH's folders). */
export function program(name: string, debianPackage: string, env: NodeJS.ProcessEnv = process.env): Requirement {
  const present = (env['PATH'] ?? '').split(delimiter).some((dir) => {
    if (dir === '') return false;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return { what: name, package: debianPackage, present };
}

/** A file a package installs (Chromium's binary, a font). */
export function file(path: string, debianPackage: string): Requirement {
  return { what: path, package: debianPackage, present: existsSync(path) };
}

/** Debian's Chromium, or the one CHROMIUM_PATH names, and the fonts it draws the report with. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}

/** CI=true (or any value but '', 0 and false): a missing program is a failure, not a skip. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = (env['CI'] ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

/** The one line that says why tests were skipped, or the failure under CI; undefined when everything is there. */
export function missingLine(requirements: readonly Requirement[], tests: string, ci: boolean): string | undefined {
  const missing = requirements.filter((r) => !r.present);
  if (missing.length === 0) return undefined;
  const what = missing.map((r) => r.what).join(', ');
  const packages = [...new Set(missing.map((r) => r.package))];
  const named = `Debian package${packages.length > 1 ? 's' : ''} ${packages.join(', ')}`;
  const install = `apt-get install ${packages.join(' ')}`;
  return ci
    ? `${tests}: ${what} not found, and CI=true runs every test: install the ${named} (${install}; .ci/run does)`
    : `skipped ${tests}: ${what} not found (${named}: ${install})`;
}

const said = new Set<string>();

/**
 * True when every requirement is there. Otherwise, outside CI, writes one line
 * naming the package (once per line and test file) and returns false: the
 * caller skips (`describe.skipIf(!needs(…))`). Under CI it throws, which fails
 * the test file.
 */
export function needs(tests: string, ...requirements: Requirement[]): boolean {
  const line = missingLine(requirements, tests, inCi());
  if (line === undefined) return true;
  if (inCi()) throw new Error(line);
  if (!said.has(line)) process.stderr.write(`${line}\n`);
  said.add(line);
  return false;
}
