/**
 * What a CSV inventory's header said, kept as the scanner's own fields for
 * its byte loops (a base class of CsvRecords and CsvScanner: the hot path
 * reads them as its own), and the line count.
 */
import { ChunkScanner } from './chunks.js';
import { type CsvLayout, readHeader } from './csv-header.js';

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

  get linesConsumed(): number {
    return this.line;
  }

  get lines(): number {
    return this.line;
  }

  /** The layout the header names `names` give (see readHeader), kept in the fields above. */
  protected readLayout(names: readonly string[]): CsvLayout {
    const layout = readHeader(names, this.line);
    this.columns = layout.columns;
    this.roles = layout.roles;
    this.lastNeeded = layout.lastNeeded;
    this.leadingSkip = layout.leadingSkip;
    this.presetColumn = layout.columns.preset;
    this.labelColumn = layout.columns.label;
    this.tailLast = layout.tailLast;
    this.labelAfterTail = layout.labelAfterTail;
    this.tailToEnd = layout.tailToEnd;
    return layout;
  }
}
