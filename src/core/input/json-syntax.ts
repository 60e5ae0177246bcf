/**
 * What JSON.parse does not say about a fleet file: where its text first goes
 * wrong (JSON.parse's messages give a position for some errors and quote the
 * whole input for others), and which objects give a key twice (JSON.parse
 * keeps the last silently, so a second "cameras" would drop the first one's
 * cameras). Both walk the text with an explicit stack: nesting costs memory,
 * never stack.
 */
import { printable } from '../diagnostics/printable.js';

export interface JsonSyntaxError {
  /** 0-based offset of the character where the text goes wrong. */
  offset: number;
  message: string;
}

const WHITESPACE = ' \t\n\r';
const LITERAL = /(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/y;

/** Where the scan is: the text, the offset, and the containers open around it ('{' or '['). */
interface Cursor {
  readonly text: string;
  i: number;
  readonly open: string[];
}

/** The first syntax error of text that JSON.parse refused. */
export function locateJsonError(text: string): JsonSyntaxError {
  const at: Cursor = { text, i: 0, open: [] };
  for (;;) {
    const read = readValue(at);
    if (read === OPENED) continue; // a container's first value comes next
    const problem = read ?? afterValue(at);
    if (problem) return problem;
  }
}

function skipWhitespace(at: Cursor): void {
  while (at.i < at.text.length && WHITESPACE.includes(at.text[at.i]!)) at.i++;
}

function describeAt(text: string, offset: number): string {
  return offset >= text.length ? 'end of input' : `'${printable(text[offset]!)}'`;
}

const OPENED = 'opened';

/** One value (undefined), or the opening of a non-empty container and its first key (OPENED), or the problem. */
function readValue(at: Cursor): JsonSyntaxError | typeof OPENED | undefined {
  skipWhitespace(at);
  const { text } = at;
  const c = text[at.i];
  if (c === '{' || c === '[') {
    at.i++;
    skipWhitespace(at);
    if (text[at.i] === (c === '{' ? '}' : ']')) {
      at.i++;
      return undefined;
    }
    at.open.push(c);
    return (c === '{' ? objectKey(at) : undefined) ?? OPENED;
  }
  if (c === '"') {
    const end = stringEnd(text, at.i);
    if (typeof end !== 'number') return end;
    at.i = end;
    return undefined;
  }
  LITERAL.lastIndex = at.i;
  const literal = LITERAL.exec(text);
  if (!literal) return { offset: at.i, message: `unexpected ${describeAt(text, at.i)} (expected a value)` };
  at.i += literal[0].length;
  return undefined;
}

/** After a value: close what it ends, then stop before the next value (after its key in an object). */
function afterValue(at: Cursor): JsonSyntaxError | undefined {
  const { text } = at;
  for (;;) {
    skipWhitespace(at);
    const container = at.open[at.open.length - 1];
    if (container === undefined) {
      const message = at.i < text.length ? `unexpected ${describeAt(text, at.i)} after the end of the JSON value` : 'invalid JSON';
      return { offset: at.i, message };
    }
    const close = container === '{' ? '}' : ']';
    if (text[at.i] === close) {
      at.open.pop();
      at.i++;
      continue;
    }
    if (text[at.i] !== ',') return { offset: at.i, message: `unexpected ${describeAt(text, at.i)} (expected ',' or '${close}')` };
    at.i++;
    skipWhitespace(at);
    if (text[at.i] === close) return { offset: at.i, message: `unexpected '${close}' after ',' (trailing commas are not JSON)` };
    return container === '{' ? objectKey(at) : undefined;
  }
}

/** A key and its ':' at the cursor (which moves past the colon), or the problem. */
function objectKey(at: Cursor): JsonSyntaxError | undefined {
  const { text } = at;
  skipWhitespace(at);
  if (text[at.i] !== '"') return { offset: at.i, message: `unexpected ${describeAt(text, at.i)} (expected a "quoted" key)` };
  const end = stringEnd(text, at.i);
  if (typeof end !== 'number') return end;
  at.i = end;
  skipWhitespace(at);
  if (text[at.i] !== ':') return { offset: at.i, message: `unexpected ${describeAt(text, at.i)} (expected ':' after a key)` };
  at.i++;
  return undefined;
}

/** The offset after the string opening at `start`, or what is wrong inside it. */
function stringEnd(text: string, start: number): number | JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      i++;
      if (!/["\\/bfnrtu]/.test(text[i] ?? '')) return { offset: i, message: 'bad escape in a string' };
    } else if (c < 32) {
      return { offset: i, message: 'unescaped control character or line break in a string' };
    }
  }
  return { offset: text.length, message: 'unterminated string' };
}

export interface DuplicateKey {
  readonly key: string;
  /** Offsets of the key's second and first occurrence (their opening quotes). */
  readonly offset: number;
  readonly firstOffset: number;
}

/**
 * Every key given twice in one object of valid JSON text (JSON.parse has
 * accepted it). Strings are skipped with native searches; only the brackets
 * and the key positions are looked at one by one, so this costs a fraction of
 * JSON.parse on a large fleet file.
 */
export function duplicateKeys(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const structural = /["{}[\]]/g;
  // Per open container: is it an object, and where its keys start in `keys`.
  const frames: Array<{ object: boolean; first: number }> = [];
  const keys: Array<{ start: number; end: number }> = [];
  for (let m = structural.exec(text); m !== null; m = structural.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      frames.push({ object: c === 123, first: keys.length });
    } else if (c === 125 || c === 93) {
      keys.length = frames.pop()?.first ?? 0;
    } else {
      const close = closingQuote(text, i);
      structural.lastIndex = close + 1;
      const frame = frames[frames.length - 1];
      if (!frame?.object || !followedByColon(text, close + 1)) continue;
      const key = { start: i + 1, end: close };
      const earlier = findKey(text, keys, frame.first, key);
      if (earlier !== undefined) found.push({ key: keyText(text, key), offset: i, firstOffset: earlier.start - 1 });
      keys.push(key);
    }
  }
  return found;
}

/** The closing quote of the (valid) string opening at `open`. */
function closingQuote(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
}

function followedByColon(text: string, from: number): boolean {
  let i = from;
  while (WHITESPACE.includes(text[i] ?? '')) i++;
  return text.charCodeAt(i) === 58;
}

function findKey(text: string, keys: ReadonlyArray<{ start: number; end: number }>, first: number, key: { start: number; end: number }) {
  const escaped = hasEscape(text, key);
  for (let k = first; k < keys.length; k++) {
    const other = keys[k]!;
    if (escaped || hasEscape(text, other)) {
      if (keyText(text, other) === keyText(text, key)) return other;
    } else if (sameRange(text, other, key)) {
      return other;
    }
  }
  return undefined;
}

function hasEscape(text: string, key: { start: number; end: number }): boolean {
  for (let i = key.start; i < key.end; i++) if (text.charCodeAt(i) === 92) return true;
  return false;
}

function sameRange(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const length = a.end - a.start;
  if (b.end - b.start !== length) return false;
  for (let i = 0; i < length; i++) if (text.charCodeAt(a.start + i) !== text.charCodeAt(b.start + i)) return false;
  return true;
}

/** A key as its decoded text. */
function keyText(text: string, key: { start: number; end: number }): string {
  return JSON.parse(text.slice(key.start - 1, key.end + 1)) as string;
}
