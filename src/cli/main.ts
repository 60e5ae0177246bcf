/**
 * The imperative shell's entry: parses the command line, hands each command
 * its request, and turns every outcome into an exit code: 0 ok, 1 a capacity
 * check failed, 2 usage, input or I/O error, 3 internal error (a bug).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Command as CommandType, CommanderError as CommanderErrorType } from 'commander';
import { CamsizeError, EXIT, UsageError } from '../core/diagnostics/errors.js';
import { printable } from '../core/diagnostics/printable.js';
import { closest } from '../core/diagnostics/suggest.js';
import { requireCjs } from '../require-cjs.js';
import { loadCatalog } from '../io/catalog-load.js';
import { runEstimate, runPresets, runSchema } from './commands/catalog.js';
import { runSize } from './commands/size.js';
import type { Io } from '../io/io.js';
import { COLOR_WHEN } from './color.js';
import { HELP_TOPICS } from './help-topics.js';
import { unicodeTerminal } from './output-request.js';
import { asciiSymbols } from '../render/wording/ascii.js';
import { outputTarget } from './output-file.js';
import { generationTime, inputNames } from './provenance.js';
import { buildProgram, type OutputFlags } from './program.js';
import { resolveSizeRequest } from './request.js';

const { CommanderError } = requireCjs('commander') as { CommanderError: typeof CommanderErrorType };

export { EXIT, UsageError };

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const version = packageVersion();
  // Where results go: standard output, or the --output file (chosen once the command line is parsed).
  let target = outputTarget(io, undefined);
  const program = buildProgram(
    version,
    {
      size: async (operand, flags) => {
        const out = target.io;
        const catalog = await loadCatalog();
        const request = resolveSizeRequest(operand, flags, out.env, out.stdoutIsTTY, catalog, () => out.terminalColumns());
        const document = { provenance: { version, inputs: inputNames(request) }, generated: generationTime(out.env) };
        exitCode = await runSize(
          { ...request, output: { ...request.output, display: { ...request.output.display, ...document } } },
          catalog,
          out,
        );
      },
      presets: async (words, flags) => {
        exitCode = await runPresets(words, flags, target.io);
      },
      schema: async (flags) => {
        exitCode = await runSchema(target.io, flags.output === true);
      },
      estimate: async (flags) => {
        exitCode = await runEstimate(flags, target.io);
      },
      measure: async (files, flags) => {
        exitCode = await (await import('./commands/measure.js')).runMeasure(files, flags, target.io);
      },
      columns: async (file, flags) => {
        const catalog = await loadCatalog();
        const { columnsRequest } = await import('./request.js');
        exitCode = await (await import('./commands/columns.js')).runColumns(columnsRequest(file, flags), catalog, target.io);
      },
      completion: async (shell) => {
        exitCode = await (await import('./commands/completion.js')).runCompletion(shell, program, target.io);
      },
      check: async (files, flags) => {
        exitCode = await (await import('./commands/check.js')).runCheck(files, flags, await loadCatalog(), target.io);
      },
      diff: async (before, after, flags) => {
        exitCode = await (await import('./commands/diff.js')).runDiff(before, after, flags, await loadCatalog(), target.io);
      },
    },
    { writeOut: io.stdout, writeErr: io.stderr, helpWidth: helpWidth(io) },
  );
  program.hook('preAction', (_program, command) => {
    // `schema --output` is a switch (the report's schema), so schema's -o FILE arrives as `o`.
    const own = command.opts<OutputFlags & { o?: string }>();
    const file = typeof own.output === 'string' ? own.output : own.o;
    target = outputTarget(io, file ?? program.opts<OutputFlags>().output);
  });
  try {
    refuseNul(argv);
    if (argv[0] === 'help' && argv[1] !== undefined && HELP_TOPICS.has(argv[1])) return await helpTopic(argv, io);
    const near = misspelledCommand(argv, program);
    if (near) throw new UsageError(near);
    await program.parseAsync(withAttachedValues(argv), { from: 'user' });
    await target.flush();
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/** `camsize help fleet`, `camsize help inventory`: a reference, at most 80 columns wide (a terminal's own width when narrower). */
async function helpTopic(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length > 2) throw new UsageError(`help ${argv[1]} takes nothing more (not '${printable(argv[2]!)}')`);
  const columns = io.stdoutIsTTY ? io.terminalColumns() : undefined;
  io.stdout(await HELP_TOPICS.get(argv[1]!)!.text(columns !== undefined && columns >= 40 && columns < 80 ? columns : 80));
  return EXIT.ok;
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
 * `--timeline` and `--color` take no value, so they never eat the fleet file
 * after them; a value is given attached: `--timeline=PATH` is read as
 * --timeline-of, `--color=always|never|auto` as --color, --no-color, --color-auto.
 */
