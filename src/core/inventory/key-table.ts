/**
 * Hash tables keyed by bytes, for the scanners: a record's segment and its
 * profile fields are looked up where they lie, or from a scratch buffer,
 * without making a string; only a key seen for the first time is decoded (by
 * the caller). Each distinct key gets an id, 0, 1, 2 … in the order first
 * seen. Keys live in one arena and the table in typed arrays: a lookup
 * touches a few cache lines, not a chain of objects. Open addressing, linear
 * probing, FNV-1a; grows at half full.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export class KeyBuilder {
  bytes: Uint8Array = new Uint8Array(1024);
  length = 0;
  /** FNV-1a of bytes[0, length), kept up to date as bytes are appended. */
  hash = FNV_OFFSET | 0;

  reset(): void {
    this.length = 0;
    this.hash = FNV_OFFSET | 0;
  }

  /** Appends buf[start, end) as it is (the aggregate trims once per distinct key). */
  append(buf: Uint8Array, start: number, end: number): void {
    this.ensure(end - start);
    const bytes = this.bytes;
    let at = this.length;
    let h = this.hash;
    for (let i = start; i < end; i++) {
      const b = buf[i]!;
      bytes[at++] = b;
      h = Math.imul(h ^ b, FNV_PRIME);
    }
    this.length = at;
    this.hash = h;
  }

  /** Appends one byte (a separator or a kind marker). */
  byte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
    this.hash = Math.imul(this.hash ^ value, FNV_PRIME);
  }

  /** Appends text given as latin1 (one byte per char). */
  text(latin1: string): void {
    this.ensure(latin1.length);
    for (let i = 0; i < latin1.length; i++) this.byte(latin1.charCodeAt(i) & 0xff);
  }

  ensure(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

export class KeyTable {
  /** Per slot: id + 1 (0: empty). */
  private slots = new Int32Array(1 << 10);
  /** Per id: the key's hash (signed 32-bit: small integers to V8), where its bytes start in the arena, and how many. */
  private hashes = new Int32Array(1 << 9);
  private starts = new Int32Array(1 << 9);
  private lengths = new Int32Array(1 << 9);
  private arena = new Uint8Array(1 << 14);
  private used = 0;
  size = 0;

  /** The id of the key src[start, end) with this FNV-1a hash (compared where it lies), or -1. */
  find(src: Uint8Array, start: number, end: number, hash: number): number {
    const h = hash | 0;
    const length = end - start;
    const mask = this.slots.length - 1;
    const slots = this.slots;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.lengths[id] === length) {
        const arena = this.arena;
        const at = this.starts[id]! - start;
        let i = start;
        while (i < end && arena[at + i] === src[i]) i++;
        if (i === end) return id;
      }
    }
  }

  /**
   * The id of the key made of src's ranges [starts[k], ends[k]) for from ≤
   * k < to, each followed by a 0 byte, with this hash: compared where the
   * ranges lie, not copied (the JSON scanner's fields). -1 if none.
   */
  findRanges(src: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number, hash: number): number {
    const h = hash | 0;
    const mask = this.slots.length - 1;
    const slots = this.slots;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.sameRanges(id, src, starts, ends, from, to)) return id;
    }
  }

  /** Stores a key not yet in the table (its hash as find was given it); returns its id. */
  add(key: Uint8Array, length: number, hash: number): number {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    if (this.size === this.hashes.length) {
      this.hashes = grownInts(this.hashes);
      this.starts = grownInts(this.starts);
      this.lengths = grownInts(this.lengths);
    }
    if (this.used + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const id = this.size++;
    this.arena.set(key.subarray(0, length), this.used);
    this.hashes[id] = hash | 0;
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.used += length;
    this.place(hash | 0, id);
    return id;
  }

  /** The bytes of the key with this id (a view: copy it to keep it past the next add). */
  keyAt(id: number): Uint8Array {
    return this.arena.subarray(this.starts[id]!, this.starts[id]! + this.lengths[id]!);
  }

  private sameRanges(id: number, src: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number): boolean {
    const arena = this.arena;
    let k = this.starts[id]!;
    const stop = k + this.lengths[id]!;
    for (let p = from; p < to; p++) {
      const start = starts[p]!;
      const end = ends[p]!;
      if (k + (end - start) >= stop) return false;
      for (let i = start; i < end; i++) if (arena[k++] !== src[i]) return false;
      if (arena[k++] !== 0) return false;
    }
    return k === stop;
  }

  private place(hash: number, id: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.size; id++) this.place(this.hashes[id]!, id);
  }
}

/**
 * (segment id, profile id) pairs, each with an entry index (0, 1, 2 … in the
 * order first seen): the aggregate's one entry per pair, in typed arrays.
 */
export class PairTable {
  private slots = new Int32Array(1 << 12);
  segmentOf = new Int32Array(1 << 11);
  profileOf = new Int32Array(1 << 11);
  size = 0;

  find(segment: number, profile: number): number {
    const mask = this.slots.length - 1;
    const slots = this.slots;
    for (let slot = pairHash(segment, profile) & mask; ; slot = (slot + 1) & mask) {
      const e = slots[slot]! - 1;
      if (e < 0) return -1;
      if (this.segmentOf[e] === segment && this.profileOf[e] === profile) return e;
    }
  }

  /** Stores a pair not yet in the table; returns its entry index. */
  add(segment: number, profile: number): number {
    if ((this.size + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let e = 0; e < this.size; e++) this.place(e);
    }
    if (this.size === this.segmentOf.length) {
      this.segmentOf = grownInts(this.segmentOf);
      this.profileOf = grownInts(this.profileOf);
    }
    const e = this.size++;
    this.segmentOf[e] = segment;
    this.profileOf[e] = profile;
    this.place(e);
    return e;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let slot = pairHash(this.segmentOf[e]!, this.profileOf[e]!) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }
}

function pairHash(segment: number, profile: number): number {
  const h = Math.imul(segment, 0x9e3779b1) ^ Math.imul(profile + 1, 0x85ebca6b);
  return h ^ (h >>> 15);
}

export function grownInts(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

export function fnv1a(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash | 0;
}
