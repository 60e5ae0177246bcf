/**
 * The text writer of JsonOut (json-out.ts): a report's long arrays written
 * as indented JSON bytes straight from the rows, with no object per element
 * and no JSON.stringify of it. Byte for byte what `JSON.stringify(document,
 * null, 2)` writes of the objects ObjectOut makes from the same faces
 * (test/unit/json-text.test.ts, differential property tests):
 *
 * - strings as json-bytes.ts writes them (plain ASCII copied, anything else
 *   through JSON.stringify);
 * - a number is `String(n)` (what JSON.stringify writes of a finite number,
 *   -0 as 0), NaN and ±Infinity `null`;
 * - a bigint, Mb/s and percentages as digits written from the exact value
 *   when it is small enough to be certain (json-digits.ts), else as
 *   `String(…)` of the value, as ObjectOut's is;
 * - anything `value` is given, JSON.stringify's own text, moved in.
 */
import { formatScaled, toMbpsNumber } from '../core/numbers/rate.js';
import { JsonBytes, type KeyPrefix, keyPrefix, QUOTE } from './json-bytes.js';
import { safeInteger, scalable, writeInteger, writeScaled } from './json-digits.js';
import { unInline } from './json-inline.js';
import type { JsonOut } from './json-out.js';

const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** Keys of one element remembered in order (a segment has some 120): past this, each is looked up. */
const TRACE_KEYS = 4096;

export class TextOut extends JsonBytes implements JsonOut {
  /** Levels of two-space indentation of the members being written. */
  private depth: number;
  /** No member written yet in the object being written: no comma before the next. */
  private first = true;
  /**
   * The key prefixes of the last element, in the order written: the elements of an
   * array mostly write the same keys in the same order, so the next element finds
   * each prefix here (one comparison) rather than by looking the key up.
   */
  private readonly trace: KeyPrefix[] = [];
  private step = 0;

  /** `elementDepth`: the indentation of the elements this writer writes (`element`). */
  constructor(private readonly elementDepth: number) {
    super();
    this.depth = elementDepth;
  }

  /** Text of the document's own (brackets): ASCII only. */
  raw(text: string): void {
    this.ascii(text);
  }

  /** One element of an array at the writer's depth: `{`, the members `write` writes, `}`, after a comma unless `first`. */
  element<T>(item: T, write: (item: T, out: JsonOut) => void, first: boolean): void {
    if (!first) this.byte(COMMA);
    this.newline(this.elementDepth);
    this.byte(OPEN);
    this.depth = this.elementDepth + 1;
    this.first = true;
    this.step = 0;
    write(item, this);
    this.end();
  }

  // string, number, boolean and strings take a value of another type (a model built in code by a library
  // caller, whose fields the types cannot promise) the way ObjectOut does: as JSON.stringify writes it.
  string(key: string, value: string | null): void {
    if (typeof value !== 'string') {
      this.value(key, value);
      return;
    }
    this.key(key);
    this.quoted(value);
  }

  number(key: string, value: number | null): void {
    if (typeof value !== 'number') {
      this.value(key, value);
      return;
    }
    this.key(key);
    this.ascii(Number.isFinite(value) ? String(value) : 'null');
  }

  boolean(key: string, value: boolean): void {
    if (typeof value !== 'boolean') {
      this.value(key, value);
      return;
    }
    this.key(key);
    this.ascii(value ? 'true' : 'false');
  }

  bigint(key: string, value: bigint): void {
    this.key(key);
    const n = safeInteger(value);
    if (Number.isNaN(n)) {
      this.ascii(`"${value}"`);
      return;
    }
    this.room(19);
    const bytes = this.bytes;
    bytes[this.at] = QUOTE;
    const end = writeInteger(bytes, this.at + 1, n);
    bytes[end] = QUOTE;
    this.at = end + 1;
  }

  mbps(key: string, bitsPerSecond: bigint): void {
    this.key(key);
    const n = safeInteger(bitsPerSecond);
    if (!scalable(n, 6)) {
      this.ascii(String(toMbpsNumber(bitsPerSecond)));
      return;
    }
    this.room(24);
    this.at = writeScaled(this.bytes, this.at, n, 6);
  }

  scaled(key: string, value: bigint, places: number): void {
    this.key(key);
    const n = safeInteger(value);
    if (!scalable(n, places)) {
      this.ascii(String(Number(formatScaled(value, 10n ** BigInt(places)))));
      return;
    }
    this.room(24);
    this.at = writeScaled(this.bytes, this.at, n, places);
  }

  strings(key: string, values: readonly string[]): void {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      this.value(key, values);
      return;
    }
    this.key(key);
    if (values.length === 0) {
      this.ascii('[]');
      return;
    }
    this.byte(0x5b);
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.newline(this.depth + 1);
      this.quoted(values[i]!);
    }
    this.newline(this.depth);
    this.byte(0x5d);
  }

  /** inlineText's `["a", "b"]`: each value as JSON.stringify writes it, joined by ", ". */
  inline(key: string, values: readonly (string | number | boolean)[]): void {
    this.key(key);
    this.byte(0x5b);
    for (let i = 0; i < values.length; i++) {
      if (i > 0) this.ascii(', ');
      const value = values[i]!;
      if (typeof value === 'string') this.quoted(value);
      else if (typeof value === 'boolean') this.ascii(value ? 'true' : 'false');
      else this.ascii(Number.isFinite(value) ? String(value) : 'null');
    }
    this.byte(0x5d);
  }

  object(key: string): void {
    this.key(key);
    this.byte(OPEN);
    this.depth++;
    this.first = true;
  }

  end(): void {
    this.depth--;
    if (!this.first) this.newline(this.depth);
    this.byte(CLOSE);
    this.first = false;
  }

  objects<T>(key: string, items: readonly T[], write: (item: T, out: JsonOut) => void): void {
    this.key(key);
    if (items.length === 0) {
      this.ascii('[]');
      return;
    }
    this.byte(0x5b);
    const depth = this.depth;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.newline(depth + 1);
      this.byte(OPEN);
      this.depth = depth + 2;
      this.first = true;
      write(items[i]!, this);
      this.end();
    }
    this.depth = depth;
    this.newline(depth);
    this.byte(0x5d);
  }

  value(key: string, value: unknown): void {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text === undefined) return; // JSON.stringify leaves such a key out (undefined, a function)
    this.key(key);
    const moved = this.depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(this.depth)}`);
    this.utf8(unInline(moved));
  }

  /** `,` unless first, a new line at the depth, `"key": `. */
  private key(key: string): void {
    const step = this.step++;
    let prefix = this.trace[step];
    if (prefix === undefined || prefix.key !== key || prefix.depth !== this.depth || prefix.first !== this.first) {
      prefix = keyPrefix(key, this.depth, this.first);
      if (step < TRACE_KEYS) this.trace[step] = prefix;
    }
    this.first = false;
    this.copy(prefix.bytes);
  }
}
