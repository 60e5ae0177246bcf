/**
 * `-o FILE` / `--output FILE`: what would go to stdout goes to FILE, written
 * whole once the command has finished; a failed check (exit 1) still writes
 * it, an error (exit 2) writes nothing; `-o -` is stdout.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { processIo } from '../../src/io/io.js';
import { fakeIo, runInProcess } from '../helpers/in-process.js';
import { CLI, runCli, runShell } from '../helpers/run.js';

const dir = () => mkdtempSync(join(tmpdir(), 'camsize-out-'));

describe('--output FILE', () => {
  it('writes the report to the file, nothing to stdout, and keeps the exit code', async () => {
    const file = join(dir(), 'campus.txt');
    const result = await runInProcess(['examples/campus.json', '-o', file]);
    expect(result).toEqual({ stdout: '', stderr: '', code: 1 });
    expect(readFileSync(file, 'utf8')).toBe((await runInProcess(['examples/campus.json'])).stdout);
  });

  it('is not a terminal: no colour and no fitting, even when stdout is one', async () => {
    const file = join(dir(), 'campus.txt');
    await runInProcess(['examples/campus.json', '--output', file], { stdoutIsTTY: true, columns: 60 });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('\u001b[');
    expect(text).not.toContain('Left out');
  });

  it('works for every command: presets, estimate, schema', async () => {
    const d = dir();
    for (const [name, args] of [
      ['presets.json', ['presets', '--json']],
      ['estimate.txt', ['estimate', '--resolution', '4K', '--fps', '15', '--codec', 'h265']],
      ['schema.json', ['schema']],
    ] as const) {
      const file = join(d, name);
      expect(await runInProcess([...args, '-o', file])).toEqual({ stdout: '', stderr: '', code: 0 });
      expect(readFileSync(file, 'utf8')).toBe((await runInProcess([...args])).stdout);
    }
  });

  it('writes nothing when the command fails (exit 2)', async () => {
    const file = join(dir(), 'never.txt');
    const result = await runInProcess(['examples/no-such-fleet.json', '-o', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(existsSync(file)).toBe(false);
  });

  it('- is standard output', async () => {
    expect(await runInProcess(['--preset', '720p30', '-o', '-'])).toEqual(await runInProcess(['--preset', '720p30']));
  });

  it.each([
    [['-o', ''], /^camsize: --output needs a file name \(or - for standard output\)\nTry 'camsize --help' for usage\.\n$/],
    [['-o', '/nonexistent-dir/r.txt'], /^camsize: cannot write \/nonexistent-dir\/r\.txt: no such directory\n$/],
    [['-o', '.'], /^camsize: cannot write \.: it is a directory\n$/],
    [['-o'], /^camsize: option '-o, --output <file>' argument missing\n/],
  ])('refuses %j with exit 2 and one line', (args, message) => {
    const result = runCli(['--preset', '720p30', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('replaces a file whole, keeping its mode, and leaves no temporary file', () => {
    const d = dir();
    const file = join(d, 'report.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    const result = runCli(['examples/campus.json', '--format', 'markdown', '-o', file]);
    expect(result.code).toBe(1);
    // campus.json names its project: the document's title.
    expect(readFileSync(file, 'utf8')).toMatch(/^## Campus video surveillance\n/);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['report.md']);
  });

  it('writes --json, which the bin writes as bytes, to the file and nothing to stdout', () => {
    const d = dir();
    const file = join(d, 'report.json');
    const result = runCli(['examples/campus.json', '--json', '-o', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(runCli(['examples/campus.json', '--json']).stdout);
  });

  it('writes through to a device as it is (/dev/stdout, a pipe)', () => {
    const result = runShell('$CAMSIZE --preset 720p30 --json -o /dev/stdout | cat');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).total.cameras).toBe('1');
  });
});

/**
 * Issue 22, item 10: the temporary file beside the target is created exclusively under an unpredictable
 * name (a link planted at `FILE.<pid>.tmp` made camsize overwrite and chmod the link's target), keeps the
 * target's mode, and is removed on every way out: an error while writing, and a signal (real spawns).
 */
describe('--output FILE: the temporary file', () => {
  const withRealWrites = (args: string[]) => {
    const io = { ...fakeIo(), writeFile: processIo().writeFile };
    return main(args, io);
  };

  it('never writes through a link planted where it used to be (FILE.<pid>.tmp)', async () => {
    const d = dir();
    const victim = join(d, 'victim.conf');
    writeFileSync(victim, 'secret');
    chmodSync(victim, 0o600);
    const target = join(d, 'report.txt');
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    expect(await withRealWrites(['--preset', '720p30', '-o', target])).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('secret');
    expect(statSync(victim).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toContain('720p30');
    expect(lstatSync(`${target}.${process.pid}.tmp`).isSymbolicLink()).toBe(true);
  });

  it('is not left behind when writing fails half-way', async () => {
    const d = dir();
    const target = join(d, 'report.txt');
    const parts = {
      *[Symbol.iterator]() {
        yield 'first part\n';
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    } as unknown as string[];
    await expect(processIo().writeFile(target, parts)).rejects.toThrow(/no space/);
    expect(readdirSync(d)).toEqual([]);
  });

  it('is removed when SIGTERM ends camsize while it writes, and the target is not written', async () => {
    const d = dir();
    const fleet = join(d, 'big.json');
    // 20,000 segments: a --json report of tens of MB, written in parts, so that the write takes a while.
    const segments = Array.from({ length: 20_000 }, (_, i) => ({ name: `s${i}`, cameras: [{ preset: '720p30', count: i + 1 }] }));
    writeFileSync(fleet, JSON.stringify({ name: 'big', segments }));
    const out = join(d, 'out');
    mkdirSync(out);
    const target = join(out, 'report.json');
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = spawn(process.execPath, [CLI, fleet, '--json', '-o', target], { stdio: 'ignore' });
      const watcher = watch(out, (_, name) => {
        if (String(name).endsWith('.tmp')) child.kill('SIGTERM');
      });
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      watcher.close();
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (signal === 'SIGTERM') {
        expect(existsSync(target)).toBe(false);
        return;
      }
      expect(code).toBe(0); // finished before the signal came: try again
      rmSync(target);
    }
    expect.fail('camsize finished its write before SIGTERM came, five times');
  }, 60_000);
});
