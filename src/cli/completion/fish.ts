/**
 * The fish completion script: one `complete` line per option of each command,
 * each guarded by whether that subcommand was given, and the subcommands
 * themselves while none has been.
 */
import { type CommandSpec, type CompletionSpec, type OptionSpec, subcommandNames, type Values } from './spec.js';

/** A fish single-quoted string. */
const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function values(value: Values): string {
  switch (value.kind) {
    case 'words':
      return `-x -a ${q(value.words.join(' '))}`;
    case 'presets':
      // fish adds no space after a completion that ends in '='.
      return value.suffix === '=' ? '-x -a "$__camsize_presets_eq"' : '-x -a "$__camsize_presets"';
    case 'files':
      return '-r -F';
    case 'commands':
      return '-x -a "$__camsize_commands $__camsize_topics"';
    case 'free':
    case 'none':
      return '-x';
  }
}

function optionLine(condition: string, option: OptionSpec): string {
  const names = [option.short ? `-s ${option.short.slice(1)}` : '', option.long ? `-l ${option.long.slice(2)}` : ''].filter(Boolean);
  // A flag that also takes a value attached (--color=never): offered after '=', never as the next word (no -r).
  const value = option.value ? ` ${values(option.value)}` : option.attached ? ` -f -a ${q(option.attached.join(' '))}` : '';
  return `complete -c camsize -n ${q(condition)} ${names.join(' ')}${value} -d ${q(option.description)}`;
}

function commandLines(command: CommandSpec, all: readonly string[]): string[] {
  const condition =
    command.name === '' ? `not __fish_seen_subcommand_from ${all.join(' ')}` : `__fish_seen_subcommand_from ${command.name}`;
  const operands =
    command.name === ''
      ? [] // a fleet file: fish completes file names unless told not to
      : command.operands.kind === 'files'
        ? []
        : command.operands.kind === 'none'
          ? [`complete -c camsize -n ${q(condition)} -f`]
          : [`complete -c camsize -n ${q(condition)} ${values(command.operands)}`];
  return [
    `# ${command.name === '' ? 'camsize' : `camsize ${command.name}`}`,
    ...command.options.map((o) => optionLine(condition, o)),
    ...operands,
  ];
}

export function fishScript(spec: CompletionSpec): string {
  const names = subcommandNames(spec);
  const commands = spec.commands.filter((c) => c.name !== '');
  return [
    `# fish completion for ${spec.program} ${spec.version}, written by \`${spec.program} completion fish\`.`,
    `# Install: ${spec.program} completion fish > ~/.config/fish/completions/${spec.program}.fish`,
    `set -g __camsize_presets ${spec.presets.join(' ')}`,
    `set -g __camsize_presets_eq ${spec.presets.map((p) => `${p}=`).join(' ')}`,
    `set -g __camsize_commands ${names.join(' ')}`,
    `set -g __camsize_topics ${spec.topics.map((t) => t.name).join(' ')}`,
    ...commands.map((c) => `complete -c camsize -n __fish_use_subcommand -a ${c.name} -d ${q(c.description)}`),
    ...spec.commands.flatMap((c) => commandLines(c, names)),
    '',
  ].join('\n');
}
