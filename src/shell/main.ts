/**
 * The imperative shell's entry: parses the command line, hands each command
 * its request, and turns every outcome into an exit code: 0 ok, 1 a capacity
 * check failed, 2 usage, input or I/O error, 3 internal error (a bug).
 */
import { readFileSync } from 'node:fs';
import type { CommanderError as CommanderErrorType } from 'commander';
import { EXIT, InputError, UsageError } from '../core/diagnostics/errors.js';
import { printable } from '../core/diagnostics/printable.js';
import { requireCjs } from '../require-cjs.js';
import { loadCatalog } from './catalog-load.js';
import { runEstimate, runPresets, runSchema } from './commands/catalog.js';
import { runSize } from './commands/size.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';
import { resolveSizeRequest } from './request.js';

const { CommanderError } = requireCjs('commander') as { CommanderError: typeof CommanderErrorType };

export { EXIT, UsageError };

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    packageVersion(),
    {
      size: async (operand, flags) => {
        const catalog = await loadCatalog();
        exitCode = await runSize(resolveSizeRequest(operand, flags, io.env, io.stdoutIsTTY, catalog), catalog, io);
      },
      presets: async (words, flags) => {
        exitCode = await runPresets(words, flags, io);
      },
      schema: async () => {
        exitCode = await runSchema(io);
      },
      estimate: async (flags) => {
        exitCode = await runEstimate(flags, io);
      },
      measure: async (files, flags) => {
        exitCode = await (await import('./commands/measure.js')).runMeasure(files, flags, io);
      },
    },
    { writeOut: io.stdout, writeErr: io.stderr },
  );
  try {
    refuseNul(argv);
    await program.parseAsync(withTimelineValues(argv), { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * A process's arguments cannot hold a NUL, but main() called in-process can be
 * given one; no file name or value may hold it (Node refuses such paths with
 * an error that is not an input error), so it is refused here, for every command.
 */
function refuseNul(argv: readonly string[]): void {
  const at = argv.findIndex((arg) => arg.includes('\u0000'));
  if (at !== -1)
    throw new UsageError(`argument ${at + 1} ('${printable(argv[at]!)}') holds a NUL character, which no value or file name can`);
}

/**
 * `--timeline` takes no value, so it never eats the fleet file after it;
 * a segment is given attached, `--timeline=PATH`, and read as --timeline-of.
 */
function withTimelineValues(argv: readonly string[]): string[] {
  return argv.map((arg) => (arg.startsWith('--timeline=') ? `--timeline-of=${arg.slice('--timeline='.length)}` : arg));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of stopping after printing.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    return EXIT.usage; // commander already printed the message
  }
  if (error instanceof InputError) {
    // One printable line per problem, whatever the input held (a line break or a NUL in a quoted value).
    for (const line of error.issues) io.stderr(`camsize: ${printable(line, 2000)}\n`);
    if (error instanceof UsageError) io.stderr(`Try 'camsize --help' for usage.\n`);
    return EXIT.usage;
  }
  // Even a bug's message is one printable line (it may quote input); CAMSIZE_DEBUG=1 asks for the whole stack.
  const detail = error instanceof Error && io.env['CAMSIZE_DEBUG'] ? (error.stack ?? error.message) : printable(errorText(error), 2000);
  io.stderr(`camsize: internal error: ${detail}\nPlease report this with the command that caused it.\n`);
  return EXIT.internal;
}
