/**
 * How the bin meets the real process (src/cli.ts): stdout is written with
 * writeSync and asked whether it is a terminal without node:tty, so these are
 * checked on real descriptors: a terminal (script(1)), a pipe, /dev/null, a
 * non-blocking pipe that fills up, and output larger than one write.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needs, program } from '../helpers/needs.js';
import { CLI, runCli, runShell } from '../helpers/run.js';

const HAS_PYTHON = needs('a full non-blocking pipe', program('python3', 'python3'));

const tmp = mkdtempSync(join(tmpdir(), 'camsize-io-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } as NodeJS.ProcessEnv;
delete env['NO_COLOR'];
delete env['FORCE_COLOR'];

describe('start-up', () => {
  // Opening process.stdout, stderr or stdin loads Node's stream modules (~8 ms, see bench/RESULTS.md):
  // the everyday commands must print without them. A preload reports which were touched.
  const preload = join(tmp, 'stdio-touched.cjs');
  writeFileSync(
    preload,
    `for (const name of ['stdout', 'stderr', 'stdin']) {
      const d = Object.getOwnPropertyDescriptor(process, name);
      Object.defineProperty(process, name, { configurable: true, get() {
        require('node:fs').writeSync(2, 'touched ' + name + '\\n');
        Object.defineProperty(process, name, d);
        return d.get.call(process);
      } });
    }`,
  );

  const everyday = [['--preset', '720p30', '--count', '20000000'], ['--preset', '720p30', '--count', '20000000', '--json'], ['presets']];
  it.each(everyday.map((args) => [args.join(' '), args] as const))('camsize %s opens no stdio stream', (_name, args) => {
    const result = spawnSync(process.execPath, ['-r', preload, CLI, ...args], { env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('720p30');
  });
});

describe('stdout', () => {
  it('is coloured on a terminal', () => {
    // script(1) (util-linux) runs the command on a pseudo-terminal and copies what it printed.
    const cmd = `${process.execPath} ${CLI} --preset 720p30 --count 3`;
    const result = spawnSync('script', ['-qec', cmd, '/dev/null'], { env: { ...env, TERM: 'xterm' }, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('\x1b[1mProfile\x1b[22m');
  });

  it('is plain text into a pipe and a file, and nothing goes wrong writing to /dev/null', () => {
    expect(runShell(`env -u NO_COLOR ${process.execPath} ${CLI} --preset 720p30 --count 3 | cat`).stdout).not.toContain('\x1b[');
    const file = join(tmp, 'out.txt');
    expect(runShell(`env -u NO_COLOR ${process.execPath} ${CLI} --preset 720p30 --count 3 > ${file} && cat ${file}`).stdout).toContain(
      '│ Profile │',
    );
    expect(runShell(`${process.execPath} ${CLI} --preset 720p30 --count 3 > /dev/null; echo $?`).stdout).toBe('0\n');
  });

  it('writes all of a report larger than one write, characters beyond the BMP intact wherever the writes split', () => {
    for (const prefix of ['', 'a']) {
      // 1,200,000 UTF-16 units of 📹 (U+1F4F9): the 1 MiB slices fall inside the name, at an odd or even place.
      const name = `${prefix}${'\u{1F4F9}'.repeat(600_000)}`;
      const fleet = join(tmp, `big-name${prefix}.json`);
      writeFileSync(fleet, JSON.stringify({ name, segments: [{ name: 'a', cameras: [{ preset: '720p30', count: 2 }] }] }));
      const result = spawnSync(process.execPath, [CLI, '--json', fleet], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(result.status).toBe(0);
      expect((JSON.parse(result.stdout) as { fleet: string }).fleet).toBe(name);
    }
  });

  it.skipIf(!HAS_PYTHON)('waits for a non-blocking pipe that is full instead of failing or losing output', () => {
    // A reader that sets O_NONBLOCK on the write end and starts reading only after half a second,
    // so the bin's writes meet EAGAIN once the pipe's 64 kB are full (presets --json is larger).
    const reader = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    data += chunk',
      'sys.stdout.buffer.write(data)',
      'sys.exit(p.wait())',
    ].join('\n');
    const result = spawnSync('python3', ['-c', reader, process.execPath, CLI, 'presets', '--json'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(65_536);
    expect(result.stdout).toBe(runCli(['presets', '--json']).stdout);
  });
});
