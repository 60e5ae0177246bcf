/**
 * A JSON document written a part at a time, byte for byte what
 * `JSON.stringify(document, null, 2)` writes, so that a report of 100,000
 * segments (330 MB of JSON) never exists as one object tree or one string:
 * its long arrays are `JsonElements`, whose elements the text writer
 * (json-text.ts) writes straight from the rows through the columns' JSON
 * faces, with no object per element (bench/RESULTS.md, "Fleet `--json`
 * written without objects"). The rest of the document is small and goes
 * through JSON.stringify.
 */
import { unInline } from './json-inline.js';
import { type JsonWrite, objectOf } from './json-out.js';
import { TextOut } from './json-text.js';

/** Text is handed on once this many bytes (or UTF-16 units, between the arrays) have gathered. */
export const JSON_CHUNK = 1 << 16;

/**
 * An array of the document made one element at a time, from `items`: each
 * element an object whose members `write` writes. Its `toJSON` makes the
 * whole array of objects, so `JSON.stringify` of a document holding one
 * writes what the parts do (the differential tests compare the two).
 */
export class JsonElements<T> {
  constructor(
    readonly items: readonly T[],
    readonly write: JsonWrite<T>,
  ) {}

  toJSON(): unknown[] {
    return this.items.map((item) => objectOf(this.write, item));
  }
}

/** A part of the text: a string, or (jsonByteChunks) the text writer's bytes, valid until the next part. */
type Part = string | Uint8Array;

const ENCODER = new TextEncoder();
const LINE_BREAK = ENCODER.encode('\n');

/**
 * The document's text as UTF-8 bytes in parts, in order, ending with a line break: the long arrays' parts
 * are the text writer's buffer, each valid only until the next is asked for (the bin writes it at once).
 */
export function* jsonByteChunks(document: object, chunk = JSON_CHUNK): Generator<Uint8Array> {
  for (const part of valueParts(document, 0, chunk, true)) yield typeof part === 'string' ? ENCODER.encode(part) : part;
  yield LINE_BREAK;
}

/** The document's text in parts, in order, ending with a line break: joined, `${JSON.stringify(document, null, 2)}\n`. */
export function* jsonChunks(document: object, chunk = JSON_CHUNK): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const part of valueParts(document, 0, chunk, false) as Generator<string>) {
    if (part.length >= chunk) {
      // A part long enough on its own goes as it is: joining it would copy it once more.
      if (pending.length > 0) yield pending.join('');
      pending = [];
      length = 0;
      yield part;
      continue;
    }
    pending.push(part);
    length += part.length;
    if (length >= chunk) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  pending.push('\n');
  yield pending.join('');
}

/**
 * The parts of a value at `depth` (levels of two-space indentation). The
 * document's own shape decides the depth (a report's objects nest a fixed few
 * levels), never the user's input, so the recursion is bounded.
 */
function* valueParts(value: unknown, depth: number, chunk: number, bytes: boolean): Generator<Part> {
  if (value instanceof JsonElements) yield* elementParts(value, depth, chunk, bytes);
  else if (holdsElements(value)) yield* objectParts(value, depth, chunk, bytes);
  else yield unInline(indented(JSON.stringify(value, null, 2), depth));
}

/** A plain object with JsonElements somewhere inside it: written key by key. Anything else is stringified whole. */
function holdsElements(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'toJSON' in value) return false;
  return Object.values(value).some((v) => v instanceof JsonElements || holdsElements(v));
}

function* objectParts(object: Record<string, unknown>, depth: number, chunk: number, bytes: boolean): Generator<Part> {
  const inner = '  '.repeat(depth + 1);
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(object)) {
    const streamed = value instanceof JsonElements || holdsElements(value);
    // JSON.stringify leaves out a key whose value it cannot write (undefined, a function).
    const text = streamed ? '' : JSON.stringify(value, null, 2);
    if (text === undefined) continue;
    yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    if (streamed) yield* valueParts(value, depth + 1, chunk, bytes);
    else yield unInline(indented(text, depth + 1));
  }
  yield first ? '}' : `\n${'  '.repeat(depth)}}`;
}

/** The array's text, `[` to `]`, in parts of about `chunk` bytes, each ending after an element. */
function* elementParts<T>(elements: JsonElements<T>, depth: number, chunk: number, bytes: boolean): Generator<Part> {
  const { items, write } = elements;
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const out = new TextOut(depth + 1);
  out.raw('[');
  for (let i = 0; i < items.length; i++) {
    out.element(items[i]!, write, i === 0);
    if (out.length >= chunk) yield bytes ? out.view() : out.take();
  }
  out.raw(`\n${'  '.repeat(depth)}]`);
  yield bytes ? out.view() : out.take();
}

/** A value's pretty-printed text moved `depth` levels in (a string's line breaks are escaped, so every '\n' starts a line). */
function indented(text: string, depth: number): string {
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
