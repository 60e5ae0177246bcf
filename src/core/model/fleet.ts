/**
 * The fleet model every input (command line, fleet file, inventory) is turned
 * into: camera groups (a profile and a count) inside a tree of network segments.
 */
import type { Estimate } from '../estimate/estimate.js';
import type { ColumnField, Delimiter } from '../inventory/columns.js';
import { calibrationText, type SiteCalibration } from './calibration.js';
import { type Catalog, findPreset, type Preset, presetRateBasis } from './catalog.js';
import type { CameraPower } from '../numbers/power.js';
import type { DiskSpec } from '../sizing/disks.js';
import type { Overhead } from '../sizing/overhead.js';
import type { Ratio } from '../numbers/percent.js';
import type { Recording, Retention } from '../sizing/storage.js';
import type { Schedule, States } from '../sizing/time.js';
import { constantStates, mapStates, twoFigures } from './rate-figures.js';
import { DEFAULT_ESTIMATE_AT, type EstimateAt, type Profile, type RangeBps, withFigures } from './profile.js';

export {
  averageStates,
  DEFAULT_ESTIMATE_AT,
  estimateAtPoints,
  givenDay,
  hasTwoFigures,
  peakStates,
  withFigures,
  withStates,
} from './profile.js';
export type { AverageFigure, EstimateAt, EstimateAtSetting, EstimateRange, Profile, ProfileBasis, RangeBps } from './profile.js';

export interface CameraGroup {
  readonly profile: Profile;
  /** Number of cameras, >= 0. Never expanded into single cameras. */
  readonly count: bigint;
  /** The cameras' sub stream, b/s, as sent (the group's "sub"; else its preset's, see subRate). */
  readonly subBitsPerSecond?: bigint;
  /** Which stream the cameras record: main (the default), sub, or none. */
  readonly record?: RecordedStream;
  /** The recorder (by name) the cameras record to, instead of their segment's. */
  readonly recordTo?: string;
  /** Each camera's PoE draw at its switch port (watts, or an IEEE 802.3af/at/bt class's maximum). */
  readonly poe?: CameraPower;
}

export type StreamKind = 'main' | 'sub';
export type RecordedStream = StreamKind | 'none';

/** A group's sub stream, b/s: its own, or its preset's; undefined when it has none. */
export function subRate(group: CameraGroup): bigint | undefined {
  return group.subBitsPerSecond ?? group.profile.preset?.subBitsPerSecond;
}

/** Settings a segment passes down to every segment below it unless they set their own. */
export interface SegmentSettings {
  /** A link counts as full at this share of its capacity. */
  readonly maxUtilization?: Ratio;
  readonly overhead?: Overhead;
  /** How long recordings are kept (storage sizing). */
  readonly retention?: Retention;
  readonly recording?: Recording;
  /** Which hours are night (for cameras with a night state). */
  readonly schedule?: Schedule;
  /** The recorder (by name) the cameras of this segment and below record to, instead of the nearest. */
  readonly recordTo?: string;
  /** Future cameras: this share of each camera group is added (rounded up) to every figure. */
  readonly growth?: Ratio;
  /** A switch's PoE budget counts as full at this share (default 80 %, the SOP's). */
  readonly maxPoeUtilization?: Ratio;
}

/**
 * Live viewing in its first form: unicast streams from the head end (beyond
 * the root's link) down to viewers in this segment, so they load the down
 * direction of this segment's link and of every link above it.
 */
export interface Viewers {
  readonly streams: bigint;
  /** Rate of one viewed stream, b/s, as sent (the segment's overhead is added); default: the average per-camera wire rate below the segment. */
  readonly bitsPerSecond?: bigint;
}

/**
 * Operator stations in a segment watching live streams (the list form of
 * "viewers"): `stations` stations, each watching `streams` streams of the
 * cameras under `of`, served by those cameras' recorders or by the cameras.
 */
export interface ViewerEntry {
  readonly streams: bigint;
  readonly stations: bigint;
  /** Path of the segment whose cameras are watched; [] is the whole fleet. */
  readonly of: readonly string[];
  readonly stream: StreamKind;
  readonly from: 'recorder' | 'camera';
  /** Each distinct stream crosses a link once, however many stations behind it watch it. */
  readonly multicast: boolean;
  /** Rate of one viewed stream as sent; default: the highest-rate streams under `of`. */
  readonly bitsPerSecond?: bigint;
}

