/**
 * Commas in a CSV line found four bytes at a time, for the line cache's
 * path (csv.ts): where a line's tail starts (after its leading columns that
 * play no role) and where it ends, hashed as it is found, exactly as
 * spanHash hashes it. A word's comma bytes are flagged exactly (no borrow
 * from byte to byte, unlike the test for "some byte is zero" that
 * hashToLineEnd uses, whose flags above the first are not to be trusted):
 * for x = word ^ 0x2c2c2c2c, ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f)
 * has bit 7 of each byte set exactly where that byte of x is 0.
 */
import { MIX, SEED, spanFinish } from './span-cache.js';

const COMMAS = 0x2c2c2c2c;
const COMMA = 0x2c;

/** The high bit of each byte of `word` that is a comma. */
function commaFlags(word: number): number {
  const x = word ^ COMMAS;
  return ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f) & 0x80808080;
}

/** How many bytes are flagged (bits 7, 15, 23, 31). */
function flagCount(flags: number): number {
  return ((flags >>> 7) & 1) + ((flags >>> 15) & 1) + ((flags >>> 23) & 1) + (flags >>> 31);
}

/** The byte (0–3) of the (k+1)-th flagged byte, k below flagCount(flags). */
function flaggedByte(flags: number, k: number): number {
  for (; k > 0; k--) flags &= flags - 1;
  return (31 - Math.clz32(flags & -flags)) >> 3;
}

/** The offset after the `n`-th comma of view[start, end) (start itself for n = 0), or -1 when there are fewer. */
export function afterCommas(view: DataView, start: number, end: number, n: number): number {
  if (n === 0) return start;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const flags = commaFlags(view.getInt32(i, true));
    if (flags === 0) continue;
    const count = flagCount(flags);
    if (count >= n) return i + flaggedByte(flags, n - 1) + 1;
    n -= count;
  }
  for (; i < end; i++) if (view.getUint8(i) === COMMA && --n === 0) return i + 1;
  return -1;
}

/** The hash of the span tailEnd last found (spanHash of it). */
export let tailHash = 0;

/**
 * Where the tail from `start` ends: at its (n+1)-th comma, or at `end` (the
 * line's end) when there are not so many; with tailHash set to spanHash of
 * view[start, that offset), made in the same pass.
 */
export function tailEnd(view: DataView, start: number, end: number, n: number): number {
  let h = SEED;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const word = view.getInt32(i, true);
    const flags = commaFlags(word);
    if (flags !== 0) {
      const count = flagCount(flags);
      if (count > n) {
        const stop = i + flaggedByte(flags, n);
        for (; i < stop; i++) {
          h = Math.imul(h ^ view.getUint8(i), MIX);
          h ^= h >>> 15;
        }
        tailHash = spanFinish(h, stop - start);
        return stop;
      }
      n -= count;
    }
    h = Math.imul(h ^ word, MIX);
    h ^= h >>> 15;
  }
  for (; i < end; i++) {
    const b = view.getUint8(i);
    if (b === COMMA && n-- === 0) break;
    h = Math.imul(h ^ b, MIX);
    h ^= h >>> 15;
  }
  tailHash = spanFinish(h, i - start);
  return i;
}
