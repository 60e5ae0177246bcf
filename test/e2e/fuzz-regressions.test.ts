/**
 * What the fuzz tests (fuzz-args, fuzz-files) found, each kept as a plain
 * case: the input, and the clean exit 2 it now gets instead of exit 3.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileBounded } from '../../src/io/io.js';
import { main } from '../../src/cli/main.js';
import { fakeIo, runInProcess } from '../helpers/in-process.js';

const stdin = (input: string) => runInProcess(['-'], { input });

describe('fleet files the fuzzer found', () => {
  it('a schedule hour of another type is reported, not read (was exit 3: input.trim is not a function)', async () => {
    const fleet = { name: 'x', schedule: { nightStart: { a: 1 }, nightHours: null }, cameras: [{ preset: '720p30', count: 1 }] };
    expect(await stdin(JSON.stringify(fleet))).toEqual({
      stdout: '',
      stderr:
        'camsize: <stdin>: schedule.nightStart: expected a number, not an object ({ … })\n' +
        'camsize: <stdin>: schedule.nightHours: expected a number, not null\n',
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

describe('a fleet file that never ends', () => {
  const TOO_LARGE =
    'more than 256 MiB: too large for a fleet file (a list of cameras is an inventory: --inventory FILE, which is streamed)';

  it('on stdin is refused past 256 MiB, not read until memory runs out', async () => {
    const chunk = Buffer.alloc(16 << 20, 0x20);
    const io = {
      ...fakeIo(),
      stdinIsTTY: false,
      stdinChunks: async function* () {
        for (;;) yield chunk;
      },
    };
    expect(await main(['-'], io)).toBe(2);
    expect([io.out.join(''), io.err.join('')]).toEqual(['', `camsize: <stdin>: ${TOO_LARGE}\n`]);
  });

  it('as a file (/dev/zero) is read only up to the limit', async () => {
    await expect(readFileBounded('/dev/zero', 3 << 20)).rejects.toMatchObject({ code: 'ERR_FS_FILE_TOO_LARGE' });
    expect((await readFileBounded('examples/figure6.json', 1 << 20)).equals(readFileSync('examples/figure6.json'))).toBe(true);
    // A regular file is read into one buffer of its size: at the limit it is whole, a byte over it is refused.
    const size = readFileSync('examples/figure6.json').length;
    expect((await readFileBounded('examples/figure6.json', size)).length).toBe(size);
    await expect(readFileBounded('examples/figure6.json', size - 1)).rejects.toMatchObject({ code: 'ERR_FS_FILE_TOO_LARGE' });
    expect((await readFileBounded('examples/figure6.json', size, { regular: true })).length).toBe(size);
    // A regular file over the limit is refused from its size, before a byte is read (a sparse 1 GiB file here).
    const dir = mkdtempSync(join(tmpdir(), 'camsize-big-'));
    try {
      const big = join(dir, 'big.json');
      writeFileSync(big, '');
      truncateSync(big, 1 << 30);
      await expect(readFileBounded(big, 1 << 20)).rejects.toMatchObject({ code: 'ERR_FS_FILE_TOO_LARGE' });
    } finally {
      rmSync(dir, { recursive: true });
    }
    const io = {
      ...fakeIo(),
      readFile: (path: string, max?: number) => readFileBounded(path === 'zero' ? '/dev/zero' : path, max && 1 << 20),
    };
    expect(await main(['zero'], io)).toBe(2);
    expect(io.err.join('')).toBe(`camsize: zero: ${TOO_LARGE}\n`);
  });

  it('measurement files (CSV, JSON) are read only up to their limit', async () => {
    for (const name of ['zero.csv', 'zero.json']) {
      const io = {
        ...fakeIo(),
        // The real limit is 256 MiB; a limit is asked for, and /dev/zero stops at 1 MiB here.
        readFile: (path: string, max?: number) => readFileBounded(path === name ? '/dev/zero' : path, max && 1 << 20),
      };
      expect(await main(['measure', name], io)).toBe(2);
      expect([io.out.join(''), io.err.join('')]).toEqual([
        '',
        `camsize: ${name}: larger than 256 MiB, too large for a measurements file\n`,
      ]);
    }
  });
});