/** A recorder (NVR, recording server) inside a segment: `units` identical units, each with an ingest rate and storage. */
export interface Recorder {
  /** Unique in the fleet: cameras name it in "recordTo". */
  readonly name: string;
  /** How many units, or 'auto': the fewest that hold the ingest and the retention. */
  readonly units: bigint | 'auto';
  /** Recorded ingest one unit takes, b/s (on the wire, checked under the segment's ceiling). */
  readonly ingestBitsPerSecond?: bigint;
  /** Storage of one unit, bytes (with `disks` of a given count: the array's usable capacity). */
  readonly storageBytes?: bigint;
  /** Each unit's disks and RAID level: the disks the retention needs, or (with a count) the days they keep. */
  readonly disks?: DiskSpec;
}

/** A link other than full duplex: each direction its own capacity, or one capacity both directions share (half duplex). */
export type LinkShape =
  | { readonly kind: 'asymmetric'; readonly up: bigint; readonly down: bigint }
  | { readonly kind: 'shared'; readonly bitsPerSecond: bigint };

export interface Segment {
  readonly name: string;
  /** Link capacity of the segment's uplink, b/s: full duplex, each direction has all of it. */
  readonly linkBitsPerSecond?: bigint;
  /** Instead: an asymmetric or a shared (half-duplex) uplink. */
  readonly linkShape?: LinkShape;
  /** "link": "auto": the smallest standard speed that holds the load, per direction (see link-speeds.ts). */
  readonly linkAuto?: true;
  /** The switch's ports for cameras and the links of the segments below (not its own uplink). */
  readonly ports?: bigint;
  /** The switch's PoE budget, mW. */
  readonly poeMilliwatts?: bigint;
  readonly settings?: SegmentSettings;
  /** Streams from the head end down to this segment (the single-number or single-object form of "viewers"). */
  readonly viewers?: Viewers;
  /** Operator stations here (the list form of "viewers"). */
  readonly viewerList?: readonly ViewerEntry[];
  readonly recorders?: readonly Recorder[];
  /** Storage available to this segment's recordings (a recorder, a site NAS), bytes. */
  readonly storageBytes?: bigint;
  readonly groups: readonly CameraGroup[];
  readonly children: readonly Segment[];
}

/**
 * The deepest segment tree camsize sizes. Real networks are a handful of
 * levels deep; each level costs its path's memory (a tree of N levels keeps
 * about N²/2 path entries), so a limit refuses a pathological file cleanly
 * instead of running out of memory.
 */
export const MAX_DEPTH = 1000;

/** A fleet file's "inventory" settings: how a schedule sized with the fleet is read (the command line's options win). */
export interface FleetInventorySettings {
  /** (field or 'ignore', header) pairs, as --columns gives them. */
  readonly columns?: ReadonlyArray<readonly [ColumnField | 'ignore', string]>;
  readonly segmentColumns?: readonly string[];
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
}

/**
 * What a design document is about (a fleet file's "project", or the command
 * line's --project, --customer …): shown at the head of the documents
 * (Markdown, HTML) and carried in JSON; never used in sizing.
 */
export interface Project {
  readonly name?: string;
  readonly customer?: string;
  readonly site?: string;
  readonly author?: string;
  readonly revision?: string;
  /** The document's date, YYYY-MM-DD. */
  readonly date?: string;
}

export interface Fleet {
  readonly name: string;
  /** The fleet file's "inventory" settings, when it has them. */
  readonly inventory?: FleetInventorySettings;
  /** The fleet itself is the root segment (its link is the fleet's total capacity, if any). */
  readonly root: Segment;
  /** The link speeds "auto" links and suggestions choose from, ascending, b/s (default: STANDARD_SPEEDS). */
  readonly linkSpeeds?: readonly bigint[];
  readonly project?: Project;
  /**
   * The site calibration the fleet's estimated groups were read with (its "calibration", or --calibration):
   * a schedule sized into the fleet estimates its rows with it too.
   */
  readonly calibration?: SiteCalibration;
}

export function presetProfile(preset: Preset): Profile {
  const given: States =
    preset.nightBitsPerSecond === undefined
      ? constantStates(preset.bitsPerSecond)
      : { day: preset.bitsPerSecond, night: preset.nightBitsPerSecond };
  const base = { key: preset.id, kind: 'preset' as const, name: preset.id, description: preset.label, preset };
  const basis = presetRateBasis(preset.basis);
  const other = preset.otherBitsPerSecond;
  if (other === undefined || basis === 'rate') return withFigures(base, twoFigures(basis, given));
  // A preset that gives both figures: the other one's night follows the figure it gives.
  const scaled = mapStates(given, (bps) => (bps * other + preset.bitsPerSecond - 1n) / preset.bitsPerSecond);
  return withFigures(base, basis === 'peak' ? twoFigures('both', given, scaled) : twoFigures('both', scaled, given));
}

