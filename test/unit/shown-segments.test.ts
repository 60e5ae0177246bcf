/**
 * Which segments the human formats show (src/render/shown-segments.ts), made
 * in one pass that keeps only the busiest so far, against the way it was
 * made before: every row below the shown levels sorted (stably), the first
 * FAILING_ROWS failing ones and the first `top` others with a load kept, and
 * the busiest of the rest named. Generated rows with ties in utilisation and
 * load, some over their link or storage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report, SegmentRow } from '../../src/core/model/report.js';
import { busierFirst, FAILING_ROWS, failing, shownSegments } from '../../src/render/shown-segments.js';
import { NO_PAINT } from '../../src/render/view.js';

/** The way it was made before: every row below the shown levels sorted (stably), the failing first, then the busiest. */
function reference(all: readonly SegmentRow[], depth: number, top: number | undefined) {
  const deeper = all.filter((s) => s.depth > depth).sort(busierFirst);
  const over = deeper.filter(failing);
  const shownFailing = over.slice(0, FAILING_ROWS);
  const busiest = deeper.filter((s) => !failing(s) && s.loadBitsPerSecond > 0n).slice(0, top ?? (deeper.length > 0 ? 10 : 0));
  const shown = new Set([...shownFailing, ...busiest]);
  const others = deeper.filter((s) => !shown.has(s));
  return {
    failing: shownFailing,
    busiest,
    rest: { segments: others.length, failing: over.length - shownFailing.length, busiest: others[0] },
  };
}

const row = fc
  .record({
    depth: fc.integer({ min: 1, max: 4 }),
    util: fc.option(fc.integer({ min: 0, max: 3 })),
    load: fc.integer({ min: 0, max: 3 }),
    over: fc.constantFrom(undefined, undefined, 'link', 'storage'),
  })
  .map(
    ({ depth, util, load, over }): SegmentRow =>
      ({
        path: Array.from({ length: depth }, () => 'x'),
        depth,
        loadBitsPerSecond: BigInt(load),
        ...(util === null ? {} : { link: { utilizationBasisPoints: BigInt(util), fits: over !== 'link' } }),
        ...(over === 'storage' ? { storage: { fits: false } } : {}),
      }) as unknown as SegmentRow,
  );

describe('shownSegments', () => {
  it('keeps the failing and the busiest below the shown levels, and the busiest of the rest, as a stable sort would', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 300 }),
        fc.integer({ min: 0, max: 4 }),
        fc.option(fc.integer({ min: 0, max: 30 })),
        (rows, depth, top) => {
          const all = [{ ...rows[0], path: [], depth: 0, loadBitsPerSecond: 0n } as unknown as SegmentRow, ...rows];
          const report = { segments: all } as unknown as Report;
          const shown = shownSegments(report, { paint: NO_PAINT, depth, ...(top === null ? {} : { top }) });
          expect(shown.tree).toEqual(all.filter((s) => s.depth <= depth));
          const expected = reference(all, depth, top ?? undefined);
          // The same rows, the very objects, in the same order.
          expect(shown.failing.length).toBe(expected.failing.length);
          for (const [i, s] of shown.failing.entries()) expect(s).toBe(expected.failing[i]);
          expect(shown.busiest.length).toBe(expected.busiest.length);
          for (const [i, s] of shown.busiest.entries()) expect(s).toBe(expected.busiest[i]);
          expect(shown.rest.segments).toBe(expected.rest.segments);
          expect(shown.rest.failing).toBe(expected.rest.failing);
          expect(shown.rest.busiest).toBe(expected.rest.busiest);
        },
      ),
      { numRuns: 300 },
    );
  });
});
