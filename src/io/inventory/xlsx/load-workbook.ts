/**
 * Reads an XLSX workbook as a camera schedule: its first visible worksheet
 * (or --sheet NAME) streamed row by row into the aggregate, by the rules a
 * CSV schedule is read with (core/inventory/xlsx/). The archive is read with
 * yauzl (random access to its parts, sizes checked against what they
 * inflate to); a hostile file is refused before it can take memory or
 * time: too many parts, a part that inflates past its limit or more than
 * MAX_RATIO times its packed size (a zip bomb), an encrypted part, external
 * links. Loaded only when a workbook is read (never on the start-up path).
 */
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError, withCode } from '../../../core/diagnostics/errors.js';
import { InventoryAggregate, type RecordError } from '../../../core/inventory/aggregate.js';
import { InventoryError } from '../../../core/inventory/chunks.js';
import { SharedStrings } from '../../../core/inventory/xlsx/shared-strings.js';
import { SheetRecords } from '../../../core/inventory/xlsx/sheet-records.js';
import { SheetRows } from '../../../core/inventory/xlsx/sheet-rows.js';
import { chooseSheet, workbookParts } from '../../../core/inventory/xlsx/workbook.js';
import { XmlError } from '../../../core/inventory/xlsx/xml-text.js';
import type { Catalog } from '../../../core/model/catalog.js';
import { stopIfAborted } from '../../abort.js';
import { fileProblem } from '../../file-problem.js';
import { inventoryDetails, labelled, recordErrorHandler, scanError } from '../messages.js';
import type { InventoryOptions, InventoryResult } from '../options.js';

/** Parts in an archive, at most (a workbook has a few dozen). */
export const MAX_PARTS = 10_000;
/** Inflated sizes, at most: the workbook's lists, the shared strings, a worksheet. */
export const MAX_LIST_BYTES = 16 << 20;
export const MAX_SHARED_STRINGS_BYTES = 256 << 20;
export const MAX_SHEET_BYTES = 4 * 2 ** 30;
/** Past 64 MiB, a part may inflate to at most this many times its packed size (XML of a real sheet packs 5 to 50 times). */
export const MAX_RATIO = 250;
const RATIO_FROM = 64 << 20;

type Entries = Map<string, yauzl.Entry>;

export async function loadWorkbook(path: string, catalog: Catalog, options: InventoryOptions): Promise<InventoryResult> {
  const seen: Seen = { records: 0, bytes: 0 };
  try {
    return await openAndRead(path, catalog, options, seen);
  } finally {
    options.progress?.(seen, true); // once, whether the read succeeded or not: the progress line is cleared before any message
  }
}

/** How far the read has come: records and inflated bytes of the sheet, and its packed bytes read of its packed size. */
interface Seen {
  records: number;
  bytes: number;
  read?: number;
  total?: number;
}

async function openAndRead(path: string, catalog: Catalog, options: InventoryOptions, seen: Seen): Promise<InventoryResult> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new InputError(`${path}: ${fileProblem(error)}`, { code: 'FILE_UNREADABLE', cause: error, file: path });
    throw new InputError(`${path}: not a readable XLSX workbook (${(error as Error).message})`, {
      ...inventoryDetails(path),
      cause: error,
    });
  }
  try {
    return await readWorkbook(zip, path, catalog, options, seen);
  } catch (error) {
    // What is wrong with the workbook is an inventory refused (INVENTORY_INVALID), as a CSV's would be.
    if (error instanceof XmlError) throw new InputError(`${path}: ${error.message}`, inventoryDetails(path));
    if (error instanceof InventoryError) throw scanError(path, error);
    if (error instanceof InputError) throw withCode(error, 'INVENTORY_INVALID', { file: path });
    if (/invalid|unexpected|too many|too few|not enough|corrupt|zlib|header/i.test((error as Error).message ?? ''))
      throw new InputError(`${path}: a damaged workbook (${(error as Error).message})`, { ...inventoryDetails(path), cause: error });
    throw error;
  } finally {
    zip.close();
  }
}

async function readWorkbook(
  zip: yauzl.ZipFile,
  path: string,
  catalog: Catalog,
  options: InventoryOptions,
  seen: Seen,
): Promise<InventoryResult> {
  const entries = await listEntries(zip);
  const workbookXml = entries.get('xl/workbook.xml');
  if (workbookXml === undefined) throw new XmlError('not an XLSX workbook (it has no xl/workbook.xml): save it as .xlsx or CSV');
  if ([...entries.keys()].some((name) => name.startsWith('xl/externalLinks/'))) throw new XmlError(EXTERNAL_LINKS);
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  const parts = workbookParts(await wholeText(zip, workbookXml, MAX_LIST_BYTES), rels ? await wholeText(zip, rels, MAX_LIST_BYTES) : '');
  if (parts.externalLinks) throw new XmlError(EXTERNAL_LINKS);
  const sheet = chooseSheet(parts, options.sheet);
  const sheetEntry = entries.get(sheet.path!);
  if (sheetEntry === undefined) throw new XmlError(`sheet '${sheet.name}' has no part in the archive (${sheet.path})`);
  const stringsEntry = parts.sharedStrings === undefined ? undefined : entries.get(parts.sharedStrings);
  const strings = new SharedStrings();
  if (stringsEntry !== undefined)
    for await (const chunk of inflate(zip, stringsEntry, MAX_SHARED_STRINGS_BYTES)) {
      strings.feed(chunk);
      stopIfAborted(options.signal);
    }
  const aggregate = new InventoryAggregate(catalog);
  const handle = recordErrorHandler(path, aggregate, options.skipInvalid);
  const onError = (error: RecordError) => handle(labelled({ ...error.place, field: error.field, message: error.message }, records));
  const records: SheetRecords = new SheetRecords(aggregate, onError, {
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.calibration ? { calibration: options.calibration } : {}),
    ...(options.estimateAt ? { estimateAt: options.estimateAt } : {}),
    ...(options.observe ? { observe: options.observe } : {}),
  });
  const rows = new SheetRows(strings, (row, cells, width, flags) => records.row(row, cells, width, flags));
  const bytes = await readSheet(zip, sheetEntry, rows, options, (bytes, packed) =>
    Object.assign(seen, { records: aggregate.records, bytes }, packed.total > 0 ? packed : {}),
  );
  if (records.found === undefined) throw new XmlError(`sheet '${sheet.name}' has no header row (a row with two cells or more)`);
  if (aggregate.records + aggregate.skipped === 0)
    throw new InputError(`${path}: empty inventory (no camera records in sheet '${sheet.name}')`);
  const found = records.found;
  return { aggregate, name: path, bytes, columns: { reads: found.plan.reads, line: found.line, titles: found.titles, sheet: sheet.name } };
}

