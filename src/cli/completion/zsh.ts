/**
 * The zsh completion script (#compdef): one _arguments spec per command, and
 * a dispatcher that hands the words after a subcommand to that command's
 * spec. Options may be repeated (--camera is), so every spec starts with '*'.
 */
import { type CommandSpec, type CompletionSpec, type OptionSpec, subcommandNames, type Values } from './spec.js';

/** Text inside a single-quoted _arguments spec, in its [description]. */
const described = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, `'\\''`)
    .replace(/[[\]]/g, (c) => `\\${c}`);

function action(values: Values): string {
  switch (values.kind) {
    case 'words':
      return `(${values.words.map((w) => w.replace(/[:\s()'\\]/g, (c) => `\\${c}`)).join(' ')})`;
    case 'presets':
      return values.suffix === '=' ? '__camsize_presets_eq' : '__camsize_presets';
    case 'files':
      return '_files';
    case 'commands':
      return '__camsize_help_words';
    case 'free':
    case 'none':
      return ' ';
  }
}

function optionSpecs(option: OptionSpec): string[] {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  const value = option.value ? `:${option.long?.slice(2) ?? 'value'}:${action(option.value)}` : '';
  // A long option's value is the next word or, after '=', the same one (--format=csv); a short one's the next word.
  const specs = names.map((name) => `'*${name}${value && name.startsWith('--') ? '=' : ''}[${described(option.description)}]${value}'`);
  // A flag that also takes a value attached, never as the next word (--color=never): '=-'.
  if (option.long && option.attached) {
    specs.push(`'*${option.long}=-[${described(option.description)}]:when:${action({ kind: 'words', words: option.attached })}'`);
  }
  return specs;
}

function commandFunction(command: CommandSpec): string {
  const name = command.name === '' ? 'root' : command.name;
  const operand =
    command.name === ''
      ? `'1:fleet file or command:__camsize_first'`
      : command.operands.kind === 'none'
        ? undefined
        : `'*:${command.operands.kind === 'files' ? 'file' : 'argument'}:${action(command.operands)}'`;
  const specs = [...command.options.flatMap(optionSpecs), ...(operand ? [operand] : [])];
  return `_camsize_cmd_${name.replace(/-/g, '_')}() {\n  _arguments -s -S \\\n    ${specs.join(' \\\n    ')}\n}`;
}

/** A word and its description for _describe: 'word:description', single-quoted. */
const describedWord = (word: string, description: string) => `'${word}:${description.replace(/'/g, `'\\''`).replace(/:/g, '\\:')}'`;

export function zshScript(spec: CompletionSpec): string {
  const commands = spec.commands.filter((c) => c.name !== '');
  const described = commands.map((c) => describedWord(c.name, c.description));
  return `#compdef ${spec.program}
# zsh completion for ${spec.program} ${spec.version}, written by \`${spec.program} completion zsh\`.
# Install: ${spec.program} completion zsh > "\${fpath[1]}/_${spec.program}", then start a new zsh.

__camsize_preset_ids=(${spec.presets.join(' ')})
__camsize_presets() { compadd -a __camsize_preset_ids }
__camsize_presets_eq() { compadd -S = -a __camsize_preset_ids }
__camsize_commands() {
  local -a commands=(${described.join(' ')})
  _describe -t commands command commands
}
__camsize_help_words() {
  local -a topics=(${spec.topics.map((t) => describedWord(t.name, t.description)).join(' ')})
  __camsize_commands
  _describe -t topics 'help topic' topics
}
__camsize_first() {
  _alternative 'commands:command:__camsize_commands' 'files:fleet file:_files'
}

${spec.commands.map(commandFunction).join('\n\n')}

_camsize() {
  local -a subcommands=(${subcommandNames(spec).join(' ')})
  if (( CURRENT > 2 )) && (( \${subcommands[(Ie)\${words[2]}]} )); then
    local cmd=\${words[2]}
    shift words
    (( CURRENT-- ))
    _camsize_cmd_\${cmd//-/_}
  else
    _camsize_cmd_root
  fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _camsize "$@"
else
  compdef _camsize ${spec.program}
fi
`;
}
