/** What every renderer gets besides the data: display choices, never data. */

export type Precision = number | 'exact' | 'reading';

/** Colour functions; identity when colour is off. The shell builds them from chalk. */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

export const NO_PAINT: Paint = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
};

export interface RenderOptions {
  /** Fixed unit for human formats (table, markdown); default: auto-scaled per value. */
  unit?: { name: string; factor: bigint };
  /**
   * How human formats round: a number of decimals (marked '~' where that
   * changed a value), every digit ('exact'), or figures for reading
   * ('reading': 4 significant digits, percentages to a tenth, unmarked).
   * Default: exact in the terminal, for reading in the documents (Markdown, HTML).
   */
  precision?: Precision;
  /** Human formats show the segment tree down to this depth (default: all; above 200 segments, the deepest level that keeps the tree within 200 rows, at least 1). */
  depth?: number;
  /** … and the N busiest segments below it (default 10 when the tree is cut). */
  top?: number;
  /** Show the 24-hour curve of this segment path ('' for the total). */
  timeline?: string;
  /** Terminal tables fit this many columns (cells); default: as wide as their cells need. */
  width?: number;
  /** Terminal tables draw ASCII borders (no UTF-8 locale, TERM=dumb, --ascii). */
  ascii?: boolean;
  /** What made the report, for formats that say so (HTML): camsize's version and the input files by their base names. */
  provenance?: { readonly version: string; readonly inputs: readonly string[] };
  /** When the report was made, for formats that say so (HTML): ISO 8601 in UTC, e.g. 2025-06-01T12:00:00Z. */
  generated?: string;
  /** The printed page (HTML): A4 (default) or US Letter. */
  paper?: 'a4' | 'letter';
  /** camsize diff: also show the rows and figures that did not change. */
  unchanged?: boolean;
  /** camsize check: only the lines of failing or unreadable fleets (nothing when all pass). */
  quiet?: boolean;
  paint: Paint;
}
