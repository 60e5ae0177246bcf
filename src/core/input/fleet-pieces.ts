/**
 * A large fleet file's camera lists cut out of its text, to be parsed one
 * segment at a time as the reader reaches them (io/fleet-pieces.ts). They are
 * most of a fleet file: JSON.parse of the whole text builds every group's
 * object at once (for 1,000,000 groups a tree of 4.4× the file, all of it
 * copied by the garbage collector), pieces die young.
 *
 * The cut is conservative and proves itself: a list starts after a key
 * written exactly `"cameras"` (no escaped quote before it), a ':' and blanks,
 * and is taken to end at the first ']' after its '[' (`careful`: at the ']'
 * that closes it, strings and nested lists skipped, a walk of every
 * character). If that first ']' sits in a string (a label "pole [3]") or
 * closes a nested list, the piece or the skeleton is not valid JSON: the
 * caller cuts again carefully when the skeleton does not parse (and the
 * careful cut differs), and gives the file to the plain path when a piece
 * does not; a ']' followed by anything but ',' or '}' is looked at carefully here. So when the skeleton and every piece parse, the text is
 * valid JSON and parses to the skeleton with each index replaced by its list.
 */

/** The text with each camera list replaced by its index (0, 1, …), and where list i lies: [starts[i], ends[i]). */
export interface CameraLists {
  readonly skeleton: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const KEY = '"cameras"';
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = 0x5b;
const COMMA = 0x2c;
const CLOSE_OBJECT = 0x7d;
const CLOSE = 0x5d;
const QUOTE = 0x22;

/** Whether a ',' or '}' follows the value ending at `end`: what may follow the value of a key. */
function endsValue(text: string, end: number): boolean {
  const next = text.charCodeAt(skipBlanks(text, end + 1));
  return next === COMMA || next === CLOSE_OBJECT;
}

/** The ']' closing the list whose '[' is at `open` (strings and nested lists skipped), or -1. */
export function listEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN) depth++;
    else if (c === CLOSE && --depth === 0) return i;
  }
  return -1;
}

function skipBlanks(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** The camera lists of `text`, or undefined when it has none or anything about them is unusual (the caller then parses the whole text). */
export function cutCameraLists(text: string, careful = false): CameraLists | undefined {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  let at = text.indexOf(KEY);
  while (at >= 0) {
    if (at > 0 && text.charCodeAt(at - 1) === BACKSLASH) return undefined; // `\"cameras"`: inside a string or key
    let i = skipBlanks(text, at + KEY.length);
    if (text.charCodeAt(i) !== COLON) {
      at = text.indexOf(KEY, at + KEY.length); // "cameras" as a value (a label, a description)
      continue;
    }
    i = skipBlanks(text, i + 1);
    if (text.charCodeAt(i) !== OPEN) return undefined; // not a list: the general reader reports it
    let close = careful ? listEnd(text, i) : text.indexOf(']', i);
    // Not followed by ',' or '}': this ']' was in a label or a nested list (or the text is not JSON).
    if (!careful && close >= 0 && !endsValue(text, close)) close = listEnd(text, i);
    if (close < 0 || !endsValue(text, close)) return undefined;
    parts.push(text.slice(last, i), String(starts.length));
    starts.push(i);
    ends.push(close + 1);
    last = close + 1;
    at = text.indexOf(KEY, last);
  }
  if (starts.length === 0) return undefined;
  parts.push(text.slice(last));
  return { skeleton: parts.join(''), starts, ends };
}
