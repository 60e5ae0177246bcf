/**
 * What a CSV inventory's header said, kept as the scanner's own fields for
 * its byte loops (a base class of CsvRecords and CsvScanner: the hot path
 * reads them as its own), and the header phase that finds it: the rows above
 * it (empty, or a title), the delimiter, what each column is read as
 * (column-plan.ts). A header the byte paths cannot take (a composed segment
 * path, rows to estimate, ';' or tabs) hands the rest of the file to the
 * general path (csv-table.ts).
 */
import type { InventoryAggregate, RecordError } from './aggregate.js';
import { ChunkScanner, InventoryError, lineBytes, lineTooLong, MAX_RECORD_BYTES } from './chunks.js';
import type { ColumnPlan, ColumnSettings } from './column-plan.js';
import { bytePathsFit, type CsvLayout, csvLayout } from './csv-header.js';
import { readQuotedRecord } from './csv-quoted.js';
import { CsvTableScanner } from './csv-table.js';
import { decodeUtf8Field } from './encoding.js';
import { type Delimiter, type FoundHeader, HeaderSearch, keyReadingOf, recordExtent, rowDelimiter } from './header-rows.js';
import { profileDecoder } from './record.js';
import { TableRecords } from './table-records.js';
import type { SiteCalibration } from '../model/calibration.js';
import type { EstimateAtSetting } from '../model/fleet.js';

/** How a CSV file is to be read beyond what its header says: plain data (worker threads get it too). */
export interface CsvReading {
  readonly columns?: ColumnSettings;
  /** The delimiter, when the header line alone cannot tell (--delimiter). */
  readonly delimiter?: Delimiter;
  /** A site calibration for the rows to estimate. */
  readonly calibration?: SiteCalibration;
  /** The point of their ranges the rows to estimate take (--estimate-at). */
  readonly estimateAt?: EstimateAtSetting;
  /** Every row on the general path (TableRecords): the plain path the byte paths are held to (tests), and camsize columns. */
  readonly general?: boolean;
  /** Told each row's entry, line and count (camsize columns; one thread only: a function does not cross to a worker). */
  readonly observe?: RowObserver;
}

export type RowObserver = (aggregate: InventoryAggregate, entry: number, line: number, count: number | bigint) => void;

export abstract class CsvColumns extends ChunkScanner {
  protected line = 0;
  /** What the header said: undefined until it is read. */
  protected columns: CsvLayout['columns'] | undefined;
  /** Per column: ROLE_SEGMENT, ROLE_KEY (part of the profile key), ROLE_COUNT, ROLE_LABEL or ROLE_NONE. */
  protected roles = new Uint8Array(0);
  /** Where the preset and the label are (-1: no such column). */
  protected presetColumn = -1;
  protected labelColumn = -1;
  /** The line cache's tail: its last column, and whether a label comes after it (see CsvLayout). */
  protected tailLast = 0;
  protected labelAfterTail = false;
  /** How many leading columns play no role (an id, say): a line's tail starts after them. */
  protected leadingSkip = 0;
  protected lastNeeded = 0;
  /** The last needed column is the header's last: a line's tail runs to its end. */
  protected tailToEnd = false;
  /** The general path, once the header asked for it: every later byte goes there. */
  protected table: CsvTableScanner | undefined;
  /** The header, once found: its plan, line, the rows skipped above it, the delimiter. */
  found: FoundHeader | undefined;
  private readonly search: HeaderSearch;

  constructor(
    protected readonly aggregate: InventoryAggregate,
    protected readonly onError: (error: RecordError) => void,
    private readonly reading: CsvReading = {},
  ) {
    super();
    this.search = new HeaderSearch(reading.columns ?? {});
  }

  get linesConsumed(): number {
    return this.table?.linesConsumed ?? this.line;
  }

  get lines(): number {
    return this.linesConsumed;
  }

