/**
 * The command-line grammar (commander). It only declares options and hands
 * parsed values to the actions in main.ts: the flags each action receives
 * are typed in program-flags.ts, the option groups are in program-options.ts, the
 * subcommands in program-commands.ts; the completion scripts are generated
 * from this tree.
 */
import type { Command as CommandType } from 'commander';
import { printable } from '../core/diagnostics/printable.js';
import { requireCjs } from '../require-cjs.js';
import { ENVIRONMENT, EXAMPLES, EXIT_CODES } from './help.js';
import { HELP_TOPICS, TOPICS_HELP } from './help-topics.js';
import { addSubcommands } from './program-commands.js';
import {
  addCameraOptions,
  addCheckOptions,
  addDayOptions,
  addDocumentOptions,
  addInventoryOptions,
  addMeasurementOptions,
  addOutputOptions,
  addStorageOptions,
  addTreeOptions,
} from './program-options.js';

export type { Actions, EstimateFlags, MeasureCommandFlags, OutputFlags, PresetsFlags, ProgramOutput, SizeFlags } from './program-flags.js';
import type { Actions, ProgramOutput, SizeFlags } from './program-flags.js';

const { Command } = requireCjs('commander') as typeof import('commander');

export function buildProgram(version: string, actions: Actions, output: ProgramOutput): CommandType {
  const program = rootCommand(version, output);
  addOutputOptions(program, { units: true });
  program.argument('[fleet]', "fleet file (JSON) to size; '-' or a pipe reads standard input");
  addCameraOptions(program);
  addCheckOptions(program);
  addInventoryOptions(program);
  addStorageOptions(program);
  addDayOptions(program);
  addMeasurementOptions(program);
  addTreeOptions(program);
  addDocumentOptions(program);
  program
    .addHelpText('after', EXAMPLES + TOPICS_HELP + EXIT_CODES + ENVIRONMENT)
    .action(async (operand: string | undefined, flags: SizeFlags) => actions.size(operand, flags));
  addSubcommands(program, actions);
  return program;
}

/** The program itself: what every subcommand inherits (output, errors, help layout). */
function rootCommand(version: string, output: ProgramOutput): CommandType {
  return (
    new Command('camsize')
      .description('Size the network load of video-surveillance camera fleets, exactly.')
      .version(version, '-V, --version')
      .exitOverride()
      .configureOutput({
        writeOut: output.writeOut,
        writeErr: output.writeErr,
        outputError: (message, write) => write(commanderMessage(message)),
        ...(output.helpWidth === undefined ? {} : { getOutHelpWidth: () => output.helpWidth!, getErrHelpWidth: () => output.helpWidth! }),
      })
      .configureHelp({ optionTerm: (option) => (option.long === '--color' ? '--color[=WHEN]' : option.flags) })
      .showSuggestionAfterError(true)
      // Options after a subcommand are the subcommand's: `camsize presets --json` is presets' own --json.
      .enablePositionalOptions()
      .helpCommand('help [command]', `show help for a command, or a topic: ${[...HELP_TOPICS.keys()].join(', ')}`)
  );
}

/**
 * commander's "error: unknown option '--x'\n(Did you mean --y?)" as one camsize diagnostic with a hint.
 * commander quotes the argument as given, so it is made printable (a line break or an escape sequence in a value).
 */
function commanderMessage(message: string): string {
  // -v is the version in many programs (camsize's is -V) and verbose in others (camsize has none).
  // --failures-only is check's: a one-fleet report keeps its tree, so the small report is `camsize check`'s.
  const text = message
    .trim()
    .replace(/^error: /, '')
    .replace(/^unknown option '-v'$/, "unknown option '-v' (did you mean -V, --version?)")
    .replace(
      /^unknown option '--failures-only'$/,
      "unknown option '--failures-only' (it is camsize check's: camsize check FLEET --json --failures-only)",
    );
  return `camsize: ${printable(text.replace(/\n\(Did you mean (.*)\?\)$/, ' (did you mean $1?)'), 2000)}\nTry 'camsize --help' for usage.\n`;
}
