/**
 * What a file given where a fleet file goes is instead: a camera inventory, a
 * measurements CSV, a saved ffprobe or Frigate answer, a site calibration, a
 * JSON Schema, or camsize's own output. Asked only once the file has failed
 * as a fleet file, so that one line says what it is and which option takes
 * it, instead of a list of unknown keys. Pure: bytes in, words out.
 */
import { printable } from '../diagnostics/printable.js';
import { isFrigateJson } from '../measure/frigate.js';
import { ROOT_KEYS } from './fleet-keys.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Inventory file names (see io/inventory/), which a fleet file never has. */
const INVENTORY_NAME = /\.(csv|ndjson|jsonl)(?:\.gz)?$/i;

/**
 * The sentence after `NAME: ` that says what the file is and how to give it, or undefined when it looks like
 * a fleet file gone wrong (then its problems are the right answer). `name` is '<stdin>' for standard input.
 */
export function otherFileKind(name: string, bytes: Uint8Array): string | undefined {
  const stdin = name === '<stdin>';
  const as = { file: stdin ? 'FILE' : name, inventory: stdin ? '-' : name };
  const extension = INVENTORY_NAME.exec(name)?.[1]?.toLowerCase();
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return `a fleet file is plain JSON; this one is gzip-compressed, as inventories often are: size a camera inventory with --inventory ${as.inventory}`;
  }
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 16)).replace(/^\ufeff/, '');
  const first = text.trimStart()[0];
  const kind = first === '{' || first === '[' ? jsonKind(bytes, as) : csvKind(text, as);
  if (typeof kind === 'string') return kind;
  if (kind === undefined && extension === undefined) return undefined;
  const what = extension === undefined ? kind!.inventory : `a .${extension} file`;
  return `a fleet file is JSON; ${what} is a camera inventory: size it with --inventory ${as.inventory}`;
}

/** A camera inventory, and what it was recognised by. */
interface Inventory {
  readonly inventory: string;
}

interface Names {
  /** The file as an option takes it ('FILE' for standard input, which those options do not read). */
  readonly file: string;
  /** The file as --inventory takes it ('-' for standard input). */
  readonly inventory: string;
}

const measured = (what: string, as: Names) =>
  `${what}, not a fleet file: compare a fleet file with it with --measured ${as.file}, or list it with camsize measure ${as.file}`;

function jsonKind(bytes: Uint8Array, as: Names): string | Inventory | undefined {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Several lines that each hold an object: NDJSON, one record per line.
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    return lines.length > 1 && lines.every((l) => /^\s*\{.*\}\s*$/.test(l)) ? { inventory: 'NDJSON (an object per line)' } : undefined;
  }
  if (Array.isArray(json)) return json.length > 0 && json.every(isObject) ? { inventory: 'a JSON array of records' } : undefined;
  if (!isObject(json)) return undefined;
  if (json['kind'] === 'camsize-calibration') {
    return `a site calibration (camsize measure --fit), not a fleet file: give it with --calibration ${as.file} beside a fleet file, or name it in the fleet's "calibration"`;
  }
  if ('schemaVersion' in json) return "camsize's --json output, not a fleet file: size the fleet file it was made from";
  if (typeof json['$schema'] === 'string' && /json-schema\.org/.test(json['$schema']) && ('properties' in json || '$defs' in json)) {
    return 'a JSON Schema, not a fleet file: a fleet file names its schema in "$schema" (camsize schema prints the format)';
  }
  if (isFrigateJson(json)) return measured("Frigate's API answer (measured rates)", as);
  if ('format' in json && 'streams' in json) return measured("a saved ffprobe JSON (a recording's measured rate)", as);
  if ('segment' in json && !('name' in json)) return { inventory: 'a record with a "segment"' };
  return strangeKeys(json);
}

/**
 * An object with many keys a fleet file does not have and none of those that hold its cameras: some other
 * JSON file (a fleet file with a few misspelt keys is listed key by key, with did-you-means).
 */
function strangeKeys(json: Record<string, unknown>): string | undefined {
  const keys = Object.keys(json);
  const strange = keys.filter((k) => !(ROOT_KEYS as readonly string[]).includes(k));
  if (strange.length < 5 || 'segments' in json || 'cameras' in json) return undefined;
  const shown = strange.slice(0, 3).map((k) => `'${printable(k, 40)}'`);
  return `not a fleet file: ${strange.length} of its ${keys.length} keys are not a fleet file's (${shown.join(', ')} …), and it has no "segments" or "cameras" (camsize help fleet lists a fleet file's keys)`;
}

function csvKind(text: string, as: Names): string | Inventory | undefined {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((f) => f.trim().replace(/^"|"$/g, '').toLowerCase());
  if (header.length < 2) return undefined;
  if (header.slice(0, 3).join(',') === 'section,segment,depth') {
    return "camsize's --format csv output, not a fleet file: size the fleet file it was made from";
  }
  if (header.includes('rate') && header.includes('duration')) return measured('a measurements CSV (a rate and a duration per camera)', as);
  return header.includes('segment') ? { inventory: 'a CSV with a segment column' } : undefined;
}
