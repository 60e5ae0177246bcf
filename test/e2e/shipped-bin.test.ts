/**
 * The package as `npm pack` ships it: the bin runs from its own folder with no
 * node_modules (everything it needs is bundled), uses V8's code cache, and
 * gives the same output without it: cache missing, made for another build or
 * another Node.js, rejected by V8, or turned off.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers/run.js';

const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
const files = (JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);

/** A copy of the packed files in a scratch folder: what a user's install holds, without node_modules. */
function install(): string {
  const dir = mkdtempSync(join(tmpdir(), 'camsize-pack-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  return dir;
}

const pkg = install();
const bin = join(pkg, CLI.slice(ROOT.length));
const cacheFile = join(dirname(bin), 'camsize.cache');
const cache = readFileSync(cacheFile);
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

function runPacked(args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, bin, ...args], {
    cwd: tmpdir(), // the package finds presets/ and its cache from its own location, not the working directory
    env: { ...process.env, NO_COLOR: '1', CAMSIZE_CODE_CACHE: 'report', ...env },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

const COMMANDS = [
  ['--preset', '720p30', '--count', '20000000'],
  ['--preset', '720p30', '--count', '20000000', '--json'],
  ['presets'],
  ['--help'],
];
const expected = COMMANDS.map((args) => runCli(args, { env: { NO_COLOR: '1' } }));

describe('the packed package', () => {
  it('ships the bin, the bundles, the code cache, the worker, the catalog and its validated cache', () => {
    for (const file of [
      'dist/camsize.cjs',
      'dist/camsize.cache',
      'dist/package.json',
      'dist/vendor/zod.cjs',
      'dist/io/inventory/worker.js',
    ])
      expect(files).toContain(file);
    expect(files).toContain(CLI.slice(ROOT.length));
    expect(files).toContain('dist/catalog-cache.json');
    expect(files.filter((f) => f.startsWith('presets/')).length).toBeGreaterThan(0);
  });

  it.each(COMMANDS.map((args, i) => [args.join(' '), i]))('camsize %s: from the code cache, as from the repository', (_name, i) => {
    const result = runPacked(COMMANDS[i as number]!);
    expect(result.stderr).toBe('camsize: code cache: used\n');
    expect({ stdout: result.stdout, code: result.code }).toEqual({ stdout: expected[i as number]!.stdout, code: 0 });
  });

  it('loads zod from its own file for an invalid fleet file', () => {
    const input = '{"name":"x","segments":[{"name":"a","cameras":[{"preset":"720p30","count":"many"}]}]}';
    const invalid = spawnSync(process.execPath, [bin, '-'], { input, encoding: 'utf8' });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^camsize: <stdin>: segments\[0\]\.cameras\[0\]\.count: /);
    expect(invalid.stderr).toBe(runCli(['-'], { input }).stderr);
  });

  it('reads a large inventory with its worker thread', () => {
    const lines = ['id,segment,preset,count'];
    for (let i = 0; i < 450_000; i++) lines.push(`camera-number-${i},district-${i % 37}/switch-${i % 11},720p30,${1 + (i % 4)}`);
    const csv = join(pkg, 'big.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const two = runPacked(['--inventory', csv, '-f', 'csv'], { CAMSIZE_CODE_CACHE: '' });
    const one = runPacked(['--inventory', csv, '-f', 'csv'], { CAMSIZE_CODE_CACHE: '', CAMSIZE_THREADS: '1' });
    expect(two.stderr).toBe('');
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    rmSync(csv);
  });
});

describe('without a usable code cache the bin runs the same', () => {
  const header = cache.subarray(0, cache.indexOf(10) + 1).toString('latin1');
  const data = cache.subarray(header.length);
  const cases: Array<[string, string, () => void, string[]?]> = [
    ['missing', 'missing', () => rmSync(cacheFile)],
    [
      'made for another build',
      'stale',
      () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(header.replace(/ [0-9a-f]{16} /, ' 0123456789abcdef ')), data])),
    ],
    [
      'made by another Node.js',
      'other-node',
      () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(header.replace(/ v[^ ]+ /, ' v0.0.0 ')), data])),
    ],
    ['damaged', 'rejected', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(header), data.subarray(0, data.length >> 1)]))],
    ['garbage', 'rejected', () => writeFileSync(cacheFile, Buffer.concat([Buffer.from(header), Buffer.alloc(4096, 0x5a)]))],
    ['empty', 'stale', () => writeFileSync(cacheFile, '')],
    ['made for other V8 flags', 'rejected', () => undefined, ['--max-lazy']],
  ];

  it.each(cases)('cache %s: %s', (_name, status, damage, nodeFlags) => {
    damage();
    try {
      // The table and the catalog (the most code), and --help (commander's own paths); --json is covered above.
      for (const i of [0, 2, 3]) {
        const args = COMMANDS[i]!;
        const result = runPacked(args, {}, nodeFlags);
        expect(result.stderr).toBe(`camsize: code cache: ${status}\n`);
        expect({ stdout: result.stdout, code: result.code }).toEqual({ stdout: expected[i]!.stdout, code: 0 });
      }
    } finally {
      writeFileSync(cacheFile, cache);
    }
  });

  it('CAMSIZE_CODE_CACHE=off does not read it', () => {
    const result = runPacked(COMMANDS[0]!, { CAMSIZE_CODE_CACHE: 'off' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected[0]!.stdout);
  });

  it('CAMSIZE_DEBUG=1 runs the bundle with source maps', () => {
    const result = runPacked(COMMANDS[0]!, { CAMSIZE_DEBUG: '1' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected[0]!.stdout);
  });

  it.each([
    ['missing', null, /ENOENT/],
    ['not JavaScript', '// camsize build 0123456789abcdef\n}{', /Unexpected token/],
    ['without the entry', 'module.exports = {};', /it has no start\(\)/],
  ])('a bundle %s is an internal error, exit 3, never exit 1', (_name, content, reason) => {
    const bundle = join(dirname(bin), 'camsize.cjs');
    const text = readFileSync(bundle);
    if (content === null) rmSync(bundle);
    else writeFileSync(bundle, content);
    try {
      const result = runPacked(COMMANDS[0]!, { CAMSIZE_CODE_CACHE: '' });
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^camsize: internal error: cannot load .*camsize\.cjs: /);
      expect(result.stderr).toMatch(reason);
    } finally {
      writeFileSync(bundle, text);
    }
  });
});
