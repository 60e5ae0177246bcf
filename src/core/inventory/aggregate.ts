/**
 * Aggregates camera records by (segment, profile) as they stream past: one
 * map entry per distinct pair, never one per record, so memory stays flat
 * however many records there are. Counts are summed as JS numbers while that
 * is exact (below 2^53) and spilled into a bigint before it could not be.
 *
 * Keys are built by the scanners from the raw bytes read as latin1 (one char
 * per byte, so any UTF-8 round-trips) and decoded once per distinct key.
 */
import type { Catalog } from '../model/catalog.js';
import type { Profile } from '../model/fleet.js';
import { trimBlank } from './fields.js';
import { fnv1a, KeyBuilder, KeyTable } from './key-table.js';
import { KeyMeanings } from './meaning.js';

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

/** What a worker sends back: its distinct keys (bytes) with their sums, not yet checked. */
export interface RawEntries {
  keys: Uint8Array[];
  counts: number[];
  spilled: string[];
  records: number[];
  first: RecordPlace[];
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

export class InventoryAggregate {
  private readonly table = new KeyTable<Entry>();
  records = 0;
  skipped = 0;
  readonly skippedSamples: string[] = [];
  private readonly meanings: KeyMeanings | undefined;

  /**
   * How a key's text (latin1) splits into its parts. The default reads the
   * canonical layout segment 0 preset 0 [b|m]rate 0 label; a scanner may
   * store its keys in another layout (the CSV scanner keeps file order).
   * Undefined when the parts do not add up: a field had a 0 byte of its own.
   */
  decodeKey: (text: string) => string[] | undefined = (text) => text.split(SEP).map(trimBlank);

  /** Without a catalog the aggregate only sums keys (a worker's half); the main thread checks them on merge. */
  constructor(catalog: Catalog | undefined) {
    this.meanings = catalog && new KeyMeanings(catalog);
  }

  /** For the scanners' hot path: look a key up without the checks of add. */
  get keyTable(): KeyTable<Entry> {
    return this.table;
  }

  /** The distinct (segment, profile) entries so far. */
  get entries(): readonly Entry[] {
    return this.table.values;
  }

  /**
   * Adds `count` cameras under the key in `key` (segment 0 preset 0 [b|m]rate
   * 0 label, bytes as read). Throws RecordError for a record whose segment or
   * profile is invalid; `line`/`column` say where it is.
   */
  add(key: KeyBuilder, count: number, line: number, column?: number, hash = key.hash): void {
    const entry = this.table.getHashed(key.bytes, key.length, hash >>> 0);
    if (entry !== undefined) {
      entry.records++;
      const next = entry.count + count;
      if (next < SPILL_AT) entry.count = next;
      else {
        entry.spilled += BigInt(entry.count) + BigInt(count);
        entry.count = 0;
      }
      return;
    }
    this.insert(key, count, column === undefined ? { line } : { line, column });
  }

  /**
   * The scanners' fast paths: `count` more cameras, one more record, into an
   * entry they found for a record. False (and nothing counted) when the sum
   * would reach SPILL_AT: the caller then takes the general path, add.
   */
  countInto(entry: Entry, count: number): boolean {
    if (entry.count + count >= SPILL_AT) return false;
    entry.count += count;
    entry.records++;
    this.records++;
    return true;
  }

  /** A count above 2^53 (given as text): straight into the bigint part. */
  addBig(key: KeyBuilder, count: bigint, line: number, column?: number): void {
    this.add(key, 0, line, column);
    this.table.get(key.bytes, key.length)!.spilled += count;
  }

  private insert(key: KeyBuilder, count: number, place: RecordPlace): void {
    if (!this.meanings) {
      this.table.set(key.bytes, key.length, {
        count,
        spilled: 0n,
        records: 1,
        segment: [],
        profile: undefined as unknown as Profile,
        first: place,
      });
      return;
    }
    const text = Buffer.from(key.bytes.buffer, key.bytes.byteOffset, key.length).toString('latin1');
    // Fields were copied as read; blanks around them do not matter.
    const parts = this.decodeKey(text);
    // The 0 byte separates a key's fields: one inside a field would shift them.
    if (parts === undefined) throw new RecordError(place, undefined, 'a field contains a NUL character (U+0000)');
    const [segmentText = '', preset = '', rate = '', label = ''] = parts;
    const segment = this.meanings.segmentPath(segmentText);
    if (!Array.isArray(segment)) throw new RecordError(place, segment.field, segment.message);
    const profile = this.meanings.profile(preset, rate, label);
    if ('field' in profile) throw new RecordError(place, profile.field, profile.message);
    this.table.set(key.bytes, key.length, { count, spilled: 0n, records: 1, segment, profile, first: place });
  }

  /** The raw sums, for sending from a worker. */
  raw(): RawEntries {
    const out: RawEntries = { keys: [], counts: [], spilled: [], records: [], first: [] };
    this.table.forEachKey((key, e) => {
      out.keys.push(key);
      out.counts.push(e.count);
      out.spilled.push(e.spilled.toString());
      out.records.push(e.records);
      out.first.push(e.first);
    });
    return out;
  }

  /**
   * Adds a worker's sums, checking each new key as if its first record had
   * been read here; `lineOffset` turns the worker's line numbers into the file's.
   */
  merge(raw: RawEntries, lineOffset: number, onError: (error: RecordError, records: number) => void): void {
    const key = new KeyBuilder();
    for (let i = 0; i < raw.keys.length; i++) {
      const bytes = raw.keys[i]!;
      key.bytes = bytes;
      key.length = bytes.length;
      key.hash = fnv1a(bytes, bytes.length) | 0;
      const first = raw.first[i]!;
      const place = { ...first, line: first.line + lineOffset };
      try {
        this.add(key, raw.counts[i]!, place.line, place.column);
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        onError(error, raw.records[i]!);
        continue;
      }
      const entry = this.table.get(bytes, bytes.length)!;
      entry.spilled += BigInt(raw.spilled[i]!);
      entry.records += raw.records[i]! - 1;
      if (entry.first.line > place.line) entry.first = place;
    }
  }

  /** Every camera the records named, summed exactly. */
  cameras(): bigint {
    let total = 0n;
    for (const e of this.table.values) total += entryCount(e);
    return total;
  }
}

export function entryCount(entry: Entry): bigint {
  return entry.spilled + BigInt(entry.count);
}
