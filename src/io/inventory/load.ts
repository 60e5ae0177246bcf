/**
 * Streams a camera inventory (file or stdin; CSV, NDJSON or a JSON array;
 * gzip detected by its magic bytes) through the byte scanners into an
 * aggregate, with a progress line on a terminal. Never holds the records.
 */
import { readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createGunzip } from 'node:zlib';
import { InputError, withCode } from '../../core/diagnostics/errors.js';
import type { InventoryAggregate } from '../../core/inventory/aggregate.js';
import { InventoryError } from '../../core/inventory/chunks.js';
import { looksBinary, looksUtf16, UTF16_MESSAGE } from '../../core/inventory/encoding.js';
import type { Catalog } from '../../core/model/catalog.js';
import { stopIfAborted } from '../abort.js';
import type { Io } from '../io.js';
import { columnsOf, csvReading, inventoryDetails, type Scanner, scanError, startScan } from './messages.js';
import type { InventoryOptions, InventoryResult } from './options.js';
import { firstTelling, formatOf, formatTold, type InputFormat, isZip, SPLIT_TUNING } from './split.js';
import { loadInParts } from './parts.js';

export type { InventoryOptions, InventoryResult } from './options.js';

/** Reads the inventory at `path`, or standard input (through `io`) for '-'. */
export async function loadInventory(
  path: string,
  catalog: Catalog,
  options: InventoryOptions,
  io: Pick<Io, 'stdinChunks'>,
): Promise<InventoryResult> {
  stopIfAborted(options.signal);
  const threads = options.threads ?? availableParallelism();
  if (path !== '-' && (options.format === 'xlsx' || (options.format === undefined && (await fileIsZip(path))))) {
    const { loadWorkbook } = await import('./xlsx/load-workbook.js');
    return loadWorkbook(path, catalog, options);
  }
  if (path !== '-' && threads > 1 && !options.observe) {
    const result = await loadInParts(path, catalog, options, threads);
    if (result) return result;
  }
  const chunkBytes = (options.split ?? SPLIT_TUNING).chunkBytes;
  // The file's bytes read so far and its size, for the progress line (what was read of a gzip file, not what it unpacks to).
  const file: FileRead = { read: 0, total: undefined };
  if (path === '-') return loadInventoryFrom(io.stdinChunks(), '<stdin>', '', catalog, options);
  return loadInventoryFrom(fileChunks(path, chunkBytes, file), path, path, catalog, options, file);
}

/** How much of a file was read, and its size when it is a regular file. */
interface FileRead {
  read: number;
  total: number | undefined;
}

/**
 * Reads an inventory from chunks of bytes (a file's, standard input's, a
 * stream's), called `name` in messages; `path` gives the format by its
 * extension when `options.format` does not (else the first byte does);
 * `file`: how much of a file was read, for the progress line.
 */
export async function loadInventoryFrom(
  source: AsyncIterable<Buffer>,
  name: string,
  path: string,
  catalog: Catalog,
  options: InventoryOptions,
  file?: FileRead,
): Promise<InventoryResult> {
  const chunkBytes = (options.split ?? SPLIT_TUNING).chunkBytes;
  const at = (records: number, bytes: number) => ({
    records,
    bytes,
    ...(file?.total === undefined ? {} : { read: file.read, total: file.total }),
  });
  let aggregate: InventoryAggregate | undefined;
  let bytes = 0;
  let scanner: Scanner | undefined;
  let lastProgress = Date.now();
  try {
    const packing = { gzip: false };
    const told = (head: Buffer) => formatTold(path, options.format, head);
    for await (const chunk of firstTelling(decompressed(source, chunkBytes, packing), told)) {
      if (!scanner) {
        if (chunk.length === 0) continue;
        const format = options.format ?? formatOf(path, chunk);
        if (isZip(chunk) || format === 'xlsx') throw new InputError(`${name}: ${workbookHere(name, path, packing.gzip, options.format)}`);
        checkText(name, chunk);
        ({ aggregate, scanner } = startScan(name, format, catalog, options.skipInvalid, options.scan, {
          ...csvReading(options),
          ...(options.observe ? { observe: options.observe, general: true } : {}),
        }));
      }
      bytes += chunk.length;
      scanner.feed(chunk);
      if (options.progress && Date.now() - lastProgress > 250) {
        lastProgress = Date.now();
        options.progress(at(aggregate!.records, bytes), false);
      }
      stopIfAborted(options.signal); // between chunks (of 1 MiB from a file): an abort stops the read within one
    }
    scanner?.end();
  } catch (error) {
    throw readError(name, error);
  } finally {
    options.progress?.(at(aggregate?.records ?? 0, bytes), true);
  }
  if (!aggregate || aggregate.records + aggregate.skipped === 0) {
    throw new InputError(`${name}: empty inventory (no camera records)`, inventoryDetails(name));
  }
  const columns = scanner ? columnsOf(scanner) : undefined;
  return { aggregate, name, bytes, ...(columns ? { columns } : {}) };
}

/**
 * Why a workbook (a zip archive) cannot be read here, where text is read: it came gzipped, or from standard
 * input or a stream (a workbook is read from its file, by random access), or a text format was given for it.
 */
