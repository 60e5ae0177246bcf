/** The recorders' rows of a report, and the head end's, from what arrived at each. */
import type { RecorderRow } from '../model/report.js';
import type { Ratio } from '../numbers/percent.js';
import type { RowDraft } from './figures/row.js';
import type { StorageSums } from './figures/storage.js';
import { type Hours, timeStats } from './figures/time.js';
import type { Places } from './flows/places.js';
import { headEndRow, recorderRow } from './recorders.js';
import type { SegmentNode } from './walk.js';

export function recorderRows(
  nodes: readonly SegmentNode[],
  places: Places,
  drafts: readonly RowDraft[],
  got: {
    recorded: ReadonlyArray<{ cameras: bigint; day: bigint }>;
    hours: readonly Hours[] | undefined;
    checkOn: 'peak' | 'average';
    perRecorder: readonly StorageSums[] | undefined;
    headEnd: StorageSums;
    sizes: boolean;
    headroom?: Ratio | undefined;
  },
): RecorderRow[] {
  const rows = places.recorders.map((placed, t) => {
    const node = nodes[placed.node]!;
    const hours = got.hours?.[t];
    const t24 = hours ? timeStats(hours, 0n, node.schedule) : undefined;
    const ingest = t24 ? (got.checkOn === 'peak' ? t24.peakBitsPerSecond : t24.averageBitsPerSecond) : got.recorded[t]!.day;
    return recorderRow(
      placed,
      node,
      { cameras: got.recorded[t]!.cameras, ingestBitsPerSecond: ingest, storage: got.perRecorder?.[t] },
      got.sizes,
      got.headroom,
    );
  });
  // The head end records what crosses the root's link up: every stream no recorder in the fleet takes.
  const root = drafts[0]!;
  const headEnd = headEndRow(
    { cameras: root.recordedUpCameras, ingestBitsPerSecond: root.upRecorded, storage: got.perRecorder ? got.headEnd : undefined },
    got.sizes,
  );
  return root.recordedUpCameras > 0n ? [...rows, headEnd] : rows;
}
