/** No import cycle among src/'s files (type-only and dynamic imports count too): scripts/import-cycles.mjs. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { cycles, importGraph } from '../../scripts/import-cycles.mjs';
import { ROOT } from '../helpers/run.js';

type Graph = Map<string, string[]>;
const find = cycles as (graph: Graph) => string[][];

describe('import cycles', () => {
  it('finds none under src/', () => {
    const graph = (importGraph as (root: string) => Graph)(join(ROOT, 'src'));
    expect(graph.size).toBeGreaterThan(100);
    expect(find(graph)).toEqual([]);
  });

  it.each([
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a self-import', { a: ['a'] }, [['a']]],
    ['two files', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a cycle of three beside a tail', { t: ['a'], a: ['b'], b: ['c'], c: ['a'] }, [['a', 'b', 'c']]],
    [
      'two separate cycles',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
  ])('on %s', (_name, edges, expected) => {
    const found = find(new Map(Object.entries(edges)));
    expect(found.sort((x, y) => x[0]!.localeCompare(y[0]!))).toEqual(expected);
  });

  it('walks a long chain without recursion', () => {
    const n = 200_000;
    const graph: Graph = new Map(Array.from({ length: n }, (_, i) => [`f${i}`, i + 1 < n ? [`f${i + 1}`] : ['f0']]));
    expect(find(graph)[0]).toHaveLength(n);
  });
});
