/**
 * The segments an inventory names that its fleet file lacks are refused, the first 10 named. They are
 * named in file order: the aggregate's entry order follows the threads that read the file (a worker's
 * entries are merged after the main thread's), and the message must be what one thread gives. Found by
 * an adversarial test (issue 24, third session): two threads named a different 10 of 14, out of order.
 */
import { describe, expect, it } from 'vitest';
import { missingSegments } from '../../src/api/inventory-read.js';
import type { MissingSegment } from '../../src/core/inventory/to-fleet.js';
import type { Fleet } from '../../src/core/model/fleet.js';

const options = {
  skipInvalid: false,
  threads: 1,
  into: { fleet: {} as Fleet, name: 'site.json' },
  allowNewSegments: false,
  allowWord: '--allow-new-segments',
};

const missing = (n: number): MissingSegment[] =>
  Array.from({ length: n }, (_, i) => ({ path: `new-${String(i).padStart(2, '0')}`, first: { line: 21 + 40 * i, column: 3 } }));

/** A worker's merge order: the main thread's parts' entries, then the worker's. */
function threadOrder(all: MissingSegment[]): MissingSegment[] {
  return [...all.filter((_, i) => i % 2 === 0), ...all.filter((_, i) => i % 2 === 1)];
}

describe('the missing segments message', () => {
  for (const n of [1, 4, 10, 11, 14]) {
    it(`names the first ${Math.min(n, 10)} of ${n} in file order, whatever the entry order`, () => {
      const inOrder = missingSegments(missing(n), 'inventory.csv', options);
      for (const shuffled of [threadOrder(missing(n)), [...missing(n)].reverse()]) {
        const error = missingSegments(shuffled, 'inventory.csv', options);
        expect(error.message).toBe(inOrder.message);
        expect(error.issues).toEqual(inOrder.issues);
        expect(error.line).toBe(21);
      }
      const names = (inOrder.issues ?? []).map((l) => /segment '([^']+)'/.exec(l)?.[1]).filter(Boolean);
      expect(names).toEqual(missing(Math.min(n, 10)).map((m) => m.path));
      if (n > 10) expect(inOrder.issues?.at(-1)).toBe(`… and ${n - 10} more segments not in the fleet file`);
    });
  }
});
