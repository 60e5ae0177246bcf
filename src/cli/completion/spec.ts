/**
 * What a shell completes, read from the commander definition (program.ts):
 * each command's options, which take a value and what that value can be
 * (an option's choices, preset ids, file names, a few known words), and
 * what its operands are. The bash, zsh and fish scripts are written from it,
 * so they cannot drift from the grammar.
 */
import type { Command as CommandType, Option as OptionType } from 'commander';
import { CODEC_FACTORS, QUALITY_FACTORS, SCENE_FACTORS } from '../../core/estimate/model.js';
import { OUTPUT_UNITS } from '../../core/numbers/rate-units.js';
import { COLOR_WHEN } from '../color.js';
import { HELP_TOPICS } from '../help-topics.js';
import { SHELLS } from '../program-commands.js';

/** What an option's value or an operand completes to. */
export type Values =
  | { readonly kind: 'words'; readonly words: readonly string[] }
  /** Preset ids; `suffix` '=' for --camera PRESET=COUNT (no space after it). */
  | { readonly kind: 'presets'; readonly suffix: '' | '=' }
  | { readonly kind: 'files' }
  /** The subcommands and the help topics (`camsize help WORD`). */
  | { readonly kind: 'commands' }
  /** A free value (a rate, a count …): nothing to offer, but the word is the option's. */
  | { readonly kind: 'free' }
  | { readonly kind: 'none' };

export interface OptionSpec {
  readonly long?: string;
  readonly short?: string;
  readonly description: string;
  /** undefined: a flag without a value. */
  readonly value?: Values;
  /** Values a flag also takes attached, never as the next word: --color=WHEN. */
  readonly attached?: readonly string[];
}

export interface CommandSpec {
  /** '' for the program itself. */
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly operands: Values;
}

export interface CompletionSpec {
  readonly program: string;
  readonly version: string;
  readonly presets: readonly string[];
  readonly commands: readonly CommandSpec[];
  /** `camsize help TOPIC`, beside the command names `help` takes. */
  readonly topics: ReadonlyArray<{ readonly name: string; readonly description: string }>;
}

/** Words for options whose values the grammar checks itself rather than with commander's choices. */
const KNOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  '--unit': OUTPUT_UNITS.map((u) => u.name),
  '--overhead': ['none', 'udp', 'tcp'],
  '--codec': Object.keys(CODEC_FACTORS),
  '--basis': ['report', 'measured', 'observed-cap', 'planning', 'vendor-cap'],
  '--estimate-at': ['low', 'mid', 'high'],
  '--scene': Object.keys(SCENE_FACTORS),
  '--quality': Object.keys(QUALITY_FACTORS),
  '--recording': ['continuous', 'motion:'],
};

const PRESET_VALUES: Readonly<Record<string, '' | '='>> = { '--preset': '', '--as': '', '--camera': '=' };
/** Options whose value is a file name (`schema -o FILE` has no long form: its --output is a switch). */
const FILE_VALUES = new Set(['--inventory', '--measured', '--calibration', '--output', '-o']);

function optionValues(option: OptionType): Values | undefined {
  if (!option.required && !option.optional) return undefined;
  const long = option.long ?? '';
  if (option.argChoices) return { kind: 'words', words: option.argChoices };
  const suffix = PRESET_VALUES[long];
  if (suffix !== undefined) return { kind: 'presets', suffix };
  if (FILE_VALUES.has(long || (option.short ?? ''))) return { kind: 'files' };
  const words = KNOWN_VALUES[long];
  return words ? { kind: 'words', words } : { kind: 'free' };
}

function optionSpec(option: OptionType): OptionSpec {
  const value = optionValues(option);
  return {
    ...(option.long ? { long: option.long } : {}),
    ...(option.short ? { short: option.short } : {}),
    description: option.description,
    ...(value ? { value } : {}),
    ...(option.long === '--color' && !option.negate ? { attached: [...COLOR_WHEN.keys()] } : {}),
  };
}

const HELP: OptionSpec = { long: '--help', short: '-h', description: 'display help for command' };

function operandsOf(command: CommandType, isRoot: boolean): Values {
  const first = command.registeredArguments[0];
  if (isRoot) return { kind: 'files' };
  if (command.name() === 'help') return { kind: 'commands' };
  if (!first) return { kind: 'none' };
  if (first.argChoices) return { kind: 'words', words: first.argChoices };
  return command.name() === 'measure' ? { kind: 'files' } : { kind: 'none' };
}

function commandSpec(command: CommandType, isRoot: boolean): CommandSpec {
  return {
    name: isRoot ? '' : command.name(),
    description: command.description(),
    options: [...command.options.filter((o) => !o.hidden).map(optionSpec), HELP],
    operands: operandsOf(command, isRoot),
  };
}

export function completionSpec(program: CommandType, version: string, presets: readonly string[]): CompletionSpec {
  const help: CommandSpec = {
    name: 'help',
    description: `show help for a command, or a topic: ${[...HELP_TOPICS.keys()].join(', ')}`,
    options: [HELP],
    operands: { kind: 'commands' },
  };
  return {
    program: program.name(),
    version,
    presets,
    commands: [commandSpec(program, true), ...program.commands.map((c) => commandSpec(c, false)), help],
    topics: [...HELP_TOPICS].map(([name, topic]) => ({ name, description: topic.summary })),
  };
}

/** The names of the subcommands, in definition order. */
export function subcommandNames(spec: CompletionSpec): string[] {
  return spec.commands.filter((c) => c.name !== '').map((c) => c.name);
}

/** The options of a command that take a value, by every spelling (long and short). */
export function valueOptions(command: CommandSpec): Array<{ names: string[]; value: Values }> {
  return command.options
    .filter((o): o is OptionSpec & { value: Values } => o.value !== undefined)
    .map((o) => ({ names: [o.long, o.short].filter((n): n is string => n !== undefined), value: o.value }));
}

/** Every spelling of every option of a command: --long and -s. */
export function optionWords(command: CommandSpec): string[] {
  return command.options.flatMap((o) => [o.long, o.short].filter((n): n is string => n !== undefined));
}

export { SHELLS };
