/**
 * A hash table keyed by bytes: the scanners copy a record's key fields into
 * a scratch buffer and look it up here without making a string. Only a key
 * seen for the first time is decoded (by the caller). Open addressing,
 * linear probing, FNV-1a; grows at half full.
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

export class KeyTable<V> {
  private slots = new Int32Array(1 << 12);
  /** Hashes as signed 32-bit integers (small integers to V8, not heap numbers). */
  private hashes = new Int32Array(1 << 11);
  private keys: Uint8Array[] = [];
  readonly values: V[] = [];

  /** The value stored under key[0, length), or undefined. */
  get(key: Uint8Array, length: number): V | undefined {
    return this.getHashed(key, length, fnv1a(key, length));
  }

  /** As get, with the key's FNV-1a hash already computed (the scanners hash as they read). */
  getHashed(key: Uint8Array, length: number, hash: number): V | undefined {
    const h = hash | 0;
    const mask = this.slots.length - 1;
    const slots = this.slots;
    const hashes = this.hashes;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot]!;
      if (index === 0) return undefined;
      if (hashes[index - 1] === h) {
        const stored = this.keys[index - 1]!;
        if (stored.length === length) {
          let i = 0;
          while (i < length && stored[i] === key[i]) i++;
          if (i === length) return this.values[index - 1];
        }
      }
    }
  }

  /**
   * The value stored under the key made of src's ranges [starts[k], ends[k])
   * for k < parts, each followed by a 0 byte, with this hash: compared where
   * the ranges lie, not copied (the JSON scanner's fields).
   */
  getRanges(src: Uint8Array, starts: Int32Array, ends: Int32Array, parts: number, hash: number): V | undefined {
    const h = hash | 0;
    const mask = this.slots.length - 1;
    const slots = this.slots;
    const hashes = this.hashes;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot]!;
      if (index === 0) return undefined;
      if (hashes[index - 1] === h && sameRanges(this.keys[index - 1]!, src, starts, ends, parts)) return this.values[index - 1];
    }
  }

  /** Stores a value under a key not yet in the table. */
  set(key: Uint8Array, length: number, value: V): void {
    if ((this.values.length + 1) * 2 > this.slots.length) this.grow();
    const hash = fnv1a(key, length) | 0;
    const index = this.values.length;
    if (index === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[index] = hash;
    this.keys.push(key.slice(0, length));
    this.values.push(value);
    this.place(hash, index + 1);
  }

  forEachKey(fn: (key: Uint8Array, value: V) => void): void {
    for (let i = 0; i < this.values.length; i++) fn(this.keys[i]!, this.values[i]!);
  }

  get size(): number {
    return this.values.length;
  }

  private place(hash: number, index: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.values.length; i++) this.place(this.hashes[i]!, i + 1);
  }
}

function sameRanges(stored: Uint8Array, src: Uint8Array, starts: Int32Array, ends: Int32Array, parts: number): boolean {
  let k = 0;
  for (let p = 0; p < parts; p++) {
    const start = starts[p]!;
    const end = ends[p]!;
    if (k + (end - start) >= stored.length) return false;
    for (let i = start; i < end; i++) if (stored[k++] !== src[i]) return false;
    if (stored[k++] !== 0) return false;
  }
  return k === stored.length;
}

export function fnv1a(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}
