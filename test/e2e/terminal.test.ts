/**
 * Tables in a real terminal: camsize runs in a tmux pane of 60, 80 and 120
 * columns (Debian's tmux; .ci/run installs it; without it these tests are
 * skipped with one line saying so, and under CI=true they fail), and what the
 * pane shows is read back (without its colours: camsize colours a terminal, and a coloured
 * cell must take no more room than a plain one). The width comes from the
 * terminal itself (process.stdout.columns), not from COLUMNS, which this test
 * leaves unset. Every example's tables fit each width.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, program } from '../helpers/needs.js';
import { CLI, ROOT } from '../helpers/run.js';

const HAS_TMUX = needs('tables in a real terminal', program('tmux', 'tmux'));

const SERVER = `camsize-test-${process.pid}`;

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', SERVER, '-f', '/dev/null', ...args], { encoding: 'utf8', cwd: ROOT });
  if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** Runs camsize in a fresh pane `columns` wide and returns what the pane shows, wrapped lines joined (-J). */
async function inTerminal(columns: number, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return (await inTerminalRuns(columns, [args], env))[0]!;
}

/**
 * Runs camsize once for each of `runs` in one fresh pane `columns` wide, one after the other, and returns what
 * each showed (a pane per width rather than per run: a real terminal each time, at a tenth of the start-ups).
 */
async function inTerminalRuns(columns: number, runs: readonly (readonly string[])[], env: Record<string, string> = {}): Promise<string[]> {
  const session = `s${columns}-${Math.random().toString(36).slice(2, 8)}`;
  const vars = Object.entries({ LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: '', NO_COLOR: '', FORCE_COLOR: '', ...env })
    .map(([k, v]) => `${k}='${v}'`)
    .join(' ');
  // The pane stays open after camsize ends (sleep) so that it can be read; the session is killed after.
  const each = runs.map(
    (args, i) => `echo "[run ${i}]"; env -u COLUMNS ${vars} '${process.execPath}' '${CLI}' ${args.join(' ')}; echo "[exit $?]"`,
  );
  const command = `${each.join('; ')}; echo "[done]"; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', String(columns), '-y', '200', command);
  try {
    for (let waited = 0; waited < 15_000 * runs.length; waited += 50) {
      const shown = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', session);
      if (/^\[done\]$/m.test(shown)) return shown.split(/^\[run \d+\]$/m).slice(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`camsize did not finish in the ${columns}-column pane`);
  } finally {
    tmux('kill-session', '-t', session);
  }
}

const cells = (line: string) => [...line].length;
const tableLines = (text: string) => text.split('\n').filter((l) => /^[┌│└+|]/.test(l));

// One idle session keeps the server up between the tests' own sessions (a server with no session exits, and a
// session started while it exits fails).
beforeAll(() => {
  if (HAS_TMUX) {
    tmux('new-session', '-d', '-s', 'keep', 'sleep 600');
    tmux('set-option', '-g', 'history-limit', '100000');
  }
});

afterAll(() => {
  if (HAS_TMUX) spawnSync('tmux', ['-L', SERVER, 'kill-server']);
});

describe.skipIf(!HAS_TMUX)('in a real terminal (tmux)', () => {
  it.each([80, 60])('the campus tables fit %i columns, with Unicode borders', async (columns) => {
    const shown = await inTerminal(columns, ['examples/campus.json']);
    expect(shown).toContain('[exit 1]');
    const tables = tableLines(shown);
    expect(tables.length).toBeGreaterThan(15);
    for (const line of tables) expect(cells(line)).toBeLessThanOrEqual(columns);
    expect(Math.max(...tables.map(cells))).toBe(columns);
    expect(shown).toMatch(/^┌─/m);
    expect(shown).toContain(`Left out to fit ${columns} columns:`);
    for (const segment of ['building-a', 'sw-a1', 'sw-b2', 'wan-monitoring']) expect(shown).toMatch(new RegExp(`│ +${segment} +│`));
    // sw-b2 is over: the column that says by how much (Util.) stays, whatever else goes.
    expect(shown).toMatch(/│ +sw-b2 +│.*746\.94 Mb\/s │.* 74\.7 % \/( 0 %)? *│ OVER ↑ │/);
  });

  it('--wide at 60 columns keeps every column: the terminal wraps the lines', async () => {
    const shown = await inTerminal(60, ['examples/campus.json', '--wide']);
    expect(Math.max(...tableLines(shown).map(cells))).toBe(113);
    expect(shown).not.toContain('Left out');
  });

  // Every example as the docs run it, and the other tables (the catalog, the calibration, measurements).
  const EXAMPLES = [
    ...['campus', 'day-night', 'depot', 'figure6', 'multi-site', 'national', 'recorders', 'relay', 'site'].map((name) => [
      `examples/${name}.json`,
    ]),
    ['examples/depot.json', '--measured', 'examples/depot-measured.csv'],
    ['examples/multi-site.json', '--flows'],
    ['examples/site.json', '--inventory', 'examples/cameras.csv'],
    ['examples/day-night.json', '--timeline=junctions'],
    ['presets'],
    ['estimate', '--calibration'],
    ['measure', 'examples/measurements.csv'],
  ];

  it.concurrent.each([60, 80, 120])('no line of any table of any example is wider than %i columns', async (columns) => {
    const shown = await inTerminalRuns(columns, EXAMPLES);
    expect(shown).toHaveLength(EXAMPLES.length);
    shown.forEach((text, i) => {
      expect(text, EXAMPLES[i]!.join(' ')).toMatch(/\[exit [01]\]/);
      const tables = tableLines(text);
      expect(tables.length, EXAMPLES[i]!.join(' ')).toBeGreaterThan(3);
      for (const line of tables) expect(cells(line), `${EXAMPLES[i]!.join(' ')}: ${line}`).toBeLessThanOrEqual(columns);
      // Names break only between words ("control-" / "room"), never inside one ("cont" / "rol-" / "room").
      expect(text).not.toMatch(/│ +(cont|rol-|c|co|con|wan-mon|wan-moni|itoring|toring|ng) +│/);
    });
  });

  it('TERM=dumb draws ASCII borders; so does a C locale', async () => {
    for (const env of [{ TERM: 'dumb' }, { LANG: 'C' }] as Record<string, string>[]) {
      const shown = await inTerminal(80, ['examples/campus.json'], env);
      expect(shown).toMatch(/^\+-+\+/m);
      expect(shown).not.toMatch(/[┌│└─]/);
      for (const line of tableLines(shown)) expect(cells(line)).toBeLessThanOrEqual(80);
    }
  });
});
