/**
 * A fleet file's value (a JavaScript object) as the JSON text the fleet reader
 * reads, checked first without recursion: a value that refers to itself, one
 * deeper than any fleet, a function or a symbol (which JSON.stringify would
 * drop silently), a bigint anywhere but a count, or one so large (shared
 * objects repeated) that it is no fleet, is refused with where it is.
 */
import { InputError } from '../core/diagnostics/errors.js';
import { issuePath } from '../core/diagnostics/issues.js';
import { MAX_DEPTH } from '../core/model/fleet.js';

/** Nested objects and arrays: two per segment level (the segment and its "segments"), and a few for what a segment holds. */
const MAX_NESTING = 2 * MAX_DEPTH + 16;
/** Values visited: a fleet file of 256 MiB (the file limit) holds fewer; a shared object repeated 2^40 times is no fleet. */
const MAX_VALUES = 32_000_000;

type Path = Array<string | number>;

function refuse(file: string, path: Path, message: string): never {
  const where = issuePath(path);
  const line = `${file}: ${where === '' ? '' : `${where}: `}${message}`;
  throw new InputError(line, { code: 'FLEET_INVALID', file, ...(where === '' ? {} : { path: where }) });
}

/** Checks `document` (a plain object) and gives its JSON text; counts given as bigints become their digits. */
export function fleetValueText(document: object, file: string): string {
  checkValue(document, file);
  return JSON.stringify(document, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

interface Frame {
  value: unknown;
  path: Path;
  /** Set when the frame's children have been pushed: popping it again leaves the object. */
  leaving?: boolean;
}

function checkValue(root: object, file: string): void {
  const open = new Set<object>(); // the objects on the path from the root to the one being looked at
  const stack: Frame[] = [{ value: root, path: [] }];
  let visited = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, path } = frame;
    if (frame.leaving) {
      open.delete(value as object);
      continue;
    }
    if (++visited > MAX_VALUES)
      refuse(
        file,
        [],
        `more than ${MAX_VALUES.toLocaleString('en')} values: too large for a fleet (a list of cameras is an inventory: sizeInventory)`,
      );
    checkLeaf(value, path, file);
    if (typeof value !== 'object' || value === null) continue;
    if (open.has(value)) refuse(file, path, 'refers to an object that holds it (a cycle): a fleet is a tree');
    if (path.length > MAX_NESTING) refuse(file, path.slice(0, 12), `nested more than ${MAX_DEPTH} segments deep`);
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') continue; // a Date and the like: JSON says what it is
    open.add(value);
    stack.push({ value, path, leaving: true });
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]!;
      stack.push({ value: item, path: [...path, key] });
    }
  }
}

function checkLeaf(value: unknown, path: Path, file: string): void {
  switch (typeof value) {
    case 'bigint':
      if (path.at(-1) !== 'count') {
        refuse(file, path, `${value}n is a bigint; only a count may be one (write rates and sizes with a unit, e.g. "4Mb/s")`);
      }
      return;
    case 'function':
    case 'symbol':
      refuse(file, path, `a ${typeof value} is not a fleet file's value (expected text, a number, true or false, a list or an object)`);
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(file, path, `${value} is not a number JSON can hold`);
      return;
    default:
      return;
  }
}
