/**
 * What sizing sums per segment, for an inventory's tree (tree.ts), in
 * doubles indexed by node: cameras, the day load on the wire (the peak
 * figure's), the hourly means (the average figure's) and peaks when some
 * rate varies over the day or has two figures, and the recorded payload (the
 * average figure's) when storage is sized. Every segment shares the fleet-wide
 * settings (no fleet file), so one camera of a profile adds the same to
 * every segment above it, and the sums are each entry's count times its
 * profile's figure, added up the tree.
 *
 * Exact, or nothing: each profile's figure is an integer multiple of a unit
 * (the gcd of the figures, a bigint) and is summed in units; every term is
 * a non-negative integer, so while the root's sum stays below 2^53 every
 * partial sum and product below it is exact too (a double rounds a value of
 * 2^53 or more to 2^53 or more, which the root would then show). Past that,
 * undefined: the general path sizes it with bigints.
 */
import { averageStates, type Profile } from '../../model/fleet.js';
import { recordedStates } from '../../sizing/flows/streams.js';
import { type Overhead, wireRate } from '../../sizing/overhead.js';
import { DAY_SCALE, dailySum, HOURS, hourly, isNight, type Schedule, varies } from '../../sizing/time.js';
import type { InventoryAggregate } from '../aggregate.js';
import type { AggregateTree } from './tree.js';

/** A figure per node in units of `unit`: node i's value is BigInt(at(i)) × unit. */
export interface Column {
  readonly unit: bigint;
  at(node: number): number;
}

export interface NodeSums {
  readonly cameras: Column;
  /** Day load on the wire, b/s. */
  readonly load: Column;
  /** When some rate varies: per class of hour (0 by day, 1 at night), the hourly mean (1/HOURLY_SCALE b/s) and peak (b/s). */
  readonly hours: { readonly mean: readonly [Column, Column]; readonly peak: readonly [Column, Column] } | undefined;
  /** When storage is sized: the recorded payload over a day (1/HOURLY_SCALE b/s summed over 24 hours; see storageFigure). */
  readonly payload: Column | undefined;
  /** Per profile id: its cameras in the whole inventory. */
  readonly profileCameras: Float64Array;
  /** Every figure of every node: node i's `width` figures (in their units) at i × width. Nodes with equal figures have equal rows. */
  readonly figures: Float64Array;
  readonly width: number;
}

export interface SumSettings {
  readonly overhead: Overhead;
  readonly schedule: Schedule;
  readonly timeVarying: boolean;
  readonly storage: boolean;
}

/** One figure per profile id, the unit it is summed in, and its multiples of the unit as doubles. */
interface ProfileFigure {
  readonly unit: bigint;
  readonly perProfile: Float64Array;
}

/** The sums of every node, or undefined when one could not be exact in a double. */
export function nodeSums(aggregate: InventoryAggregate, tree: AggregateTree, settings: SumSettings): NodeSums | undefined {
  const profiles = aggregate.profiles.size;
  const profileOf = (p: number) => aggregate.profileById(p);
  const figures: ProfileFigure[] = [];
  const add = (values: bigint[]) => {
    const figure = inUnits(values);
    if (figure) figures.push(figure);
    return figure !== undefined;
  };
  if (!add(byProfile(profiles, () => 1n)) || !add(byProfile(profiles, (p) => wireRate(profileOf(p).bitsPerSecond, settings.overhead))))
    return undefined;
  if (settings.timeVarying) {
    const classes = hourClasses(profiles, profileOf, settings);
    if (!classes) return undefined;
    for (const values of classes) if (!add(values)) return undefined;
  }
  if (settings.storage && !add(byProfile(profiles, (p) => dayPayload(profileOf(p), settings.schedule)))) return undefined;
  const sums = summed(aggregate, tree, figures);
  if (!sums) return undefined;
  const k = figures.length;
  const column = (f: number): Column => ({ unit: figures[f]!.unit, at: (i) => sums[i * k + f]! });
  return {
    cameras: column(0),
    load: column(1),
    hours: settings.timeVarying ? { mean: [column(2), column(3)], peak: [column(4), column(5)] } : undefined,
    payload: settings.storage ? column(settings.timeVarying ? 6 : 2) : undefined,
    profileCameras: profileCameras(aggregate),
    figures: sums,
    width: k,
  };
}