/**
 * The sheet's rows fed as it inflates: progress about four times a second, the signal checked between
 * chunks; `update` keeps `seen` (what the last progress call, done, says). Its inflated bytes.
 */
async function readSheet(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  rows: SheetRows,
  options: InventoryOptions,
  update: (bytes: number, packed: { read: number; total: number }) => Seen,
): Promise<number> {
  // The progress line's share: the sheet's packed bytes read of its packed size (what is read of the file, as for gzip).
  const packed = { read: 0, total: entry.compressedSize };
  let bytes = 0;
  let lastProgress = Date.now();
  try {
    for await (const chunk of inflate(zip, entry, MAX_SHEET_BYTES, packed)) {
      bytes += chunk.length;
      rows.feed(chunk);
      if (options.progress && Date.now() - lastProgress > 250) {
        lastProgress = Date.now();
        options.progress({ ...update(bytes, packed) }, false);
      }
      stopIfAborted(options.signal); // between inflated chunks, as a CSV is stopped between chunks
    }
    rows.end();
  } finally {
    update(bytes, packed);
  }
  return bytes;
}

const EXTERNAL_LINKS =
  'the workbook links to other workbooks (external links): its cells may show values from files camsize cannot see; save a copy with the links broken (Data > Edit Links > Break Link) or as CSV';

/** Every part of the archive by name; too many, or an encrypted one, is refused. */
async function listEntries(zip: yauzl.ZipFile): Promise<Entries> {
  if (zip.entryCount > MAX_PARTS)
    throw new XmlError(`the archive has ${zip.entryCount} parts (more than ${MAX_PARTS}): not a camera schedule`);
  const entries: Entries = new Map();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.isEncrypted()) {
        reject(new XmlError('the workbook is encrypted (password-protected): save it without a password'));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** A part's inflated bytes (`packed`: its packed bytes read so far, counted), refused past `limit` or, past 64 MiB, past MAX_RATIO times its packed size (yauzl holds it to its stated size). */
async function* inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number, packed?: { read: number }): AsyncGenerator<Buffer> {
  const mib = (n: number) => `${Math.ceil(n / 2 ** 20).toLocaleString('en-US')} MiB`;
  if (entry.uncompressedSize > limit)
    throw new XmlError(`part ${entry.fileName} inflates to ${mib(entry.uncompressedSize)}, more than ${mib(limit)}: not a camera schedule`);
  if (entry.uncompressedSize > RATIO_FROM && entry.uncompressedSize > MAX_RATIO * Math.max(entry.compressedSize, 1))
    throw new XmlError(
      `part ${entry.fileName} inflates ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times its packed size: a zip bomb, not a camera schedule`,
    );
  if (!entry.canDecodeFileData())
    throw new XmlError(`part ${entry.fileName} is packed in a way camsize cannot read (compression method ${entry.compressionMethod})`);
  if (packed === undefined || entry.compressionMethod !== 8) {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (packed) packed.read += chunk.length; // stored: packed and inflated are the same bytes
      yield chunk;
    }
    return;
  }
  yield* counted(await zip.openReadStreamPromise(entry, { decompress: false }), entry, packed);
}

/**
 * A deflated part inflated here rather than by yauzl, to count its packed
 * bytes as they are read (the progress line's share); yauzl's check of the
 * inflated size is kept: never more than the entry says, nor fewer at its end.
 */
async function* counted(raw: NodeJS.ReadableStream, entry: yauzl.Entry, packed: { read: number }): AsyncGenerator<Buffer> {
  const inflater = createInflateRaw();
  const feeding = (async () => {
    try {
      for await (const chunk of raw as AsyncIterable<Buffer>) {
        packed.read += chunk.length;
        if (!inflater.write(chunk)) await new Promise((r) => inflater.once('drain', r));
      }
      inflater.end();
    } catch (error) {
      inflater.destroy(error as Error);
    }
  })();
  let inflated = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize)
        throw new Error(`too many bytes in the stream: expected ${entry.uncompressedSize}, got at least ${inflated}`);
      yield chunk;
    }
    if (inflated < entry.uncompressedSize)
      throw new Error(`not enough bytes in the stream: expected ${entry.uncompressedSize}, got only ${inflated}`);
    await feeding;
  } finally {
    (raw as unknown as { destroy?: () => void }).destroy?.();
    inflater.destroy();
  }
}

async function wholeText(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflate(zip, entry, limit)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
