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
import type { RowNode } from '../../sizing/report-rows.js';
import type { Overhead } from '../../sizing/overhead.js';
import { type Recording, type Retention, scaledStorage, storageBytes } from '../../sizing/storage.js';
import { DAY_SCALE, HOURS, isNight, type Schedule } from '../../sizing/time.js';
import type { SegmentTime } from '../../model/report.js';
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
  const timeAt = sums.hours ? nodeTimes(sums.hours, s.schedule) : undefined;
  return (i) => {
    const draft = emptyRow();
    draft.cameras = valueAt(sums.cameras, i);
    draft.dayLoadBitsPerSecond = valueAt(sums.load, i);
    draft.recordedUpDay = draft.dayLoadBitsPerSecond;
    draft.recordedUpCameras = draft.cameras;
    if (timeAt) draft.time = timeAt(i);
    if (s.retention) draft.storage = storageStatus(storageBytes(storageAt(sums, i, s.retention.seconds, s)), undefined);
    setCheckedLoads(draft, s.checkOn);
    return draft;
  };
}

/** A row's node: its path (the root's is []; others a prefix of their representative segment's) and the fleet-wide overhead. */
export function rowNodes(tree: AggregateTree, pathOf: (segment: number) => readonly string[], overhead: Overhead): (i: number) => RowNode {
  return (i) => {
    if (i === 0) return { path: [], overhead, segment: {} };
    const path = pathOf(tree.rep[i]!);
    return { path: path.length === tree.depth[i] ? path : path.slice(0, tree.depth[i]), overhead, segment: {} };
  };
}

/** Slots of the memo: nodes with the same sums (most leaves hold one or two cameras of a few profiles) share their SegmentTime. */
const TIME_SLOTS = 1 << 14;

/** Node i's time over the day (timeStats of its 24 hours, each its class's sum; no viewing), through a direct-mapped memo. */
function nodeTimes(hours: NonNullable<NodeSums['hours']>, schedule: Schedule): (i: number) => SegmentTime {
  const night = Array.from({ length: HOURS }, (_, h) => (isNight(schedule, h) ? 1 : 0));
  const columns = [hours.mean[0], hours.mean[1], hours.peak[0], hours.peak[1]];
  const keys = new Float64Array(TIME_SLOTS * 4).fill(-1);
  const times = new Array<SegmentTime | undefined>(TIME_SLOTS);
  return (i) => {
    let hash = 0;
    for (const column of columns) hash = Math.imul(hash ^ (column.at(i) | 0), 0x9e3779b1);
    const slot = (hash ^ (hash >>> 16)) & (TIME_SLOTS - 1);
    const at = slot * 4;
    let time = times[slot];
    if (time && columns.every((column, k) => keys[at + k] === column.at(i))) return time;
    const means = [valueAt(hours.mean[0], i), valueAt(hours.mean[1], i)];
    const peaks = [valueAt(hours.peak[0], i), valueAt(hours.peak[1], i)];
    time = timeStats({ mean: night.map((c) => means[c]!), peak: night.map((c) => peaks[c]!) }, 0n, schedule);
    times[slot] = time;
    columns.forEach((column, k) => {
      keys[at + k] = column.at(i);
    });
    return time;
  };
}
