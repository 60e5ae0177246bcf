/**
 * What every run of camsize promises, whatever it was given: exit 0, 1 or 2
 * (3 is a bug); no stack trace and no "internal error"; nothing on stdout when
 * it refuses (exit 2), and then at least one diagnostic; every diagnostic one
 * printable line ("camsize: …", or the pointer to --help).
 */
import { expect } from 'vitest';
import type { InProcessResult } from './in-process.js';

/** Lone surrogates, control characters and the invisible code points printable() escapes (src/core/diagnostics/printable.ts). */
const UNPRINTABLE = /[\ud800-\udfff\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * `partial`: a command that goes on past an input it cannot read (`camsize check` over many fleets)
 * prints the others' results on stdout with exit 2.
 */
export function problemsOf(result: InProcessResult, partial = false): string[] {
  const problems: string[] = [];
  if (![0, 1, 2].includes(result.code)) problems.push(`exit ${result.code}`);
  if (/internal error|please report|\n\s+at |^\s+at /im.test(result.stderr)) problems.push('a stack trace or an internal error on stderr');
  if (result.code === 2 && result.stdout !== '' && !partial) problems.push('output on stdout with exit 2');
  if (result.code === 2 && result.stderr === '') problems.push('exit 2 without a diagnostic');
  if (result.stderr !== '' && !result.stderr.endsWith('\n')) problems.push('stderr does not end with a line break');
  for (const line of result.stderr.split('\n').slice(0, -1)) {
    if (UNPRINTABLE.test(line)) problems.push(`unprintable diagnostic: ${JSON.stringify(line)}`);
    else if (!line.startsWith('camsize: ') && line !== "Try 'camsize --help' for usage.")
      problems.push(`a diagnostic line that is not camsize's: ${JSON.stringify(line)}`);
  }
  return problems;
}

/** Fails with what was run, what came out and every broken promise. */
export function expectCleanExit(result: InProcessResult, what: unknown, partial = false): void {
  const problems = problemsOf(result, partial);
  if (problems.length > 0) {
    const shown = (s: string) => JSON.stringify(s.length > 600 ? `${s.slice(0, 600)}…` : s);
    expect.fail(
      `${problems.join('; ')}\nrun: ${JSON.stringify(what)}\nexit ${result.code}\nstderr: ${shown(result.stderr)}\nstdout: ${shown(result.stdout)}`,
    );
  }
}
