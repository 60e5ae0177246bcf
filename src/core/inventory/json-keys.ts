/**
 * The keys a JSON inventory's records gave, as the report lists them
 * (`inventory.columns`, the stderr note of ignored keys), and the threads'
 * keys put together when a file is read in parts: every thread sends what it
 * met, and the file's keys are theirs in file order, exactly what one thread
 * reading the whole file meets (an adversarial test found the report listing
 * only the main thread's keys, and a --columns mapping met only by another
 * thread refused).
 */
import type { ColumnRead } from './column-plan.js';
import { shownText } from './encoding.js';
import { SLOTS } from './fields.js';

/** The report lists this many keys other than the fields' own names; past them, how many more. */
export const KEYS_LISTED = 100;

/** What one scanner (one thread) met of a file's keys. Plain data: a worker sends it. */
export interface JsonKeysMet {
  /** The fields met by their own names, one bit per slot. */
  seen: number;
  /** Every other key (latin1 of its decoded bytes), in the order first met. */
  keys: string[];
  /** Per key, the slot it was read as (-1: ignored). */
  slots: number[];
  /** Per key, the part of the file it was first met in (0 when the file is read whole): its place in file order. */
  parts: number[];
  /** The explicit mapping's entries (--columns) some key named. */
  mappingMet: number[];
}

/**
 * The threads' keys as one thread reading the whole file meets them: a key's
 * first meeting is the earliest part's (each part is one thread's, read in
 * order, and each thread takes its parts in increasing order), then the
 * order that thread met them in.
 */
export function mergeKeysMet(threads: readonly JsonKeysMet[]): JsonKeysMet {
  const order: Array<{ thread: number; at: number; part: number }> = [];
  threads.forEach((t, thread) => {
    for (let at = 0; at < t.keys.length; at++) order.push({ thread, at, part: t.parts[at]! });
  });
  order.sort((a, b) => a.part - b.part || a.thread - b.thread || a.at - b.at);
  const merged: JsonKeysMet = { seen: 0, keys: [], slots: [], parts: [], mappingMet: [] };
  const known = new Set<string>();
  for (const { thread, at, part } of order) {
    const t = threads[thread]!;
    const key = t.keys[at]!;
    if (known.has(key)) continue;
    known.add(key);
    merged.keys.push(key);
    merged.slots.push(t.slots[at]!);
    merged.parts.push(part);
  }
  const met = new Set<number>();
  for (const t of threads) {
    merged.seen |= t.seen;
    for (const i of t.mappingMet) met.add(i);
  }
  merged.mappingMet = [...met].sort((a, b) => a - b);
  return merged;
}

/**
 * The keys met, as the report lists them: the fields' own names (in the
 * registry's order), then the first 100 other keys in the order first met,
 * each with the field it was read as, or ignored; how many more past them.
 */
export function keysRead(met: JsonKeysMet): { reads: ColumnRead[]; line: number; titles: []; moreKeys?: number } {
  const reads: ColumnRead[] = SLOTS.flatMap((field, slot) => (met.seen & (1 << slot) ? [{ header: field, field }] : []));
  const listed = Math.min(met.keys.length, KEYS_LISTED);
  for (let i = 0; i < listed; i++) {
    const slot = met.slots[i]!;
    reads.push({ header: shownText(met.keys[i]!), field: slot < 0 ? 'ignored' : SLOTS[slot]! });
  }
  const more = met.keys.length - listed;
  return { reads, line: 0, titles: [], ...(more > 0 ? { moreKeys: more } : {}) };
}
