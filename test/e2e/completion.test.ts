/**
 * `camsize completion bash|zsh|fish`: each script is loaded in its real shell
 * and asked for completions. bash: the completion function as readline calls
 * it, and once through readline itself (a TAB typed in tmux); fish: its own
 * `complete -C`; zsh: a TAB typed in tmux. zsh, fish and tmux come from
 * Debian packages (.ci/run installs them): without one, the tests that need it
 * are skipped with one line naming it, and under CI=true they fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/io/catalog-load.js';
import { runInProcess } from '../helpers/in-process.js';
import { needs, program } from '../helpers/needs.js';
import { ROOT } from '../helpers/run.js';

const TMUX = program('tmux', 'tmux');
const HAS_BASH_TMUX = needs('bash completion typed in a terminal', TMUX);
const HAS_ZSH_TMUX = needs('zsh completion', program('zsh', 'zsh'), TMUX);
const HAS_FISH = needs('fish completion', program('fish', 'fish'));

const dir = mkdtempSync(join(tmpdir(), 'camsize-completion-'));
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const { stdout, code } = await runInProcess(['completion', shell]);
    expect(code).toBe(0);
    scripts[shell] = join(dir, `camsize.${shell}`);
    writeFileSync(scripts[shell]!, stdout);
  }
});

function run(command: string, args: string[], input = '') {
  const result = spawnSync(command, args, { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, HOME: dir } });
  if (result.error) throw new Error(`${command} is needed for this test (Debian package ${command}): ${result.error.message}`);
  return result;
}

/** What bash's completion function offers for each line (the last word being completed). */
function bashCompletions(lines: string[][]): string[][] {
  const calls = lines.map((words) => `_t ${words.map((w) => `'${w}'`).join(' ')}`).join('\n');
  const script = `source '${scripts['bash']}'
_t() { COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _camsize; printf '%s\\n' "\${COMPREPLY[*]}"; }
${calls}
`;
  const { stdout, stderr, status } = run('bash', ['--norc', '--noprofile', '-c', script]);
  expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
  return stdout
    .split('\n')
    .slice(0, lines.length)
    .map((line) => (line === '' ? [] : [...new Set(line.split(' '))].sort()));
}

