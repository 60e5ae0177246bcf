/**
 * Per-file memo and issue list for reading a fleet file: a fleet of
 * 1,000,000 groups repeats a handful of presets and link rates, so each
 * distinct text is parsed, each profile built, and each small group made,
 * once.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Issue } from '../diagnostics/issues.js';
import type { SiteCalibration } from '../model/calibration.js';
import type { Catalog } from '../model/catalog.js';
import { type CameraGroup, catalogProfile, customProfile, DEFAULT_ESTIMATE_AT, type EstimateAt, type Profile } from '../model/fleet.js';
import { parseRate } from '../numbers/rate.js';

export type Json = Record<string, unknown>;
export type Path = Array<string | number>;

/** Counts below this share their group objects (see Reader.group). */
export const SHARED_COUNTS = 1024;
const SMALL_COUNTS = Array.from({ length: SHARED_COUNTS }, (_, i) => BigInt(i));

/**
 * Where the segments' camera groups come from when a file is read in pieces (io/fleet-pieces.ts):
 * in the skeleton a segment's "cameras" is an index, and `groupsOf` reads that list's groups from
 * the text, or parses the list and reads it with `groupsOfList` (fleet-segment.ts).
 */
export interface CameraListSource {
  groupsOf(segment: Json, path: Path, reader: Reader): CameraGroup[];
}

export class Reader {
  readonly issues: Issue[] = [];
  /** Set when the file uses a key of the flow model (recorders, "recordTo", "record", "sub", a viewer list): its rules are checked after the tree is read. */
  flowKeys = false;
  private readonly rates = new Map<string, bigint>();
  /** Preset profiles by id. */
  private readonly profiles = new Map<string, Profile>();
  private readonly groups = new Map<Profile, CameraGroup[]>();
  /**
   * Custom profiles by label (undefined: none), then by rate (b/s), and by label, then by the text of
   * their rate, for groups read before. Maps of maps, never one joined string: a label or a rate text
   * may hold any character, U+0000 included, and a joined key let one group be read as another.
   */
  private readonly customsByRate = new Map<string | undefined, Map<bigint, Profile>>();
  private readonly customs = new Map<string | undefined, Map<string, Profile>>();

  /**
   * `calibration`: a site calibration for the fleet's estimated groups (resolved by the shell from
   * "calibration" or --calibration); `plain` turns the fast paths off (tests hold the two equal:
   * test/unit/fleet-fast.test.ts).
   */
  constructor(
    readonly catalog: Catalog,
    readonly calibration?: SiteCalibration,
    readonly plain = false,
    /** Which point of their ranges estimated groups take (--estimate-at; default: links at the peak's high end, storage at the average's centre). */
    readonly estimateAt: { readonly peak: EstimateAt; readonly average: EstimateAt } = DEFAULT_ESTIMATE_AT,
    readonly lists?: CameraListSource,
  ) {}

  /** A rate parsed before (undefined if it was not). */
  knownRate(text: string): bigint | undefined {
    return this.rates.get(text);
  }

  /**
   * The group of `count` cameras of a profile. Groups are immutable, so
   * those of fewer than SHARED_COUNTS cameras are made once per profile and
   * count: a fleet's 1,000,000 groups are then a few hundred objects, not a
   * million for the garbage collector to copy and mark.
   */
  group(profile: Profile, count: bigint): CameraGroup {
    if (count >= BigInt(SHARED_COUNTS)) return { profile, count };
    return this.smallGroup(profile, Number(count));
  }

  /** group() for a count already known to be a whole number below SHARED_COUNTS. */
  smallGroup(profile: Profile, count: number): CameraGroup {
    let made = this.groups.get(profile);
    if (!made) {
      made = [];
      this.groups.set(profile, made);
    }
    let group = made[count];
    if (!group) {
      group = { profile, count: SMALL_COUNTS[count]! };
      made[count] = group;
    }
    return group;
  }

  rate(text: string): bigint {
    let bps = this.rates.get(text);
    if (bps === undefined) {
      bps = parseRate(text);
      this.rates.set(text, bps);
    }
    return bps;
  }

  presetProfile(id: string): Profile {
    let profile = this.profiles.get(id);
    if (!profile) {
      profile = catalogProfile(this.catalog, id);
      this.profiles.set(id, profile);
    }
    return profile;
  }

  /** The profile of a preset read before (undefined if it was not, or is not a preset). */
  knownPreset(id: string): Profile | undefined {
    return this.profiles.get(id);
  }

  /** The custom profile of a group whose rate text and label were read before (undefined if not). */
  knownCustom(rateText: string, label: string | undefined): Profile | undefined {
    return this.customs.get(label)?.get(rateText);
  }

  /** customProfile() of a rate text that passed the camera-rate checks, remembered for knownCustom(). */
  customProfileOf(rateText: string, bps: bigint, label: string | undefined): Profile {
    const profile = this.customProfile(bps, label);
    innerMap(this.customs, label).set(rateText, profile);
    return profile;
  }

  customProfile(bps: bigint, label: string | undefined): Profile {
    const byRate = innerMap(this.customsByRate, label);
    let profile = byRate.get(bps);
    if (!profile) {
      profile = customProfile(bps, label);
      byRate.set(bps, profile);
    }
    return profile;
  }

  /** Runs a value reader; an InputError becomes an issue at `where` and the value undefined. */
  attempt<T>(where: Path, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.issues.push({ path: where, message: error.message });
      return undefined;
    }
  }
}

/** The map under `key` in `outer`, made when missing. */
function innerMap<K, L, V>(outer: Map<K, Map<L, V>>, key: K): Map<L, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
