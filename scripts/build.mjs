// `npm run build`: bundles what the bin runs into dist/ with esbuild, then
// validates the preset catalog and writes the V8 code cache.
//
//   dist/cli.js          the bin (src/loader.ts): runs camsize.cjs from the code cache
//   dist/camsize.cjs     src/cli.ts with every module and dependency, one CommonJS file
//   dist/camsize.cache   V8's code cache of camsize.cjs, warmed on the everyday commands
//   dist/vendor/zod.cjs  zod, off the start-up path (an invalid fleet file, a changed catalog)
//   dist/<path>.js       each worker thread (a `new URL('./x.js', import.meta.url)` naming
//                        a module in src/), its own bundle; also each module a test imports
//                        from dist/ (not shipped: dist/.npmignore)
//   dist/catalog-cache.json  the zod-validated preset catalog (src/io/build-catalog-cache.ts)
//   dist/package.json    {"type": "commonjs"}: every .js file in dist/ is CommonJS, so the bin
//                        keeps its name and Node never starts its ES module loader for it
//
// `npm run build:modules` (--modules) instead writes one ES module per source
// file to dist/modules/ with tsc, for benchmarks that import single modules.
//
// Every module's `import.meta.url` is replaced by the URL it would have as an
// unbundled file, dist/<its path in src>.js, so that `new URL('../../presets/',
// import.meta.url)` and the like find the same files from the bundles.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import {
  asciiOnly,
  builtinImportPlugin,
  lazyBuiltinPlugin,
  moduleUrlPlugin,
  requireCjsPlugin,
  separateEntries,
  sourceFiles,
  testedEntries,
  vendorEntry,
  vendorPlugin,
} from './build-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const files = sourceFiles(src);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true, // a smaller file to read; the source maps keep the lines of src/
  logLevel: 'warning',
  sourcemap: true,
  sourcesContent: false,
  plugins: [moduleUrlPlugin(src), requireCjsPlugin(src, files), builtinImportPlugin()],
};

/** Where an output file's code finds dist/, as JavaScript: the base of every module URL. */
const cjsDistUrl = (outfile) =>
  `var __camsize_dist_url = require("node:url").pathToFileURL(require("node:path").join(__dirname, ${JSON.stringify(`${relative(dirname(outfile), dist) || '.'}/`)})).href;`;

if (process.argv.includes('--modules')) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) fail('tsc failed');
  writeFileSync(join(dist, 'modules/package.json'), '{ "type": "module" }\n');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);
writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');

// The application: one CommonJS file, so that V8 can cache its compiled code (vm.Script).
const VENDOR = ['zod', 'yauzl'];
const app = join(dist, 'camsize.cjs');
await esbuild.build({
  ...common,
  plugins: [
    ...common.plugins,
    vendorPlugin(VENDOR, app, dist),
    lazyBuiltinPlugin({ 'node:child_process': /[\\/]node_modules[\\/]commander[\\/]/ }),
  ],
  entryPoints: [join(src, 'cli.ts')],
  outfile: app,
  format: 'cjs',
  banner: { js: cjsDistUrl(app) },
});
const buildId = stampBuildId(app);
for (const name of VENDOR) {
  await esbuild.build({
    ...common,
    stdin: { contents: vendorEntry(name), resolveDir: root, sourcefile: `vendor-${name}.js` },
    outfile: join(dist, 'vendor', `${name}.cjs`),
    format: 'cjs',
  });
}

// Worker threads start from their own file; modules tests import from dist/ get one too.
const workers = separateEntries(src, files);
const tested = testedEntries(root, src).filter((entry) => !workers.includes(entry));
writeFileSync(
  join(dist, '.npmignore'),
  tested.flatMap((e) => [`/${e.replace(/\.ts$/, '.js')}`, `/${e.replace(/\.ts$/, '.js.map')}`]).join('\n'),
);
for (const entry of [...workers, ...tested]) {
  const outfile = join(dist, entry.replace(/\.ts$/, '.js'));
  await esbuild.build({
    ...common,
    plugins: [...common.plugins, vendorPlugin(VENDOR, outfile, dist)],
    entryPoints: [join(src, entry)],
    outfile,
    format: 'cjs',
    banner: { js: cjsDistUrl(outfile) },
  });
}

