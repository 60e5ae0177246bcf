/** Feeds inventory text to the core scanners in chunks of any size, as a stream would. */
import { buildCatalog, type Catalog } from '../../src/core/model/catalog.js';
import { InventoryAggregate, RecordError, entryCount } from '../../src/core/inventory/aggregate.js';
import { InventoryError, type ScanOptions } from '../../src/core/inventory/chunks.js';
import { CsvScanner } from '../../src/core/inventory/csv.js';
import type { CsvReading } from '../../src/core/inventory/csv-columns.js';
import { JsonScanner } from '../../src/core/inventory/json.js';
import { readCatalogFiles, validateCatalogFiles } from '../../src/io/catalog-load.js';

let catalog: Catalog | undefined;
export async function testCatalog(): Promise<Catalog> {
  catalog ??= buildCatalog(await validateCatalogFiles(readCatalogFiles()));
  return catalog;
}

export interface Scanned {
  /** segment path → profile name → cameras */
  bySegment: Record<string, Record<string, bigint>>;
  records: number;
  errors: string[];
}

export function scan(
  cat: Catalog,
  format: 'csv' | 'json',
  input: Buffer | string,
  chunkSize = 1 << 16,
  skip = true,
  options: ScanOptions = {},
  reading: CsvReading = {},
): Scanned {
  const aggregate = new InventoryAggregate(cat);
  const errors: string[] = [];
  const onError = (e: RecordError) => {
    if (!skip) throw e;
    errors.push(`${e.place.line}${e.place.column === undefined ? '' : `:${e.place.column}`}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
  };
  const scanner = format === 'csv' ? new CsvScanner(aggregate, onError, options, reading) : new JsonScanner(aggregate, onError, options);
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  for (let at = 0; at < bytes.length; at += chunkSize) scanner.feed(Buffer.from(bytes.subarray(at, at + chunkSize)));
  scanner.end();
  const bySegment: Scanned['bySegment'] = {};
  for (const e of aggregate.entries) {
    const seg = (bySegment[e.segment.join('/')] ??= {});
    seg[e.profile.name] = (seg[e.profile.name] ?? 0n) + entryCount(e);
  }
  return { bySegment, records: aggregate.records, errors };
}

/** A scan's result, or where and why it stopped (a syntax error, or the first bad record when not skipping). */
export function scanOutcome(
  cat: Catalog,
  format: 'csv' | 'json',
  input: Buffer | string,
  chunkSize: number,
  options: ScanOptions = {},
  skip = true,
  reading: CsvReading = {},
): Scanned | { stopped: string } {
  try {
    return scan(cat, format, input, chunkSize, skip, options, reading);
  } catch (error) {
    if (error instanceof InventoryError) return { stopped: `${error.place?.line}:${error.place?.column}: ${error.message}` };
    if (error instanceof RecordError) return { stopped: `${error.place.line}:${error.place.column}: ${error.field}: ${error.message}` };
    throw error;
  }
}
