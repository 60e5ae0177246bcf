/**
 * What reading a schedule said that is no result: the rows skipped above its
 * header and the columns it ignored, one stderr line each, so that nothing
 * about how a file was read goes unsaid.
 */
import { printable } from '../../core/diagnostics/printable.js';
import type { InventoryColumns } from '../../io/inventory/options.js';

const quoted = (text: string) => `'${printable(text, 60)}'`;

/** The lines (without 'camsize: ') for a file `name` read with `columns`; `sheet`: the worksheet asked for (--sheet, the fleet's "inventory"). */
export function inventoryNotes(name: string, columns: InventoryColumns | undefined, sheet?: string): string[] {
  const unused = unusedSheetNote(name, columns, sheet);
  if (columns === undefined) return unused;
  const notes: string[] = [...unused];
  const where = columns.sheet !== undefined ? `${name} (sheet ${quoted(columns.sheet)})` : name;
  if (columns.titles.length > 0) {
    const rows = columns.titles.map((t) => `${t.line} ${quoted(t.text)}`).join(', ');
    notes.push(
      `${where}: skipped ${columns.titles.length === 1 ? 'a row' : `${columns.titles.length} rows`} above the header on ${columns.line === 0 ? 'line' : 'line'} ${rows}`,
    );
  }
  const ignored = columns.reads.flatMap((r, i) =>
    r.field === 'ignored' ? [r.header.trim() === '' ? `column ${i + 1} (no name)` : quoted(r.header)] : [],
  );
  const noun = columns.line === 0 ? 'keys' : 'columns';
  if (ignored.length > 0 || (columns.moreKeys ?? 0) > 0)
    notes.push(`${where}: ignored ${noun}: ${ignored.join(', ')}${columns.moreKeys ? ` and ${columns.moreKeys} more` : ''}`);
  return notes;
}

/** A sheet asked for and a file that is no workbook: said, not silently passed over (camsize columns says only this one: its heading tells the rest). */
export function unusedSheetNote(name: string, columns: InventoryColumns | undefined, sheet: string | undefined): string[] {
  return sheet !== undefined && columns?.sheet === undefined
    ? [`note: ${name} is no workbook: the sheet ${quoted(sheet)} is not used`]
    : [];
}
