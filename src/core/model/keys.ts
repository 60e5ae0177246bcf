/**
 * Map keys made of several texts. Names come from users and may hold any
 * character, U+0000 included (a fleet's segment, recorder or group name, a
 * label, a preset's citation): a key joined with a separator lets a name
 * that holds the separator pass for another tuple ("a\0b" and ["a", "b"]),
 * and then one check, group or flow is read as another. Each text is written
 * after its length instead, so a key is never the key of another tuple.
 */
export type KeyPart = string | number | bigint | boolean | readonly string[];

/** The key of a tuple of texts, numbers and paths (lists of names). */
export function tupleKey(...parts: readonly KeyPart[]): string {
  let key = '';
  for (const part of parts) key += typeof part === 'object' ? pathKey(part) : textKey(String(part));
  return key;
}

/** The key of a path (its names in order). */
export function pathKey(path: readonly string[]): string {
  let key = `${path.length}[`;
  for (const name of path) key += textKey(name);
  return key;
}

function textKey(text: string): string {
  return `${text.length}:${text}`;
}
