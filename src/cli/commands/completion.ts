/** `camsize completion bash|zsh|fish`: a completion script written from the command-line grammar. */
import { own } from '../../core/model/own.js';
import type { Command as CommandType } from 'commander';
import { loadCatalog } from '../../io/catalog-load.js';
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { type CompletionSpec, completionSpec } from '../completion/spec.js';
import { zshScript } from '../completion/zsh.js';
import type { Io } from '../../io/io.js';

const SCRIPTS: Readonly<Record<string, (spec: CompletionSpec) => string>> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export async function runCompletion(shell: string, program: CommandType, io: Io): Promise<number> {
  const script = own(SCRIPTS, shell)!; // commander checked the choice
  const catalog = await loadCatalog();
  io.stdout(
    script(
      completionSpec(
        program,
        program.version() ?? '',
        catalog.presets.map((p) => p.id),
      ),
    ),
  );
  return 0;
}
