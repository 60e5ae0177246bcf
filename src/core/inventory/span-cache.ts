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

/**
 * Int32s per slot of SpanCache.rows: the tail's hash; where its bytes start
 * in the arena and how many (start | length << 22: the arena holds at most
 * 4 MiB, a tail at most 1,023 bytes); the aggregate entry it means; the
 * cameras a line of it counts (at least 1: 0 marks an empty slot).
 */
const ROW = 4;
const HASH = 0;
const PLACE = 1;
const ENTRY = 2;
const COUNT = 3;
const START_BITS = 22;
const START_MASK = (1 << START_BITS) - 1;
/** The longest tail kept, bytes (a longer line is parsed every time). */
const MAX_LENGTH = (1 << (32 - START_BITS)) - 1;

export class SpanCache {
  private arena = new Uint8Array(1 << 16);
  private arenaView = new DataView(this.arena.buffer);
  private used = 0;
  /**
   * The open-addressed table itself, one row per slot (ROW): a lookup that
   * finds its tail reads one row and the tail's bytes, two places in memory
   * (a separate slot array, then a row of figures, then the bytes, were
   * three; with ~65,000 tails of the realistic layout each is a cache miss,
   * the lookup ~23 % of the scan's profile, issue 24).
   */
  private rows = new Int32Array(ROW * (1 << 12));
  private size = 0;
  private lookups = 0;
  private hits = 0;
  private readonly maxBytes: number;
  /** False once the cache has given up: callers skip the lookup (and the hashing) altogether. */
  enabled = true;

  constructor(private readonly limits: SpanCacheLimits = CACHE_LIMITS) {
    this.maxBytes = Math.min(limits.maxBytes, 1 << START_BITS);
  }

  /** A cache as ScanOptions ask for it: off (`false`), with these limits, or the real ones. */
  static of(limits: SpanCacheLimits | false | undefined): SpanCache {
    const cache = new SpanCache(limits || CACHE_LIMITS);
    if (limits === false) cache.enabled = false;
    return cache;
  }

  /** The slot of the tail src[start, end) with this hash (from spanHash), or -1. */
  find(src: DataView, start: number, end: number, hash: number): number {
    const length = end - start;
    const rows = this.rows;
    const mask = rows.length / ROW - 1;
    let found = -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * ROW;
      if (rows[at + COUNT] === 0) break;
      if (rows[at + HASH] !== hash) continue;
      const place = rows[at + PLACE]!;
      if (place >>> START_BITS === length && sameBytes(this.arenaView, place & START_MASK, src, start, length)) {
        this.hits++;
        found = slot;
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
    this.rows.fill(0);
    this.used = 0;
    this.size = 0;
  }

  get spans(): number {
    return this.size;
  }

  /** The aggregate entry of the tail in `slot` (from find). */
  entry(slot: number): number {
    return this.rows[slot * ROW + ENTRY]!;
  }

  count(slot: number): number {
    return this.rows[slot * ROW + COUNT]!;
  }

  /** Remembers that the tail src[start, end) means `count` cameras of `entry` (unless the cache is full or off, or the count below 1 or from 2^31). */
  add(src: Uint8Array, start: number, end: number, hash: number, entry: number, count: number): void {
    const length = end - start;
    if (!this.enabled || this.size >= this.limits.maxSpans || this.used + length > this.maxBytes) return;
    if (length > MAX_LENGTH || !(count >= 1 && count <= 0x7fffffff)) return;
    if (this.used + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
      this.arenaView = new DataView(grown.buffer);
    }
    this.arena.set(src.subarray(start, end), this.used);
    if ((this.size + 1) * 2 > this.rows.length / ROW) this.grow();
    this.place(this.rows, hash, this.used | (length << START_BITS), entry, count);
    this.used += length;
    this.size++;
  }

  /** Twice the slots, every row placed again. */
  private grow(): void {
    const old = this.rows;
    const rows = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += ROW) {
      if (old[at + COUNT] !== 0) this.place(rows, old[at + HASH]!, old[at + PLACE]!, old[at + ENTRY]!, old[at + COUNT]!);
    }
    this.rows = rows;
  }

  private place(rows: Int32Array, hash: number, place: number, entry: number, count: number): void {
    const mask = rows.length / ROW - 1;
    let slot = hash & mask;
    while (rows[slot * ROW + COUNT] !== 0) slot = (slot + 1) & mask;
    const at = slot * ROW;
    rows[at + HASH] = hash;
    rows[at + PLACE] = place;
    rows[at + ENTRY] = entry;
    rows[at + COUNT] = count;
  }
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
