/**
 * duplicateKeys (src/core/input/json-syntax.ts) skips strings with indexOf up
 * to the next backslash and walks escaped strings character by character.
 * Checked against what the generator knows it wrote: JSON text of nested
 * objects and arrays whose keys repeat, spelled plainly or with escapes (so
 * the same key can look different, and a quote or backslash can sit inside),
 * with every key's offset recorded as it is written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DuplicateKey, duplicateKeys } from '../../src/core/input/json-duplicates.js';
import { mayRepeatKeys } from '../../src/core/input/key-count.js';

type Node = { kind: 'object'; pairs: Array<[string, number, Node]> } | { kind: 'array'; items: Node[] } | { kind: 'value'; text: string };

const KEYS = ['a', 'b', 'count', 'a"b', 'a\\b', 'é', 'preset', '', 'a:b'];
/** A key's text as JSON: plain, or with its first character as a \u escape. */
const spell = (key: string, variant: number) =>
  variant === 0 || key === ''
    ? JSON.stringify(key)
    : `"\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${JSON.stringify(key).slice(2)}`;
const VALUES = ['"10:00"', '1', '"x"', '"a\\"b"', '"\\\\"', 'null', '"preset"', '"}{]["', '-2.5e3', 'true'];

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthIdentifier: 'n', maxDepth: 4 },
    { weight: 2, arbitrary: fc.constantFrom(...VALUES).map((text) => ({ kind: 'value' as const, text })) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.constantFrom(...KEYS), fc.nat(1), tie('node')), { maxLength: 5 })
        .map((pairs) => ({ kind: 'object' as const, pairs })),
    },
    { weight: 1, arbitrary: fc.array(tie('node'), { maxLength: 4 }).map((items) => ({ kind: 'array' as const, items })) },
  ),
})).node;

/** A key still to write, with the keys its object has had so far (key → offset of its first spelling). */
type KeyToWrite = { kind: 'key'; key: string; spelled: string; seen: Map<string, number> };

/** The text, and the duplicates in it as the generator placed them (iteratively: a stack of what to write). */
function write(root: Node, space: string): { text: string; expected: DuplicateKey[]; keys: number } {
  let text = '';
  let keys = 0;
  const expected: DuplicateKey[] = [];
  const todo: Array<string | Node | KeyToWrite> = [root];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (typeof next === 'string') text += next;
    else if (next.kind === 'value') text += next.text;
    else if (next.kind === 'key') {
      keys++;
      const first = next.seen.get(next.key);
      if (first === undefined) next.seen.set(next.key, text.length);
      else expected.push({ key: next.key, offset: text.length, firstOffset: first });
      text += next.spelled;
    } else if (next.kind === 'array') {
      text += `[${space}`;
      const parts: Array<string | Node> = [];
      next.items.forEach((item, i) => {
        if (i > 0) parts.push(`,${space}`);
        parts.push(item);
      });
      todo.push(`${space}]`, ...parts.reverse());
    } else {
      text += `{${space}`;
      const seen = new Map<string, number>();
      const parts: Array<string | Node | KeyToWrite> = [];
      next.pairs.forEach(([key, variant, value], i) => {
        if (i > 0) parts.push(`,${space}`);
        parts.push({ kind: 'key', key, spelled: spell(key, variant), seen }, `${space}:${space}`, value);
      });
      todo.push(`${space}}`, ...parts.reverse());
    }
  }
  return { text, expected, keys };
}

describe('duplicateKeys', () => {
  it('finds every key given twice in one object, and nothing else, however keys and strings are spelled', () => {
    let withDuplicates = 0;
    let proved = 0;
    fc.assert(
      fc.property(node, fc.constantFrom('', ' ', '\n  '), (root, space) => {
        const { text, expected, keys } = write(root, space);
        const value: unknown = JSON.parse(text); // valid JSON, as duplicateKeys requires
        expect(duplicateKeys(text)).toEqual(expected);
        // The quick proof never hides a repeated key, and proves the rest when no ':' sits inside a string.
        if (expected.length > 0) expect(mayRepeatKeys(text, value)).toBe(true);
        const colonsInText = text.split(':').length - 1;
        if (expected.length === 0 && colonsInText === keys) {
          expect(mayRepeatKeys(text, value)).toBe(false);
          if (keys > 0) proved++;
        }
        if (expected.length > 0) withDuplicates++;
      }),
      { numRuns: 2000 },
    );
    expect(withDuplicates).toBeGreaterThan(200);
    expect(proved).toBeGreaterThan(100);
  });

  it('the quick proof sends a file with a colon inside a string to the full scan, and counts own keys only', () => {
    const text = '{"$schema":"https://example.com/fleet.schema.json","a":1,"a":2}';
    expect(mayRepeatKeys(text, JSON.parse(text))).toBe(true);
    expect(duplicateKeys(text)).toEqual([{ key: 'a', offset: 57, firstOffset: 51 }]);
    expect(mayRepeatKeys('{"a":1,"b":[{"c":{}}]}', JSON.parse('{"a":1,"b":[{"c":{}}]}'))).toBe(false);
    expect(mayRepeatKeys('{"__proto__":1,"__proto__":2}', JSON.parse('{"__proto__":1,"__proto__":2}'))).toBe(true);
  });

  it('an escaped quote or backslash does not end a string early', () => {
    expect(duplicateKeys('{"a\\"":1,"b":"\\\\","a\\"":2}')).toEqual([{ key: 'a"', offset: 18, firstOffset: 1 }]);
    expect(duplicateKeys('{"x":"\\\\\\"{","x":1}')).toEqual([{ key: 'x', offset: 13, firstOffset: 1 }]);
  });
});