describe('bash', () => {
  it('the script is valid bash and registers the function', () => {
    expect(run('bash', ['-n', scripts['bash']!]).status).toBe(0);
    expect(run('bash', ['--norc', '-c', `source '${scripts['bash']}'; complete -p camsize`]).stdout).toBe('complete -F _camsize camsize\n');
  });

  it('completes options, their values, subcommands and files', async () => {
    const catalog = await loadCatalog();
    const ids = (prefix: string) =>
      catalog.presets
        .map((p) => p.id)
        .filter((id) => id.startsWith(prefix))
        .sort();
    const [pre, preset4k, camera, format, first, presets, codec, shells, help, measure, after] = bashCompletions([
      ['camsize', '--pre'],
      ['camsize', '--preset', '4k'],
      ['camsize', '--camera', '4k3'],
      ['camsize', '--format', ''],
      ['camsize', 'e'],
      ['camsize', 'presets', '--c'],
      ['camsize', 'presets', '--codec', 'h265'],
      ['camsize', 'completion', ''],
      ['camsize', 'help', 'pr'],
      ['camsize', 'measure', 'examples/mea'],
      ['camsize', '--json', '--as', '4k30', 'examples/cam'],
    ]);
    expect(pre).toEqual(['--precision', '--preset']);
    expect(preset4k).toEqual(ids('4k'));
    expect(preset4k).toContain('4k30');
    expect(camera).toEqual(['4k30=']);
    expect(format).toEqual(['csv', 'html', 'json', 'markdown', 'table']);
    expect(first).toEqual(['estimate', 'examples']);
    expect(presets).toEqual(['--codec', '--color']);
    expect(codec).toEqual(['h265', 'h265-smart']);
    expect(shells).toEqual(['bash', 'fish', 'zsh']);
    expect(help).toEqual(['presets']);
    expect(measure).toEqual(['examples/measurements.csv']);
    // Any file completes (a fleet, an inventory); what the folder holds is the expectation.
    const examples = readdirSync('examples').filter((name) => name.startsWith('cam'));
    expect(after).toEqual(examples.map((name) => `examples/${name}`).sort());
    expect(after).toContain('examples/campus.json');
  });

  it('completes file names for --measured and --calibration, of a fleet and of estimate', () => {
    const [measured, calibration, estimate] = bashCompletions([
      ['camsize', 'examples/depot.json', '--measured', 'examples/depot-'],
      ['camsize', 'examples/recorders.json', '--calibration', 'examples/site-c'],
      ['camsize', 'estimate', '--calibration', 'examples/site-c'],
    ]);
    expect(measured).toEqual(['examples/depot-measured.csv']);
    expect(calibration).toEqual(['examples/site-calibration.json']);
    expect(estimate).toEqual(['examples/site-calibration.json']);
  });

  it('completes --format=, --color=, -o FILE and help topics (issue 22 item 16)', () => {
    const [format, formatPart, color, output, outputLong, schemaOutput, help, afterColor] = bashCompletions([
      ['camsize', '--format', '=', ''],
      ['camsize', 'presets', '--format', '=', 'c'],
      ['camsize', '--color', '=', 'a'],
      ['camsize', 'examples/campus.json', '-o', 'examples/campus-r'],
      ['camsize', '--output', '=', 'examples/campus-r'],
      ['camsize', 'schema', '-o', 'examples/fleet.s'],
      ['camsize', 'help', ''],
      ['camsize', '--color', '=', 'never', 'examples/camp'],
    ]);
    expect(format).toEqual(['csv', 'html', 'json', 'markdown', 'table']);
    expect(formatPart).toEqual(['csv']);
    expect(color).toEqual(['always', 'auto']);
    expect(output).toEqual(['examples/campus-report.png']);
    expect(outputLong).toEqual(['examples/campus-report.png']);
    expect(schemaOutput).toEqual(['examples/fleet.schema.json']);
    expect(help).toEqual([
      'check',
      'columns',
      'completion',
      'diff',
      'estimate',
      'fleet',
      'help',
      'inventory',
      'measure',
      'presets',
      'schema',
    ]);
    // The value after --color= is not the fleet file: files still complete after it.
    expect(afterColor).toEqual(['examples/campus-report.png', 'examples/campus.json']);
  });

  it('offers every option of every command, as the grammar defines them', async () => {
    const [root, estimate, schema] = bashCompletions([
      ['camsize', '--'],
      ['camsize', 'estimate', '--'],
      ['camsize', 'schema', '--'],
    ]);
    expect(root).toContain('--max-utilization');
    expect(root).toContain('--skip-invalid');
    expect(root).not.toContain('--timeline-of'); // hidden
    expect(estimate).toEqual(
      [
        '--ascii',
        '--calibration',
        '--codec',
        '--color',
        '--format',
        '--fps',
        '--help',
        '--json',
        '--no-color',
        '--output',
        '--precision',
        '--quality',
        '--resolution',
        '--scene',
        '--unit',
        '--wide',
      ].sort(),
    );
    expect(schema).toEqual(['--help', '--output']);
  });
});

/** The screen of tmux session `session` once `expected` shows on it, or after 20 s (what it shows then). */
function screenWith(session: string, expected: RegExp): string {
  let screen = '';
  // zsh's compinit can take seconds on a loaded machine: wait up to 20 s for the screen.
  const until = Date.now() + 20_000;
  while (!expected.test(screen) && Date.now() < until) {
    run('sleep', ['0.1']);
    screen = run('tmux', ['capture-pane', '-p', '-t', session]).stdout;
  }
  return screen;
}

/**
 * Types `keys` into an interactive shell in tmux once `setup` has run and the shell shows `prompt`
 * (keys sent earlier may reach the terminal before the shell's line editor does, and be echoed as
 * they are, TABs and all), waits for `expected` on the screen, and returns the screen.
 */
function typed(shell: string[], setup: string, prompt: RegExp, keys: string[], expected: RegExp): string {
  return typedEach(shell, setup, prompt, [[keys, expected]])[0]!;
}

