/**
 * Where a JSON face writes: the members of one object, key by key, in the
 * order the face calls. Two implementations: `ObjectOut` makes plain objects
 * (the library's and the tests' documents, `JSON.stringify` of which is the
 * plain path), and `TextOut` (json-text.ts) writes the indented text of a
 * report's long arrays straight from the rows, byte for byte what
 * `JSON.stringify(document, null, 2)` writes of those objects
 * (bench/RESULTS.md, "Fleet `--json` written without objects"). A face says
 * each key and value shape once, for both.
 *
 * Keys are the code's own words, never user text (a name is a value).
 */
import { formatScaled, toMbpsNumber } from '../core/numbers/rate.js';
import { inlineJson } from './json-inline.js';

export interface JsonOut {
  /** A string, or null. */
  string(key: string, value: string | null): void;
  /** A number as JSON writes it (NaN and ±Infinity as null), or null. */
  number(key: string, value: number | null): void;
  boolean(key: string, value: boolean): void;
  /** An exact integer as its decimal string ("123"). */
  bigint(key: string, value: bigint): void;
  /** A rate in b/s as the convenience number of Mb/s (`toMbpsNumber`), which may round above 2^53 b/s. */
  mbps(key: string, bitsPerSecond: bigint): void;
  /** The number nearest `value` ÷ 10^places (`Number(formatScaled(value, 10^places))`): a percentage from basis points. */
  scaled(key: string, value: bigint, places: number): void;
  /** An array of strings, one per line. */
  strings(key: string, values: readonly string[]): void;
  /** An array of scalars on one line (`["a", "b"]`): inlineJson's text. */
  inline(key: string, values: readonly (string | number | boolean)[]): void;
  /** An object under `key`: its members are the calls up to the matching `end()`. */
  object(key: string): void;
  end(): void;
  /** An array of objects, each written by `write`. */
  objects<T>(key: string, items: readonly T[], write: (item: T, out: JsonOut) => void): void;
  /** Anything else, as `JSON.stringify` writes it (left out when undefined): the slow path, for rare values. */
  value(key: string, value: unknown): void;
}

/** What a face writes into: a row's members, or a value's. */
export type JsonWrite<Row> = (row: Row, out: JsonOut) => void;

/** Keys an object keeps in numeric order ahead of the others (array indices). */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** Makes plain objects: the document `JSON.stringify` writes in the plain path. */
export class ObjectOut implements JsonOut {
  private readonly outer: Record<string, unknown>[] = [];

  constructor(private current: Record<string, unknown> = {}) {}

  /** The object written so far (the outermost). */
  get result(): Record<string, unknown> {
    return this.outer[0] ?? this.current;
  }

  private set(key: string, value: unknown): void {
    // A key written twice would be one key here and two in the text, and an object puts keys such as "1" before
    // the others: a face's mistake either way, caught by every test.
    if (Object.hasOwn(this.current, key)) throw new Error(`JSON key written twice: ${key}`);
    if (ARRAY_INDEX.test(key)) throw new Error(`JSON key that an object would put first: ${key}`);
    this.current[key] = value;
  }

  string(key: string, value: string | null): void {
    this.set(key, value);
  }
  number(key: string, value: number | null): void {
    this.set(key, value);
  }
  boolean(key: string, value: boolean): void {
    this.set(key, value);
  }
  bigint(key: string, value: bigint): void {
    this.set(key, value.toString());
  }
  mbps(key: string, bitsPerSecond: bigint): void {
    this.set(key, toMbpsNumber(bitsPerSecond));
  }
  scaled(key: string, value: bigint, places: number): void {
    this.set(key, Number(formatScaled(value, 10n ** BigInt(places))));
  }
  strings(key: string, values: readonly string[]): void {
    this.set(key, Array.isArray(values) ? [...values] : values); // a model built in code may hold anything here
  }
  inline(key: string, values: readonly (string | number | boolean)[]): void {
    this.set(key, inlineJson(values));
  }
  object(key: string): void {
    const inner: Record<string, unknown> = {};
    this.set(key, inner);
    this.outer.push(this.current);
    this.current = inner;
  }
  end(): void {
    const outer = this.outer.pop();
    if (!outer) throw new Error('JSON end() without object()');
    this.current = outer;
  }
  objects<T>(key: string, items: readonly T[], write: (item: T, out: JsonOut) => void): void {
    this.set(
      key,
      items.map((item) => objectOf(write, item)),
    );
  }
  value(key: string, value: unknown): void {
    this.set(key, value);
  }
}

/** The object a face writes for `row`. */
export function objectOf<Row>(write: JsonWrite<Row>, row: Row): Record<string, unknown> {
  const out = new ObjectOut();
  write(row, out);
  return out.result;
}

/**
 * A face from a function that returns an object, for faces that run a few
 * times per report (totals, a timeline): each member goes to `value`.
 */
export function fields<Row>(members: (row: Row) => Record<string, unknown>): JsonWrite<Row> {
  return (row, out) => {
    for (const [key, value] of Object.entries(members(row))) out.value(key, value);
  };
}
