/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. The tree is walked once (walk.ts), then each figure
 * (figures/*.ts) runs as an accumulator over it, and the rows, totals and
 * checks are assembled here.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Fleet, Profile } from '../model/fleet.js';
import type { Check, DriftSummary, GroupDrift, LinkStatus, Report, SegmentRow } from '../model/report.js';
import { DEFAULT_CEILING, type Ratio } from '../numbers/percent.js';
import type { DriftInput } from '../measure/drift.js';
import { camerasFigure } from './figures/cameras.js';
import { driftFigure } from './figures/drift.js';
import { checksFigure, headroomIn } from './figures/checks.js';
import { type Figure, runFigure } from './figures/figure.js';
import { dayLoadFigure } from './figures/load.js';
import { percentileFigure } from './figures/percentile.js';
import { emptyRow, type RowDraft } from './figures/row.js';
import { storageFigure, storageStatus } from './figures/storage.js';
import { timeFigure } from './figures/time.js';
import { viewingFigure } from './figures/viewing.js';
import { linkStatus } from './link.js';
import { OVERHEADS, type Overhead } from './overhead.js';
import type { PercentileSettings } from './percentile.js';
import { profileRows } from './profiles.js';
import { CONTINUOUS, type Recording, type Retention } from './storage.js';
import { DEFAULT_SCHEDULE, type Schedule, varies } from './time.js';
import { collectChecks, verdictOf } from './verdict.js';
import { type SegmentNode, walkTree } from './walk.js';

export interface SizeOptions {
  /** Ceiling for links that do not set their own (default 70 %). */
  maxUtilization?: Ratio;
  /** Overhead for segments that do not set their own (default none). */
  overhead?: Overhead;
  /** Check the fleet total against this capacity, b/s (--capacity). */
  capacityBitsPerSecond?: bigint;
  /** Express headroom in cameras of this profile (--as) instead of each segment's dominant one. */
  headroomProfile?: Profile;
  /** Which hours are night, for segments that do not set their own (default: 12 h from 18:00). */
  schedule?: Schedule;
  /** Also give a percentile of the aggregate load (statistical sizing, approximate). */
  percentile?: PercentileSettings;
  /** What capacity checks compare with when rates vary over the day: the peak (default) or the daily average. */
  checkOn?: 'peak' | 'average';
  /** Storage sizing defaults (--retention, --recording, --storage-overhead), and a capacity for the total. */
  storage?: { retention?: Retention; recording: Recording; overhead: Ratio; capacityBytes?: bigint };
  /** --measured: measurements matched to the fleet's groups, compared with their design (drift checks). */
  drift?: DriftInput;
}

const NO_OVERHEAD: Ratio = { num: 0n, den: 100n };

export function sizeFleet(fleet: Fleet, options: SizeOptions = {}): Report {
  const overhead = options.overhead ?? OVERHEADS['none']!;
  const ceiling = options.maxUtilization ?? DEFAULT_CEILING;
  const storage = options.storage;
  const checkOn = options.checkOn ?? 'peak';
  const nodes = walkTree(fleet.root, {
    overhead,
    ceiling,
    retention: storage?.retention,
    recording: storage?.recording ?? CONTINUOUS,
    schedule: options.schedule ?? DEFAULT_SCHEDULE,
  });
  const sizesStorage = checkStorageInputs(nodes, fleet.name, storage?.capacityBytes);
  const timeVarying = nodes.some((n) => n.segment.groups.some((g) => g.profile.states !== undefined && varies(g.profile.states)));

  const drafts = nodes.map(emptyRow);
  const run = <S>(figure: Figure<S>) => runFigure(figure, nodes, drafts);
  run(camerasFigure);
  run(dayLoadFigure);
  run(viewingFigure);
  if (timeVarying) run(timeFigure);
  if (sizesStorage) run(storageFigure(storage?.overhead ?? NO_OVERHEAD));
  if (options.percentile) run(percentileFigure(options.percentile));
  run(checksFigure(checkOn, options.headroomProfile));
  if (options.drift) run(driftFigure(options.drift));

  const segments = drafts.map((draft, i) => segmentRow(nodes[i]!, draft));
  const root = drafts[0]!;
  const totalCheck =
    options.capacityBitsPerSecond === undefined
      ? undefined
      : totalLinkCheck(root, options.capacityBitsPerSecond, ceiling, options.headroomProfile, nodes[0]!, checkOn);
  const totalStorage = sizesStorage ? storageStatus(root.storage?.bytes ?? 0n, storage?.capacityBytes) : undefined;
  const driftGroups = drafts.flatMap((d) => d.driftGroups ?? []);
  const checks = collectChecks(segments, {
    ...(totalCheck ? { check: totalCheck } : {}),
    ...(totalStorage ? { storage: totalStorage } : {}),
    drift: driftGroups,
  });
  const profiles = profileRows(nodes);
  return {
    fleetName: fleet.name,
    settings: reportSettings(nodes, { overhead, ceiling, checkOn, timeVarying, sizesStorage, options }),
    profiles,
    segments,
    total: {
      cameras: root.cameras,
      profilesLoadBitsPerSecond: profiles.reduce((sum, p) => sum + p.loadBitsPerSecond, 0n),
      loadBitsPerSecond: root.loadBitsPerSecond,
      viewingBitsPerSecond: root.viewingBitsPerSecond,
      ...(totalStorage ? { storage: totalStorage } : {}),
      ...(root.time ? { time: root.time } : {}),
      ...(root.percentile ? { percentile: root.percentile } : {}),
    },
    checks,
    ...(totalCheck ? { totalCheck: totalCheck.link } : {}),
    ...(options.drift ? { drift: driftSummary(options.drift, driftGroups) } : {}),
    verdict: verdictOf(checks),
  };
}

