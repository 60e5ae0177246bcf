/** What the segment columns (segments.ts, directions.ts) read: the report's settings and one shown row. */
import type { Report, SegmentRow } from '../../core/model/report.js';
import type { RenderOptions } from '../view.js';

export interface SegmentContext {
  readonly report: Report;
  readonly options: RenderOptions;
  /** Live viewing somewhere in the fleet: a Viewing column shows. */
  readonly viewing: boolean;
  readonly checkOn: 'peak' | 'average' | undefined;
  /** Some segment has a storage capacity: a Store cap. column shows. */
  readonly storageCapacity: boolean;
  /** Something flows down, or a link is asymmetric or shared: Up and Down show instead of Viewing and Load. */
  readonly twoWay: boolean;
  /** Some link was sized or suggested: a Suggested column shows. */
  readonly suggestions: boolean;
  /** Some segment has ports, or a PoE budget: their columns show. */
  readonly ports: boolean;
  readonly poe: boolean;
  /**
   * The profiles the shown rows count headroom in ("4k30", "720p30 sub"), in
   * order of first use: with one, the Headroom heading names it; with more,
   * each cell gives its key ("(a)") and a note under the table names them.
   */
  readonly headroomProfiles: readonly string[];
}

/** A segment as the human table shows it: its row, the name to print and its indentation. */
export interface ShownSegment {
  readonly row: SegmentRow;
  readonly name: string;
  readonly depth: number;
}
