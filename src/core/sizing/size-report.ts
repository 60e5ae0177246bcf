/**
 * Sizing, after the figures ran: the report assembled from the draft rows
 * (segment and recorder rows, the fleet total, every check, the verdict).
 */
import type { Profile } from '../model/fleet.js';
import type { Check, DriftSummary, EstimatedPart, GroupDrift, LinkStatus, ProfileRow, Report, SegmentRow } from '../model/report.js';
import { DEFAULT_POE_CEILING, type Ratio } from '../numbers/percent.js';
import type { DriftInput } from '../measure/drift.js';
import { headroomIn } from './figures/checks.js';
import type { RowDraft } from './figures/row.js';
import { retentionThatFits, type StorageSums, storageStatus } from './figures/storage.js';
import type { Hours } from './figures/time.js';
import { linkStatus } from './link.js';
import { profileRows, type ProfileTotals } from './profiles.js';
import { estimatedPart } from './estimated-part.js';
import { recorderRows } from './recorder-rows.js';
import { reportSettings, segmentRow } from './report-rows.js';
import type { SizeOptions } from './size-options.js';
import type { SizingPlan } from './size-plan.js';
import { collectChecks, verdictOf } from './verdict.js';
import type { SegmentNode } from './walk.js';

/** What the figures left (size.ts, runFigures): one draft row per segment, and what recorders and totals read. */
export interface FigureResults {
  drafts: RowDraft[];
  /** Per recorder: the cameras arriving and their day rate, b/s (none when everything goes to the head end). */
  recorded: Array<{ cameras: bigint; day: bigint }>;
  /** Per recorder, the hours arriving; only when some rate varies over the day. */
  hours: Hours[] | undefined;
  /** The storage sums of each recorder, the head end and the root (the root's only when storage is sized). */
  perRecorder: StorageSums[];
  headEnd: StorageSums;
  root: StorageSums | undefined;
  /** The speeds links were sized or suggested from, when any was. */
  linkSpeeds?: readonly bigint[];
}

/** The report from the figures' drafts: rows, the fleet total, every check and the verdict. */
export function assembleReport(fleetName: string, plan: SizingPlan, got: FigureResults, options: SizeOptions): Report {
  const { nodes, places, sizes, checkOn, ceiling, overhead, timeVarying } = plan;
  const { drafts } = got;
  const segments = drafts.map((draft, i) => segmentRow(nodes[i]!, draft));
  const recorders =
    places.recorders.length === 0
      ? undefined
      : recorderRows(nodes, places, drafts, {
          recorded: got.recorded,
          hours: got.hours,
          checkOn,
          perRecorder: sizes.any ? got.perRecorder : undefined,
          headEnd: got.headEnd,
          sizes: sizes.rows,
          headroom: options.storage?.headroom,
        });
  const { rows: profiles, figures } = profileRows(nodes, timeVarying);
  return reportFrom(fleetName, {
    settings: reportSettings(nodes, {
      overhead,
      ceiling,
      checkOn,
      timeVarying,
      sizesStorage: sizes.any,
      options,
      linkSpeeds: got.linkSpeeds,
      poeCeiling: segments.some((s) => s.poe) ? (options.maxPoeUtilization ?? DEFAULT_POE_CEILING) : undefined,
    }),
    profiles,
    profilesFigures: figures,
    estimated: estimatedPart(nodes, sizes.rows ? got.root?.estimated : undefined),
    segments,
    checkedRows: segments,
    recorders,
    rootDraft: drafts[0]!,
    rootNode: nodes[0]!,
    root: got.root,
    driftGroups: drafts.flatMap((d) => d.driftGroups ?? []),
    twoWay: twoWay(nodes, segments),
    options,
    ceiling,
    checkOn,
    sizesRows: sizes.rows,
  });
}

