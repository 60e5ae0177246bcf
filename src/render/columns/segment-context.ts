/** What the segment columns (segments.ts, directions.ts) read: the report's settings and one shown row; and the context made. */
import type { Report, SegmentRow } from '../../core/model/report.js';
import type { RenderOptions } from '../view.js';
import { headroomProfileName } from '../wording/quantities.js';

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

/** The context of a table of `lines` (the shown segments): what the report has, and which profiles their headroom is in. */
export function segmentContext(report: Report, options: RenderOptions, lines: readonly ShownSegment[] = []): SegmentContext {
  return {
    report,
    options,
    viewing: report.total.viewingBitsPerSecond > 0n,
    checkOn: report.settings.time?.checkOn,
    ...segmentsHave(report),
    twoWay: report.twoWay === true,
    suggestions: report.settings.linkSpeeds !== undefined,
    headroomProfiles: headroomProfiles(lines),
  };
}

const HAVE = new WeakMap<Report, { storageCapacity: boolean; ports: boolean; poe: boolean }>();

/**
 * Whether some segment has a storage capacity, ports or a PoE budget: one pass over the rows per
 * report, remembered (an inventory's rows are made each time they are read: core/inventory/sizing/,
 * and a table asks for its context at each width it tries).
 */
function segmentsHave(report: Report): { storageCapacity: boolean; ports: boolean; poe: boolean } {
  let have = HAVE.get(report);
  if (!have) {
    have = { storageCapacity: false, ports: false, poe: false };
    for (const s of report.segments) {
      if (s.storage?.capacityBytes !== undefined) have.storageCapacity = true;
      if (s.ports !== undefined) have.ports = true;
      if (s.poe !== undefined) have.poe = true;
    }
    HAVE.set(report, have);
  }
  return have;
}

/** The link whose headroom the table counts in cameras: the up direction's, where a camera's recorded stream goes (or the shared one). */
export const headroomLink = (s: ShownSegment) => (s.row.linkKind === 'shared' ? s.row.link : s.row.up.link);

function headroomProfiles(lines: readonly ShownSegment[]): string[] {
  const names = new Set<string>();
  for (const s of lines) {
    const h = headroomLink(s)?.headroomCameras;
    if (h) names.add(headroomProfileName(h));
  }
  return [...names];
}
