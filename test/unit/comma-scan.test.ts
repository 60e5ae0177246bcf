/**
 * The CSV line cache's comma scans, four bytes at a time (comma-scan.ts),
 * against a byte-at-a-time reference: where the n-th comma ends, where a
 * tail of n more commas ends and its hash (spanHash's), on generated lines
 * with commas at every offset and alignment, bytes whose tests for "a zero
 * byte" borrow into the next (0x2c next to 0x2d, 0xac), and lines shorter
 * than a word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterCommas, tailEnd, tailHash } from '../../src/core/inventory/comma-scan.js';
import { spanHash } from '../../src/core/inventory/span-cache.js';

const byte = fc.oneof(fc.constantFrom(0x2c, 0x2c, 0x2d, 0x2b, 0xac, 0x00, 0x01), fc.integer({ min: 0, max: 255 }));
const line = fc.record({ bytes: fc.array(byte, { maxLength: 40 }).map((b) => Uint8Array.from(b)), pad: fc.nat(3) });

function afterCommasByBytes(bytes: Uint8Array, start: number, end: number, n: number): number {
  if (n === 0) return start;
  for (let i = start; i < end; i++) if (bytes[i] === 0x2c && --n === 0) return i + 1;
  return -1;
}

function tailEndByBytes(bytes: Uint8Array, start: number, end: number, n: number): number {
  let i = start;
  for (; i < end; i++) if (bytes[i] === 0x2c && n-- === 0) break;
  return i;
}

describe('comma scans', () => {
  it('find what a byte loop finds, and hash the tail as spanHash does', () => {
    fc.assert(
      fc.property(line, fc.nat(6), fc.nat(6), ({ bytes, pad }, skip, more) => {
        const buf = new Uint8Array(pad + bytes.length + 5);
        buf.set(bytes, pad);
        const view = new DataView(buf.buffer);
        const end = pad + bytes.length;
        const t = afterCommas(view, pad, end, skip);
        expect(t).toBe(afterCommasByBytes(buf, pad, end, skip));
        if (t < 0) return;
        const e = tailEnd(view, t, end, more);
        expect(e).toBe(tailEndByBytes(buf, t, end, more));
        expect(tailHash).toBe(spanHash(view, t, e));
      }),
      { numRuns: 3000 },
    );
  });
});