function withAttachedValues(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((arg, i) => {
    if (end !== -1 && i > end) return arg;
    if (arg.startsWith('--timeline=')) return `--timeline-of=${arg.slice('--timeline='.length)}`;
    if (!arg.startsWith('--color=')) return arg;
    const when = arg.slice('--color='.length);
    const flag = COLOR_WHEN.get(when);
    if (flag === undefined) throw new UsageError(`--color: '${printable(when)}' is not auto, always or never`);
    return flag;
  });
}

/**
 * `camsize prests` would be read as a fleet file named prests ("no such file"),
 * and `camsize estimat --resolution 4K` as an unknown option: a first word that
 * is not a file but is close to a command name gets a did-you-mean instead. So
 * does `camsize help prests`.
 */
function misspelledCommand(argv: readonly string[], program: CommandType): string | undefined {
  const commands = program.commands.map((c) => c.name()).concat('help');
  const helped = argv[0] === 'help';
  const word = helped ? argv[1] : argv[0];
  if (word === undefined || commands.includes(word)) return undefined;
  const names = helped ? [...commands, ...HELP_TOPICS.keys()] : commands;
  const known = helped
    ? `the commands are ${commands.join(', ')}; the topics ${[...HELP_TOPICS.keys()].join(', ')}`
    : `the commands are ${commands.join(', ')}`;
  // `help` takes only a command name: anything else would print the whole help to stderr as an error.
  if (helped && (word === '-h' || word === '--help')) return undefined;
  if (helped && !/^[a-z][a-z0-9-]*$/i.test(word)) return `help takes a command name, not '${printable(word)}': ${known}`;
  if (!/^[a-z][a-z0-9-]*$/i.test(word)) return undefined;
  if (!helped && existsSync(word)) return undefined;
  if (word === 'version') return "unknown command 'version' (did you mean --version, or -V?)";
  const near = closest(word, names, 1)[0];
  if (!near && !helped) return undefined;
  return `unknown command '${word}'${near ? ` (did you mean '${near}'?)` : `: ${known}`}`;
}

/** Help wraps to the terminal; when stdout is not one, to COLUMNS if it is set, else 80. */
function helpWidth(io: Io): number | undefined {
  if (io.stdoutIsTTY) return undefined;
  const columns = Number(io.env['COLUMNS']);
  return Number.isInteger(columns) && columns >= 40 && columns <= 1000 ? columns : 80;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of stopping after printing.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return EXIT.usage; // commander already printed the message
  }
  if (error instanceof CamsizeError) {
    // One printable line per problem, whatever the input held (a line break or a NUL in a quoted value), in the
    // terminal's characters (camsize's symbols in ASCII where the locale is not UTF-8, as for tables).
    const spelled = unicodeTerminal(io.env) ? (text: string) => text : asciiSymbols;
    for (const line of error.issues) io.stderr(`camsize: ${spelled(printable(line, 2000))}\n`);
    if (error.hint !== undefined) io.stderr(`${error.hint}\n`);
    if (error instanceof UsageError) io.stderr(`Try 'camsize --help' for usage.\n`);
    return EXIT.usage;
  }
  // Even a bug's message is one printable line (it may quote input); CAMSIZE_DEBUG=1 asks for the whole stack.
  const detail = error instanceof Error && io.env['CAMSIZE_DEBUG'] ? (error.stack ?? error.message) : printable(errorText(error), 2000);
  io.stderr(`camsize: internal error: ${detail}\nPlease report this with the command that caused it.\n`);
  return EXIT.internal;
}
