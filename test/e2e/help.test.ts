/** Help that answers: `help [command]`, did-you-mean for commands, --color=WHEN, the environment, 80 columns. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const COMMANDS = ['presets', 'estimate', 'measure', 'schema', 'completion'];
const TABLE = ['--camera', '720p30=3'];

describe('help', () => {
  it.each([[['--help']], [['help']], ...COMMANDS.flatMap((c) => [[[c, '--help']], [['help', c]]])])(
    'camsize %j fits 80 columns',
    async (args) => {
      const { stdout, stderr, code } = await runInProcess(args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const long = stdout.split('\n').filter((line) => line.length > 80);
      expect(long).toEqual([]);
    },
  );

  it('`help COMMAND` is `COMMAND --help`', async () => {
    for (const command of COMMANDS) {
      expect((await runInProcess(['help', command])).stdout).toBe((await runInProcess([command, '--help'])).stdout);
    }
  });

  it('lists the commands, the exit codes and the environment', async () => {
    const { stdout } = await runInProcess(['--help']);
    for (const command of [...COMMANDS, 'help']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(stdout).toContain('Exit codes:\n  0  ok\n');
    for (const variable of ['NO_COLOR', 'FORCE_COLOR', 'CAMSIZE_THREADS', 'CAMSIZE_DEBUG', 'COLUMNS']) {
      expect(stdout).toMatch(new RegExp(`^Environment:\\n(  .*\\n)*  ${variable}\\b`, 'm'));
    }
  });

  it.each([['presets'], ['estimate'], ['measure']])('%s --help lists the output options it accepts, and examples', async (command) => {
    const { stdout } = await runInProcess([command, '--help']);
    expect(stdout).toMatch(/^Output:\n {2}-f, --format <format> +output format/m);
    for (const option of ['--json', '--unit <unit>', '--precision <digits>', '--color[=WHEN]', '--no-color'])
      expect(stdout).toContain(`  ${option}`);
    expect(stdout).toMatch(new RegExp(`^Examples:\\n  camsize ${command}`, 'm'));
  });

  it('wraps to COLUMNS when stdout is not a terminal', async () => {
    const { stdout } = await runInProcess(['presets', '--help'], { env: { COLUMNS: '120' } });
    const widths = stdout.split('\n').map((line) => line.length);
    expect(Math.max(...widths)).toBeGreaterThan(80);
    expect(Math.max(...widths)).toBeLessThanOrEqual(120);
  });
});

describe('help topics: camsize help fleet, camsize help inventory', () => {
  it.each([['fleet'], ['inventory']])('camsize help %s fits 80 columns and is listed by camsize help', async (topic) => {
    const { stdout, stderr, code } = await runInProcess(['help', topic]);
    expect({ stderr, code }).toEqual({ stderr: '', code: 0 });
    expect(stdout.split('\n').filter((line) => line.length > 80)).toEqual([]);
    expect((await runInProcess(['help'])).stdout).toMatch(new RegExp(`^Help topics:\\n(  .*\\n)*  camsize help ${topic} `, 'm'));
  });

  it('lists every key of the fleet format, object by object, and every inventory field', async () => {
    const {
      CAMERA_KEYS,
      DISK_KEYS,
      EVENT_KEYS,
      INVENTORY_KEYS,
      LINK_KEYS,
      PROJECT_KEYS,
      RECORDER_KEYS,
      ROOT_KEYS,
      SCHEDULE_KEYS,
      SEGMENT_KEYS,
      SUB_KEYS,
      VIEWER_KEYS,
    } = await import('../../src/core/input/fleet-keys.js');
    const rootOnly = (k: string) => !(SEGMENT_KEYS as readonly string[]).includes(k);
    const fleet = (await runInProcess(['help', 'fleet'])).stdout;
    const sections = fleet.split('\n\n').slice(1);
    const keysOf = (section: string) => [...section.matchAll(/^ {2}(\S+) +\S/gm)].map((m) => m[1]);
    expect(sections.map(keysOf)).toEqual([
      // The fleet's own keys ($schema, calibration, project, inventory, linkSpeeds), then a segment's.
      ROOT_KEYS.filter(rootOnly),
      ROOT_KEYS.filter((k) => !rootOnly(k)),
      [...LINK_KEYS],
      [...VIEWER_KEYS],
      [...RECORDER_KEYS],
      [...DISK_KEYS],
      [...SCHEDULE_KEYS],
      [...CAMERA_KEYS],
      [...EVENT_KEYS],
      [...SUB_KEYS],
      [...INVENTORY_KEYS],
      [...PROJECT_KEYS],
    ]);
    const { INVENTORY_COLUMNS } = await import('../../src/core/inventory/columns.js');
    const inventory = (await runInProcess(['help', 'inventory'])).stdout;
    expect([...inventory.matchAll(/^ {2}(\S+) +\S/gm)].map((m) => m[1])).toEqual(INVENTORY_COLUMNS.map((c) => c.field));
  });
});

describe('a mistyped command gets a did-you-mean, not "no such file"', () => {
  it.each([
    [['prests'], "camsize: unknown command 'prests' (did you mean 'presets'?)"],
    [['estimat', '--resolution', '4K', '--fps', '15'], "camsize: unknown command 'estimat' (did you mean 'estimate'?)"],
    [['shema'], "camsize: unknown command 'shema' (did you mean 'schema'?)"],
    [['help', 'prests'], "camsize: unknown command 'prests' (did you mean 'presets'?)"],
    [
      ['help', 'xyzzy'],
      "camsize: unknown command 'xyzzy': the commands are presets, estimate, measure, columns, check, diff, schema, completion, help; the topics fleet, inventory",
    ],
    [['help', 'flet'], "camsize: unknown command 'flet' (did you mean 'fleet'?)"],
    // `version` is no file and no command: it means --version (issue 22 item 16).
    [['version'], "camsize: unknown command 'version' (did you mean --version, or -V?)"],
    [['help', 'version'], "camsize: unknown command 'version' (did you mean --version, or -V?)"],
    [['-v'], "camsize: unknown option '-v' (did you mean -V, --version?)"],
    [
      ['examples/campus.json', '--json', '--failures-only'],
      "camsize: unknown option '--failures-only' (it is camsize check's: camsize check FLEET --json --failures-only)",
    ],
    [['help', 'fleet', 'x'], "camsize: help fleet takes nothing more (not 'x')"],
  ])('camsize %j', async (args, message) => {
    const { stdout, stderr, code } = await runInProcess(args);
    expect({ stdout, stderr, code }).toEqual({ stdout: '', stderr: `${message}\nTry 'camsize --help' for usage.\n`, code: 2 });
  });

  it('a word far from every command is still a fleet file', async () => {
    expect((await runInProcess(['campus'])).stderr).toBe('camsize: campus: no such file\n');
    expect((await runInProcess(['examples'])).stderr).toBe('camsize: examples: is a directory\n');
  });
});

describe('--color=WHEN', () => {
  const colored = async (args: string[], env: Record<string, string> = {}) =>
    /\x1b\[/.test((await runInProcess([...TABLE, ...args], { env })).stdout);

  it('always, never and auto, the last one given winning', async () => {
    expect(await colored(['--color=always'])).toBe(true);
    expect(await colored(['--color=never'], { FORCE_COLOR: '1' })).toBe(false);
    expect(await colored(['--color=auto'])).toBe(false); // stdout is not a terminal here
    expect(await colored(['--color=auto'], { FORCE_COLOR: '1' })).toBe(true);
    expect(await colored(['--color=never', '--color=auto'], { FORCE_COLOR: '1' })).toBe(true);
    expect(await colored(['--color', '--color=never'])).toBe(false);
    expect(await colored(['--no-color', '--color=always'])).toBe(true);
    expect(await colored(['--color=always'], { NO_COLOR: '1' })).toBe(true);
  });

  it('applies to the subcommands too, and never to JSON', async () => {
    expect((await runInProcess(['presets', '4k30', '--color=always'])).stdout).toMatch(/\x1b\[/);
    expect((await runInProcess([...TABLE, '--json', '--color=always'])).stdout).not.toMatch(/\x1b\[/);
  });

  it('--color does not take the fleet file as its value, and a bad WHEN is a usage error', async () => {
    expect((await runInProcess(['--color', 'examples/figure6.json'])).code).toBe(0);
    const bad = await runInProcess([...TABLE, '--color=sometimes']);
    expect(bad).toEqual({
      stdout: '',
      stderr: "camsize: --color: 'sometimes' is not auto, always or never\nTry 'camsize --help' for usage.\n",
      code: 2,
    });
  });
});
