/**
 * Which objects of a fleet file give a key twice: JSON.parse keeps the last
 * silently, so a second "cameras" would drop the first one's cameras
 * (key-count.ts proves most files free of them without this scan). The text
 * is walked with an explicit stack: nesting costs memory, never stack.
 */

export interface DuplicateKey {
  readonly key: string;
  /** Offsets of the key's second and first occurrence (their opening quotes). */
  readonly offset: number;
  readonly firstOffset: number;
}

/**
 * Every key given twice in one object of valid JSON text (JSON.parse has
 * accepted it). One pass of char codes with no allocation per string: the
 * open containers and the keys of the open objects live in typed arrays, so
 * this costs a fraction of JSON.parse on a large fleet file (bench/RESULTS.md).
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const n = text.length;
  // Per open container: 1 for an object, 0 for an array, and where its keys start in the key stack.
  let kinds = new Uint8Array(64);
  let firsts = new Int32Array(64);
  let depth = 0;
  // The keys of every open object, as [start, end) of their text.
  let starts = new Int32Array(256);
  let ends = new Int32Array(256);
  let keys = 0;
  // The next backslash (only strings hold one): a string before it ends at the next quote, found by indexOf.
  let backslash = nextBackslash(text, 0);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let j = text.indexOf('"', i + 1);
      let escaped = false;
      if (backslash < j) {
        escaped = true;
        j = escapedStringEnd(text, i);
        backslash = nextBackslash(text, j);
      }
      if (depth > 0 && kinds[depth - 1] === 1 && followedByColon(text, j + 1)) {
        const earlier = findKey(text, starts, ends, firsts[depth - 1]!, keys, i + 1, j, escaped);
        if (earlier >= 0) found.push({ key: keyText(text, i + 1, j), offset: i, firstOffset: starts[earlier]! - 1 });
        if (keys === starts.length) [starts, ends] = [grown(starts), grown(ends)];
        starts[keys] = i + 1;
        ends[keys++] = j;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      if (depth === kinds.length) [kinds, firsts] = [grownBytes(kinds), grown(firsts)];
      kinds[depth] = c === 123 ? 1 : 0;
      firsts[depth++] = keys;
    } else if (c === 125 || c === 93) {
      keys = firsts[--depth]!;
    }
  }
  return found;
}

function nextBackslash(text: string, from: number): number {
  const at = text.indexOf('\\', from);
  return at < 0 ? text.length : at;
}

/** The offset of the closing quote of the string opening at `start`, which holds an escape. */
function escapedStringEnd(text: string, start: number): number {
  let j = start + 1;
  for (let d = text.charCodeAt(j); d !== 34; d = text.charCodeAt(++j)) if (d === 92) j++;
  return j;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function grownBytes(a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}

function followedByColon(text: string, from: number): boolean {
  let i = from;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
  return c === 58;
}

/** The index in the key stack of an earlier key of the same object equal to text[start, end), or -1. */
function findKey(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  first: number,
  last: number,
  start: number,
  end: number,
  escaped: boolean,
): number {
  const length = end - start;
  for (let k = first; k < last; k++) {
    const s = starts[k]!;
    const e = ends[k]!;
    if (escaped || hasEscape(text, s, e)) {
      if (keyText(text, s, e) === keyText(text, start, end)) return k;
    } else if (e - s === length && sameText(text, s, start, length)) {
      return k;
    }
  }
  return -1;
}

function hasEscape(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** A key as its decoded text. */
function keyText(text: string, start: number, end: number): string {
  return JSON.parse(text.slice(start - 1, end + 1)) as string;
}
