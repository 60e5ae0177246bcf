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
  /**
   * Per slot, two int32s: id + 1 (0: empty) and the key's hash, so that a
   * probe settles most slots without reading the key's figures (a lookup of
   * a new key, which most of 865,000 distinct segments are, touches only
   * the slots: bench/RESULTS.md, issue 24).
   */
  private slots = new Int32Array(2 << 10);
  /** Per id, side by side: the key's hash (signed 32-bit: small integers to V8), where its bytes start in the arena, and how many. */
  private keys = new Int32Array(KEY * (1 << 9));
  private arena = new Uint8Array(1 << 14);
  private used = 0;
  size = 0;

  /** The id of the key src[start, end) with this FNV-1a hash (compared where it lies), or -1. */
  find(src: Uint8Array, start: number, end: number, hash: number): number {
    const h = hash | 0;
    const length = end - start;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot << 1]! - 1;
      if (id < 0) return -1;
      if (slots[(slot << 1) + 1] === h && this.keys[id * KEY + LENGTH] === length) {
        const arena = this.arena;
        const at = this.keys[id * KEY + START]! - start;
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
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot << 1]! - 1;
      if (id < 0) return -1;
      if (slots[(slot << 1) + 1] === h && this.sameRanges(id, src, starts, ends, from, to)) return id;
    }
  }

  /** Stores a key not yet in the table (its hash as find was given it); returns its id. */
  add(key: Uint8Array, length: number, hash: number): number {
    if ((this.size + 1) * 2 > this.slots.length >> 1) this.grow();
    if ((this.size + 1) * KEY > this.keys.length) this.keys = grownInts(this.keys);
    if (this.used + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const id = this.size++;
    this.arena.set(key.subarray(0, length), this.used);
    this.keys[id * KEY + HASH] = hash | 0;
    this.keys[id * KEY + START] = this.used;
    this.keys[id * KEY + LENGTH] = length;
    this.used += length;
    this.place(hash | 0, id);
    return id;
  }

  /** The bytes of the key with this id (a view: copy it to keep it past the next add). */
  keyAt(id: number): Uint8Array {
    const start = this.keys[id * KEY + START]!;
    return this.arena.subarray(start, start + this.keys[id * KEY + LENGTH]!);
  }

  private sameRanges(id: number, src: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number): boolean {
    const arena = this.arena;
    let k = this.keys[id * KEY + START]!;
    const stop = k + this.keys[id * KEY + LENGTH]!;
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
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    while (slots[slot << 1] !== 0) slot = (slot + 1) & mask;
    slots[slot << 1] = id + 1;
    slots[(slot << 1) + 1] = hash;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.size; id++) this.place(this.keys[id * KEY + HASH]!, id);
  }
}

/** Int32s per key in KeyTable.keys: hash, start, length. */
const KEY = 3;
const HASH = 0;
const START = 1;
const LENGTH = 2;

/**
 * (segment id, profile id) pairs, each with an entry index (0, 1, 2 … in the
 * order first seen): the aggregate's one entry per pair, in typed arrays.
 */
export class PairTable {
  /** Per slot, three int32s: entry + 1 (0: empty), its segment and its profile: a probe reads one place. */
  private slots = new Int32Array(3 << 12);
  segmentOf = new Int32Array(1 << 11);
  profileOf = new Int32Array(1 << 11);
  size = 0;

  find(segment: number, profile: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let slot = pairHash(segment, profile) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 3;
      const e = slots[at]! - 1;
      if (e < 0) return -1;
      if (slots[at + 1] === segment && slots[at + 2] === profile) return e;
    }
  }

  /** Stores a pair not yet in the table; returns its entry index. */
  add(segment: number, profile: number): number {
    if ((this.size + 1) * 2 > this.slots.length / 3) {
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
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    const segment = this.segmentOf[e]!;
    const profile = this.profileOf[e]!;
    let slot = pairHash(segment, profile) & mask;
    while (slots[slot * 3] !== 0) slot = (slot + 1) & mask;
    slots[slot * 3] = e + 1;
    slots[slot * 3 + 1] = segment;
    slots[slot * 3 + 2] = profile;
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
