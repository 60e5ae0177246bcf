/**
 * The bash completion script: one function, _camsize, registered with
 * `complete -F`. It finds the subcommand (the first word that is not an
 * option or an option's value), then completes an option's value, an option,
 * or an operand. Needs only bash itself (no bash-completion package).
 */
import { type CommandSpec, type CompletionSpec, optionWords, subcommandNames, type Values, valueOptions } from './spec.js';

/** A word list as one bash single-quoted string (no word camsize defines holds a quote). */
const quoted = (words: readonly string[]) => `'${words.join(' ').replace(/'/g, `'\\''`)}'`;

function reply(values: Values, presetsVar: string): string {
  switch (values.kind) {
    case 'words':
      return `_camsize_words ${quoted(values.words)}`;
    case 'presets':
      return values.suffix === '=' ? `_camsize_words "${presetsVar}" =` : `_camsize_words "${presetsVar}"`;
    case 'files':
      return '_camsize_files';
    case 'commands':
      return '_camsize_words "$_camsize_commands $_camsize_topics"';
    case 'free':
    case 'none':
      return ':';
  }
}

/** `case "$prev" in` arms: what each option of `command` that takes a value completes to. */
function valueCases(command: CommandSpec): string[] {
  return valueOptions(command).map(({ names, value }) => `      ${names.join('|')}) ${reply(value, '$_camsize_presets')}; return 0 ;;`);
}

function commandCase(command: CommandSpec): string {
  const name = command.name === '' ? '""' : command.name;
  // The program's operand is a fleet file, or, as the first word, a subcommand.
  const operands =
    command.name === ''
      ? '_camsize_files; [[ -n $cmd_seen ]] || _camsize_words "$_camsize_commands"'
      : reply(command.operands, '$_camsize_presets');
  return [
    `    ${name})`,
    '      case "$prev" in',
    ...valueCases(command),
    '      esac',
    `      if [[ $cur == -* ]]; then _camsize_words ${quoted(optionWords(command))}; return 0; fi`,
    `      ${operands}`,
    '      ;;',
  ].join('\n');
}

/** `if` lines for the flags that take a value attached (--color=WHEN), by every command: $prev is then '--color='. */
function attachedCases(spec: CompletionSpec): string[] {
  const seen = new Map<string, readonly string[]>();
  for (const command of spec.commands) for (const o of command.options) if (o.long && o.attached) seen.set(o.long, o.attached);
  return [...seen].map(
    ([long, words]) => `  if [[ $prev == ${long}= ]]; then COMPREPLY=($(compgen -W ${quoted(words)} -- "$cur")); return 0; fi`,
  );
}

/** Options of the program that take a value: the word after one is its value, not the subcommand. */
function rootValueOptions(spec: CompletionSpec): string[] {
  const root = spec.commands.find((c) => c.name === '')!;
  return valueOptions(root).flatMap((o) => o.names);
}

export function bashScript(spec: CompletionSpec): string {
  const commands = subcommandNames(spec);
  return `# bash completion for ${spec.program} ${spec.version}, written by \`${spec.program} completion bash\`.
# Load it in ~/.bashrc with:  source <(${spec.program} completion bash)
_camsize_presets=${quoted(spec.presets)}
_camsize_commands=${quoted(commands)}
_camsize_topics=${quoted(spec.topics.map((t) => t.name))}

# Adds each word of $1 that starts with $cur to COMPREPLY, followed by $2 ('=': then no space).
_camsize_words() {
  local word
  for word in $1; do
    if [[ $word == "$cur"* ]]; then COMPREPLY+=("$word$2"); fi
  done
  if [[ -n $2 ]]; then compopt -o nospace 2>/dev/null; fi
  return 0
}

# Adds the file and directory names that start with $cur.
_camsize_files() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\\n'
  COMPREPLY+=($(compgen -f -- "$cur"))
}

_camsize() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" cmd_seen="" i word
  # "--format=csv", "--color=never": COMP_WORDBREAKS splits them at '=' into three words.
  if [[ $cur == = ]]; then prev="\${COMP_WORDS[COMP_CWORD-1]}="; cur=""; fi
  if [[ $prev == = ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}="; fi
${attachedCases(spec).join('\n')}
  # The value of --format= completes as the value of --format.
  if [[ $prev == --*= ]]; then prev="\${prev%=}"; fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      =) ((i++)) ;; # the value after '=' of --option=value
      ${rootValueOptions(spec).join('|')}) [[ \${COMP_WORDS[i+1]} == = ]] || ((i++)) ;;
      -*) ;;
      *)
        cmd_seen=1
        case " $_camsize_commands " in *" $word "*) cmd="$word" ;; esac
        break
        ;;
    esac
  done
  COMPREPLY=()
  case "$cmd" in
${spec.commands.map(commandCase).join('\n')}
  esac
  return 0
}

complete -F _camsize ${spec.program}
`;
}
