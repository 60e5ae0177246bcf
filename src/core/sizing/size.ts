/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. The tree is walked once (walk.ts), the recorders and viewers
 * placed (flows/places.ts), then each figure (figures/*.ts) runs as an
 * accumulator over it, and the rows, totals and checks are assembled here.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Fleet, Profile } from '../model/fleet.js';
import type { Check, DriftSummary, GroupDrift, LinkStatus, Report } from '../model/report.js';
import { DEFAULT_CEILING, type Ratio } from '../numbers/percent.js';
import type { DriftInput } from '../measure/drift.js';
import { runFlowDetail, runPercentile, runRecorded, runTime } from './flow-figures.js';
import { camerasFigure } from './figures/cameras.js';
import { driftFigure } from './figures/drift.js';
import { checksFigure, headroomIn } from './figures/checks.js';
import { type Figure, runFigure } from './figures/figure.js';
import { dayLoadFigure } from './figures/load.js';
import { emptyRow, type RowDraft } from './figures/row.js';
import { noStorage, retentionThatFits, type StorageSums, storageFigure, storageStatus } from './figures/storage.js';
import { viewingFigure } from './figures/viewing.js';
import { type FlowProblem, placeFlowsOnce, type Places } from './flows/places.js';
import { streamRates } from './flows/streams.js';
import { planViewing } from './flows/viewing.js';
import { linkStatus } from './link.js';
import { OVERHEADS, type Overhead } from './overhead.js';
import type { PercentileSettings } from './percentile.js';
import { profileRows } from './profiles.js';
import { recorderRows } from './recorder-rows.js';
import { reportSettings, segmentRow } from './report-rows.js';
import { CONTINUOUS, type Recording, type Retention } from './storage.js';
import { DEFAULT_SCHEDULE, type Schedule, varies } from './time.js';
import { collectChecks, verdictOf } from './verdict.js';
import { type SegmentNode, walkTree } from './walk.js';

export interface SizeOptions {
  /** Ceiling for links that do not set their own (default 70 %). */
  maxUtilization?: Ratio;
  /** Overhead for segments that do not set their own (default none). */
  overhead?: Overhead;
  /** Check the fleet total (both directions of the root's link together) against this capacity, b/s (--capacity). */
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
  /** Also list, for every link and direction, the flows that cross it (--flows). */
  flows?: boolean;
}

const NO_OVERHEAD: Ratio = { num: 0n, den: 100n };

export function sizeFleet(fleet: Fleet, options: SizeOptions = {}): Report {
  const overhead = options.overhead ?? OVERHEADS['none']!;
  const ceiling = options.maxUtilization ?? DEFAULT_CEILING;
  const storage = options.storage;
  const checkOn = options.checkOn ?? 'peak';
  const nodes = walkTree(fleet.root, inheritedDefaults(overhead, ceiling, options));
  const { places, problems } = placeFlowsOnce(fleet.root, nodes);
  if (problems.length > 0) throw flowError(problems, nodes, fleet.name);
  const sizes = checkStorageInputs(nodes, fleet.name, places, storage?.capacityBytes);
  const timeVarying = nodes.some((n) => n.segment.groups.some((g) => g.profile.states !== undefined && varies(g.profile.states)));

  const drafts = nodes.map(emptyRow);
  const run = <S>(figure: Figure<S>) => runFigure(figure, nodes, drafts);
  run(camerasFigure);
  run(dayLoadFigure);
  const rateOf = streamRates(checkOn);
  const viewing = places.viewedNode.size > 0 ? planViewing(nodes, places, rateOf) : undefined;
  run(viewingFigure(viewing));
  const recorded = runRecorded(nodes, places, drafts);
  const hours = timeVarying ? runTime(nodes, places, drafts) : undefined;
  const perRecorder = places.recorders.map(noStorage);
  const headEnd = noStorage();
  const root = sizes.any ? run(storageFigure(storage?.overhead ?? NO_OVERHEAD, sizes.rows, { places, perRecorder, headEnd })) : undefined;
  if (options.percentile) runPercentile(nodes, places, drafts, options.percentile);
  run(checksFigure(checkOn, options.headroomProfile));
  if (options.drift) run(driftFigure(options.drift));
  if (options.flows) runFlowDetail(nodes, places, drafts, rateOf, viewing);

  const segments = drafts.map((draft, i) => segmentRow(nodes[i]!, draft));
  const recorders =
    places.recorders.length === 0
      ? undefined
      : recorderRows(nodes, places, drafts, {
          recorded,
          hours,
          checkOn,
          perRecorder: sizes.any ? perRecorder : undefined,
          headEnd,
          sizes: sizes.rows,
        });
  const rootDraft = drafts[0]!;
  const driftGroups = drafts.flatMap((d) => d.driftGroups ?? []);
  const { totalCheck, totalStorage, keeps, checks } = fleetChecks(rootDraft, nodes[0]!, segments, recorders ?? [], {
    options,
    ceiling,
    checkOn,
    sizesRows: sizes.rows,
    root,
    driftGroups,
  });
  const profiles = profileRows(nodes);
  return {
    fleetName: fleet.name,
    settings: reportSettings(nodes, { overhead, ceiling, checkOn, timeVarying, sizesStorage: sizes.any, options }),
    profiles,
    segments,
    total: reportTotal(rootDraft, profiles, totalStorage, keeps),
    checks,
    ...(totalCheck ? { totalCheck: totalCheck.link } : {}),
    ...(options.drift ? { drift: driftSummary(options.drift, driftGroups) } : {}),
    ...(recorders ? { recorders } : {}),
    ...(twoWay(nodes, segments) ? { twoWay: true } : {}),
    verdict: verdictOf(checks),
  };
}

