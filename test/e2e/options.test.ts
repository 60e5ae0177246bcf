/** Option values are read strictly (in-process through the Io seam): a typo or an unset variable never changes a verdict. */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const DAY_NIGHT = ['examples/day-night.json', '-q'];

describe('strict option values', () => {
  it.each([
    [['--night-hours', ''], "camsize: --night-start/--night-hours: night hours '' must be a whole number of hours from 0 to 24\n"],
    [['--night-hours', '0x0'], "camsize: --night-start/--night-hours: night hours '0x0' must be a whole number of hours from 0 to 24\n"],
    [
      ['--night-hours', '1e-400'],
      "camsize: --night-start/--night-hours: night hours '1e-400' must be a whole number of hours from 0 to 24\n",
    ],
    [['--night-start', ''], "camsize: --night-start/--night-hours: night start '' must be a whole hour from 0 to 23\n"],
    [['--night-start', '0x10'], "camsize: --night-start/--night-hours: night start '0x10' must be a whole hour from 0 to 23\n"],
    [
      ['--percentile', '99', '--correlation', ''],
      "camsize: --percentile: correlation '' must be from 0 (independent) to 1 (moving together)\n",
    ],
    [['--percentile', '99', '--vbr-cv', ''], "camsize: --percentile: VBR variation '' must be a ratio σ/μ from 0 to 10 (e.g. 0.5)\n"],
    [['--percentile', ''], "camsize: --percentile: percentile '' must be more than 50 and less than 100 (e.g. 99)\n"],
    [['--top', '1000000'], "camsize: --top '1000000' must be a whole number from 0 to 999999\nTry 'camsize --help' for usage.\n"],
    [['--depth', '-1'], "camsize: --depth '-1' must be a whole number from 0 to 999999\nTry 'camsize --help' for usage.\n"],
    [
      ['--precision', '1e1'],
      "camsize: --precision '1e1' must be a whole number of decimals from 0 to 99, 'exact' or 'reading'\nTry 'camsize --help' for usage.\n",
    ],
  ])('%j is refused, nothing on stdout', async (args, stderr) => {
    expect(await runInProcess([...DAY_NIGHT, ...args])).toEqual({ stdout: '', stderr, code: 2 });
  });

  it('a check that fails still fails with the values spelled out', async () => {
    expect((await runInProcess([...DAY_NIGHT, '--night-hours', '11'])).code).toBe(1);
  });
});

describe('--timeline never swallows the fleet file', () => {
  it('reads the operand after --timeline as the fleet file', async () => {
    const { stdout, code } = await runInProcess(['--timeline', 'examples/day-night.json']);
    expect(code).toBe(1);
    expect(stdout).toContain('Load over the day, streets (total)');
  });

  it('takes a segment attached with =', async () => {
    const { stdout } = await runInProcess(['examples/day-night.json', '--timeline=junctions']);
    expect(stdout).toContain('Load over the day, junctions:');
  });

  it('names the closest segment for a typo', async () => {
    expect(await runInProcess(['examples/day-night.json', '--timeline=junction'])).toEqual({
      stdout: '',
      stderr: "camsize: --timeline: no segment 'junction' (did you mean 'junctions'?)\nTry 'camsize --help' for usage.\n",
      code: 2,
    });
  });
});

describe('storage options with a retention from the fleet file', () => {
  it('checks --storage-capacity against the retentions the fleet file sets', async () => {
    const { stdout, code } = await runInProcess(['examples/recorders.json', '--storage-capacity', '100TB', '-q']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'over: total (--storage-capacity): storage 127.4914944 TB (~115.95 TiB) needed, capacity 100 TB, 27.4914944 TB short',
    );
  });

  it('applies --storage-overhead to them', async () => {
    const { stdout } = await runInProcess(['examples/recorders.json', '--storage-overhead', '25', '--json']);
    expect(JSON.parse(stdout).settings.storage.overheadPercent).toBe(25);
  });

  it('still refuses storage options when nothing has a retention', async () => {
    expect(await runInProcess(['--preset', '720p30', '--storage-overhead', '25'])).toEqual({
      stdout: '',
      stderr:
        'camsize: --storage-overhead needs a retention (how long recordings are kept): give --retention or "retention" in the fleet file\nTry \'camsize --help\' for usage.\n',
      code: 2,
    });
  });
});

describe("commander's own messages", () => {
  it.each([
    [
      ['--format', 'a\nb'],
      "camsize: option '-f, --format <format>' argument 'a\\nb' is invalid. Allowed choices are table, json, csv, markdown, html.",
    ],
    [['--nope\u001b[31m'], "camsize: unknown option '--nope\\u{1b}[31m'"],
  ])('quote %j on one printable line', async (args, line) => {
    expect(await runInProcess(args)).toEqual({ stdout: '', stderr: `${line}\nTry 'camsize --help' for usage.\n`, code: 2 });
  });
});

describe('a NUL in an argument (possible only in-process)', () => {
  it.each([[['x\u0000y']], [['-i', 'x\u0000y']], [['measure', 'x\u0000y']]])('%j is a usage error, not an internal one', async (args) => {
    const i = args.findIndex((a) => a.includes('\u0000'));
    expect(await runInProcess(args)).toEqual({
      stdout: '',
      stderr: `camsize: argument ${i + 1} ('x\\u{0}y') holds a NUL character, which no value or file name can\nTry 'camsize --help' for usage.\n`,
      code: 2,
    });
  });
});
