#!/usr/bin/env node
// Lists every import cycle among src/'s TypeScript files and exits 1 if there is one (npm test runs it
// through test/unit/import-cycles.test.ts). Every relative import counts: static, `import type`,
// `export … from` and `import('…')`, because a type-only cycle still ties two files together for a
// reader, and a dynamic one still loads both.
// Usage: node scripts/import-cycles.mjs [root=src]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm;

/** Every .ts file under `dir` (no .d.ts), as absolute paths. Walks a stack, not recursion. */
function tsFiles(dir) {
  const out = [];
  const stack = [dir];
  while (stack.length > 0) {
    const here = stack.pop();
    for (const name of readdirSync(here)) {
      const path = join(here, name);
      if (statSync(path).isDirectory()) stack.push(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
    }
  }
  return out.sort();
}

/** The relative imports of one file, resolved to .ts paths that exist among `known`. */
function importsOf(file, known) {
  const text = readFileSync(file, 'utf8');
  const out = new Set();
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec === undefined || !spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    if (known.has(target)) out.add(target);
  }
  return [...out];
}

/** Tarjan's strongly connected components, iterative (no recursion over the graph's depth). */
export function cycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const found = [];
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1] = i + 1;
        const to = edges[i];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]), low.get(node)));
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = (graph.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop) found.push(component.sort());
      }
    }
  }
  return found;
}

export function importGraph(root) {
  const files = tsFiles(root);
  const known = new Set(files);
  return new Map(files.map((f) => [f, importsOf(f, known)]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[2] ?? 'src');
  const found = cycles(importGraph(root));
  for (const component of found) console.log(`cycle: ${component.map((f) => relative(process.cwd(), f)).join(' <-> ')}`);
  if (found.length > 0) {
    console.error(`${found.length} import cycle${found.length === 1 ? '' : 's'} under ${relative(process.cwd(), root) || '.'}`);
    process.exit(1);
  }
  console.log(`no import cycle under ${relative(process.cwd(), root) || '.'}`);
}
