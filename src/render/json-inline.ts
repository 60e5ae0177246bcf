/**
 * Short arrays written on one line: JSON.stringify puts every array element
 * on a line of its own; an array of 24 hourly values, or a check's path,
 * reads better, and costs a tenth of the bytes, on one line. An object face
 * marks such an array by a string (inlineJson); the JSON renderer turns it
 * back into the array, inline (unInline). The text writer (json-text.ts)
 * writes inlineText itself.
 */

const MARK = '\u0000camsize-inline\u0000';
/** The mark as JSON.stringify writes it (a NUL is escaped), which no value of camsize's own can hold. */
const WRITTEN_MARK = JSON.stringify(MARK).slice(1, -1);

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
  return text.replace(/"\\u0000camsize-inline\\u0000((?:[^"\\]|\\.)*)"/g, (_match, escaped: string) => JSON.parse(`"${escaped}"`));
}
