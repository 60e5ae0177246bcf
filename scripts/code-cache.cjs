// Build step (scripts/build.mjs): writes dist/camsize.cache, V8's code cache of
// dist/camsize.cjs. It loads the bundle the way the bin does, runs the
// everyday commands once (output discarded) so that their functions are
// compiled, then saves the compiled code with the header the bin checks.
// Usage: node scripts/code-cache.cjs DIST_DIR BUILD_ID
const { writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');

const [dist, buildId] = process.argv.slice(2);
const loader = require(join(dist, 'cli.js'));

/** What the cache is warmed on: the start-up targets (bench/startup.sh), and colour as in a terminal. */
const WARM_UP = [
  ['--preset', '720p30', '--count', '20000000'],
  ['--preset', '720p30', '--count', '20000000', '--json'],
  ['--preset', '720p30', '--count', '20000000', '--color'],
  ['presets'],
  ['--help'],
];

const silent = {
  stdout() {},
  stderr(text) {
    throw new Error(`warming the code cache: unexpected diagnostic: ${text}`);
  },
  env: {},
  stdoutIsTTY: false,
  stderrIsTTY: false,
  stdinIsTTY: true,
  terminalColumns: () => undefined,
  readStdin: async () => '',
  readFile: async () => {
    throw new Error('warming the code cache reads no files');
  },
  writeFile: async () => {
    throw new Error('warming the code cache writes no files');
  },
};

async function main() {
  const { bundle, script } = loader.loadBundle(false);
  for (const argv of WARM_UP) {
    const code = await bundle.run(argv, silent);
    if (code !== 0) throw new Error(`warming the code cache: camsize ${argv.join(' ')} exited ${code}`);
  }
  const data = script.createCachedData();
  const file = join(dist, 'camsize.cache');
  writeFileSync(`${file}.tmp`, Buffer.concat([Buffer.from(loader.cacheHeader(buildId), 'latin1'), data]));
  renameSync(`${file}.tmp`, file);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