// The bin: small, no dependencies.
const bin = join(dist, 'cli.js');
await esbuild.build({
  ...common,
  plugins: [],
  minifyWhitespace: false,
  entryPoints: [join(src, 'loader.ts')],
  outfile: bin,
  format: 'cjs',
});

await runBuildTool('io/build-catalog-cache.ts');
checkBundle(app, workers);

// The code cache, made in a fresh process that runs the everyday commands once, then checked.
const made = spawnSync(process.execPath, [join(root, 'scripts/code-cache.cjs'), dist, buildId], { stdio: 'inherit' });
if (made.status !== 0) fail('making the code cache failed');
const used = spawnSync(process.execPath, [bin, '--version'], {
  env: { ...process.env, CAMSIZE_CODE_CACHE: 'report', CAMSIZE_DEBUG: '' },
  encoding: 'utf8',
});
if (used.status !== 0 || !used.stderr.includes('code cache: used')) fail(`the bin did not use the code cache: ${used.stderr}`);

/**
 * Makes the bundle ASCII, puts `// camsize build <id>` on its first line (the
 * id hashes the rest) and shifts its source map by that line.
 */
function stampBuildId(file) {
  const code = asciiOnly(readFileSync(file, 'utf8'), file);
  const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(file, `// camsize build ${id}\n${code}`, 'latin1');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  map.mappings = `;${map.mappings}`;
  writeFileSync(`${file}.map`, JSON.stringify(map));
  return id;
}

/** Bundles a build-time tool from src/ (an ES module in a scratch folder) and runs it; its dist/ is the real one. */
async function runBuildTool(entry) {
  const scratch = mkdtempSync(join(tmpdir(), 'camsize-build-'));
  try {
    const outfile = join(scratch, 'tool.mjs');
    await esbuild.build({
      ...common,
      sourcemap: false,
      entryPoints: [join(src, entry)],
      outfile,
      format: 'esm',
      banner: { js: `var __camsize_dist_url = ${JSON.stringify(pathToFileURL(`${dist}/`).href)};` },
    });
    const result = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
    if (result.status !== 0) fail(`${entry} failed`, result.status ?? 1);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What the loader and the bundles rely on, checked on every build. */
function checkBundle(file, workerEntries) {
  const code = readFileSync(file, 'latin1');
  if (/[^\x00-\x7f]/.test(code)) fail(`${file} is not ASCII`);
  // vm.Script has no loader for import(): every dynamic import must have been bundled.
  const left = code.match(/[^\w.$]import\(\s*["'`][^"'`]*["'`]\s*\)/);
  if (left) fail(`${file} still has a dynamic ${left[0].slice(1)}; bundle it`);
  // Every file a module finds through `new URL('…', import.meta.url)` exists where the bundles look.
  for (const { module, target } of moduleUrlTargets(files)) {
    const at = fileURLToPath(new URL(target, pathToFileURL(join(dist, module.replace(/\.ts$/, '.js')))));
    if (!existsSync(at)) fail(`src/${module} looks for ${target}, but ${relative(root, at)} is not there`);
  }
  for (const entry of workerEntries) if (!existsSync(join(dist, entry.replace(/\.ts$/, '.js')))) fail(`worker ${entry} not built`);
}

function moduleUrlTargets(sources) {
  const found = [];
  for (const [module, text] of sources) {
    for (const m of text.matchAll(/new URL\(\s*'([^']+)',\s*import\.meta\.url\s*\)/g)) found.push({ module, target: m[1] });
  }
  return found;
}

function fail(message, code = 1) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(code);
}
