/**
 * An aggregate as plain data, for a worker thread to send (typed arrays and
 * byte keys: cheap to copy between threads), and merged into another
 * aggregate as if the records behind it had been read there.
 */
import type { InventoryAggregate } from './aggregate.js';
import { fnv1a } from './key-table.js';

export interface RawEntries {
  /** The distinct segment and profile keys, by id. */
  segments: Uint8Array[];
  profiles: Uint8Array[];
  /** Per entry: its segment and profile ids, cameras, records, first record (line as stored, column or -1). */
  segmentOf: Int32Array;
  profileOf: Int32Array;
  counts: Float64Array;
  records: Float64Array;
  firstLine: Float64Array;
  firstColumn: Int32Array;
  /** Entries with a count beyond SPILL_AT: [entry, the part beyond, as decimal text]. */
  spilled: Array<[number, string]>;
}

export function rawOf(aggregate: InventoryAggregate): RawEntries {
  const n = aggregate.size;
  const keys = (table: InventoryAggregate['segments']) => Array.from({ length: table.size }, (_, id) => table.keyAt(id).slice());
  return {
    segments: keys(aggregate.segments),
    profiles: keys(aggregate.profiles),
    segmentOf: aggregate.pairs.segmentOf.slice(0, n),
    profileOf: aggregate.pairs.profileOf.slice(0, n),
    counts: aggregate.counts.slice(0, n),
    records: aggregate.recordsOf.slice(0, n),
    firstLine: aggregate.firstLine.slice(0, n),
    firstColumn: aggregate.firstColumn.slice(0, n),
    spilled: [...aggregate.spilled].map(([e, big]) => [e, big.toString()]),
  };
}

/**
 * Adds `raw`'s entries to `into`, each key checked there as if its first
 * record had been read there (they were checked where they were read, so
 * this finds nothing new; the profile limit counts the union). `lineOf`
 * turns a stored line into the file's.
 */
export function mergeRaw(into: InventoryAggregate, raw: RawEntries, lineOf: (stored: number) => number): void {
  const segmentIds = new Int32Array(raw.segments.length).fill(-1);
  const profileIds = new Int32Array(raw.profiles.length).fill(-1);
  const spilled = new Map(raw.spilled);
  for (let i = 0; i < raw.counts.length; i++) {
    const line = lineOf(raw.firstLine[i]!);
    const column = raw.firstColumn[i]!;
    const rs = raw.segmentOf[i]!;
    const rp = raw.profileOf[i]!;
    if (segmentIds[rs] === -1)
      segmentIds[rs] = into.segmentId(raw.segments[rs]!, fnv1a(raw.segments[rs]!, raw.segments[rs]!.length), line, column);
    if (profileIds[rp] === -1)
      profileIds[rp] = into.profileId(raw.profiles[rp]!, fnv1a(raw.profiles[rp]!, raw.profiles[rp]!.length), line, column);
    const before = into.size;
    const e = into.pairEntry(segmentIds[rs]!, profileIds[rp]!, line, column);
    if (e < before && into.firstLine[e]! > line) {
      into.firstLine[e] = line;
      into.firstColumn[e] = column;
    }
    into.recordsOf[e]! += raw.records[i]!;
    into.addCameras(e, raw.counts[i]!);
    const big = spilled.get(i);
    if (big !== undefined) into.spilled.set(e, (into.spilled.get(e) ?? 0n) + BigInt(big));
  }
}
