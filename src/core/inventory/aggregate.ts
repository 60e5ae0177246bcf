/**
 * Aggregates camera records by (segment, profile) as they stream past: one
 * entry per distinct pair, never one per record, so memory stays flat
 * however many records there are. Counts are summed as JS numbers while that
 * is exact (below 2^53) and spilled into a bigint before it could not be.
 *
 * A record's segment and its profile fields are two keys, each looked up in
 * its own small table (thousands of segments, a few dozen profiles: they
 * stay in the processor's cache), and the pair of ids in a third; the sums
 * are typed arrays indexed by entry. Keys are the raw bytes read as latin1
 * (one char per byte, so any UTF-8 round-trips), checked and decoded once
 * per distinct key.
 */
import type { Catalog } from '../model/catalog.js';
import type { Profile } from '../model/fleet.js';
import { trimBlank } from './fields.js';
import { type KeyBuilder, KeyTable, PairTable } from './key-table.js';
import { type KeyReading, KeyMeanings } from './meaning.js';

/** Below this a running count may take one more count (≤ 10^15) and stay exact. */
export const SPILL_AT = 2 ** 52;
export const SEP = '\u0000';

export interface Entry {
  count: number;
  spilled: bigint;
  records: number;
  segment: string[];
  profile: Profile;
  /** Where the first record of this entry was, for messages about its segment. */
  first: RecordPlace;
}

/** Where a record came from, for messages: `file:line` or `file:line:column`. */
export interface RecordPlace {
  line: number;
  column?: number;
}

export class RecordError extends Error {
  constructor(
    readonly place: RecordPlace,
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A profile key's text as its canonical parts (preset, rate, label and, for a
 * row to estimate, its estimate inputs), or undefined when a field had a 0 byte of its own.
 */
export type ProfileDecoder = (text: string) => [string, string, string] | [string, string, string, string] | undefined;

export class InventoryAggregate {
  readonly segments = new KeyTable();
  readonly profiles = new KeyTable();
  readonly pairs = new PairTable();
  /** Per entry: cameras (exact below SPILL_AT), records, and the first record's line and column (-1: none). */
  counts = new Float64Array(1 << 11);
  recordsOf = new Float64Array(1 << 11);
  firstLine = new Float64Array(1 << 11);
  firstColumn = new Int32Array(1 << 11);
  /** Per entry, where it has one: the part of its count beyond SPILL_AT. */
  readonly spilled = new Map<number, bigint>();
  /** Per segment id, its path's parts joined by '/' (a part never holds one): one string, not an array of them, per segment. */
  private readonly segmentTexts: string[] = [];
  private readonly profileList: Profile[] = [];
  records = 0;
  skipped = 0;
  readonly skippedSamples: string[] = [];
  /** Added to the line of each new entry's first record (a chunk of the file read apart: see chunked loading). */
  placeBase = 0;
  private readonly meanings: KeyMeanings;

  /**
   * How a profile key's text (latin1) splits into its parts; the scanner
   * that stores the keys sets it (the CSV scanner keeps file order).
   */
  decodeProfile: ProfileDecoder = (text) => {
    const [preset = '', rate = '', label = ''] = text.split(SEP).map(trimBlank);
    return [preset, rate, label];
  };

  constructor(catalog: Catalog) {
    this.meanings = new KeyMeanings(catalog);
  }

  /** How the file's texts are read beyond their text (from its header; see KeyReading). */
  get reading(): KeyReading {
    return this.meanings.reading;
  }

  set reading(reading: KeyReading) {
    this.meanings.reading = reading;
  }

  /** Distinct (segment, profile) entries so far. */
  get size(): number {
    return this.pairs.size;
  }

  /**
   * The scanners' fast path: `count` more cameras, one more record, into
   * entry `e`. False (and nothing counted) when the sum would reach SPILL_AT:
   * the caller then takes the general path, add.
   */
  countInto(e: number, count: number): boolean {
    const next = this.counts[e]! + count;
    if (next >= SPILL_AT) return false;
    this.counts[e] = next;
    this.recordsOf[e]!++;
    this.records++;
    return true;
  }

