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
import yauzl from 'yauzl';
import { InputError } from '../../../core/diagnostics/errors.js';
import { InventoryAggregate, type RecordError } from '../../../core/inventory/aggregate.js';
import { InventoryError } from '../../../core/inventory/chunks.js';
import { SharedStrings } from '../../../core/inventory/xlsx/shared-strings.js';
import { SheetRecords } from '../../../core/inventory/xlsx/sheet-records.js';
import { SheetRows } from '../../../core/inventory/xlsx/sheet-rows.js';
import { chooseSheet, workbookParts } from '../../../core/inventory/xlsx/workbook.js';
import { XmlError } from '../../../core/inventory/xlsx/xml-text.js';
import type { Catalog } from '../../../core/model/catalog.js';
import { fileProblem } from '../../file-problem.js';
import { labelled, recordErrorHandler, scanError } from '../messages.js';
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
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new InputError(`${path}: ${fileProblem(error)}`);
    throw new InputError(`${path}: not a readable XLSX workbook (${(error as Error).message})`);
  }
  try {
    return await readWorkbook(zip, path, catalog, options);
  } catch (error) {
    if (error instanceof XmlError) throw new InputError(`${path}: ${error.message}`);
    if (error instanceof InventoryError) throw scanError(path, error);
    if (error instanceof InputError) throw error;
    if (/invalid|unexpected|too many|too few|corrupt|zlib|header/i.test((error as Error).message ?? ''))
      throw new InputError(`${path}: a damaged workbook (${(error as Error).message})`);
    throw error;
  } finally {
    zip.close();
  }
}

async function readWorkbook(zip: yauzl.ZipFile, path: string, catalog: Catalog, options: InventoryOptions): Promise<InventoryResult> {
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
  if (stringsEntry !== undefined) for await (const chunk of inflate(zip, stringsEntry, MAX_SHARED_STRINGS_BYTES)) strings.feed(chunk);
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
  let bytes = 0;
  let lastProgress = Date.now();
  for await (const chunk of inflate(zip, sheetEntry, MAX_SHEET_BYTES)) {
    bytes += chunk.length;
    rows.feed(chunk);
    if (options.progress && Date.now() - lastProgress > 250) {
      lastProgress = Date.now();
      options.progress({ records: aggregate.records, bytes }, false);
    }
  }
  rows.end();
  options.progress?.({ records: aggregate.records, bytes }, true);
  if (records.found === undefined) throw new XmlError(`sheet '${sheet.name}' has no header row (a row with two cells or more)`);
  if (aggregate.records + aggregate.skipped === 0)
    throw new InputError(`${path}: empty inventory (no camera records in sheet '${sheet.name}')`);
  const found = records.found;
  return { aggregate, name: path, bytes, columns: { reads: found.plan.reads, line: found.line, titles: found.titles, sheet: sheet.name } };
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

/** A part's inflated bytes, refused past `limit` or, past 64 MiB, past MAX_RATIO times its packed size (yauzl holds it to its stated size). */
async function* inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): AsyncGenerator<Buffer> {
  const mib = (n: number) => `${Math.ceil(n / 2 ** 20).toLocaleString('en-US')} MiB`;
  if (entry.uncompressedSize > limit)
    throw new XmlError(`part ${entry.fileName} inflates to ${mib(entry.uncompressedSize)}, more than ${mib(limit)}: not a camera schedule`);
  if (entry.uncompressedSize > RATIO_FROM && entry.uncompressedSize > MAX_RATIO * Math.max(entry.compressedSize, 1))
    throw new XmlError(
      `part ${entry.fileName} inflates ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times its packed size: a zip bomb, not a camera schedule`,
    );
  if (!entry.canDecodeFileData())
    throw new XmlError(`part ${entry.fileName} is packed in a way camsize cannot read (compression method ${entry.compressionMethod})`);
  const stream = await zip.openReadStreamPromise(entry);
  yield* stream as AsyncIterable<Buffer>;
}

async function wholeText(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of inflate(zip, entry, limit)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
