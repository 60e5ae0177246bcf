// esbuild plugins and source scans for scripts/build.mjs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Every .ts file under src/, as [path relative to src/ with '/', text]. */
export function sourceFiles(src) {
  const files = new Map();
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(relative(src, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

/**
 * Modules that start from their own file (worker threads): a `new URL('./x.js',
 * import.meta.url)` that names a module of src/. Paths relative to src/.
 */
export function separateEntries(src, files) {
  const entries = new Set();
  for (const [module, text] of files) {
    for (const m of text.matchAll(/new URL\(\s*'(\.{1,2}\/[^']+)\.js',\s*import\.meta\.url\s*\)/g)) {
      const target = join(dirname(join(src, module)), `${m[1]}.ts`);
      if (existsSync(target)) entries.add(relative(src, target).split(sep).join('/'));
    }
  }
  return [...entries].sort();
}

/**
 * Modules that tests import from dist/ by path (`'../../dist/io/inventory/load.js'`,
 * to run them beside the built worker), each built as its own file there: paths
 * relative to src/.
 */
export function testedEntries(root, src) {
  const entries = new Set();
  for (const entry of readdirSync(join(root, 'test'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const m of text.matchAll(/['"`](?:\.\.\/)+dist\/([\w./-]+)\.js['"`]/g)) {
      if (existsSync(join(src, `${m[1]}.ts`))) entries.add(`${m[1]}.ts`);
    }
  }
  return [...entries].sort();
}

/**
 * Gives each module of src/ the `import.meta.url` it would have as an unbundled
 * file, dist/<path>.js, built on `__camsize_dist_url` (dist/'s URL, which each
 * bundle's banner defines from its own location).
 */
export function moduleUrlPlugin(src) {
  return {
    name: 'camsize-module-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/, namespace: 'file' }, (args) => {
        const module = relative(src, args.path).split(sep).join('/');
        if (module.startsWith('..')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const url = `new URL(${JSON.stringify(module.replace(/\.ts$/, '.js'))}, __camsize_dist_url).href`;
        return { contents: text.replace(/\bimport\.meta\.url\b/g, url), loader: 'ts' };
      });
    },
  };
}

/**
 * src/require-cjs.ts loads CommonJS packages with createRequire at run time,
 * which a bundler cannot follow. In the bundle it becomes a switch over the
 * package names the sources pass it, each a plain require() that esbuild bundles.
 */
export function requireCjsPlugin(src, files) {
  const ids = new Set();
  for (const [module, text] of files) {
    if (module === 'require-cjs.ts') continue;
    for (const m of text.matchAll(/\brequireCjs\(([^)]*)\)/g)) {
      const literal = /^\s*'([^']+)'\s*$/.exec(m[1] ?? '');
      if (!literal) throw new Error(`src/${module}: requireCjs(${m[1]}) must name its package as a string literal to be bundled`);
      ids.add(literal[1]);
    }
  }
  const cases = [...ids]
    .sort()
    .map((id) => `    case ${JSON.stringify(id)}: return require(${JSON.stringify(id)});`)
    .join('\n');
  const contents = `export function requireCjs(id) {\n  switch (id) {\n${cases}\n  }\n  throw new Error("requireCjs: " + id + " is not bundled");\n}\n`;
  return {
    name: 'camsize-require-cjs',
    setup(build) {
      build.onResolve({ filter: /require-cjs\.js$/ }, (args) => {
        const path = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        return path === join(src, 'require-cjs.ts') ? { path, namespace: 'camsize-require-cjs' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'camsize-require-cjs' }, () => ({ contents, loader: 'js', resolveDir: src }));
    },
  };
}

/**
 * A CommonJS bundle run through vm.Script has no loader for import(): a dynamic
 * import of a Node.js built-in (`await import('node:fs/promises')`) becomes a
 * bundled module that re-exports it from require(), loaded as lazily.
 */
export function builtinImportPlugin() {
  return {
    name: 'camsize-builtin-import',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) =>
        args.kind === 'dynamic-import' ? { path: args.path, namespace: 'camsize-builtin' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'camsize-builtin' }, (args) => ({
        contents: `export * from ${JSON.stringify(args.path)};\nexport { default } from ${JSON.stringify(args.path)};\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Packages loaded only off the start-up path go into their own CommonJS file,
 * dist/vendor/<name>.cjs, which the application bundle requires when it first
 * needs them: zod (600 kB) is only used for fleet files and a changed catalog.
 */
export function vendorPlugin(names, outfile, dist) {
  const filter = new RegExp(`^(${names.join('|')})$`);
  const from = dirname(outfile);
  return {
    name: 'camsize-vendor',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        const path = relative(from, join(dist, 'vendor', `${args.path}.cjs`))
          .split(sep)
          .join('/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
      build.onResolve({ filter: new RegExp(`^(${names.join('|')})/`) }, (args) => ({
        errors: [{ text: `import '${args.path}': only the package itself ('${args.path.split('/')[0]}') is bundled as a vendor file` }],
      }));
    },
  };
}

/** The entry of a vendor file: everything the package exports, its default too. */
export function vendorEntry(name) {
  return `export * from ${JSON.stringify(name)};\nexport { default } from ${JSON.stringify(name)};\n`;
}

/**
 * A built-in that a dependency requires when it loads but uses only on paths
 * camsize never takes (commander's child_process, for subcommands that are
 * separate programs) is required when first touched instead (~5 ms saved).
 */
export function lazyBuiltinPlugin(builtins) {
  return {
    name: 'camsize-lazy-builtin',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) => {
        const from = builtins[args.path];
        return from?.test(args.importer) && args.kind === 'require-call' ? { path: args.path, namespace: 'camsize-lazy' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'camsize-lazy' }, (args) => ({
        contents: `let m;
const load = () => (m ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => ({ ...Reflect.getOwnPropertyDescriptor(load(), key), configurable: true }),
});
`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Makes an output file ASCII, so that the loader can read it as latin1 (a
 * one-byte string, half the time of decoding UTF-8). esbuild already escapes
 * strings and templates; what is left is in regular expression literals, where
 * \uXXXX (a surrogate pair for characters beyond the BMP, read as one code
 * point under the u flag) means the same character.
 */
export function asciiOnly(code, file) {
  return code.replace(/[^\x00-\x7f]/g, (ch, at) => {
    let backslashes = 0;
    for (let i = at - 1; code[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) throw new Error(`${file}: an escaped non-ASCII character at offset ${at} cannot be rewritten`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
