/** The sentences only the documents (and the segment table's key) say: the headroom profiles' key, how many more failures, a flat day. */
import type { RenderOptions } from '../view.js';
import { humanCount, humanRate, profileKey } from './quantities.js';

/** Under a segment table whose headroom is in more than one profile: which each key is. */
export function headroomKeySentence(profiles: readonly string[]): string | undefined {
  if (profiles.length < 2) return undefined;
  const keys = profiles.map((name, i) => `(${profileKey(i)}) ${name}`).join(', ');
  return `Headroom: cameras of each segment's most common profile (--as to choose one): ${keys}.`;
}

/** Under a document's first failures: how many more there are, and where they all are. */
export function moreFailuresSentence(more: number): string {
  return `… and ${humanCount(BigInt(more))} more over their limit: every one in --json or --format csv (the segment table lists the worst first).`;
}

/** A day that does not vary: one sentence instead of 24 equal bars. */
export function constantDaySentence(day: { readonly path: string; readonly bitsPerSecond: bigint }, options: RenderOptions): string {
  const where = day.path === '' ? 'between the fleet and the head end' : `on the link of ${day.path}`;
  return `The load is the same at every hour of the day: ${humanRate(day.bitsPerSecond, options)} ${where}.`;
}