  /**
   * The rows from `pos` up to and with the header: returns the offset after
   * the header, or -1 when the buffer ends first (the rest carried over).
   */
  protected headerRows(buf: Buffer, pos: number, final: boolean): number {
    while (pos < buf.length && !this.found) {
      const { end, found } = recordExtent(buf, pos);
      if (end < 0 && !final) {
        this.keep(buf, pos, () => lineTooLong(this.line + 1, 'a header row'));
        return -1;
      }
      if (lineBytes(buf, pos, end) > MAX_RECORD_BYTES) throw lineTooLong(this.line + 1, 'a header row'); // however the input was cut
      const stop = end < 0 ? buf.length : end + 1;
      const line = this.line + 1;
      const split = (d: Delimiter) => splitRow(buf.subarray(pos, stop), d, line);
      const delimiter = rowDelimiter(this.reading.delimiter, found, (d) => cellsOrMany(() => split(d).fields), line);
      const row = split(delimiter ?? ',');
      this.line += row.lines;
      pos = stop;
      this.headerCells(row.fields, line, delimiter ?? ',');
    }
    return pos;
  }

  /** A row before the header (its cells, latin1): skipped, or the header, which sets the scanner up. */
  protected headerCells(cells: readonly string[], line: number, delimiter: Delimiter = ','): void {
    const plan = this.search.row(
      cells.map((c, i) => utf8Cell(c, i, line)),
      line,
    );
    if (plan === undefined) return;
    this.found = { plan, line, titles: this.search.titles, delimiter };
    this.aggregate.reading = keyReadingOf(plan, {
      decimalComma: delimiter === ';',
      calibration: this.reading.calibration,
      estimateAt: this.reading.estimateAt,
    });
    if (bytePathsFit(plan, delimiter) && !this.reading.general) this.useLayout(csvLayout(plan, cells.length));
    else this.table = new CsvTableScanner(this.tableRecords(plan, delimiter), delimiter.charCodeAt(0), this.line);
  }

  /** The general path's records for this plan (a subclass may watch them). */
  protected tableRecords(plan: ColumnPlan, delimiter: Delimiter): TableRecords {
    const records = new TableRecords(this.aggregate, this.onError, plan, { decimalComma: delimiter === ';' });
    const observe = this.reading.observe;
    if (observe) records.observe = (e, line, count) => observe(this.aggregate, e, line, count);
    return records;
  }

  /** The layout kept in the fields above; profile keys are stored in file order, so the aggregate gets their canonical parts. */
  private useLayout(layout: CsvLayout): void {
    this.columns = layout.columns;
    this.roles = layout.roles;
    this.lastNeeded = layout.lastNeeded;
    this.leadingSkip = layout.leadingSkip;
    this.presetColumn = layout.columns.preset;
    this.labelColumn = layout.columns.label;
    this.tailLast = layout.tailLast;
    this.labelAfterTail = layout.labelAfterTail;
    this.tailToEnd = layout.tailToEnd;
    this.aggregate.decodeProfile = profileDecoder(layout.profileOrder);
  }
}

/** A row of bytes split at `delimiter` (quotes honoured), whatever it holds: a header row is read whole. */
function splitRow(bytes: Buffer, delimiter: Delimiter, line: number): { fields: string[]; lines: number } {
  const record = readQuotedRecord(bytes, 0, true, line, delimiter.charCodeAt(0));
  if (record === undefined) throw new InventoryError('a quoted field is not closed before the end of the header row', { line });
  return record;
}

/** A row's cells split one way, or, when it cannot be split that way, two cells (it is no title then). */
function cellsOrMany(cells: () => string[]): string[] {
  try {
    return cells();
  } catch (error) {
    if (error instanceof InventoryError) return ['?', '?'];
    throw error;
  }
}

/** A header cell as text: its UTF-8 decoded, or a problem naming the column. */
function utf8Cell(cell: string, index: number, line: number): string {
  const text = decodeUtf8Field(cell);
  if (typeof text !== 'string') throw new InventoryError(`header: column ${index + 1}: ${text.problem}`, { line });
  return text;
}
