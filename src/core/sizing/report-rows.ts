/** The report's segment rows and settings, assembled from what the figures wrote. */
import type { DirectionLoad, Report, SegmentRow } from '../model/report.js';
import type { Ratio } from '../numbers/percent.js';
import type { RowDraft } from './figures/row.js';
import type { Overhead } from './overhead.js';
import type { SizeOptions } from './size-options.js';
import type { Schedule } from './time.js';
import { CONTINUOUS, NO_STORAGE_OVERHEAD, type Recording, type Retention } from './storage.js';
import type { SegmentNode } from './walk.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One direction's loads; its optional keys added, not spread (twice per segment: bench/RESULTS.md, "Fleet file"). */
function directionLoad(
  recorded: bigint,
  cameras: bigint,
  viewing: bigint,
  link: RowDraft['upLink'],
  time: RowDraft['time'],
  flows: RowDraft['flowsUp'],
): DirectionLoad {
  const load: Mutable<DirectionLoad> = {
    loadBitsPerSecond: recorded + viewing,
    recordedBitsPerSecond: recorded,
    recordedCameras: cameras,
    viewingBitsPerSecond: viewing,
  };
  if (link) load.link = link;
  if (time) load.time = time;
  if (flows) load.flows = flows;
  return load;
}

/** What a segment row reads of its node (the general path's walk, or an inventory's tree: core/inventory/sizing/). */
export type RowNode = Pick<SegmentNode, 'path' | 'overhead'> & {
  readonly segment: Pick<SegmentNode['segment'], 'linkShape' | 'linkAuto' | 'viewers' | 'viewerList'>;
};

export function segmentRow(node: RowNode, draft: RowDraft): SegmentRow {
  const shape = node.segment.linkShape;
  const row: Mutable<SegmentRow> = {
    path: node.path,
    depth: node.path.length,
    cameras: draft.cameras,
    cameraLoadBitsPerSecond: draft.cameraLoadBitsPerSecond,
    viewingBitsPerSecond: draft.viewingBitsPerSecond,
    loadBitsPerSecond: draft.loadBitsPerSecond,
    overhead: node.overhead,
    up: directionLoad(draft.upRecorded, draft.recordedUpCameras, draft.viewingUpBitsPerSecond, draft.upLink, draft.timeUp, draft.flowsUp),
    down: directionLoad(
      draft.downRecorded,
      draft.recordedDownCameras,
      draft.viewingDownBitsPerSecond,
      draft.downLink,
      draft.timeDown,
      draft.flowsDown,
    ),
  };
  if (draft.link) {
    row.link = draft.link;
    row.linkKind = shape?.kind ?? 'duplex';
  }
  if (draft.linkDirection) row.linkDirection = draft.linkDirection;
  if (draft.storage) row.storage = draft.storage;
  if (draft.time) row.time = draft.time;
  if (draft.percentile) row.percentile = draft.percentile;
  if (draft.drift) row.drift = draft.drift;
  if (node.segment.linkAuto) row.linkAuto = true;
  if (draft.linkSuggestion) row.linkSuggestion = draft.linkSuggestion;
  if (draft.ports) row.ports = draft.ports;
  if (draft.poe) row.poe = draft.poe;
  const viewers = ownViewers(node.segment);
  if (viewers) row.viewers = viewers;
  return row;
}

/** The viewing stations a segment holds, and the streams they watch (stations × streams of each entry). */
function ownViewers(segment: RowNode['segment']): SegmentRow['viewers'] {
  let stations = 0n;
  let streams = 0n;
  if (segment.viewers && segment.viewers.streams > 0n) {
    stations += 1n;
    streams += segment.viewers.streams;
  }
  for (const entry of segment.viewerList ?? []) {
    stations += entry.stations;
    streams += entry.stations * entry.streams;
  }
  return stations > 0n ? { stations, streams } : undefined;
}

/** Which settings the numbers were computed with, for the sentences and JSON that say so. */
export function reportSettings(
  nodes: readonly SegmentNode[],
  used: Omit<SettingsUsed, 'overheads' | 'storageUsed' | 'schedule'>,
): Report['settings'] {
  return settingsOf({ ...used, overheads: overheadsUsed(nodes), storageUsed: storageSettingsUsed(nodes), schedule: nodes[0]!.schedule });
}

export interface SettingsUsed {
  overhead: Overhead;
  ceiling: Ratio;
  checkOn: 'peak' | 'average';
  timeVarying: boolean;
  sizesStorage: boolean;
  options: SizeOptions;
  /** The distinct overheads the segments use, in tree order. */
  overheads: Overhead[];
  /** The distinct retention and recording settings of segments that have cameras. */
  storageUsed: Array<{ retention: Retention; recording: Recording }>;
  /** The root's schedule. */
  schedule: Schedule;
  /** The speeds links were sized or suggested from, when any was; the PoE ceiling, when a budget was checked. */
  linkSpeeds: readonly bigint[] | undefined;
  poeCeiling: Ratio | undefined;
}

/** The report's settings from what was used (reportSettings; or an inventory's, whose segments all have the fleet-wide settings). */
export function settingsOf(used: SettingsUsed): Report['settings'] {
  const { storage, percentile } = used.options;
  return {
    ...(used.linkSpeeds ? { linkSpeeds: used.linkSpeeds } : {}),
    ...(used.poeCeiling ? { maxPoeUtilization: used.poeCeiling } : {}),
    overhead: used.overhead,
    maxUtilization: used.ceiling,
    overheadsUsed: used.overheads,
    ...(used.timeVarying ? { time: { checkOn: used.checkOn, schedule: used.schedule } } : {}),
    ...(percentile ? { percentile } : {}),
    ...(used.sizesStorage
      ? {
          storage: {
            ...(storage?.retention ? { retention: storage.retention } : {}),
            recording: storage?.recording ?? CONTINUOUS,
            overhead: storage?.overhead ?? NO_STORAGE_OVERHEAD,
            used: used.storageUsed,
            ...(storage?.headroom ? { headroom: storage.headroom } : {}),
          },
        }
      : {}),
  };
}

/** The distinct overheads the segments use, in tree order. */
function overheadsUsed(nodes: readonly SegmentNode[]): Overhead[] {
  const used = new Map<string, Overhead>();
  for (const node of nodes) used.set(node.overhead.description, node.overhead);
  return [...used.values()];
}

/** The distinct retention and recording settings of segments that have cameras. */
function storageSettingsUsed(nodes: readonly SegmentNode[]): Array<{ retention: Retention; recording: Recording }> {
  const used = new Map<string, { retention: Retention; recording: Recording }>();
  for (const node of nodes) {
    if (!node.retention || node.segment.groups.length === 0) continue;
    const key = `${node.retention.seconds}|${node.recording.mode}|${node.recording.duty.num}/${node.recording.duty.den}`;
    used.set(key, { retention: node.retention, recording: node.recording });
  }
  return [...used.values()];
}
