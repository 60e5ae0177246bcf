/**
 * What the fuzz tests (fuzz-args, fuzz-files) found, each kept as a plain
 * case: the input, and the clean exit 2 it now gets instead of exit 3.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/shell/main.js';
import { fakeIo, runInProcess } from '../helpers/in-process.js';

const stdin = (input: string) => runInProcess(['-'], { input });

describe('fleet files the fuzzer found', () => {
  it('a schedule hour of another type is reported, not read (was exit 3: input.trim is not a function)', async () => {
    const fleet = { name: 'x', schedule: { nightStart: { a: 1 }, nightHours: null }, cameras: [{ preset: '720p30', count: 1 }] };
    expect(await stdin(JSON.stringify(fleet))).toEqual({
      stdout: '',
      stderr:
        'camsize: <stdin>: schedule.nightStart: Invalid input: expected number, received object\n' +
        'camsize: <stdin>: schedule.nightHours: Invalid input: expected number, received null\n',
      code: 2,
    });
  });
});

describe('file names the fuzzer found', () => {
  it.each([
    ['examples/site.json/x', 'not a file: a part of the path is not a directory'],
    ['x'.repeat(300), 'file name too long'],
  ])('%s: said in words, once', async (path, why) => {
    expect(await runInProcess([path])).toEqual({ stdout: '', stderr: `camsize: ${path}: ${why}\n`, code: 2 });
  });
});

describe('an internal error', () => {
  it('is still one printable line (its message may quote input)', async () => {
    const io = fakeIo();
    const failing = {
      ...io,
      stdout: () => {
        throw new TypeError('bad\nthing \u001b[2J');
      },
    };
    expect(await main(['--preset', '720p30', '--count', '1'], failing)).toBe(3);
    expect(io.err.join('')).toBe('camsize: internal error: bad\\nthing \\u{1b}[2J\nPlease report this with the command that caused it.\n');
  });
});
