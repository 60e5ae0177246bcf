/**
 * Short arrays written on one line: JSON.stringify puts every array element
 * on a line of its own; an array of 24 hourly values, or a check's path,
 * reads better, and costs a tenth of the bytes, on one line. An object face
 * marks such an array by a string (inlineJson); the JSON renderer turns it
 * back into the array, inline (unInline). The text writer (json-text.ts)
 * writes inlineText itself.
 */

/**
 * The mark holds a number drawn afresh in each process: a name is user text and may hold any
 * characters, so a fixed mark could be written in a fleet file and its "array" put into the
 * report as raw JSON (a segment named with the mark and `"pass", "x": 1` added keys of its own).
 */
const NONCE = Array.from(globalThis.crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('-');
const MARK = `\u0000camsize-inline-${NONCE}\u0000`;
/** The mark as JSON.stringify writes it (a NUL is escaped). */
const WRITTEN_MARK = JSON.stringify(MARK).slice(1, -1);
/** A marked string in the pretty-printed text, and the array's text it holds. */
const MARKED = new RegExp(`"${WRITTEN_MARK.replace(/\\/g, '\\\\')}((?:[^"\\\\]|\\\\.)*)"`, 'g');

/** `["a", "b"]`: each value as JSON writes it, joined by ", " (never a comma inside a name). */
export function inlineText(values: readonly (string | number | boolean)[]): string {
  let text = '[';
  for (let i = 0; i < values.length; i++) text += (i === 0 ? '' : ', ') + JSON.stringify(values[i]);
  return `${text}]`;
}

export function inlineJson(values: readonly (string | number | boolean)[]): string {
  return `${MARK}${inlineText(values)}`;
}

/** The pretty-printed document with each inlined array restored as JSON. */
export function unInline(text: string): string {
  if (!text.includes(WRITTEN_MARK)) return text;
  return text.replace(MARKED, (_match, escaped: string) => JSON.parse(`"${escaped}"`));
}