  /**
   * The entry of a record whose segment and profile keys are in these
   * builders: found, or checked and made. Throws RecordError for a record
   * whose segment or profile is invalid; `line`/`column` say where it is.
   */
  entryOf(segment: KeyBuilder, profile: KeyBuilder, line: number, column?: number): number {
    const s = this.segmentId(segment.bytes.subarray(0, segment.length), segment.hash, line, column);
    const p = this.profileId(profile.bytes.subarray(0, profile.length), profile.hash, line, column);
    return this.pairEntry(s, p, this.placeBase + line, column ?? -1);
  }

  /** The id of a segment key (its bytes and FNV-1a hash): found, or checked and added. */
  segmentId(bytes: Uint8Array, hash: number, line: number, column?: number): number {
    const s = this.segments.find(bytes, 0, bytes.length, hash);
    return s >= 0 ? s : this.newSegment(bytes, hash, line, column);
  }

  /** The id of a profile key: found, or checked and added. */
  profileId(bytes: Uint8Array, hash: number, line: number, column?: number): number {
    const p = this.profiles.find(bytes, 0, bytes.length, hash);
    return p >= 0 ? p : this.newProfile(bytes, hash, line, column);
  }

  /** The entry of a (segment, profile) pair: found, or made with this first place (line as stored, column or -1). */
  pairEntry(segment: number, profile: number, storedLine: number, column: number): number {
    const e = this.pairs.find(segment, profile);
    return e >= 0 ? e : this.newEntry(segment, profile, storedLine, column);
  }

  /** Adds `count` cameras (one record) to entry `e`, spilling into a bigint before the sum could stop being exact. */
  add(e: number, count: number): void {
    this.recordsOf[e]!++;
    this.addCameras(e, count);
  }

  /** A count above 2^53 (given as text): straight into the bigint part. */
  addBig(e: number, count: bigint): void {
    this.recordsOf[e]!++;
    this.spilled.set(e, (this.spilled.get(e) ?? 0n) + count);
  }

  /** Cameras into entry `e` (no record counted), spilling into a bigint before the sum could stop being exact. */
  addCameras(e: number, count: number): void {
    const next = this.counts[e]! + count;
    if (next < SPILL_AT) this.counts[e] = next;
    else {
      this.spilled.set(e, (this.spilled.get(e) ?? 0n) + BigInt(this.counts[e]!) + BigInt(count));
      this.counts[e] = 0;
    }
  }

  private newSegment(bytes: Uint8Array, hash: number, line: number, column?: number): number {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    let canonical = text;
    if (!plainSegment(bytes)) {
      const place = column === undefined || column < 0 ? { line } : { line, column };
      if (text.includes(SEP)) throw new RecordError(place, undefined, 'a field contains a NUL character (U+0000)');
      const path = this.meanings.segmentPath(trimBlank(text), false);
      if (!Array.isArray(path)) throw new RecordError(place, path.field, path.message);
      canonical = path.join('/');
    }
    const id = this.segments.add(bytes, bytes.length, hash);
    this.segmentTexts[id] = canonical;
    return id;
  }

  private newProfile(bytes: Uint8Array, hash: number, line: number, column?: number): number {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    const place = column === undefined || column < 0 ? { line } : { line, column };
    // The 0 byte separates a key's fields: one inside a field would shift them.
    const parts = this.decodeProfile(text);
    if (parts === undefined) throw new RecordError(place, undefined, 'a field contains a NUL character (U+0000)');
    const profile = this.meanings.profile(parts[0], parts[1], parts[2], parts[3]);
    if ('field' in profile) throw new RecordError(place, profile.field, profile.message);
    const id = this.profiles.add(bytes, bytes.length, hash);
    this.profileList[id] = profile;
    return id;
  }

