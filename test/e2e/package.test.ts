/**
 * The package as a user gets it: `npm pack`, `npm install` of the tarball into
 * an empty project, a TypeScript file that imports 'camsize' type-checked
 * (strict) and run, the README's
 * library example among them, the bin, and the fleet JSON Schema where
 * editors are told to find it. Only real processes show this.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/render/renderer.js';
import { ROOT } from '../helpers/run.js';

const project = mkdtempSync(join(tmpdir(), 'camsize-consumer-'));
let packed: string[] = [];

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The library's example: the first ```ts block of docs/library.md. */
function readmeExample(): string {
  const code = /```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs/library.md'), 'utf8'))?.[1];
  if (!code) throw new Error('docs/library.md has no ```ts example');
  return code;
}

const API_CHECK = `import { EXIT, InputError, type Report, estimateBitrate, exitCodeOf, formatRate, howManyFit, loadFleet, parseFleet, parseRate, renderReport, size } from 'camsize';

const fleet = await loadFleet('campus.json');
const report: Report = await size(fleet);
const verdict: 'pass' | 'fail' | 'unchecked' = report.verdict;
console.log(verdict, exitCodeOf(report) === EXIT.checkFailed, formatRate(report.total.loadBitsPerSecond));
console.log((await size(fleet, { maxUtilization: '80%' })).verdict);
console.log(formatRate(parseRate('4Mb/s') * 20_000_000n));
const fit = await howManyFit('4k30', '1Gb/s');
console.log(fit.capacityAnswer?.maxCameras.toString());
console.log(estimateBitrate({ resolution: '4K', fps: 15, codec: 'hevc' }).bitsPerSecond);
console.log((await renderReport(report, 'csv')).split('\\r\\n')[0]);
try {
  await parseFleet({ name: 'x', segments: [{ name: 'a', link: '1Gbs' }] });
} catch (error) {
  if (error instanceof InputError) console.log(error.issues.join('\\n'));
}
// @ts-expect-error: not a format
await renderReport(report, 'xml').catch((error: Error) => console.log(error.message));
// @ts-expect-error: counts are bigints
const cameras: number = report.total.cameras;
void cameras;
`;

beforeAll(() => {
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], ROOT);
  expect(pack.code).toBe(0);
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = info!.files.map((f) => f.path);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run('npm', ['install', join(project, info!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/readme.ts'), readmeExample());
  writeFileSync(join(project, 'src/api.ts'), API_CHECK);
  const campus = JSON.parse(readFileSync(join(ROOT, 'examples/campus.json'), 'utf8'));
  writeFileSync(join(project, 'campus.json'), JSON.stringify({ ...campus, $schema: './node_modules/camsize/lib/fleet.schema.json' }));
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      // Checking every .d.ts (@types/node, zod) costs 15 s of CPU; the @ts-expect-error lines above
      // already fail if camsize's types do not resolve (an unresolved type would be any).
      skipLibCheck: true,
      typeRoots: [join(ROOT, 'node_modules/@types')],
      types: ['node'],
      outDir: 'out',
      rootDir: 'src',
    },
    include: ['src'],
  };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the installed package', () => {
  it('holds the library, its types and schemas, the bin and the catalog, and no build-only files', () => {
    for (const file of [
      'lib/index.js',
      'lib/index.d.ts',
      'lib/fleet.schema.json',
      'lib/report.schema.json',
      'lib/catalog-cache.json',
      'dist/cli.js',
    ]) {
      expect(packed).toContain(file);
    }
    expect(packed.some((f) => f.startsWith('presets/'))).toBe(true);
    const buildOnly = packed.filter((f) => /^(src|test|scripts|bench|\.ci)\/|build-catalog-cache|^lib\/(cli|loader)\.|tsconfig/.test(f));
    expect(buildOnly).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules/camsize/package.json'), 'utf8'));
    expect(Object.keys(pkg)).toEqual(expect.arrayContaining(['exports', 'types', 'repository', 'homepage', 'bugs']));
  });

  it('type-checks a strict TypeScript project that imports it, and runs it', () => {
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
    const api = run(process.execPath, ['out/api.js']);
    expect(api.stderr).toBe('');
    expect(api.stdout.split('\n')).toEqual([
      'fail true 1.25571375 Gb/s',
      'pass',
      '80 Tb/s',
      '100',
      '5983000n', // the estimate's average (perCamera), the peak × 0.77
      expect.stringMatching(/^section,segment,depth,profile,/),
      "<fleet>: segments[0].link: unknown unit 'Gbs' (did you mean 'Gb/s'?)",
      `format 'xml' is not one of ${FORMATS.join(', ')}`,
      '',
    ]);
  });

  it("runs the README's library example: Markdown out, exit 1 for a link that is over", () => {
    const example = run(process.execPath, ['out/readme.js']);
    expect(example.stderr).toBe('');
    expect(example.code).toBe(1);
    expect(example.stdout).toMatch(/^## depot\n/);
    expect(example.stdout).toContain('| `4k30` |');
    expect(example.stdout).toContain('OVER');
  });

  it('puts the bin on the path and the fleet schema where $schema points', () => {
    const bin = run(join(project, 'node_modules/.bin/camsize'), ['campus.json', '-q']);
    expect(bin.code).toBe(1);
    expect(bin.stdout).toMatch(/^over: building-b\/sw-b2 \(up\): /);
    const schema = JSON.parse(readFileSync(join(project, 'node_modules/camsize/lib/fleet.schema.json'), 'utf8'));
    expect(schema.$id).toMatch(/^https:\/\/.*fleet\.schema\.json$/);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(JSON.parse(readFileSync(join(project, 'campus.json'), 'utf8')))).toBe(true);
  });
});
