/**
 * The library's one error class: every refusal is a CamsizeError with a
 * stable code (docs/errors.md lists them all), the cause underneath, and the
 * file, line, column and path of the first problem where they are known;
 * InputError and UsageError are its kinds; an output failure is not an input
 * error. And the library's calls refuse, as that error, what issue 22 found
 * them throwing TypeErrors for or silently ignoring.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/io/io.js';
import {
  CamsizeError,
  ERROR_CODES,
  howManyFit,
  InputError,
  loadCatalog,
  loadFleet,
  parseFleet,
  renderReport,
  size,
  sizeOptions,
  UsageError,
} from '../../src/index.js';
import { ROOT } from '../helpers/run.js';

async function thrown(run: () => unknown): Promise<CamsizeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CamsizeError) return error;
    throw error;
  }
  throw new Error('it did not throw');
}

const DEPOT = { name: 'depot', segments: [{ name: 'yard', link: '100Mb/s', cameras: [{ preset: '4k30', count: 12 }] }] };

describe('CamsizeError', () => {
  it('is what InputError and UsageError are, with a default code each; an output failure is neither', () => {
    const input = new InputError('bad');
    expect(input).toBeInstanceOf(CamsizeError);
    expect([input.code, input.issues, input.exitCode, input.name]).toEqual(['INPUT', ['bad'], 2, 'InputError']);
    expect(new UsageError('bad').code).toBe('USAGE');
    expect(new InputError('bad', ['a', 'b'], 'hint')).toMatchObject({ issues: ['a', 'b'], hint: 'hint', code: 'INPUT' });
    const cause = new Error('underneath');
    expect(new InputError('bad', { code: 'FLEET_INVALID', cause, file: 'f', line: 2, column: 3, path: 'p' })).toMatchObject({
      code: 'FLEET_INVALID',
      cause,
      file: 'f',
      line: 2,
      column: 3,
      path: 'p',
    });
    const output = new OutputError('cannot write output: no space left on device', cause);
    expect(output).toBeInstanceOf(CamsizeError);
    expect(output).not.toBeInstanceOf(InputError);
    expect([output.code, output.exitCode, output.cause]).toEqual(['OUTPUT', 2, cause]);
  });

  it('has every code documented in docs/errors.md and docs/library.md', () => {
    for (const page of ['docs/errors.md', 'docs/library.md']) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const code of ERROR_CODES) expect(text, `${page} documents ${code}`).toContain(`| \`${code}\` |`);
    }
  });

  it('keeps the cause and says where: a missing file, a syntax error, a bad value, a bad setting', async () => {
    const missing = await thrown(() => loadFleet('nope.json'));
    expect(missing).toMatchObject({ code: 'FILE_UNREADABLE', file: 'nope.json', message: 'nope.json: no such file' });
    expect(missing.cause).toMatchObject({ code: 'ENOENT' });
    expect(await thrown(() => parseFleet('{\n  "name": "x",\n}', { file: 'site.json' }))).toMatchObject({
      code: 'FLEET_SYNTAX',
      file: 'site.json',
      line: 3,
      column: 1,
      cause: expect.any(SyntaxError),
    });
    expect(await thrown(() => parseFleet({ name: 'x', segments: [{ name: 'a', link: '1Gbs' }] }))).toMatchObject({
      code: 'FLEET_INVALID',
      file: '<fleet>',
      path: 'segments[0].link',
    });
    expect(await thrown(() => parseFleet('{"name": "x", "name": "y"}'))).toMatchObject({ code: 'FLEET_INVALID', line: 1, column: 15 });
    expect(await thrown(() => size(DEPOT, { maxUtilization: 0 }))).toMatchObject({ code: 'USAGE', path: 'maxUtilization' });
    expect(await thrown(() => size(DEPOT, { measured: 'nope.csv' }))).toMatchObject({ code: 'FILE_UNREADABLE', file: 'nope.csv' });
    expect(await thrown(() => size(DEPOT, { measured: 'examples/campus.json' }))).toMatchObject({ code: 'MEASUREMENT_INVALID' });
    expect(await thrown(() => loadCatalog('nope'))).toMatchObject({
      code: 'FILE_UNREADABLE',
      cause: expect.objectContaining({ code: 'ENOENT' }),
    });
    expect(await thrown(() => loadCatalog('examples'))).toMatchObject({ code: 'CATALOG_INVALID' });
  });
});

describe("the library's calls refuse bad arguments as a CamsizeError (issue 22, item 15)", () => {
  it('a cyclic fleet value, a number for a capacity, a number for a preset, null settings', async () => {
    const cyclic: Record<string, unknown> = { name: 'x', segments: [] };
    (cyclic['segments'] as unknown[]).push(cyclic);
    expect(await thrown(() => size(cyclic as never))).toMatchObject({
      code: 'FLEET_INVALID',
      message: '<fleet>: segments[0]: refers to an object that holds it (a cycle): a fleet is a tree',
    });
    expect((await thrown(() => size(DEPOT, { capacity: 1e9 as never }))).message).toBe(
      "capacity: a number has no unit: write it with one ('1000000000b/s', '1Gb/s', '500TB'), or give a bigint (1000000000n)",
    );
    expect(await thrown(() => size(DEPOT, { as: 5 as never }))).toMatchObject({
      code: 'USAGE',
      message: 'as: expected text, not a number (5)',
    });
    expect((await thrown(() => size(DEPOT, null as never))).message).toBe(
      'size: the settings are an object ({ maxUtilization: 80 } …), not null',
    );
    expect((await thrown(() => howManyFit('4k30', 1e9 as never))).message).toMatch(/^howManyFit: capacity: a number has no unit/);
  });

  it('a misspelt setting, with a did-you-mean; prototype names are unknown settings too', async () => {
    const misspelt = await thrown(() => size(DEPOT, { overheed: 'udp' } as never));
    expect(misspelt).toBeInstanceOf(UsageError);
    expect(misspelt.message).toMatch(/^size: unknown setting 'overheed' \(did you mean 'overhead'\?\); the settings are maxUtilization, /);
    expect(misspelt.path).toBe('overheed');
    expect((await thrown(() => sizeOptions({ maxUtilisation: 80 } as never))).message).toMatch(
      /^sizeOptions: unknown setting 'maxUtilisation' \(did you mean 'maxUtilization'\?\)/,
    );
    for (const key of ['__proto__', 'constructor', 'toString']) {
      expect((await thrown(() => size(DEPOT, JSON.parse(`{"${key}": 1}`)))).message).toMatch(new RegExp(`^size: unknown setting '${key}'`));
    }
    const report = await size(DEPOT);
    expect((await thrown(() => renderReport(report, 'table', { colour: true } as never))).message).toMatch(
      /^renderReport: unknown setting 'colour' \(did you mean 'color'\?\)/,
    );
  });

  it('a fleet model built by hand with the wrong shape says where', async () => {
    const root = { name: '', groups: [{ profile: { key: 'x', name: 'x', description: '', bitsPerSecond: 1n }, count: 5 }], children: [] };
    expect(await thrown(() => size({ name: 'x', root } as never))).toMatchObject({
      code: 'USAGE',
      path: 'root.groups[0].count',
      message:
        'size: fleet model: root.groups[0].count is a bigint, 0 or more, not a number (5) (parseFleet makes models from fleet files)',
    });
    const loop: Record<string, unknown> = { name: 'a', groups: [], children: [] };
    (loop['children'] as unknown[]).push(loop);
    expect((await thrown(() => size({ name: 'x', root: loop } as never))).path).toBe('root.children[0]');
  });

  it('a path given where a fleet goes names loadFleet; a URL too', async () => {
    const path = await thrown(() => size('examples/campus.json'));
    expect(path).toMatchObject({ code: 'USAGE', path: 'fleet' });
    expect(path.message).toBe(
      "size: 'examples/campus.json' is not a fleet's JSON text: size() never reads files; to read this one, use loadFleet('examples/campus.json')",
    );
    expect((await thrown(() => parseFleet(new URL('file:///x.json') as never))).message).toMatch(/use loadFleet\(url\)/);
    expect((await size(await loadFleet(new URL('../../examples/campus.json', import.meta.url)))).verdict).toBe('fail');
    expect((await thrown(() => loadFleet(new URL('https://example.com/x.json')))).message).toMatch(/is not a file: URL/);
  });
});