  private newEntry(segment: number, profile: number, line: number, column: number): number {
    const e = this.pairs.add(segment, profile);
    if (e === this.counts.length) {
      this.counts = grown(this.counts);
      this.recordsOf = grown(this.recordsOf);
      this.firstLine = grown(this.firstLine);
      const columns = new Int32Array(this.firstColumn.length * 2);
      columns.set(this.firstColumn);
      this.firstColumn = columns;
    }
    this.counts[e] = 0;
    this.recordsOf[e] = 0;
    this.firstLine[e] = line;
    this.firstColumn[e] = column;
    return e;
  }

  /** The path of segment id `s` (a new array), its parts joined by '/', and the profile of profile id `p`. */
  segmentPath(s: number): string[] {
    const text = this.segmentTexts[s]!;
    return text === '' ? [] : text.split('/'); // '': the file's own segment (no segment column), the root
  }

  segmentText(s: number): string {
    return this.segmentTexts[s]!;
  }

  profileById(p: number): Profile {
    return this.profileList[p]!;
  }

  /** The segment path and profile of entry `e`. */
  segmentOf(e: number): string[] {
    return this.segmentPath(this.pairs.segmentOf[e]!);
  }

  profileOf(e: number): Profile {
    return this.profileList[this.pairs.profileOf[e]!]!;
  }

  /** The entries, as the fleet model takes them (made once, at the end). */
  get entries(): Entry[] {
    const out: Entry[] = [];
    // Entries of one segment share its path array (inventoryFleet finds its node once).
    const paths = new Array<string[] | undefined>(this.segments.size);
    for (let e = 0; e < this.pairs.size; e++) {
      const column = this.firstColumn[e]!;
      const s = this.pairs.segmentOf[e]!;
      out.push({
        count: this.counts[e]!,
        spilled: this.spilled.get(e) ?? 0n,
        records: this.recordsOf[e]!,
        segment: (paths[s] ??= this.segmentPath(s)),
        profile: this.profileOf(e),
        first: column < 0 ? { line: this.firstLine[e]! } : { line: this.firstLine[e]!, column },
      });
    }
    return inFileOrder(out);
  }

  /** Every camera the records named, summed exactly. */
  cameras(): bigint {
    let total = 0n;
    for (let e = 0; e < this.pairs.size; e++) total += BigInt(this.counts[e]!) + (this.spilled.get(e) ?? 0n);
    return total;
  }

  /** The first record's line of every entry through `lineOf` (places of chunks read apart, made the file's). */
  resolveLines(lineOf: (stored: number) => number): void {
    for (let e = 0; e < this.pairs.size; e++) this.firstLine[e] = lineOf(this.firstLine[e]!);
  }
}

/**
 * A segment field that is its own path's text: printable ASCII without
 * blanks, not starting or ending with '/', no '//' (no part to trim, decode
 * or find empty). Most are; the others go through KeyMeanings.segmentPath.
 */
function plainSegment(bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (n === 0 || bytes[0] === 0x2f || bytes[n - 1] === 0x2f) return false;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x21 || b > 0x7e || (b === 0x2f && bytes[i + 1] === 0x2f)) return false;
  }
  return true;
}

function grown(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const next = new Float64Array(a.length * 2);
  next.set(a);
  return next;
}

export function entryCount(entry: Entry): bigint {
  return entry.spilled + BigInt(entry.count);
}

/**
 * Entries in the order one thread meets them: by their first record's place. One thread adds them in
 * that order already (checked in one pass); a worker's entries are merged after the main thread's,
 * and a fleet placed from them (new segments with --allow-new-segments, the missing segments named)
 * must not depend on which thread read which part.
 */
function inFileOrder(entries: Entry[]): Entry[] {
  const before = (a: Entry, b: Entry) => a.first.line - b.first.line || (a.first.column ?? 0) - (b.first.column ?? 0);
  for (let i = 1; i < entries.length; i++) if (before(entries[i - 1]!, entries[i]!) > 0) return entries.sort(before);
  return entries;
}
