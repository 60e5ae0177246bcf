/**
 * A quick proof that valid JSON text gives no key twice in one object, so
 * that the full scan (json-syntax.ts duplicateKeys, a walk of every
 * character) runs only when it may find something. JSON.parse keeps one
 * property per distinct key, so the parsed value has as many keys as the
 * text exactly when no object repeats one; every key in the text is
 * followed by a ':', and a ':' elsewhere can only sit inside a string. So if
 * the text holds no more ':' than the value has keys, nothing is repeated.
 * A ':' inside a string (a URL, a time of day) only sends the file to the
 * full scan. test/unit/json-duplicates.test.ts checks both.
 */

/** False only when `value`, parsed from `text` by JSON.parse, certainly came from text without a repeated key. */
export function mayRepeatKeys(text: string, value: unknown): boolean {
  return colons(text) > ownKeys(value);
}

/** The ':' in `text`. */
export function colons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/** The own keys of every object in a parsed JSON value (iteratively: JSON can be deep). */
export function ownKeys(root: unknown): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) stack.push(item);
      }
      continue;
    }
    for (const key in value) {
      // Own keys only: an enumerable key added to Object.prototype must not count.
      if (!Object.hasOwn(value, key)) continue;
      n++;
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) stack.push(item);
    }
  }
  return n;
}
