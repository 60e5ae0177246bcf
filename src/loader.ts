#!/usr/bin/env node
/**
 * The bin (dist/cli.js, CommonJS). It runs the bundle dist/camsize.cjs (src/cli.ts
 * and every dependency, built by scripts/build.mjs) through V8's code cache
 * dist/camsize.cache, so that a run deserializes bytecode instead of parsing
 * and compiling ~300 kB of JavaScript: start-up close to a bare `node -e 0`
 * (bench/startup.sh). The cache is only a speed-up. When it is missing, made
 * for another build of the bundle, for another Node.js or V8, or unreadable,
 * the bundle is compiled from its source and runs the same.
 *
 * CAMSIZE_DEBUG=1 loads the bundle with Node's own loader and source maps on,
 * so internal errors show a stack in src/*.ts. CAMSIZE_CODE_CACHE=off skips
 * the cache; CAMSIZE_CODE_CACHE=report says on stderr whether it was used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { Io } from './io/io.js';

export interface Bundle {
  start(): Promise<void>;
  run(argv: readonly string[], io?: Io): Promise<number>;
}

export const BUNDLE_FILE = join(__dirname, 'camsize.cjs');
export const CACHE_FILE = join(__dirname, 'camsize.cache');
/** The bundle's first line, written by the build: `// camsize build <id>`, the id a hash of the rest. */
const BUILD_LINE = /^\/\/ camsize build ([0-9a-f]{16})\n/;
/** The same parameters Node gives a CommonJS module; on the bundle's first line, so line numbers stay true. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAPPER_TAIL = '\n})';

export type CacheStatus = 'used' | 'missing' | 'stale' | 'other-node' | 'rejected' | 'off';

/** The header line of dist/camsize.cache, before V8's data: what build and which Node made it. */
export function cacheHeader(buildId: string): string {
  return `camsize code cache ${buildId} ${process.version} ${process.arch}\n`;
}

/** The cached data for this bundle and this Node, or why there is none. */
function readCache(source: string): { data?: Buffer; status: CacheStatus } {
  const build = BUILD_LINE.exec(source)?.[1];
  let file: Buffer;
  try {
    file = readFileSync(CACHE_FILE);
  } catch {
    return { status: 'missing' };
  }
  const end = file.indexOf(10);
  const header = end < 0 ? '' : file.toString('latin1', 0, end + 1);
  if (build === undefined || !header.startsWith(`camsize code cache ${build} `)) return { status: 'stale' };
  if (header !== cacheHeader(build)) return { status: 'other-node' };
  return { data: file.subarray(end + 1), status: 'used' };
}

/** Compiles and evaluates the bundle (with the cache unless `useCache` is false); `script` makes new cache data. */
export function loadBundle(useCache = true): { bundle: Bundle; script: Script; status: CacheStatus } {
  // The build makes the bundle ASCII: latin1 reads it exactly, into a one-byte string, twice as fast as UTF-8.
  const source = readFileSync(BUNDLE_FILE, 'latin1');
  const cache = useCache ? readCache(source) : { status: 'off' as const };
  const script = new Script(WRAPPER_HEAD + source + WRAPPER_TAIL, {
    filename: BUNDLE_FILE,
    ...(cache.data ? { cachedData: cache.data } : {}),
  });
  const status: CacheStatus = script.cachedDataRejected === true ? 'rejected' : cache.status;
  const module = { exports: {} as Bundle };
  script.runInThisContext()(module.exports, require, module, BUNDLE_FILE, __dirname);
  return { bundle: module.exports, script, status };
}

function main(): void {
  const env = process.env;
  let bundle: Bundle;
  try {
    if (env['CAMSIZE_DEBUG']) {
      process.setSourceMapsEnabled(true);
      bundle = require(BUNDLE_FILE) as Bundle;
    } else {
      const loaded = loadBundle(env['CAMSIZE_CODE_CACHE'] !== 'off');
      if (env['CAMSIZE_CODE_CACHE'] === 'report') process.stderr.write(`camsize: code cache: ${loaded.status}\n`);
      bundle = loaded.bundle;
    }
    if (typeof bundle.start !== 'function') throw new Error('it has no start()');
  } catch (error) {
    // A damaged install (a missing or broken bundle) is an internal error, never exit 1 ("check failed").
    process.stderr.write(`camsize: internal error: cannot load ${BUNDLE_FILE}: ${(error as Error).message}\n`);
    process.exitCode = 3;
    return;
  }
  void bundle.start();
}

if (require.main === module) main();
