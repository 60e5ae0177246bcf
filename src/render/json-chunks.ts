/**
 * A JSON document written a part at a time, byte for byte what
 * `JSON.stringify(document, null, 2)` writes, so that a report of 100,000
 * segments (278 MB of JSON) never exists as one object tree or one string:
 * its long arrays are `JsonElements`, made a batch of elements at a time,
 * stringified and let go (bench/RESULTS.md, "Fleet file": stringifying the
 * whole document and collecting its objects took most of `--json`'s time).
 */

/** Elements stringified at once: few enough that their objects die young, enough that JSON.stringify does most of the work. */
export const JSON_BATCH = 16;

/** Text is handed on once this many UTF-16 units have gathered (the keys between the arrays are short: one write, not dozens). */
export const JSON_CHUNK = 1 << 15;

/**
 * An array of the document made one element at a time, from `items`. Its
 * `toJSON` makes the whole array, so `JSON.stringify` of a document holding
 * one writes what the parts do (the differential test compares the two).
 */
export class JsonElements<T> {
  constructor(
    readonly items: readonly T[],
    readonly element: (item: T) => unknown,
  ) {}

  toJSON(): unknown[] {
    return this.items.map((item) => this.element(item));
  }
}

/** The document's text in parts, in order, ending with a line break: joined, `${JSON.stringify(document, null, 2)}\n`. */
export function* jsonChunks(document: object, batch = JSON_BATCH, chunk = JSON_CHUNK): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const part of valueParts(document, 0, batch)) {
    if (part.length >= chunk) {
      // A batch long enough on its own goes as it is: joining it would copy it once more.
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
function* valueParts(value: unknown, depth: number, batch: number): Generator<string> {
  if (value instanceof JsonElements) yield* elementParts(value, depth, batch);
  else if (holdsElements(value)) yield* objectParts(value, depth, batch);
  else yield indented(JSON.stringify(value, null, 2), depth);
}

/** A plain object with JsonElements somewhere inside it: written key by key. Anything else is stringified whole. */
function holdsElements(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'toJSON' in value) return false;
  return Object.values(value).some((v) => v instanceof JsonElements || holdsElements(v));
}

function* objectParts(object: Record<string, unknown>, depth: number, batch: number): Generator<string> {
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
    if (streamed) yield* valueParts(value, depth + 1, batch);
    else yield indented(text, depth + 1);
  }
  yield first ? '}' : `\n${'  '.repeat(depth)}}`;
}

/**
 * Each batch is stringified inside `depth` arrays, which puts its elements at
 * their indentation in the document, and the part is cut out of that text
 * with what goes before it: the first batch's from its array's '[', each
 * later one's from after a 0 put before its elements, so the cut starts with
 * ",\n". The part is then a slice of JSON.stringify's string, never a copy.
 */
function* elementParts<T>(elements: JsonElements<T>, depth: number, batch: number): Generator<string> {
  const { items, element } = elements;
  if (items.length === 0) {
    yield '[]';
    return;
  }
  let head = '';
  let tail = '';
  for (let level = 0; level <= depth; level++) {
    head += `${'  '.repeat(level)}[\n`;
    tail = `\n${'  '.repeat(level)}]${tail}`;
  }
  for (let from = 0; from < items.length; from += batch) {
    const made = items.slice(from, from + batch).map(element);
    let wrapped: unknown = from === 0 ? made : [0, ...made];
    for (let level = 0; level < depth; level++) wrapped = [wrapped];
    const text = JSON.stringify(wrapped, null, 2);
    // '[\n' ends the head; after it, a later batch has its 0, indented as its elements are.
    yield text.slice(from === 0 ? head.length - 2 : head.length + 2 * (depth + 1) + 1, text.length - tail.length);
  }
  yield `\n${'  '.repeat(depth)}]`;
}

/** A value's pretty-printed text moved `depth` levels in (a string's line breaks are escaped, so every '\n' starts a line). */
function indented(text: string, depth: number): string {
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
