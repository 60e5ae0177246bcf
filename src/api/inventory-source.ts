/**
 * What sizeInventory reads, as chunks of bytes for the inventory readers
 * (src/io/inventory): a file, a stream of bytes or text, or record objects.
 * Records are never parsed here: each is written as the NDJSON line
 * `JSON.stringify(record)` and read by the NDJSON scanner, so a record object
 * means exactly what that line in a file would. Only what JSON cannot say
 * plainly is refused first (a nested object or list, which could be a cycle;
 * a function, a symbol, a number JSON has not), each with the record's number.
 */
import { InputError, UsageError } from '../core/diagnostics/errors.js';
import { printable } from '../core/diagnostics/printable.js';
import { described } from './arguments.js';

/** Where the records come from, in the form the readers take. */
export type ChunkSource =
  | { kind: 'path'; path: string }
  | { kind: 'chunks'; chunks: AsyncIterable<Buffer>; name: string; records: boolean };

/** Records are batched into chunks of about this many bytes (what a file is read in). */
const BATCH_BYTES = 1 << 20;

/** The source given, with the name messages call it (`<stream>`, `<records>` unless `name` says). */
export async function chunkSource(source: unknown, name: string | undefined): Promise<ChunkSource> {
  if (typeof source === 'string') return { kind: 'path', path: checkedPath(source) };
  if (isUrl(source)) return { kind: 'path', path: urlPath(source) };
  if (typeof source === 'object' && source !== null && (Symbol.asyncIterator in source || Symbol.iterator in source)) {
    return { kind: 'chunks', ...(await classified(source as AsyncIterable<unknown> | Iterable<unknown>, name)) };
  }
  throw new UsageError(`sizeInventory: the inventory is a path, a readable stream or an iterable of records, not ${described(source)}`, {
    path: 'source',
  });
}

function checkedPath(path: string): string {
  if (path === '-') {
    throw new UsageError("sizeInventory: '-' is the command line's word for standard input; pass process.stdin itself", { path: 'source' });
  }
  if (path.includes('\n') || path === '') {
    throw new UsageError(
      "sizeInventory: a string is a file's path; an inventory's text goes in as a stream (Readable.from([text])) or as records",
      { path: 'source' },
    );
  }
  return path;
}

function isUrl(value: unknown): value is { href: string } {
  return typeof value === 'object' && value !== null && typeof (value as { href?: unknown }).href === 'string' && 'protocol' in value;
}

function urlPath(url: { href: string }): string {
  try {
    return new URL(url.href).protocol === 'file:' ? decodeURIComponent(new URL(url.href).pathname) : fail();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return fail(error);
  }
  function fail(cause?: unknown): never {
    throw new UsageError(`sizeInventory: '${printable(url.href, 200)}' is not a file: URL (camsize reads files, never the network)`, {
      path: 'source',
      ...(cause === undefined ? {} : { cause }),
    });
  }
}

/**
 * The items as bytes: a chunk of bytes or text passes as it is; record
 * objects become NDJSON lines. Which one is decided by the first item's type
 * (looked at before the read starts), and a later item of the other kind is refused.
 */
async function classified(items: AsyncIterable<unknown> | Iterable<unknown>, name: string | undefined) {
  const iterator =
    Symbol.asyncIterator in items
      ? (items as AsyncIterable<unknown>)[Symbol.asyncIterator]()
      : (items as Iterable<unknown>)[Symbol.iterator]();
  const called0 = name ?? '<stream>';
  const first = await Promise.resolve(iterator.next()).catch(async (error: unknown) => {
    throw (await import('../io/inventory/load.js')).readError(called0, error); // a stream that fails at once: ENOENT and the like
  });
  const records = !first.done && !(first.value instanceof Uint8Array || typeof first.value === 'string');
  const called = name ?? (records ? '<records>' : '<stream>');
  async function* bytes(): AsyncGenerator<Buffer> {
    let batch: string[] = [];
    let batchBytes = 0;
    let index = 0;
    try {
      for (let next = first; !next.done; next = await iterator.next()) {
        const item = next.value;
        index++;
        if ((item instanceof Uint8Array || typeof item === 'string') === records) throw mixed(records, index, item);
        if (!records) {
          yield typeof item === 'string' ? Buffer.from(item, 'utf8') : asBuffer(item as Uint8Array);
          continue;
        }
        const line = recordLine(item, index, called);
        batch.push(line);
        batchBytes += line.length;
        if (batchBytes >= BATCH_BYTES) {
          yield Buffer.from(batch.join(''), 'utf8');
          batch = [];
          batchBytes = 0;
        }
      }
      if (batch.length > 0) yield Buffer.from(batch.join(''), 'utf8');
    } finally {
      await iterator.return?.(); // a stream left early (a bad record, an abort) is closed
    }
  }
  return { chunks: bytes(), name: called, records };
}

const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

function mixed(records: boolean, index: number, item: unknown): InputError {
  const what = records ? 'record objects' : 'chunks of bytes or text';
  return new InputError(`sizeInventory: item ${index} is ${described(item)} among ${what}: an inventory is one or the other`, {
    code: 'INVENTORY_INVALID',
  });
}

/** A record as its NDJSON line; a bigint as its digits (a count above 2^53). */
function recordLine(record: unknown, index: number, name: string): string {
  const where = `${name}:${index}`;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InputError(`${where}: a record is an object ({ segment, preset, count }), not ${described(record)}`, {
      code: 'INVENTORY_INVALID',
      file: name,
      line: index,
    });
  }
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    const type = typeof value;
    const plain = type === 'string' || type === 'bigint' || type === 'boolean' || value === null || value === undefined;
    if (plain || (type === 'number' && Number.isFinite(value))) continue;
    throw new InputError(`${where}: ${printable(key, 60)}: a record's values are text or numbers, not ${described(value)}`, {
      code: 'INVENTORY_INVALID',
      file: name,
      line: index,
      path: key,
    });
  }
  // Own keys only, into an object without a prototype: no toJSON, no inherited key, `__proto__` a key like any other.
  const plain: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(record)) {
    const value = (record as Record<string, unknown>)[key];
    plain[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return `${JSON.stringify(plain)}\n`;
}
