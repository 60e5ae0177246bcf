/**
 * Which segments the human formats show (src/render/shown-segments.ts), made
 * in one pass that keeps only the busiest so far, against the way it was
 * made before: every row below the shown levels sorted (stably), the first
 * `top` kept. Generated rows with ties in utilisation and load.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report, SegmentRow } from '../../src/core/model/report.js';
import { shownSegments } from '../../src/render/shown-segments.js';
import { NO_PAINT } from '../../src/render/view.js';

function reference(all: readonly SegmentRow[], depth: number, top: number | undefined): SegmentRow[] {
  const deeper = all.filter((s) => s.depth > depth);
  const weight = (s: SegmentRow) => s.link?.utilizationBasisPoints ?? -1n;
  return [...deeper]
    .sort((a, b) => {
      const wa = weight(a);
      const wb = weight(b);
      if (wa !== wb) return wa > wb ? -1 : 1;
      return a.loadBitsPerSecond === b.loadBitsPerSecond ? 0 : a.loadBitsPerSecond > b.loadBitsPerSecond ? -1 : 1;
    })
    .slice(0, top ?? (deeper.length > 0 ? 10 : 0));
}

const row = fc
  .record({ depth: fc.integer({ min: 1, max: 4 }), util: fc.option(fc.integer({ min: 0, max: 3 })), load: fc.integer({ min: 0, max: 3 }) })
  .map(
    ({ depth, util, load }): SegmentRow =>
      ({
        path: Array.from({ length: depth }, () => 'x'),
        depth,
        loadBitsPerSecond: BigInt(load),
        ...(util === null ? {} : { link: { utilizationBasisPoints: BigInt(util) } }),
      }) as unknown as SegmentRow,
  );

describe('shownSegments', () => {
  it('keeps the busiest below the shown levels as a stable sort would', () => {
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
          expect(shown.busiest).toEqual(reference(all, depth, top ?? undefined));
          const expected = reference(all, depth, top ?? undefined);
          for (const [i, s] of shown.busiest.entries()) expect(s).toBe(expected[i]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
