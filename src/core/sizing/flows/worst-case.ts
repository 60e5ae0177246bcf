/**
 * The viewing worst case on one link in one direction: of the streams that
 * could cross it there, the highest-rate ones, as many as the viewers watch.
 * Candidates are kept as levels (streams of one rate, class and, for --flows,
 * source) whose counts add up over a subtree; a fleet has few distinct rates,
 * so a level map stays small however many cameras it stands for.
 */
/** Candidate streams at one level: `units` streams of `weight` b/s each, of one class, from one source. */
export interface Level {
  readonly cls: 'view' | 'relay';
  readonly weight: bigint;
  /** A view's source (a recorder index, HEAD_END or CAMERAS); a relay's recorder (index or HEAD_END). */
  readonly source: number;
  readonly units: bigint;
  /** The first camera group it stands for, in file order: equal rates are taken in that order (--flows says which). */
  readonly order: number;
}

/** Levels by rate, then by a second key (0 for the load; the source for --flows). Map keys compare bigints by value. */
export type Levels = Map<bigint, Map<number, Level>>;

/** The second key of a level: none (the load needs rates only), or its source (which flows, for --flows). */
export type KeyOf = (level: Level) => number;
export const byRate: KeyOf = () => 0;
export const bySource: KeyOf = (l) => l.source;

/** A level as a map holds it: its own copy, added to in place (a million camera groups are a million additions). */
type Held = { -readonly [K in keyof Level]: Level[K] };

export function addLevel(into: Levels, key: number, level: Level, units: bigint): void {
  let byKey = into.get(level.weight);
  if (!byKey) into.set(level.weight, (byKey = new Map()));
  const seen = byKey.get(key) as Held | undefined;
  if (!seen) {
    if (units !== 0n) byKey.set(key, { ...level, units });
    return;
  }
  seen.units += units;
  if (level.order < seen.order) seen.order = level.order;
  if (seen.units !== 0n) return;
  byKey.delete(key);
  if (byKey.size === 0) into.delete(level.weight);
}

export function* levelsOf(levels: Levels | undefined): Generator<Level> {
  if (levels) for (const byKey of levels.values()) yield* byKey.values();
}

const sizeOf = (levels: Levels) => {
  let n = 0;
  for (const byKey of levels.values()) n += byKey.size;
  return n;
};

/** The union of two level maps; the larger is reused (so that merging up a tree costs O(n log n) additions). */
export function mergeLevels(a: Levels | undefined, b: Levels | undefined): Levels | undefined {
  if (!a || !b) return a ?? b;
  const [big, small] = sizeOf(a) >= sizeOf(b) ? [a, b] : [b, a];
  for (const byKey of small.values()) for (const [key, level] of byKey) addLevel(big, key, level, level.units);
  return big;
}

/** `all` less `part` (part ⊆ all), level by level. */
export function complement(all: Levels, part: Levels | undefined): Level[] {
  if (!part || part.size === 0) return [...levelsOf(all)];
  const out: Level[] = [];
  for (const [weight, byKey] of all) {
    const less = part.get(weight);
    for (const [key, level] of byKey) {
      const units = level.units - (less?.get(key)?.units ?? 0n);
      if (units > 0n) out.push({ ...level, units });
    }
  }
  return out;
}

const order = (a: Level, b: Level) =>
  a.weight !== b.weight ? (a.weight > b.weight ? -1 : 1) : a.cls !== b.cls ? (a.cls === 'view' ? -1 : 1) : a.order - b.order;

/**
 * The highest-rate units first: at most `cap` in all and `viewCap` of views (the viewers on the far side
 * of the link watch only so many; relays are fetched for every viewer). Returns the units taken per level.
 */
export function worstCase(levels: Iterable<Level>, cap: bigint, viewCap: bigint): Level[] {
  const taken: Level[] = [];
  let left = cap;
  let viewsLeft = viewCap < cap ? viewCap : cap;
  for (const level of [...levels].sort(order)) {
    if (left === 0n) break;
    const room = level.cls === 'view' && viewsLeft < left ? viewsLeft : left;
    const units = level.units < room ? level.units : room;
    if (units <= 0n) continue;
    taken.push({ ...level, units });
    left -= units;
    if (level.cls === 'view') viewsLeft -= units;
  }
  return taken;
}

export function loadOf(taken: readonly Level[]): bigint {
  let sum = 0n;
  for (const level of taken) sum += level.units * level.weight;
  return sum;
}
