/**
 * Seeded mutations of JSON documents, for fuzz tests of the file readers:
 * values replaced by others of any type, keys deleted, renamed, duplicated
 * (written twice, which JSON.stringify cannot do), arrays grown and shrunk,
 * subtrees nested thousands of levels deep, numbers written as raw text
 * (1e400, -0, 9007199254740993), and then the bytes themselves cut, spliced
 * with control characters or invalid UTF-8, prefixed with a byte-order mark
 * or re-encoded as UTF-16.
 */
import fc from 'fast-check';

/** A number written as this exact text (JSON.stringify would round or refuse it). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** Keys an object writes a second time, with this value. */
const DUPLICATES = new WeakMap<object, Array<[string, unknown]>>();

export type Mutation =
  | { kind: 'replace' | 'add'; node: number; key: number; value: unknown }
  | { kind: 'delete' | 'rename' | 'duplicate' | 'grow'; node: number; key: number; name: string }
  | { kind: 'nest'; node: number; key: number; depth: number };

export type ByteMutation =
  | { kind: 'none' }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; bytes: readonly number[] }
  | { kind: 'bom' }
  | { kind: 'utf16' };

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  new RawNumber('1e400'),
  new RawNumber('-0'),
  new RawNumber('9007199254740993'),
  new RawNumber('1E-400'),
  new RawNumber('123456789012345678901234567890'),
  '',
  ' ',
  '0x10',
  '1e-400',
  '-5',
  'x\u0000y',
  'a\nb',
  '\u001b[2J',
  '\u202eevil',
  '\ud800',
  'é中文😀',
  'x'.repeat(3000),
  '4Mb/s',
  '1Gb/s',
  '30d',
  '720p30',
  'motion:40',
  '70%',
  '1e100TB',
  '1e-400Mb/s',
  '1E+999GB',
  [],
  [1, 'a', null],
  {},
  { name: 'n', cameras: [{ preset: '720p30', count: 1 }] },
  { preset: '4k30', count: 2 },
  { streams: 3, bitrate: '2Mb/s' },
  { nightStart: 25, nightHours: -1 },
  { rate: 'x2', duty: 0 },
];

const NAMES = [
  'name',
  'count',
  'preset',
  'bitrate',
  'link',
  'cameras',
  'segments',
  'night',
  'events',
  '__proto__',
  'constructor',
  'Name',
  'coutn',
  '',
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), node: fc.nat(), key: fc.nat(), value: fc.constantFrom(...HOSTILE_VALUES) }),
  fc.record({ kind: fc.constant('add' as const), node: fc.nat(), key: fc.nat(), value: fc.constantFrom(...HOSTILE_VALUES) }),
  fc.record({
    kind: fc.constantFrom('delete' as const, 'rename' as const, 'duplicate' as const, 'grow' as const),
    node: fc.nat(),
    key: fc.nat(),
    name: fc.constantFrom(...NAMES),
  }),
  fc.record({ kind: fc.constant('nest' as const), node: fc.nat(), key: fc.nat(), depth: fc.constantFrom(3, 50, 999, 1000, 1001, 4000) }),
);

export const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      at: fc.nat(),
      bytes: fc.constantFrom(
        [0],
        [0x1b],
        [0x0a],
        [0xe9],
        [0xc0, 0xaf],
        [0xff, 0xfe],
        [0xef, 0xbb, 0xbf],
        [0x2c],
        [0x22],
        [0x5d, 0x7d],
        [0xed, 0xa0, 0x80],
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom({ kind: 'bom' as const }, { kind: 'utf16' as const }) },
);

type Container = Record<string, unknown> | unknown[];

/** Every object and array in the document, in pre-order (walked with a stack). */
function containers(root: unknown): Container[] {
  const found: Container[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || value instanceof RawNumber) continue;
    found.push(value as Container);
    stack.push(...Object.values(value as object));
  }
  return found;
}

/** A value nested `depth` levels: segments inside segments, as a tree would be. */
function nested(inner: unknown, depth: number): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = { name: `d${i}`, segments: [value] };
  return value;
}

/** A copy of a pool value: later mutations must not change the pool (or make it hold itself). */
function fresh(value: unknown): unknown {
  return value instanceof RawNumber || typeof value !== 'object' || value === null ? value : structuredClone(value);
}

/** Applies the mutations in order to a copy of `doc`. */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  const root = { doc: structuredClone(doc) };
  for (const m of mutations) {
    const all = containers(root);
    const node = all[m.node % all.length]!;
    const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
    const key = keys.length === 0 ? undefined : keys[m.key % keys.length]!;
    const record = node as Record<string, unknown>;
    switch (m.kind) {
      case 'replace':
        if (key !== undefined) record[key] = fresh(m.value);
        break;
      case 'add':
        if (Array.isArray(node)) node.push(fresh(m.value));
        else record[`k${m.key % 7}`] = fresh(m.value);
        break;
      case 'delete':
        if (key === undefined) break;
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete record[key];
        break;
      case 'rename':
        if (key === undefined || Array.isArray(node)) break;
        Object.defineProperty(record, m.name, { value: record[key], enumerable: true, writable: true, configurable: true });
        if (m.name !== key) delete record[key];
        break;
      case 'duplicate':
        if (key === undefined || Array.isArray(node)) break;
        // The same value written again (shared, not copied: a copy of a deep subtree would recurse).
        DUPLICATES.set(node, [...(DUPLICATES.get(node) ?? []), [key, record[key]]]);
        break;
      case 'grow':
        if (Array.isArray(node) && node.length > 0) node.push(...node.slice(0, 3));
        break;
      case 'nest':
        if (key !== undefined) record[key] = nested(record[key], m.depth);
        break;
    }
  }
  return root.doc;
}

/** Text writeJson emits between values (a bracket, a comma, a key). */
class Punctuation {
  constructor(readonly text: string) {}
}

/** JSON text with the duplicate keys and raw numbers the mutations asked for (iterative: any depth). */
export function writeJson(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Punctuation || item instanceof RawNumber) out.push(item.text);
    else if (Array.isArray(item)) {
      out.push('[');
      stack.push(new Punctuation(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i]);
        if (i > 0) stack.push(new Punctuation(','));
      }
    } else if (typeof item === 'object' && item !== null) {
      const entries: Array<[string, unknown]> = [...Object.entries(item), ...(DUPLICATES.get(item) ?? [])];
      out.push('{');
      stack.push(new Punctuation('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        stack.push(v);
        stack.push(new Punctuation(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`));
      }
    } else out.push(item === undefined ? 'null' : JSON.stringify(item));
  }
  return out.join('');
}

/** The bytes of the text after a byte-level mutation. */
export function mutateBytes(text: string, m: ByteMutation): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  switch (m.kind) {
    case 'none':
      return bytes;
    case 'cut':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'splice': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}
