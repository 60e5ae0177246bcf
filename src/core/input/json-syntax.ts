/**
 * What JSON.parse does not say about a fleet file: where its text first goes
 * wrong (JSON.parse's messages give a position for some errors and quote the
 * whole input for others). Which objects give a key twice is json-duplicates.ts.
 * The text is walked with an explicit stack: nesting costs memory, never stack.
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
