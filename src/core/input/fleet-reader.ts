/**
 * Per-file memo and issue list for reading a fleet file: a fleet of
 * 1,000,000 groups repeats a handful of presets and link rates, so each
 * distinct text is parsed, and each profile built, once.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Issue } from '../diagnostics/issues.js';
import type { SiteCalibration } from '../measure/fit.js';
import { type Catalog, findPreset } from '../model/catalog.js';
import { customProfile, type Profile, presetProfile } from '../model/fleet.js';
import { parseRate } from '../numbers/rate.js';

export type Json = Record<string, unknown>;
export type Path = Array<string | number>;

export class Reader {
  readonly issues: Issue[] = [];
  private readonly rates = new Map<string, bigint>();
  private readonly profiles = new Map<string, Profile>();

  /** `calibration`: a site calibration for the fleet's estimated groups (resolved by the shell from "calibration" or --calibration). */
  constructor(
    readonly catalog: Catalog,
    readonly calibration?: SiteCalibration,
  ) {}

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
      profile = presetProfile(findPreset(this.catalog, id));
      this.profiles.set(id, profile);
    }
    return profile;
  }

  /** The profile of a preset read before (undefined if it was not, or is not a preset). */
  knownPreset(id: string): Profile | undefined {
    return this.profiles.get(id);
  }

  customProfile(bps: bigint, label: string | undefined): Profile {
    const key = `${label ?? ''}\0${bps}`;
    let profile = this.profiles.get(key);
    if (!profile) {
      profile = customProfile(bps, label);
      this.profiles.set(key, profile);
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

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