/** typed() for several lines in one shell (each line cleared with ^U after it), one screen for each. */
function typedEach(shell: string[], setup: string, prompt: RegExp, lines: Array<[string[], RegExp]>): string[] {
  const session = `camsize-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  run('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '20', ...shell]);
  try {
    run('tmux', ['send-keys', '-t', session, setup, 'Enter']);
    screenWith(session, prompt);
    return lines.map(([keys, expected]) => {
      run('tmux', ['send-keys', '-t', session, ...keys]);
      const screen = screenWith(session, expected);
      run('tmux', ['send-keys', '-t', session, 'C-u']);
      return screen;
    });
  } finally {
    run('tmux', ['kill-session', '-t', session]);
  }
}

describe('typed in a terminal', () => {
  // The prompts the setups set (PS1='$ ', PS1='%% '), alone on a line: capture-pane drops trailing spaces.
  const BASH_PROMPT = /^\$$/m;
  const ZSH_PROMPT = /^%$/m;
  it.skipIf(!HAS_BASH_TMUX)('bash: --pre<TAB>s<TAB> becomes --preset and a space, and --preset 4k<TAB><TAB> lists the 4k presets', () => {
    const setup = `PS1='$ '; source '${scripts['bash']}'`;
    // The X typed after the TAB shows that the completion ended the word with a space.
    const line = typed(
      ['bash', '--norc', '--noprofile'],
      setup,
      BASH_PROMPT,
      ['camsize --pre', 'Tab', 's', 'Tab', 'X'],
      /camsize --preset X$/m,
    );
    expect(line).toMatch(/^\$ camsize --preset X$/m);
    const listed = typed(['bash', '--norc', '--noprofile'], setup, BASH_PROMPT, ['camsize --preset 4k', 'Tab', 'Tab'], /4k30/);
    expect(listed).toMatch(/4k10-night +4k30/);
  });

  it.skipIf(!HAS_ZSH_TMUX)('zsh: --preset 4k3<TAB> becomes 4k30, presets --co<TAB> lists --codec and --color', () => {
    const setup = `PS1='%% '; autoload -U compinit && compinit -u && source '${scripts['zsh']}'`;
    expect(typed(['zsh', '-f'], setup, ZSH_PROMPT, ['camsize --preset 4k3', 'Tab', 'X'], /4k30 X$/m)).toMatch(
      /^% camsize --preset 4k30 X$/m,
    );
    const listed = typed(['zsh', '-f'], setup, ZSH_PROMPT, ['camsize presets --co', 'Tab'], /--color/);
    expect(listed).toMatch(/--codec +-- only this codec/);
    expect(listed).toMatch(/--color +-- colour the table/);
  });
});

describe.skipIf(!HAS_ZSH_TMUX)('zsh: values after =, files after -o, help topics', () => {
  it('--format=<TAB>, --color=<TAB>, -o <TAB> and help <TAB>', () => {
    const setup = `PS1='%% '; autoload -U compinit && compinit -u && source '${scripts['zsh']}'`;
    const lines: Array<[string, RegExp]> = [
      ['camsize --format=mark', /^% camsize --format=markdown X$/m],
      ['camsize --color=nev', /^% camsize --color=never X$/m],
      ['camsize -o examples/campus-r', /^% camsize -o examples\/campus-report\.png X$/m],
      ['camsize help inv', /^% camsize help inventory X$/m],
    ];
    const screens = typedEach(
      ['zsh', '-f'],
      setup,
      /^%$/m,
      lines.map(([line, expected]) => [[line, 'Tab', 'X'], expected]),
    );
    for (const [i, [, expected]] of lines.entries()) expect(screens[i]).toMatch(expected);
  });
});

describe.skipIf(!HAS_FISH)('fish', () => {
  it('completes through fish itself', () => {
    const asked = [
      'camsize --pre',
      'camsize --preset 4k',
      'camsize pr',
      'camsize presets --codec h26',
      'camsize --camera 4k3',
      'camsize completion ',
      'camsize --color=',
      'camsize --format=m',
      'camsize -o examples/campus-r',
      'camsize help in',
      'camsize --color examples/campus-r',
    ];
    const script = [`source '${scripts['fish']}'`, ...asked.flatMap((line) => [`complete -C '${line}'`, 'echo ---'])].join('\n');
    const { stdout, stderr, status } = run('fish', ['--no-config', '-c', script]);
    expect({ stderr, status }).toEqual({ stderr: '', status: 0 });
    const answers = stdout.split('---\n').map((block) =>
      block
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[0]!),
    );
    expect(answers[0]).toEqual(['--precision', '--preset']);
    expect(answers[1]).toEqual(['4k10-night', '4k30']);
    expect(answers[2]).toContain('presets');
    expect(answers[3]).toEqual(['h264', 'h264-smart', 'h265', 'h265-smart']);
    expect(answers[4]).toEqual(['4k30=']);
    expect(answers[5]).toEqual(['bash', 'fish', 'zsh']);
    expect(answers[6]).toEqual(['--color=always', '--color=auto', '--color=never']);
    expect(answers[7]).toEqual(['--format=markdown']);
    expect(answers[8]).toEqual(['examples/campus-report.png']);
    expect(answers[9]).toEqual(['inventory']);
    // --color takes no next word: a file completes after it.
    expect(answers[10]).toEqual(['examples/campus-report.png']);
  });
});
