/**
 * The fleet model every input (command line, fleet file, inventory) is turned
 * into: camera groups (a profile and a count) inside a tree of network segments.
 */
import type { Estimate } from '../estimate/estimate.js';
import { type CalibrationUsed, calibrationText } from './calibration.js';
import type { Preset } from './catalog.js';
import type { Overhead } from '../sizing/overhead.js';
import type { Ratio } from '../numbers/percent.js';
import type { Recording, Retention } from '../sizing/storage.js';
import type { Schedule, States } from '../sizing/time.js';

export interface Profile {
  /** Identity for grouping across the fleet: the preset id, or `custom:<label>@<b/s>`. */
  readonly key: string;
  readonly kind: 'preset' | 'custom' | 'estimate' | 'measured';
  /** What the report calls it: the preset id, or the user's label ("custom" by default). */
  readonly name: string;
  readonly description: string;
  /** Per-camera bit rate, b/s (by day: the rate of the day state). */
  readonly bitsPerSecond: bigint;
  readonly preset?: Preset;
  /** Night and event states, when the rate changes over the day. */
  readonly states?: States;
  /** A measured profile (--use-measured): the design profile its measured rate stands in for. */
  readonly design?: Profile;
  /** An estimate scaled by a site calibration (`camsize measure --fit`): how far to trust it. */
  readonly calibration?: CalibrationUsed;
}

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
  /** Storage of one unit, bytes. */
  readonly storageBytes?: bigint;
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
  /** The fleet itself is the root segment (its link is the fleet's total capacity, if any). */
  readonly root: Segment;
  readonly project?: Project;
}

export function presetProfile(preset: Preset): Profile {
  return {
    key: preset.id,
    kind: 'preset',
    name: preset.id,
    description: preset.label,
    bitsPerSecond: preset.bitsPerSecond,
    preset,
    ...(preset.nightBitsPerSecond === undefined ? {} : { states: { day: preset.bitsPerSecond, night: preset.nightBitsPerSecond } }),
  };
}

/** The same profile with night and event states from a fleet file (a distinct profile in the report). */
export function withStates(profile: Profile, states: States): Profile {
  const e = states.event;
  const event = e ? `,e${e.bitsPerSecond}/${e.nightBitsPerSecond ?? e.bitsPerSecond}@${e.duty.num}/${e.duty.den}` : '';
  return { ...profile, key: `${profile.key}|n${states.night}${event}`, states };
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

/** A camera described by resolution, fps, codec, scene and quality: its rate is the model's estimate (site-calibrated, when given). */
export function estimateProfile(
  estimate: Pick<Estimate, 'width' | 'height' | 'fps' | 'codec' | 'scene' | 'quality' | 'bitsPerSecond' | 'calibration'>,
  label?: string,
): Profile {
  const what = `${estimate.width}x${estimate.height} ${estimate.fps} fps ${estimate.codec}, ${estimate.scene} scene, ${estimate.quality} quality`;
  const c = estimate.calibration;
  return {
    key: `estimate:${label ?? ''}:${what}${c ? `|x${c.factor}` : ''}`,
    kind: 'estimate',
    name: label ?? 'estimate',
    description: `estimated: ${what}${c ? `; ${calibrationText(c)}` : ''}`,
    bitsPerSecond: estimate.bitsPerSecond,
    ...(c ? { calibration: c } : {}),
  };
}

/**
 * A group's measured average in place of its design rate (--use-measured): a
 * constant rate (an average over the day already holds its nights and events),
 * under the design's name, a distinct profile per segment and rate.
 */
export function measuredProfile(design: Profile, bitsPerSecond: bigint, measurements: number, where: string): Profile {
  const noun = measurements === 1 ? 'measurement' : 'measurements';
  return {
    key: `measured:${where}:${design.key}@${bitsPerSecond}`,
    kind: 'measured',
    name: design.name,
    description: `measured in ${where}: the average of ${measurements} ${noun} (design: ${design.description})`,
    bitsPerSecond,
    design,
  };
}
