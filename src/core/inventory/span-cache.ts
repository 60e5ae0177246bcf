/**
 * A bounded cache in front of the aggregate for the scanners' fast paths. It
 * maps the raw bytes of a line's tail (the line after a leading id, which
 * differs on every line) to what a full parse found that tail to mean: an
 * aggregate entry and a camera count. A later line with the same tail is the
 * same record apart from its id, so it is counted without being parsed.
 *
 * Tails are hashed four bytes and compared eight bytes at a time through
 * DataViews (unaligned loads), the line feed found in the same pass as the
 * hash (hashToLineEnd): that is what makes this faster than the
 * byte-at-a-time parse and key table behind it.
 *
 * Bounded in size, and judged as it goes: an input whose tails rarely repeat
 * (a unique column among the key fields) turns it off within 65,536 lines.
 */

export interface SpanCacheLimits {
  /** At most this many tails, and this many bytes of them (an accelerator, not storage). */
  maxSpans: number;
  maxBytes: number;
  /** Lookups are judged in windows of this many: fewer than an eighth of a window's finding their tail turns the cache off. */
  window: number;
}

export const CACHE_LIMITS: SpanCacheLimits = { maxSpans: 1 << 16, maxBytes: 4 << 20, window: 1 << 16 };

/** Int32s per tail in SpanCache.tails: hash, start, length, entry, count. */
const TAIL = 5;
const HASH = 0;
const START = 1;
const LENGTH = 2;
const ENTRY = 3;
const COUNT = 4;

export class SpanCache {
  private arena = new Uint8Array(1 << 16);
  private arenaView = new DataView(this.arena.buffer);
  private used = 0;
  private slots = new Int32Array(1 << 12);
  /**
   * Per tail, side by side (one cache line per lookup, not five arrays'):
   * its hash, where its bytes start in the arena, how many, the aggregate
   * entry it means and the cameras a line of it counts (a count below 2^31:
   * add leaves a larger one to the full parse).
   */
  private tails = new Int32Array(TAIL * (1 << 11));
  private size = 0;
  private lookups = 0;
  private hits = 0;
  /** False once the cache has given up: callers skip the lookup (and the hashing) altogether. */
  enabled = true;

  constructor(private readonly limits: SpanCacheLimits = CACHE_LIMITS) {}

  /** A cache as ScanOptions ask for it: off (`false`), with these limits, or the real ones. */
  static of(limits: SpanCacheLimits | false | undefined): SpanCache {
    const cache = new SpanCache(limits || CACHE_LIMITS);
    if (limits === false) cache.enabled = false;
    return cache;
  }

  /** The index of the tail src[start, end) with this hash (from spanHash), or -1. */
  find(src: DataView, start: number, end: number, hash: number): number {
    const length = end - start;
    const mask = this.slots.length - 1;
    const slots = this.slots;
    let found = -1;
    const tails = this.tails;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot]! - 1;
      if (index < 0) break;
      const at = index * TAIL;
      if (tails[at + HASH] === hash && tails[at + LENGTH] === length && sameBytes(this.arenaView, tails[at + START]!, src, start, length)) {
        this.hits++;
        found = index;
        break;
      }
    }
    // The window's last lookup may turn the cache off and empty it: then what was found is gone too.
    if (++this.lookups === this.limits.window) {
      this.judge();
      if (!this.enabled) return -1;
    }
    return found;
  }

  /** At the end of a window: tails that rarely repeat (a unique column inside them) are not worth hashing. */
  private judge(): void {
    if (this.hits * 8 < this.lookups) {
      this.enabled = false;
      this.clear();
    }
    this.lookups = this.hits = 0;
  }

  /** Forgets every tail (the caller's tails now mean something else). */
  clear(): void {
    this.slots.fill(0);
    this.used = 0;
    this.size = 0;
  }

  get spans(): number {
    return this.size;
  }

  entry(index: number): number {
    return this.tails[index * TAIL + ENTRY]!;
  }

  count(index: number): number {
    return this.tails[index * TAIL + COUNT]!;
  }

  /** Remembers that the tail src[start, end) means `count` cameras of `entry` (unless the cache is full or off). */
  add(src: Uint8Array, start: number, end: number, hash: number, entry: number, count: number): void {
    const length = end - start;
    if (!this.enabled || this.size >= this.limits.maxSpans || this.used + length > this.limits.maxBytes || count > 0x7fffffff) return;
    if (this.used + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
      this.arenaView = new DataView(grown.buffer);
    }
    this.arena.set(src.subarray(start, end), this.used);
    if ((this.size + 1) * TAIL > this.tails.length) this.tails = grownInts(this.tails);
    const index = this.size++;
    const at = index * TAIL;
    const tails = this.tails;
    tails[at + HASH] = hash;
    tails[at + START] = this.used;
    tails[at + LENGTH] = length;
    tails[at + ENTRY] = entry;
    tails[at + COUNT] = count;
    this.used += length;
    if (this.size * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let i = 0; i < this.size; i++) this.place(tails[i * TAIL + HASH]!, i);
    } else this.place(hash, index);
  }

  private place(hash: number, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }
}

