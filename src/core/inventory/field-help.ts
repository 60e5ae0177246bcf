/**
 * The inventory fields for `camsize help inventory` (and so for
 * docs/inventories.md, which shows it): the column table (columns.ts), the
 * one definition of every field, the names read as it and what it means.
 */
import { type ColumnDefinition, INVENTORY_COLUMNS } from './columns.js';

/** The fields, their meanings and the other names read as them, in the table's order. */
export const INVENTORY_REFERENCE: ReadonlyArray<
  readonly [string, { readonly meaning: string; readonly example: string; readonly also: readonly string[]; readonly json: boolean }]
> = INVENTORY_COLUMNS.map(
  (c: ColumnDefinition) => [c.field, { meaning: c.meaning, example: c.example, also: c.names.slice(1), json: c.json }] as const,
);