/** Which settings the numbers were computed with, for the sentences and JSON that say so. */
function reportSettings(
  nodes: readonly SegmentNode[],
  used: {
    overhead: Overhead;
    ceiling: Ratio;
    checkOn: 'peak' | 'average';
    timeVarying: boolean;
    sizesStorage: boolean;
    options: SizeOptions;
  },
): Report['settings'] {
  const { storage, percentile } = used.options;
  return {
    overhead: used.overhead,
    maxUtilization: used.ceiling,
    overheadsUsed: overheadsUsed(nodes),
    ...(used.timeVarying ? { time: { checkOn: used.checkOn, schedule: nodes[0]!.schedule } } : {}),
    ...(percentile ? { percentile } : {}),
    ...(used.sizesStorage
      ? {
          storage: {
            ...(storage?.retention ? { retention: storage.retention } : {}),
            recording: storage?.recording ?? CONTINUOUS,
            overhead: storage?.overhead ?? NO_OVERHEAD,
            used: storageSettingsUsed(nodes),
          },
        }
      : {}),
  };
}

/** Whether storage is sized at all (some segment has a retention); refuses capacities without one. */
function checkStorageInputs(nodes: readonly SegmentNode[], fleetName: string, capacityBytes: bigint | undefined): boolean {
  for (const node of nodes) {
    if (node.segment.storageBytes !== undefined && node.retention === undefined) {
      const where = node.path.length === 0 ? fleetName : node.path.join('/');
      throw new InputError(`segment '${where}' has a storage capacity but no retention: give --retention or "retention" in the fleet file`);
    }
  }
  const sizes = nodes.some((n) => n.retention !== undefined);
  if (capacityBytes !== undefined && !sizes) {
    throw new InputError('--storage-capacity needs a retention to size storage against: give --retention');
  }
  return sizes;
}

function segmentRow(node: SegmentNode, draft: RowDraft): SegmentRow {
  return {
    path: node.path,
    depth: node.path.length,
    cameras: draft.cameras,
    cameraLoadBitsPerSecond: draft.cameraLoadBitsPerSecond,
    viewingBitsPerSecond: draft.viewingBitsPerSecond,
    loadBitsPerSecond: draft.loadBitsPerSecond,
    overhead: node.overhead,
    ...(draft.link ? { link: draft.link } : {}),
    ...(draft.storage ? { storage: draft.storage } : {}),
    ...(draft.time ? { time: draft.time } : {}),
    ...(draft.percentile ? { percentile: draft.percentile } : {}),
    ...(draft.drift ? { drift: draft.drift } : {}),
  };
}

function driftSummary(input: DriftInput, groups: readonly GroupDrift[]): DriftSummary {
  return { tolerance: input.tolerance, measurements: input.measurements, groups, unmatched: input.unmatched };
}

/** The fleet total against --capacity, under the default ceiling. */
function totalLinkCheck(
  root: RowDraft,
  capacity: bigint,
  ceiling: Ratio,
  named: Profile | undefined,
  rootNode: SegmentNode,
  checkOn: 'peak' | 'average',
): Check & { link: LinkStatus } {
  const link = linkStatus(root.loadBitsPerSecond, capacity, ceiling, headroomIn(named ?? root.dominant, rootNode, checkOn));
  return { kind: 'total', fits: link.fits, link, loadBitsPerSecond: root.loadBitsPerSecond };
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