/** A preset's profile by its id, or by a former id (then `renamedFrom` says so, for a deprecation note). */
export function catalogProfile(catalog: Catalog, id: string): Profile {
  const preset = findPreset(catalog, id);
  const profile = presetProfile(preset);
  return preset.id === id || preset.id === id.toLowerCase() ? profile : { ...profile, renamedFrom: id };
}

export function customProfile(bitsPerSecond: bigint, label?: string): Profile {
  const name = label ?? 'custom';
  return {
    key: `custom:${name}@${bitsPerSecond}`,
    kind: 'custom',
    name,
    description: label === undefined ? 'custom bit rate' : `custom bit rate (${label})`,
    bitsPerSecond,
  };
}

/** A custom group that gives its peak, its average, or both (the other follows from AVERAGE_TO_PEAK). */
export function customFiguresProfile(given: { peak?: bigint; average?: bigint }, label?: string): Profile {
  const name = label ?? 'custom';
  const { peak, average } = given;
  const what = peak !== undefined && average !== undefined ? 'peak and average' : peak !== undefined ? 'peak' : 'average';
  const base = {
    key: `custom:${name}@p${peak ?? ''}a${average ?? ''}`,
    kind: 'custom' as const,
    name,
    description: label === undefined ? `custom ${what}` : `custom ${what} (${label})`,
  };
  if (peak !== undefined && average !== undefined)
    return withFigures(base, twoFigures('both', constantStates(peak), constantStates(average)));
  if (peak !== undefined) return withFigures(base, twoFigures('peak', constantStates(peak)));
  return withFigures(base, twoFigures('average', constantStates(average!)));
}

/**
 * A camera described by resolution, fps, codec, scene and quality: its figures
 * are the model's estimate (site-calibrated, when given), each at the point of
 * its range `at` says, the ranges kept for the report's estimated part.
 */
export function estimateProfile(
  estimate: Pick<Estimate, 'width' | 'height' | 'fps' | 'codec' | 'scene' | 'quality' | 'peak' | 'average' | 'coverage' | 'calibration'>,
  label?: string,
  at: { readonly peak: EstimateAt; readonly average: EstimateAt } = DEFAULT_ESTIMATE_AT,
): Profile {
  const what = `${estimate.width}x${estimate.height} ${estimate.fps} fps ${estimate.codec}, ${estimate.scene} scene, ${estimate.quality} quality`;
  const c = estimate.calibration;
  const range = (f: Estimate['peak']): RangeBps => ({ low: f.low, mid: f.bitsPerSecond, high: f.high });
  const peak = range(estimate.peak);
  const average = range(estimate.average);
  const peakUsed = peak[at.peak];
  const averageUsed = average[at.average] < peakUsed ? average[at.average] : peakUsed;
  const base = {
    key: `estimate:${label ?? ''}:${what}${c ? `|x${c.factor}` : ''}@${at.peak}/${at.average}`,
    kind: 'estimate' as const,
    name: label ?? 'estimate',
    description: `estimated: ${what}${c ? `; ${calibrationText(c)}` : ''}`,
    range: { coverage: estimate.coverage, peak, average, peakAt: at.peak, averageAt: at.average },
    ...(c ? { calibration: c } : {}),
  };
  return withFigures(base, twoFigures('both', constantStates(peakUsed), constantStates(averageUsed)));
}

/**
 * A group's measured average in place of its design rate (--use-measured),
 * under the design's name, a distinct profile per segment and rate. Its
 * average is the measured one, constant over the day (an average over the day
 * already holds its nights and events); its peak keeps the design's shape:
 * measured average × the design's peak ÷ average, rounded up (basis
 * `measured`, not the ratio 0.81). A design that gives one rate stays one
 * rate: the measured average for links and storage alike.
 */
export function measuredProfile(design: Profile, bitsPerSecond: bigint, measurements: number, where: string): Profile {
  const noun = measurements === 1 ? 'measurement' : 'measurements';
  const base = {
    key: `measured:${where}:${design.key}@${bitsPerSecond}`,
    kind: 'measured' as const,
    name: design.name,
    description: `measured in ${where}: the average of ${measurements} ${noun} (design: ${design.description})`,
    design,
  };
  const designAverage = design.average?.bitsPerSecond;
  if (designAverage === undefined || designAverage === 0n) return { ...base, bitsPerSecond };
  const peak = (bitsPerSecond * design.bitsPerSecond + designAverage - 1n) / designAverage;
  return withFigures(base, { basis: 'measured', peak: constantStates(peak), average: constantStates(bitsPerSecond) });
}