function workbookHere(name: string, path: string, gzip: boolean, format: InputFormat | undefined): string {
  if (gzip) return 'a gzip-compressed XLSX workbook: unpack it (gunzip) and give the .xlsx itself; a workbook is read as it is saved';
  if (path !== '' && format !== undefined && format !== 'xlsx')
    return `an XLSX workbook, not ${format.toUpperCase()} as the input format given says: give the format xlsx, or none (a workbook is known by its bytes)`;
  if (name === '<stdin>') return 'an XLSX workbook is read from a file, not from standard input: give its file name';
  return 'an XLSX workbook is read from a file, not from a stream: give its path';
}

/** Whether the file at `path` begins as a zip archive (an XLSX workbook); false when it cannot be read (the read reports why) or is not a regular file. */
async function fileIsZip(path: string): Promise<boolean> {
  try {
    // Only a regular file is opened here: opening and closing a named pipe would leave its writer
    // without a reader for a moment (EPIPE), and a workbook is read from a file anyway.
    if (!(await stat(path)).isFile()) return false;
    const file = await open(path, 'r');
    try {
      const head = Buffer.alloc(4);
      await file.read(head, 0, 4, 0);
      return isZip(head);
    } finally {
      await file.close();
    }
  } catch {
    return false;
  }
}

/** The first bytes are text camsize reads: not UTF-16, not binary. */
function checkText(name: string, chunk: Buffer): void {
  if (chunk[0] === 0xd0 && chunk[1] === 0xcf && chunk[2] === 0x11 && chunk[3] === 0xe0)
    throw new InputError(
      `${name}: an encrypted (password-protected) workbook or an old .xls one: save it as .xlsx without a password, or as CSV`,
      inventoryDetails(name),
    );
  if (looksUtf16(chunk)) throw new InputError(`${name}: ${UTF16_MESSAGE}`, inventoryDetails(name));
  if (looksBinary(chunk))
    throw new InputError(`${name}: binary data, not a camera inventory (CSV, NDJSON or JSON)`, inventoryDetails(name));
}

/** What went wrong while reading, as the user's error (or, if it is none of theirs, as it is). */
export function readError(name: string, error: unknown): unknown {
  if (error instanceof InventoryError) return scanError(name, error);
  if (error instanceof InputError) return withCode(error, 'INVENTORY_INVALID', { file: name });
  const code = (error as NodeJS.ErrnoException).code;
  const unreadable = { code: 'FILE_UNREADABLE', cause: error, file: name } as const;
  if (code === 'ENOENT') return new InputError(`${name}: no such file`, unreadable);
  if (code === 'EISDIR') return new InputError(`${name}: is a directory`, unreadable);
  if (code === 'EACCES') return new InputError(`${name}: permission denied`, unreadable);
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test((error as Error).message)) {
    return new InputError(`${name}: truncated or corrupt gzip data (${(error as Error).message})`, {
      ...inventoryDetails(name),
      cause: error,
    });
  }
  return error;
}

/**
 * A file's bytes in reads of `chunkBytes`, into one buffer used again for
 * every read (each is fed before the next: the scanners copy what they carry
 * over). A stream's new 1 MiB buffer per read was garbage that V8, its heap
 * small, collected late: peak RSS grew from 70 MiB at 200,000 records to 96
 * at 2,000,000. Gzip keeps fresh buffers: the gunzip stream holds what it is given.
 * Read synchronously, as the parts are (split.ts): an awaited read of 1 MiB
 * from the page cache waits for the thread pool and the event loop, 12-20 %
 * of a realistic 2M CSV's one-thread profile (issue 24); the abort signal is
 * still checked between chunks, and the progress line drawn. A named pipe
 * or a device is read asynchronously: a read of one may wait for its writer.
 */
async function* fileChunks(path: string, chunkBytes: number, seen: { read: number; total: number | undefined }): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const stat = await file.stat();
    const regular = stat.isFile();
    if (regular) seen.total = stat.size;
    let buffer = Buffer.allocUnsafe(chunkBytes);
    let reuse: boolean | undefined;
    for (;;) {
      const bytesRead = regular ? readSync(file.fd, buffer, 0, chunkBytes, null) : (await file.read(buffer, 0, chunkBytes, null)).bytesRead;
      if (bytesRead === 0) return;
      seen.read += bytesRead;
      reuse ??= !(buffer[0] === 0x1f && buffer[1] === 0x8b);
      yield buffer.subarray(0, bytesRead);
      if (!reuse) buffer = Buffer.allocUnsafe(chunkBytes);
    }
  } finally {
    await file.close();
  }
}

/** The input's bytes, gunzipped when they start with gzip's magic number (1f 8b). */
export async function* decompressed(
  source: AsyncIterable<Buffer>,
  chunkBytes: number,
  packing?: { gzip: boolean },
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    yield* gunzippedIfGzip(iterator, chunkBytes, packing);
  } finally {
    await iterator.return?.(); // a file left early (a bad record) is closed
  }
}

async function* gunzippedIfGzip(iterator: AsyncIterator<Buffer>, chunkBytes: number, packing?: { gzip: boolean }): AsyncGenerator<Buffer> {
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return;
  const head: Buffer = first.value;
  const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => iterator };
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield head;
    yield* rest;
    return;
  }
  if (packing) packing.gzip = true;
  const gunzip = createGunzip({ chunkSize: chunkBytes });
  const feeding = (async () => {
    try {
      if (!gunzip.write(head)) await new Promise((r) => gunzip.once('drain', r));
      for await (const chunk of rest) {
        if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r));
      }
      gunzip.end();
    } catch (error) {
      gunzip.destroy(error as Error);
    }
  })();
  for await (const chunk of gunzip) yield chunk as Buffer;
  await feeding;
}
