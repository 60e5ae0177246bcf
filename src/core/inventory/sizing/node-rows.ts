/**
 * An inventory tree's node as the general path's row code reads it: its
 * path and settings (a RowNode), and the draft the figures would have left
 * for it (runFigures, where every camera records its main stream at the
 * head end: no viewing, no links, nothing down), from the sums (sums.ts).
 */
import { setCheckedLoads } from '../../sizing/figures/checks.js';
import { emptyRow, type RowDraft } from '../../sizing/figures/row.js';
import { storageStatus } from '../../sizing/figures/storage.js';
import { timeStats } from '../../sizing/figures/time.js';
import type { Overhead } from '../../sizing/overhead.js';
import { type Recording, type Retention, scaledStorage, storageBytes } from '../../sizing/storage.js';
import { DAY_SCALE, HOURS, isNight, type Schedule } from '../../sizing/time.js';
import type { SegmentRow } from '../../model/report.js';
import type { Ratio } from '../../numbers/percent.js';
import type { Column, NodeSums } from './sums.js';
import type { AggregateTree } from './tree.js';

export interface RowSettings {
  readonly overhead: Overhead;
  readonly schedule: Schedule;
  readonly checkOn: 'peak' | 'average';
  readonly retention: Retention | undefined;
  readonly recording: Recording;
  readonly storageOverhead: Ratio;
}

/** A node's figure: BigInt(sum) × unit. */
export function valueAt(column: Column, i: number): bigint {
  return BigInt(column.at(i)) * column.unit;
}

/** Node i's recorded storage over `seconds` (1/SCALE bit), as the storage figure sums it. */
export function storageAt(sums: NodeSums, i: number, seconds: bigint, s: RowSettings): bigint {
  return scaledStorage(valueAt(sums.payload!, i), seconds, s.recording, s.storageOverhead, DAY_SCALE);
}

/** Node i's draft row. */
export function nodeDrafts(sums: NodeSums, s: RowSettings): (i: number) => RowDraft {
  const night = Array.from({ length: HOURS }, (_, h) => (isNight(s.schedule, h) ? 1 : 0));
  return (i) => {
    const draft = emptyRow();
    draft.cameras = valueAt(sums.cameras, i);
    draft.dayLoadBitsPerSecond = valueAt(sums.load, i);
    draft.recordedUpDay = draft.dayLoadBitsPerSecond;
    draft.recordedUpCameras = draft.cameras;
    const hours = sums.hours;
    if (hours) {
      // timeStats of its 24 hours, each its class's sum (no viewing).
      const means = [valueAt(hours.mean[0], i), valueAt(hours.mean[1], i)];
      const peaks = [valueAt(hours.peak[0], i), valueAt(hours.peak[1], i)];
      draft.time = timeStats({ mean: night.map((c) => means[c]!), peak: night.map((c) => peaks[c]!) }, 0n, s.schedule);
    }
    if (s.retention) draft.storage = storageStatus(storageBytes(storageAt(sums, i, s.retention.seconds, s)), undefined);
    setCheckedLoads(draft, s.checkOn);
    return draft;
  };
}

/** Node i's path: the root's is []; others a prefix of their representative segment's. */
export function nodePaths(tree: AggregateTree, pathOf: (segment: number) => readonly string[]): (i: number) => readonly string[] {
  return (i) => {
    if (i === 0) return [];
    const path = pathOf(tree.rep[i]!);
    return path.length === tree.depth[i] ? path : path.slice(0, tree.depth[i]);
  };
}

/** Slots of the row memo (direct-mapped: a slot holds the last row made for its figures). */
const ROW_SLOTS = 1 << 14;

/**
 * Node i's row: made by `make` (the general path's segmentRow of its draft),
 * or, when a node with the same figures was made lately, that row with this
 * node's path and depth. Two nodes with equal figures have equal rows but for
 * those two (every segment has the fleet-wide settings), and most leaves of
 * a large inventory hold one or two cameras of a few profiles: their rows
 * share their loads, directions and time instead of making them again.
 */
export function rememberedRows(
  sums: NodeSums,
  pathOf: (i: number) => readonly string[],
  make: (i: number) => SegmentRow,
): (i: number) => SegmentRow {
  const { figures, width } = sums;
  const keys = new Float64Array(ROW_SLOTS * width).fill(-1);
  const rows = new Array<SegmentRow | undefined>(ROW_SLOTS);
  return (i) => {
    const from = i * width;
    let hash = 0;
    for (let f = 0; f < width; f++) hash = Math.imul(hash ^ (figures[from + f]! | 0), 0x9e3779b1);
    const slot = (hash ^ (hash >>> 16)) & (ROW_SLOTS - 1);
    const at = slot * width;
    const known = rows[slot];
    let same = known !== undefined;
    for (let f = 0; same && f < width; f++) same = keys[at + f] === figures[from + f];
    if (same) {
      const path = pathOf(i);
      return { ...known!, path, depth: path.length };
    }
    const row = make(i);
    rows[slot] = row;
    keys.set(figures.subarray(from, from + width), at);
    return row;
  };
}
