/**
 * The library's arguments checked before anything reads them: a setting object
 * that is not one, a setting camsize does not know (with a did-you-mean), a
 * value of a type the setting never takes (`capacity: 1e9` has no unit). Each
 * is a UsageError (code 'USAGE') naming the call and the setting, never a
 * TypeError from deep inside. Keys are looked up with Object.hasOwn, so
 * `__proto__` and `constructor` are settings like any other unknown one.
 */
import { UsageError } from '../core/diagnostics/errors.js';
import { printable } from '../core/diagnostics/printable.js';
import { closest } from '../core/diagnostics/suggest.js';

/** What a setting may be given as. */
export type Kind =
  | 'text'
  | 'text-or-number'
  | 'text-or-bigint'
  | 'text-or-list'
  | 'text-list'
  | 'number'
  | 'boolean'
  | 'text-or-true'
  | 'object'
  | 'text-or-object'
  | 'catalog'
  | 'signal'
  | 'function'
  | 'text-or-date';

const SAID: Record<Kind, string> = {
  text: 'text',
  'text-or-number': 'text or a number',
  'text-or-bigint': 'text with a unit or a bigint',
  'text-or-list': 'text or a list of text',
  'text-list': 'a list of text',
  number: 'a number',
  boolean: 'true or false',
  'text-or-true': 'true or text',
  object: 'a plain object ({ … })',
  'text-or-object': 'text or an object',
  catalog: 'a catalog from loadCatalog()',
  signal: 'an AbortSignal',
  function: 'a function',
  'text-or-date': 'a Date or ISO 8601 text',
};

/** A value's type in words: "a number (1000000000)", "null", "an array". */
export function described(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'number':
      return `a number (${value})`;
    case 'bigint':
      return `a bigint (${value}n)`;
    case 'string':
      return `text ('${printable(value, 60)}')`;
    case 'object': {
      const made = isPlainObject(value)
        ? undefined
        : (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } }).constructor?.name;
      return typeof made === 'string' && made !== '' ? `an instance of ${printable(made, 40)}` : 'an object';
    }
    default:
      return `a ${typeof value}`;
  }
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'text-or-number':
      return typeof value === 'string' || typeof value === 'number';
    case 'text-or-bigint':
      return typeof value === 'string' || typeof value === 'bigint';
    case 'text-or-list':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    case 'text-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'text-or-true':
      return typeof value === 'string' || typeof value === 'boolean';
    case 'object':
      return isPlainObject(value); // a Map, a Date or a class's instance has no settings as its own keys: never read as if it had none
    case 'text-or-object':
      return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value));
    case 'catalog':
      return isCatalog(value);
    case 'signal':
      return typeof value === 'object' && value !== null && typeof (value as { aborted?: unknown }).aborted === 'boolean';
    case 'function':
      return typeof value === 'function';
    case 'text-or-date':
      return typeof value === 'string' || value instanceof Date;
  }
}

/** An object literal (or Object.create(null)): its prototype is Object.prototype or null. */
function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isCatalog(value: unknown): boolean {
  const v = value as { byId?: unknown; presets?: unknown } | null;
  return typeof v === 'object' && v !== null && v.byId instanceof Map && Array.isArray(v.presets);
}

/** Why a number is not a rate or a size: it has no unit. */
function unitless(name: string, value: unknown, kind: Kind): string | undefined {
  if (kind !== 'text-or-bigint' || typeof value !== 'number') return undefined;
  return `${name}: a number has no unit: write it with one ('${value}b/s', '1Gb/s', '500TB'), or give a bigint (${Number.isSafeInteger(value) ? `${value}n` : '1000000000n'})`;
}

/**
 * The settings object of `call` checked against `spec`: undefined is {}, and
 * every own key must be in `spec` with a value of its kind (undefined is as absent).
 */
export function checkSettings<T extends object>(call: string, settings: unknown, spec: Readonly<Record<string, Kind>>): T {
  if (settings === undefined) return {} as T;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new UsageError(`${call}: the settings are an object ({ maxUtilization: 80 } …), not ${described(settings)}`, {
      path: 'settings',
    });
  }
  const checked: Record<string, unknown> = {}; // own keys only: an inherited one (a prototype's) is never read
  for (const key of Object.keys(settings)) {
    if (!Object.hasOwn(spec, key)) {
      const near = closest(key, Object.keys(spec), 1)[0];
      const said = `${call}: unknown setting '${printable(key, 60)}'${near ? ` (did you mean '${near}'?)` : ''}`;
      throw new UsageError(`${said}; the settings are ${Object.keys(spec).join(', ')}`, { path: key });
    }
    const value = (settings as Record<string, unknown>)[key];
    const kind = spec[key]!;
    if (value !== undefined && !fits(kind, value)) {
      throw new UsageError(unitless(key, value, kind) ?? `${key}: expected ${SAID[kind]}, not ${described(value)}`, { path: key });
    }
    if (value !== undefined) checked[key] = value;
  }
  return checked as T;
}

/** One argument of `call`: a value of `kind`, or a UsageError saying what it is instead. */
export function checkArgument(call: string, name: string, value: unknown, kind: Kind): void {
  if (fits(kind, value)) return;
  throw new UsageError(unitless(`${call}: ${name}`, value, kind) ?? `${call}: ${name} is ${SAID[kind]}, not ${described(value)}`, {
    path: name,
  });
}

/** `estimateAt` (--estimate-at): a point of the estimates' ranges, 'low', 'mid' or 'high'; undefined is as absent. */
export function checkEstimateAt(call: string, estimateAt: unknown): void {
  if (estimateAt === undefined || estimateAt === 'low' || estimateAt === 'mid' || estimateAt === 'high') return;
  throw new UsageError(`${call}: estimateAt '${printable(String(estimateAt), 60)}' is not 'low', 'mid' or 'high'`, { path: 'estimateAt' });
}