function grownInts(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

/** The bytes view[start, end) hashed four at a time (a multiply-xorshift mix), as a signed 32-bit integer. */
export function spanHash(view: DataView, start: number, end: number): number {
  let h = SEED;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    h = Math.imul(h ^ view.getInt32(i, true), MIX);
    h ^= h >>> 15;
  }
  for (; i < end; i++) {
    h = Math.imul(h ^ view.getUint8(i), MIX);
    h ^= h >>> 15;
  }
  return spanFinish(h, end - start);
}

/**
 * Where the line from `start` ends: the offset of its line feed, or -1 when
 * there is none before `limit`; with `lineHash` set to spanHash(view, start,
 * that offset). One pass finds and hashes: the line feed is looked for four
 * bytes at a time (a word has a 0x0a byte when (x - 0x01010101) & ~x &
 * 0x80808080 is not 0 for x = word ^ 0x0a0a0a0a; its lowest flagged byte is
 * the first), so no native indexOf call per line.
 */
export function hashToLineEnd(view: DataView, start: number, limit: number): number {
  let h = SEED;
  let i = start;
  for (; i + 4 <= limit; i += 4) {
    const word = view.getInt32(i, true);
    const x = word ^ 0x0a0a0a0a;
    const flagged = (x - 0x01010101) & ~x & 0x80808080;
    if (flagged !== 0) {
      const end = i + ((31 - Math.clz32(flagged & -flagged)) >> 3);
      for (; i < end; i++) {
        h = Math.imul(h ^ view.getUint8(i), MIX);
        h ^= h >>> 15;
      }
      lineHash = spanFinish(h, end - start);
      return end;
    }
    h = Math.imul(h ^ word, MIX);
    h ^= h >>> 15;
  }
  for (; i < limit; i++) {
    const b = view.getUint8(i);
    if (b === 0x0a) {
      lineHash = spanFinish(h, i - start);
      return i;
    }
    h = Math.imul(h ^ b, MIX);
    h ^= h >>> 15;
  }
  return -1;
}

/** The hash of the line hashToLineEnd last found. */
export let lineHash = 0;

/** The span hash's seed and multiplier, and its last step (comma-scan.ts hashes tails the same way). */
export const SEED = 0x2545f491;
export const MIX = 0x9e3779b1 | 0;

export function spanFinish(h: number, length: number): number {
  h = Math.imul(h ^ length ^ (h >>> 13), 0x85ebca6b);
  return h ^ (h >>> 16);
}

/**
 * a[aStart, +length) and b[bStart, +length) hold the same bytes. Eight at a
 * time as float64 loads (the fastest load here); a word whose floats compare
 * unequal or zero (NaN never equals itself, -0 equals 0) is settled as two
 * integers, so this is exact for any bytes.
 */
function sameBytes(a: DataView, aStart: number, b: DataView, bStart: number, length: number): boolean {
  let i = 0;
  for (; i + 8 <= length; i += 8) {
    const x = a.getFloat64(aStart + i, true);
    if (x !== b.getFloat64(bStart + i, true) || x === 0) {
      if (
        a.getInt32(aStart + i, true) !== b.getInt32(bStart + i, true) ||
        a.getInt32(aStart + i + 4, true) !== b.getInt32(bStart + i + 4, true)
      )
        return false;
    }
  }
  for (; i < length; i++) if (a.getUint8(aStart + i) !== b.getUint8(bStart + i)) return false;
  return true;
}