function byProfile(profiles: number, figure: (p: number) => bigint): bigint[] {
  return Array.from({ length: profiles }, (_, p) => figure(p));
}

/** Values as multiples of their gcd, each a safe integer; undefined when one is not. */
function inUnits(values: readonly bigint[]): ProfileFigure | undefined {
  let unit = 0n;
  for (const v of values) unit = gcd(unit, v);
  if (unit === 0n) unit = 1n;
  const perProfile = new Float64Array(values.length);
  for (let p = 0; p < values.length; p++) {
    const units = values[p]! / unit;
    if (units > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
    perProfile[p] = Number(units);
  }
  return { unit, perProfile };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Each profile's recorded stream hour by hour (timeFigure: its states on the
 * wire), as the mean and peak of a day hour and of a night hour: every hour
 * of a class has the same (the schedule is the fleet's), which is checked.
 * [day mean, night mean, day peak, night peak]; undefined if a class differs.
 */
function hourClasses(profiles: number, profileOf: (p: number) => Profile, settings: SumSettings): bigint[][] | undefined {
  const out: bigint[][] = [[], [], [], []];
  const first = [0, 1].map((c) => {
    for (let h = 0; h < HOURS; h++) if (Number(isNight(settings.schedule, h)) === c) return h;
    return -1;
  });
  for (let p = 0; p < profiles; p++) {
    const figures = recordedStates({ profile: profileOf(p), count: 0n }, { overhead: settings.overhead })!;
    const { mean, peak } = hourly(figures.peak, settings.schedule, figures.average);
    for (let h = 0; h < HOURS; h++) {
      const at = first[Number(isNight(settings.schedule, h))]!;
      if (mean[h] !== mean[at] || peak[h] !== peak[at]) return undefined;
    }
    first.forEach((h, c) => {
      out[c]!.push(h < 0 ? 0n : mean[h]!);
      out[2 + c]!.push(h < 0 ? 0n : peak[h]!);
    });
  }
  return out;
}

/** A recorded camera's payload over one day, as the storage figure sums it (its main stream's average figure, not on the wire). */
function dayPayload(profile: Profile, schedule: Schedule): bigint {
  const average = averageStates(profile);
  return varies(average) ? dailySum(average, schedule) : average.day * DAY_SCALE;
}

/**
 * Each figure summed per node, node by node in one array (node i's figures
 * at i × k …, so an entry's count goes to one place): each entry's count
 * times its profile's figure at its node, then every node into its parent
 * (children come after their parent in pre-order). Undefined when a root
 * sum is not below 2^53.
 */
function summed(aggregate: InventoryAggregate, tree: AggregateTree, figures: readonly ProfileFigure[]): Float64Array | undefined {
  const { counts, pairs } = aggregate;
  const k = figures.length;
  const perProfile = new Float64Array(aggregate.profiles.size * k);
  figures.forEach((figure, f) => {
    for (let p = 0; p < aggregate.profiles.size; p++) perProfile[p * k + f] = figure.perProfile[p]!;
  });
  const sums = new Float64Array(tree.size * k);
  const { nodeOfSegment, parent } = tree;
  for (let e = 0; e < pairs.size; e++) {
    const at = nodeOfSegment[pairs.segmentOf[e]!]! * k;
    const from = pairs.profileOf[e]! * k;
    const count = counts[e]!;
    for (let f = 0; f < k; f++) sums[at + f]! += count * perProfile[from + f]!;
  }
  for (let i = tree.size - 1; i > 0; i--) {
    const at = parent[i]! * k;
    for (let f = 0; f < k; f++) sums[at + f]! += sums[i * k + f]!;
  }
  for (let f = 0; f < k; f++) if (!(sums[f]! <= Number.MAX_SAFE_INTEGER)) return undefined;
  return sums;
}

function profileCameras(aggregate: InventoryAggregate): Float64Array {
  const cameras = new Float64Array(aggregate.profiles.size);
  for (let e = 0; e < aggregate.pairs.size; e++) cameras[aggregate.pairs.profileOf[e]!]! += aggregate.counts[e]!;
  return cameras;
}
