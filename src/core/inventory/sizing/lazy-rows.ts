/**
 * A read-only array whose elements are made when read, never held: the
 * segment rows of an inventory with a million segments cost memory only
 * while a renderer writes them (a row is ~0.5 KiB of objects and bigints).
 * It is an Array to every reader (Array.isArray, indexing, length, for…of,
 * the array methods, JSON.stringify, spreading), through a Proxy whose
 * target is an empty array of that length. Reading an element twice makes
 * it twice (equal rows, not the same object); the last one made is kept,
 * for readers that look at one row several times.
 */
export function lazyArray<T>(length: number, make: (index: number) => T): readonly T[] {
  let lastIndex = -1;
  let last: T | undefined;
  const element = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && index < length && String(index) === key ? index : -1;
  };
  const at = (index: number): T => {
    if (index !== lastIndex) {
      last = make(index);
      lastIndex = index;
    }
    return last as T;
  };
  // for…of (every renderer's loop) walks the rows straight, not through the get trap's index
  // parsing twice per element (length, then the index): ~1 s of a 865,000-segment CSV report
  // (bench/RESULTS.md, issue 24, third session).
  function* rows(): Generator<T> {
    for (let i = 0; i < length; i++) yield at(i);
  }
  const target = new Array<T>(length);
  return new Proxy(target, {
    get(t, key, receiver) {
      if (key === Symbol.iterator) return rows;
      const index = element(key);
      return index < 0 ? Reflect.get(t, key, receiver) : at(index);
    },
    has(t, key) {
      return element(key) >= 0 || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const index = element(key);
      if (index < 0) return Reflect.getOwnPropertyDescriptor(t, key);
      return { value: at(index), writable: false, enumerable: true, configurable: true };
    },
    ownKeys(t) {
      return [...Array.from({ length }, (_, i) => String(i)), ...Reflect.ownKeys(t)];
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
