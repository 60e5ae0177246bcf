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

/** The first syntax error of text that JSON.parse refused. */
export function locateJsonError(text: string): JsonSyntaxError {
  let i = 0;
  const describe = () => (i >= text.length ? 'end of input' : `'${printable(text[i]!)}'`);
  const fail = (message: string): JsonSyntaxError => ({ offset: i, message });
  const ws = () => {
    while (i < text.length && WHITESPACE.includes(text[i]!)) i++;
  };
  /** The containers open around the value being read: '{' or '['. */
  const open: string[] = [];
  for (;;) {
    // A value.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        open.push(c);
        if (c === '{') {
          const key = objectKey(text, i);
          if ('message' in key)
            return {
              ...key,
              message: key.message === 'key' ? `unexpected ${describeAt(text, key.offset)} (expected a "quoted" key)` : key.message,
            };
          i = key.next;
        }
        continue;
      }
    } else if (c === '"') {
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
    } else {
      LITERAL.lastIndex = i;
      const literal = LITERAL.exec(text);
      if (!literal) return fail(`unexpected ${describe()} (expected a value)`);
      i += literal[0].length;
    }
    // After a value: close containers, or go on to the next item.
    for (;;) {
      ws();
      const container = open[open.length - 1];
      if (container === undefined) {
        return i < text.length ? fail(`unexpected ${describe()} after the end of the JSON value`) : fail('invalid JSON');
      }
      const close = container === '{' ? '}' : ']';
      if (text[i] === close) {
        open.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(`unexpected ${describe()} (expected ',' or '${close}')`);
      i++;
      ws();
      if (text[i] === close) return fail(`unexpected '${close}' after ',' (trailing commas are not JSON)`);
      if (container === '{') {
        const key = objectKey(text, i);
        if ('message' in key)
          return {
            ...key,
            message: key.message === 'key' ? `unexpected ${describeAt(text, key.offset)} (expected a "quoted" key)` : key.message,
          };
        i = key.next;
      }
      break;
    }
  }
}

function describeAt(text: string, offset: number): string {
  return offset >= text.length ? 'end of input' : `'${printable(text[offset]!)}'`;
}

/** A key and its ':' from `start`: the offset after the colon, or the problem (message 'key': not a quoted key). */
function objectKey(text: string, start: number): { next: number } | JsonSyntaxError {
  let i = start;
  while (i < text.length && WHITESPACE.includes(text[i]!)) i++;
  if (text[i] !== '"') return { offset: i, message: 'key' };
  const end = stringEnd(text, i);
  if (typeof end !== 'number') return end;
  i = end;
  while (i < text.length && WHITESPACE.includes(text[i]!)) i++;
  if (text[i] !== ':') return { offset: i, message: `unexpected ${describeAt(text, i)} (expected ':' after a key)` };
  return { next: i + 1 };
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