/** What the root passes down: the fleet-wide settings, until a segment sets its own. */
function inheritedDefaults(overhead: Overhead, ceiling: Ratio, options: SizeOptions) {
  return {
    overhead,
    ceiling,
    retention: options.storage?.retention,
    recording: options.storage?.recording ?? CONTINUOUS,
    schedule: options.schedule ?? DEFAULT_SCHEDULE,
  };
}

/** Every check of the report: the segments', the recorders', and the totals against --capacity and --storage-capacity. */
function fleetChecks(
  rootDraft: RowDraft,
  rootNode: SegmentNode,
  segments: Report['segments'],
  recorders: NonNullable<Report['recorders']>,
  c: {
    options: SizeOptions;
    ceiling: Ratio;
    checkOn: 'peak' | 'average';
    sizesRows: boolean;
    root: StorageSums | undefined;
    driftGroups: readonly GroupDrift[];
  },
) {
  const { options } = c;
  const storage = options.storage;
  const totalCheck =
    options.capacityBitsPerSecond === undefined
      ? undefined
      : totalLinkCheck(rootDraft, options.capacityBitsPerSecond, c.ceiling, options.headroomProfile, rootNode, c.checkOn);
  const totalStorage = c.sizesRows
    ? storageStatus(rootDraft.storage?.bytes ?? 0n, storage?.capacityBytes, rootDraft.storage?.unretainedCameras)
    : undefined;
  const keeps = !c.sizesRows && storage?.capacityBytes !== undefined ? totalKeeps(storage.capacityBytes, c.root) : undefined;
  const checks = collectChecks(segments, recorders, {
    ...(totalCheck ? { check: totalCheck } : {}),
    ...(totalStorage ? { storage: totalStorage } : {}),
    drift: c.driftGroups,
  });
  return { totalCheck, totalStorage, keeps, checks };
}

/** The fleet total: the root's figures, and the whole fleet's storage checks. */
function reportTotal(
  rootDraft: RowDraft,
  profiles: Report['profiles'],
  storage: Report['total']['storage'],
  keeps: Report['total']['keeps'],
): Report['total'] {
  return {
    cameras: rootDraft.cameras,
    profilesLoadBitsPerSecond: profiles.reduce((sum, p) => sum + p.loadBitsPerSecond, 0n),
    loadBitsPerSecond: rootDraft.loadBitsPerSecond,
    viewingBitsPerSecond: rootDraft.viewingBitsPerSecond,
    ...(storage ? { storage } : {}),
    ...(keeps ? { keeps } : {}),
    ...(rootDraft.time ? { time: rootDraft.time } : {}),
    ...(rootDraft.percentile ? { percentile: rootDraft.percentile } : {}),
  };
}

/** The first broken flow rule (recorder names, "recordTo", "of", sub streams) as an input error, every one listed. */
function flowError(problems: readonly FlowProblem[], nodes: readonly SegmentNode[], fleetName: string): InputError {
  const lines = problems.map((p) => {
    const where = nodes[p.node]!.path.length === 0 ? fleetName : nodes[p.node]!.path.join('/');
    const field = p.at
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .replace(/^\./, '');
    return `segment '${where}': ${field}: ${p.message}`;
  });
  return new InputError(lines[0]!, lines);
}

/**
 * What storage sizing does: per segment and in total when some segment has a
 * retention (`rows`); at all (`any`) also for how-long answers, when a
 * recorder has storage or --storage-capacity is given without a retention.
 */
function checkStorageInputs(
  nodes: readonly SegmentNode[],
  fleetName: string,
  places: Places,
  capacityBytes: bigint | undefined,
): { rows: boolean; any: boolean } {
  for (const node of nodes) {
    if (node.segment.storageBytes !== undefined && node.retention === undefined) {
      const where = node.path.length === 0 ? fleetName : node.path.join('/');
      throw new InputError(`segment '${where}' has a storage capacity but no retention: give --retention or "retention" in the fleet file`);
    }
  }
  const rows = nodes.some((n) => n.retention !== undefined);
  const any = rows || capacityBytes !== undefined || places.recorders.some((r) => r.recorder.storageBytes !== undefined);
  return { rows, any };
}

/** --storage-capacity without a retention: how long it keeps every camera's recordings. */
function totalKeeps(capacityBytes: bigint, root: StorageSums | undefined): Report['total']['keeps'] {
  const seconds = retentionThatFits(capacityBytes, root?.perSecond ?? 0n);
  return { capacityBytes, ...(seconds === undefined ? {} : { retentionSeconds: seconds }) };
}

/** Whether anything crosses a link downwards, or some link is not full duplex: human tables then show both directions. */
function twoWay(nodes: readonly SegmentNode[], segments: Report['segments']): boolean {
  return nodes.some((n) => n.segment.linkShape !== undefined) || segments.some((s) => s.down.loadBitsPerSecond > 0n);
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
  const unit = named ? { profile: named, stream: 'main' as const } : root.dominant;
  const link = linkStatus(root.loadBitsPerSecond, capacity, ceiling, headroomIn(unit, rootNode, checkOn));
  return { kind: 'total', fits: link.fits, link, loadBitsPerSecond: root.loadBitsPerSecond };
}
