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
import { helpExamples, placeExampleFiles } from '../helpers/help-examples.js';

const project = mkdtempSync(join(tmpdir(), 'camsize-consumer-'));
let packed: string[] = [];
let tarball = '';

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** The library's examples: every ```ts block of docs/library.md (the first is run, the others type-checked). */
function libraryExamples(): string[] {
  const blocks = [...readFileSync(join(ROOT, 'docs/library.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (blocks.length === 0) throw new Error('docs/library.md has no ```ts example');
  return blocks;
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

/**
 * A consumer without Node's types (`"types": []`, no DOM library) that checks every .d.ts it loads
 * (`skipLibCheck: false`): camsize's public types reach neither zod nor @types/node.
 */
const BARE_OK = `import * as camsize from 'camsize';
import { type CamsizeError, type ErrorCode, type FleetDocument, type InventoryRecord, type Report, size, sizeInventory } from 'camsize';

const fleet: FleetDocument = {
  name: 'depot',
  link: { up: '1Gb/s', down: '100Mb/s' },
  segments: [{ name: 'yard', viewers: [{ streams: 4, of: 'yard' }], cameras: [{ preset: '4k30', count: 12n, events: { rate: 'x2', duty: 10 } }] }],
};
const records: InventoryRecord[] = [{ segment: 'yard/pole', preset: '720p30', count: 2 }];

export async function run(): Promise<[Report, Report, ErrorCode | undefined]> {
  const report = await size(fleet, { overhead: 'udp', capacity: 10_000_000_000n });
  const inventory = await sizeInventory(records, { fleet, allowNewSegments: true, progress: (p) => void p.records });
  const failed = await camsize.loadFleet('nope.json').then(() => undefined, (error: CamsizeError) => error.code);
  return [report, inventory, failed];
}
`;

/** Each line must fail to compile: a misspelt key and a number where a segment goes. */
const BARE_BAD = `import type { FleetDocument } from 'camsize';

export const misspelt: FleetDocument = { name: 'x', segments: [{ name: 'a', camers: [] }] };
export const number: FleetDocument = { name: 'x', segments: [42] };
`;

beforeAll(() => {
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], ROOT);
  expect(pack.code).toBe(0);
  const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = info!.files.map((f) => f.path);
  tarball = join(project, info!.filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run('npm', ['install', join(project, info!.filename), '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
  mkdirSync(join(project, 'src'));
  for (const [i, code] of libraryExamples().entries())
    writeFileSync(join(project, i === 0 ? 'src/readme.ts' : `src/library-${i}.ts`), code);
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
  mkdirSync(join(project, 'bare'));
  writeFileSync(join(project, 'bare/ok.ts'), BARE_OK);
  writeFileSync(join(project, 'bare/bad.ts'), BARE_BAD);
  const bare = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: false,
      types: [],
      noEmit: true,
    },
    include: ['bare'],
  };
  writeFileSync(join(project, 'tsconfig.bare.json'), JSON.stringify(bare, null, 2));
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the installed package', () => {
  it('holds the library, its types and schemas, the bin and the catalog, and nothing they do not need', () => {
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
    // Neither the command line's modules in lib/ (the bin is dist/; the library never imports src/cli/), nor
    // source maps, whose sources (src/) the package does not hold.
    const buildOnly = packed.filter((f) =>
      /^(src|test|scripts|bench|\.ci)\/|build-catalog-cache|^lib\/(cli|loader)\.|^lib\/cli\/|^lib\/io\/(fleet-input|validation-load)\.|\.map$|tsconfig/.test(
        f,
      ),
    );
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
      '5635000n', // the estimate's average (perCamera), the peak × 0.81
      expect.stringMatching(/^section,segment,depth,profile,/),
      "<fleet>: segments[0].link: unknown unit 'Gbs' (did you mean 'Gb/s'?)",
      `format 'xml' is not one of ${FORMATS.join(', ')}`,
      '',
    ]);
  });

  it("type-checks without Node's types, every .d.ts checked; a misspelt key or a number in segments does not compile", () => {
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bare.json', '--pretty', 'false']);
    const errors = (tsc.stdout + tsc.stderr).split('\n').filter((line) => /error TS/.test(line));
    expect(errors.map((line) => line.replace(/^(\S+)\((\d+),\d+\): error (TS\d+):.*$/, '$1:$2 $3'))).toEqual([
      'bare/bad.ts:3 TS2561', // Object literal may only specify known properties, but 'camers' does not exist (did you mean 'cameras'?)
      'bare/bad.ts:4 TS2322', // Type 'number' is not assignable to type 'SegmentDocument'
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

  it('runs every example that --help shows, after npm install -g of the tarball', { timeout: 180_000 }, () => {
    const prefix = join(project, 'global');
    const install = run('npm', [
      'install',
      '-g',
      '--prefix',
      prefix,
      tarball,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
    ]);
    expect(install.code).toBe(0);
    const bin = join(prefix, 'bin');
    const cwd = join(project, 'examples-cwd');
    mkdirSync(cwd);
    const { skipped } = placeExampleFiles(cwd);
    const env = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, HOME: cwd, NO_COLOR: '1', CAMSIZE_THREADS: '1' };
    const examples = helpExamples((args) => spawnSync(join(bin, 'camsize'), args, { cwd, env, encoding: 'utf8' }).stdout);
    expect(examples.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const example of examples) {
      if (skipped.some((word) => example.includes(word))) continue;
      // zsh's completion directory is ${fpath[1]}: here a folder of the temporary home.
      const script = `fpath=("" "$HOME/zfunc"); mkdir -p "$HOME/zfunc" "$HOME/.config/fish/completions"; ${example}`;
      const ran = spawnSync('bash', ['-c', script], { cwd, env, encoding: 'utf8' });
      if (ran.status !== 0 && ran.status !== 1) failures.push(`${example}: exit ${ran.status}: ${ran.stderr.trim()}`);
      else if (/internal error|command not found/.test(ran.stderr)) failures.push(`${example}: ${ran.stderr.trim()}`);
    }
    expect(failures).toEqual([]);
  });
});
