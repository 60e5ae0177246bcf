/**
 * A worksheet's rows into the aggregate, by the rules a CSV schedule is read
 * with: the header row found the same way (header-rows.ts), every column
 * read or named as ignored (column-plan.ts), each row on the general path
 * (TableRecords). A column camsize reads that holds an error value (#REF!)
 * or a formula saved without its value is the row's problem, never an empty cell.
 */
import { RecordError, type InventoryAggregate } from '../aggregate.js';
import type { ColumnSettings } from '../column-plan.js';
import type { RowObserver } from '../csv-columns.js';
import { type FoundHeader, HeaderSearch, keyReadingOf } from '../header-rows.js';
import type { SiteCalibration } from '../../model/calibration.js';
import type { EstimateAtSetting } from '../../model/fleet.js';
import { TableRecords } from '../table-records.js';
import { CELL_ERROR, columnName } from './sheet-rows.js';

const utf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

export class SheetRecords {
  found: FoundHeader | undefined;
  records: TableRecords | undefined;
  private readonly search: HeaderSearch;
  /** The columns the plan reads, with their field, for the flagged-cell check. */
  private readColumns: Array<[number, string]> = [];

  constructor(
    private readonly aggregate: InventoryAggregate,
    private readonly onError: (error: RecordError) => void,
    private readonly settings: {
      columns?: ColumnSettings;
      calibration?: SiteCalibration;
      estimateAt?: EstimateAtSetting;
      observe?: RowObserver;
    },
  ) {
    this.search = new HeaderSearch(settings.columns ?? {});
  }

  /** One row of the sheet (its cells as latin1 of their UTF-8, `width` of them; `flags` per cell, see sheet-rows.ts). */
  row(rowNumber: number, cells: readonly string[], width: number, flags: Uint8Array): void {
    if (this.records === undefined) {
      this.header(cells.slice(0, width).map(utf8), rowNumber);
      return;
    }
    for (const [c, field] of this.readColumns) {
      const flag = c < width ? flags[c]! : 0;
      if (flag === 0) continue;
      const what =
        flag === CELL_ERROR
          ? `holds Excel's error ${utf8(cells[c]!)}`
          : 'is a formula saved without its value (open the workbook in Excel and save it again)';
      if (cells.some((v, i) => i !== c && v.trim() !== '') || flag === CELL_ERROR)
        this.onError(new RecordError({ line: rowNumber, column: c + 1 }, field, `cell ${columnName(c)}${rowNumber} ${what}`));
      return;
    }
    this.records.record(cells, rowNumber);
  }

  private header(cells: string[], rowNumber: number): void {
    const plan = this.search.row(cells, rowNumber);
    if (plan === undefined) return;
    this.found = { plan, line: rowNumber, titles: this.search.titles };
    this.aggregate.reading = keyReadingOf(plan, { calibration: this.settings.calibration, estimateAt: this.settings.estimateAt });
    this.readColumns = plan.reads.flatMap((r, c) => (r.field === 'ignored' ? [] : [[c, r.field] as [number, string]]));
    this.records = new TableRecords(this.aggregate, this.onError, plan, { decimalComma: false });
    const observe = this.settings.observe;
    if (observe) this.records.observe = (e, line, count) => observe(this.aggregate, e, line, count);
  }
}
