/**
 * Segment paths in the order the general path lists segments: compared part
 * by part, each part by UTF-16 code units (JavaScript's `<` on strings), a
 * path before its extensions. A most-significant-digit radix sort over the
 * paths' code units in one typed array, each part ended by a 0 (which sorts
 * below any unit a part holds: parts never hold U+0000), so that comparing
 * the unit sequences compares the paths. Sorting a million JavaScript
 * strings took ~1 s of CPU (bench/RESULTS.md, issue 24); this is a few
 * passes over bytes. Digits are bytes: a unit's high byte, then its low one.
 */

/** Below this many keys a bucket is finished by insertion sort. */
const SMALL = 32;

/** Paths as sort keys: each one's units (parts ended by a 0) in one array, where each starts, and its number of parts. */
export interface PathKeys {
  readonly arena: Uint16Array;
  /** Key k is arena[starts[k], starts[k + 1]). */
  readonly starts: Int32Array;
  readonly depths: Int32Array;
}

/** The keys of `count` paths, each given as its parts joined by '/' (parts are non-empty and hold no '/' or U+0000). */
export function pathKeys(count: number, textOf: (index: number) => string): PathKeys {
  const starts = new Int32Array(count + 1);
  const depths = new Int32Array(count);
  let units = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = units;
    units += textOf(i).length + 1;
  }
  starts[count] = units;
  const arena = new Uint16Array(units);
  for (let i = 0; i < count; i++) {
    const text = textOf(i);
    let at = starts[i]!;
    let parts = 1;
    for (let c = 0; c < text.length; c++) {
      const unit = text.charCodeAt(c);
      if (unit === 0x2f) {
        arena[at++] = 0;
        parts++;
      } else arena[at++] = unit;
    }
    arena[at] = 0;
    depths[i] = text.length === 0 ? 0 : parts; // '': the root's own path (a file without a segment column)
  }
  return { arena, starts, depths };
}

/** The keys' indices in path order (equal paths next to each other, in index order). */
export function pathOrder(keys: PathKeys): Int32Array {
  const count = keys.depths.length;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  radixSort(order, new Int32Array(count), keys.arena, keys.starts);
  return order;
}

/** Digit `d` of key `k` (d even: the high byte of unit d/2, odd: its low byte), plus one; 0 past the key's end. */
function digit(arena: Uint16Array, starts: Int32Array, k: number, d: number): number {
  const at = starts[k]! + (d >> 1);
  if (at >= starts[k + 1]!) return 0;
  const unit = arena[at]!;
  return 1 + ((d & 1) === 0 ? unit >> 8 : unit & 0xff);
}

/**
 * Sorts order[lo, hi) by the keys' digits from `d` on, with an explicit stack
 * of buckets (never recursion: a path's length is the user's). A bucket
 * whose keys all end at digit d holds equal keys: left in index order.
 * Each pass counts the digits, and spreads the keys only over the range of
 * digits it met (a path's text uses a few dozen byte values).
 */
function radixSort(order: Int32Array, scratch: Int32Array, arena: Uint16Array, starts: Int32Array): void {
  const stack: number[] = [0, order.length, 0];
  const counts = new Int32Array(257);
  const digits = new Int32Array(order.length);
  while (stack.length > 0) {
    const d = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < SMALL) {
      insertionSort(order, lo, hi, d, arena, starts);
      continue;
    }
    let min = 256;
    let max = 0;
    for (let i = lo; i < hi; i++) {
      const g = digit(arena, starts, order[i]!, d);
      digits[i] = g;
      counts[g]!++;
      if (g < min) min = g;
      if (g > max) max = g;
    }
    if (min === max) {
      counts[min] = 0;
      if (min !== 0) stack.push(lo, hi, d + 1); // all alike so far; min 0: all ended, equal keys
      continue;
    }
    // counts[g] becomes where bucket g starts, then (after the spread) where it ends.
    let at = lo;
    for (let g = min; g <= max; g++) {
      const n = counts[g]!;
      counts[g] = at;
      at += n;
    }
    for (let i = lo; i < hi; i++) scratch[counts[digits[i]!]!++] = order[i]!;
    order.set(scratch.subarray(lo, hi), lo);
    let from = lo;
    for (let g = min; g <= max; g++) {
      const to = counts[g]!;
      counts[g] = 0;
      if (g > 0 && to - from > 1) stack.push(from, to, d + 1);
      from = to;
    }
  }
}

/** order[lo, hi) sorted by the keys' units from digit `d` on (d is even when the bucket's keys agree up to whole units). */
function insertionSort(order: Int32Array, lo: number, hi: number, d: number, arena: Uint16Array, starts: Int32Array): void {
  for (let i = lo + 1; i < hi; i++) {
    const k = order[i]!;
    let j = i - 1;
    while (j >= lo && compareFrom(arena, starts, order[j]!, k, d) > 0) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = k;
  }
}

/** Keys a and b compared from digit `d` (rounded down to a whole unit: the digits before it are equal). */
function compareFrom(arena: Uint16Array, starts: Int32Array, a: number, b: number, d: number): number {
  let i = starts[a]! + (d >> 1);
  let j = starts[b]! + (d >> 1);
  const endA = starts[a + 1]!;
  const endB = starts[b + 1]!;
  for (; i < endA && j < endB; i++, j++) {
    const diff = arena[i]! - arena[j]!;
    if (diff !== 0) return diff;
  }
  return endA - i - (endB - j);
}