/** What a report is made of: the general path's (assembleReport), or an inventory's sized from its aggregate (core/inventory/sizing/). */
export interface ReportParts {
  readonly settings: Report['settings'];
  readonly profiles: readonly ProfileRow[];
  /** The profile rows' figures summed (only when some rate varies over the day or has an average below its peak). */
  readonly profilesFigures: ProfileTotals | undefined;
  /** The estimated groups' part of the totals (only when some group is estimated). */
  readonly estimated: EstimatedPart | undefined;
  readonly segments: readonly SegmentRow[];
  /** The rows whose link or storage may be checked: every row, or none where no segment has a capacity. */
  readonly checkedRows: readonly SegmentRow[];
  readonly recorders: Report['recorders'];
  readonly rootDraft: RowDraft;
  readonly rootNode: Pick<SegmentNode, 'overhead' | 'schedule'>;
  /** The root's storage sums (only when storage is sized). */
  readonly root: StorageSums | undefined;
  readonly driftGroups: readonly GroupDrift[];
  readonly twoWay: boolean;
  readonly options: SizeOptions;
  readonly ceiling: Ratio;
  readonly checkOn: 'peak' | 'average';
  readonly sizesRows: boolean;
}

/** The report of its parts: the fleet total, every check and the verdict. */
export function reportFrom(fleetName: string, parts: ReportParts): Report {
  const { rootDraft, recorders, profiles, options, profilesFigures, estimated } = parts;
  const { totalCheck, totalStorage, keeps, checks } = fleetChecks(rootDraft, parts.rootNode, parts.checkedRows, recorders ?? [], parts);
  return {
    fleetName,
    settings: parts.settings,
    profiles,
    segments: parts.segments,
    total: {
      ...reportTotal(rootDraft, profiles, totalStorage, keeps, recorders),
      ...(profilesFigures ? { profilesFigures } : {}),
      ...(estimated ? { estimated } : {}),
    },
    checks,
    ...(totalCheck ? { totalCheck: totalCheck.link } : {}),
    ...(options.drift ? { drift: driftSummary(options.drift, parts.driftGroups) } : {}),
    ...(recorders ? { recorders } : {}),
    ...(parts.twoWay ? { twoWay: true } : {}),
    verdict: verdictOf(checks),
  };
}

/** Every check of the report: the segments', the recorders', and the totals against --capacity and --storage-capacity. */
function fleetChecks(
  rootDraft: RowDraft,
  rootNode: Pick<SegmentNode, 'overhead' | 'schedule'>,
  segments: Report['segments'],
  recorders: NonNullable<Report['recorders']>,
  c: Pick<ReportParts, 'options' | 'ceiling' | 'checkOn' | 'sizesRows' | 'root' | 'driftGroups'>,
) {
  const { options } = c;
  const storage = options.storage;
  const totalCheck =
    options.capacityBitsPerSecond === undefined
      ? undefined
      : totalLinkCheck(rootDraft, options.capacityBitsPerSecond, c.ceiling, options.headroomProfile, rootNode, c.checkOn);
  const totalStorage = c.sizesRows
    ? storageStatus(rootDraft.storage?.bytes ?? 0n, storage?.capacityBytes, rootDraft.storage?.unretainedCameras, storage?.headroom)
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
  profiles: readonly ProfileRow[],
  storage: Report['total']['storage'],
  keeps: Report['total']['keeps'],
  recorders: Report['recorders'],
): Report['total'] {
  const recordedInFleet = recorders?.filter((r) => !r.headEnd).reduce((sum, r) => sum + r.ingestBitsPerSecond, 0n);
  return {
    cameras: rootDraft.cameras,
    profilesLoadBitsPerSecond: profiles.reduce((sum, p) => sum + p.loadBitsPerSecond, 0n),
    loadBitsPerSecond: rootDraft.loadBitsPerSecond,
    viewingBitsPerSecond: rootDraft.viewingBitsPerSecond,
    ...(storage ? { storage } : {}),
    ...(keeps ? { keeps } : {}),
    ...(rootDraft.time ? { time: rootDraft.time } : {}),
    ...(rootDraft.percentile ? { percentile: rootDraft.percentile } : {}),
    ...(recordedInFleet === undefined ? {} : { recordedInFleetBitsPerSecond: recordedInFleet }),
  };
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
  rootNode: Pick<SegmentNode, 'overhead' | 'schedule'>,
  checkOn: 'peak' | 'average',
): Check & { link: LinkStatus } {
  const unit = named ? { profile: named, stream: 'main' as const } : root.dominant;
  const link = linkStatus(root.loadBitsPerSecond, capacity, ceiling, headroomIn(unit, rootNode, checkOn));
  return { kind: 'total', fits: link.fits, link, loadBitsPerSecond: root.loadBitsPerSecond };
}
