/**
 * A table's entry for a word the user wrote. `table[word]` on a plain object
 * also finds what every object inherits: `constructor`, `toString`,
 * `__proto__`… (issue 22: `--scene __proto__` was an internal error). Every
 * lookup of user text in an object goes through here, or uses a Map.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
