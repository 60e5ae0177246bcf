/**
 * How inventory problems reach the user: `file:line[:column]: field: message`,
 * one printable line each, and what --skip-invalid does with a bad record.
 */
import { type ErrorDetails, InputError } from '../../core/diagnostics/errors.js';
import { printable } from '../../core/diagnostics/printable.js';
import { InventoryAggregate, type RecordError } from '../../core/inventory/aggregate.js';
import type { InventoryError, ScanOptions } from '../../core/inventory/chunks.js';
import { CsvScanner } from '../../core/inventory/csv.js';
import type { CsvReading } from '../../core/inventory/csv-columns.js';
import { fieldLabel } from '../../core/inventory/column-plan.js';
import type { FoundHeader } from '../../core/inventory/header-rows.js';
import type { KeyMapping } from '../../core/inventory/fields.js';
import { JsonScanner } from '../../core/inventory/json.js';
import { keysRead } from '../../core/inventory/json-keys.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { InventoryColumns } from './options.js';

/** A problem with one record, as a worker sends it too. */
export interface PlacedProblem {
  line: number;
  column?: number;
  field?: string | undefined;
  message: string;
}

/** "cameras.csv:12" or "cameras.ndjson:12:7", or just the name when there is no place. */
export function placeText(name: string, place: { line: number; column?: number | undefined } | undefined): string {
  return place === undefined ? name : `${name}:${place.line}${place.column === undefined ? '' : `:${place.column}`}`;
}

/** One line, whatever the input quoted in it held (escaped, never cut: the place and field stay whole). */
function oneLine(text: string): string {
  return printable(text, Number.POSITIVE_INFINITY);
}

export function recordMessage(name: string, e: PlacedProblem): string {
  return oneLine(`${placeText(name, e)}: ${e.field ? `${e.field}: ` : ''}${e.message}`);
}

/** What an inventory error carries besides its message: the code, the file, and the place and field where known. */
export function inventoryDetails(name: string, place?: Partial<PlacedProblem>): ErrorDetails {
  const details: ErrorDetails = { code: 'INVENTORY_INVALID', file: name };
  if (place?.line !== undefined) details.line = place.line;
  if (place?.column !== undefined) details.column = place.column;
  if (place?.field) details.path = place.field;
  return details;
}

/** A scan-stopping problem (syntax, header) as the user sees it. */
export function scanError(name: string, error: InventoryError): InputError {
  return new InputError(oneLine(`${placeText(name, error.place)}: ${error.message}`), inventoryDetails(name, error.place));
}

/** A bad record that stops the run, as the user sees it (the same from one thread or several). */
export function recordError(name: string, problem: PlacedProblem, message = recordMessage(name, problem)): InputError {
  return new InputError(message, { ...inventoryDetails(name, problem), issues: [message], hint: SKIP_INVALID_HINT });
}

/** Said after the first invalid record that stopped a run. */
export const SKIP_INVALID_HINT = 'Add --skip-invalid to skip invalid records (counted, the first 10 listed) and size the rest.';

export type RecordErrorHandler = (error: PlacedProblem, records?: number) => void;

/** What to do with a bad record: stop (exit 2), or count it and keep the first 10 messages. */
export function recordErrorHandler(name: string, aggregate: InventoryAggregate, skipInvalid: boolean): RecordErrorHandler {
  return (error, records = 1) => {
    const message = recordMessage(name, error);
    if (!skipInvalid) throw recordError(name, error, message);
    aggregate.skipped += records;
    if (aggregate.skippedSamples.length < 10) aggregate.skippedSamples.push(message);
  };
}

export type Scanner = CsvScanner | JsonScanner;

/** An empty aggregate, its bad-record handler, and the scanner for the format. */
export function startScan(
  name: string,
  format: 'csv' | 'ndjson' | 'json',
  catalog: Catalog,
  skipInvalid: boolean,
  scan?: ScanOptions,
  reading?: CsvReading,
) {
  const aggregate = new InventoryAggregate(catalog);
  const handle = recordErrorHandler(name, aggregate, skipInvalid);
  const onError = (error: RecordError) =>
    handle(labelled({ ...error.place, field: error.field, message: error.message }, scanner instanceof CsvScanner ? scanner : undefined));
  const scanner: Scanner =
    format === 'csv'
      ? new CsvScanner(aggregate, onError, scan, reading)
      : new JsonScanner(aggregate, onError, scan, jsonMapping(name, reading));
  return { aggregate, handle, scanner };
}

/** A problem whose field is named with the column it came from, when the file's header calls it otherwise (see fieldLabel). */
export function labelled(problem: PlacedProblem, scanner: { found?: FoundHeader | undefined } | undefined): PlacedProblem {
  const field = fieldLabel(problem.field, scanner?.found?.plan);
  return field === problem.field ? problem : { ...problem, field };
}

/** What a CSV scanner needs of the options (plain data: worker threads get it too). */
export function csvReading(options: {
  columns?: CsvReading['columns'];
  delimiter?: CsvReading['delimiter'];
  calibration?: CsvReading['calibration'];
  estimateAt?: CsvReading['estimateAt'];
}): CsvReading {
  return {
    ...(options.columns ? { columns: options.columns } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.calibration ? { calibration: options.calibration } : {}),
    ...(options.estimateAt ? { estimateAt: options.estimateAt } : {}),
  };
}

/** How the scanner read the file's columns (CSV) or keys (NDJSON, JSON), for the report. */
export function columnsOf(scanner: Scanner): InventoryColumns | undefined {
  if (scanner instanceof JsonScanner) return keysRead(scanner.keysMet());
  const found = scanner.found;
  if (!found) return undefined;
  return { reads: found.plan.reads, line: found.line, titles: found.titles, ...(found.delimiter ? { delimiter: found.delimiter } : {}) };
}

/**
 * The explicit mapping as JSON keys read it. Segment columns compose a path from a table's columns:
 * NDJSON and JSON records give "segment", so a choice of them is refused, never passed over.
 */
export function jsonMapping(name: string, reading: CsvReading | undefined): KeyMapping | undefined {
  if (reading?.columns?.segmentColumns !== undefined) {
    throw new InputError(
      `${name}: segment columns (--segment-columns, a fleet's "segmentColumns") compose a path from CSV and XLSX columns; NDJSON and JSON records give "segment"`,
      inventoryDetails(name),
    );
  }
  return reading?.columns?.columns;
}
