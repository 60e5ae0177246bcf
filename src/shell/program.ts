/**
 * The command-line grammar (commander). It only declares options and hands
 * parsed values to the actions in main.ts: the flags each action receives
 * are typed here, the option groups are in program-options.ts, the
 * subcommands in program-commands.ts; the completion scripts are generated
 * from this tree.
 */
import type { Command as CommandType } from 'commander';
import { printable } from '../core/diagnostics/printable.js';
import { requireCjs } from '../require-cjs.js';
import { ENVIRONMENT, EXAMPLES, EXIT_CODES } from './help.js';
import { addSubcommands } from './program-commands.js';
import {
  addCameraOptions,
  addCheckOptions,
  addDayOptions,
  addInventoryOptions,
  addMeasurementOptions,
  addOutputOptions,
  addStorageOptions,
  addTreeOptions,
} from './program-options.js';

export interface OutputFlags {
  /** --timeline: the total's curve; --timeline=PATH arrives as timelineOf (see main.ts). */
  timeline?: boolean;
  timelineOf?: string;
  format?: string;
  json?: boolean;
  unit?: string;
  precision?: string;
  /** --color/--color=always, --no-color/--color=never; undefined (auto) when neither or --color=auto came last. */
  color?: boolean;
  depth?: string;
  top?: string;
  wide?: boolean;
  ascii?: boolean;
  output?: string;
}

export interface SizeFlags extends OutputFlags {
  /** Repeatable: undefined when not given. */
  preset?: string[];
  bitrate?: string[];
  count?: string[];
  camera?: string[];
  label?: string;
  capacity?: string;
  maxUtilization?: string;
  overhead?: string;
  as?: string;
  quiet?: boolean;
  inventory?: string;
  inputFormat?: string;
  allowNewSegments?: boolean;
  skipInvalid?: boolean;
  retention?: string;
  recording?: string;
  storageOverhead?: string;
  storageCapacity?: string;
  nightStart?: string;
  nightHours?: string;
  checkOn?: string;
  percentile?: string;
  correlation?: string;
  vbrCv?: string;
  /** Repeatable: undefined when not given. */
  measured?: string[];
  tolerance?: string;
  useMeasured?: boolean;
  /** A file; true when given without one (a usage error for a fleet). */
  calibration?: string | boolean;
  flows?: boolean;
}

export interface PresetsFlags extends OutputFlags {
  codec?: string;
  fps?: string;
  basis?: string;
}

export interface Actions {
  size(operand: string | undefined, flags: SizeFlags): Promise<void>;
  presets(words: string[], flags: PresetsFlags): Promise<void>;
  schema(flags: { output?: boolean }): Promise<void>;
  estimate(flags: EstimateFlags): Promise<void>;
  measure(files: string[], flags: MeasureCommandFlags): Promise<void>;
  completion(shell: string): Promise<void>;
}

export interface MeasureCommandFlags extends OutputFlags {
  fit?: boolean;
}

export interface EstimateFlags extends OutputFlags {
  resolution?: string;
  fps?: string;
  codec?: string;
  scene?: string;
  quality?: string;
  /** true: show the model's calibration; a file: apply that site calibration to the estimate. */
  calibration?: boolean | string;
}

export interface ProgramOutput {
  writeOut(s: string): void;
  writeErr(s: string): void;
  /** Width help is wrapped to; undefined: the terminal's (commander asks stdout), or 80. */
  helpWidth?: number | undefined;
}

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
  program
    .addHelpText('after', EXAMPLES + EXIT_CODES + ENVIRONMENT)
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
      .helpCommand('help [command]', 'show help for a command')
  );
}

/**
 * commander's "error: unknown option '--x'\n(Did you mean --y?)" as one camsize diagnostic with a hint.
 * commander quotes the argument as given, so it is made printable (a line break or an escape sequence in a value).
 */
function commanderMessage(message: string): string {
  const text = message.trim().replace(/^error: /, '');
  return `camsize: ${printable(text.replace(/\n\(Did you mean (.*)\?\)$/, ' (did you mean $1?)'), 2000)}\nTry 'camsize --help' for usage.\n`;
}
