/**
 * Camera groups given on the command line: `--camera 720p30=3`,
 * `--camera 2.5Mb/s=40`, or `--preset ID`/`--bitrate RATE` with `--count N`.
 */
import { findPreset, type Catalog } from '../model/catalog.js';
import { parseCount } from '../numbers/count.js';
import { detailsOf, InputError } from '../diagnostics/errors.js';
import { customProfile, presetProfile, type CameraGroup, type Profile } from '../model/fleet.js';
import { parseCameraRate } from '../numbers/rate.js';

/**
 * Preset ids start with digits too ("720p30"), so a key is a bit rate only when
 * it is not a preset and reads like one: a number and a unit ending in /s or ps.
 */
export function looksLikeRate(key: string): boolean {
  return /^[+-]?(\d|\.\d)/.test(key) && /(\/s|ps|\/sec)$/i.test(key);
}

export function parseCameraSpec(spec: string, catalog: Catalog): CameraGroup {
  const eq = spec.lastIndexOf('=');
  const key = (eq === -1 ? spec : spec.slice(0, eq)).trim();
  const countText = eq === -1 ? '1' : spec.slice(eq + 1);
  if (key === '') throw new InputError(`--camera '${spec}': expected PRESET=COUNT or RATE=COUNT (e.g. 720p30=3 or 2.5Mb/s=40)`);
  const profile = withContext(`--camera '${spec}'`, () => profileFor(key, catalog));
  const count = withContext(`--camera '${spec}'`, () => parseCount(countText));
  return { profile, count };
}

export function profileFor(key: string, catalog: Catalog, label?: string): Profile {
  if (!catalog.byId.has(key) && looksLikeRate(key)) return customProfile(parseCameraRate(key), label);
  return presetProfile(findPreset(catalog, key));
}

/** Runs `fn`, prefixing the message of an InputError it throws with `where` (as an InputError, keeping its code and details). */
export function withContext<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(`${where}: ${error.message}`, {
        ...detailsOf(error),
        issues: error.issues.map((i) => `${where}: ${i}`),
        path: error.path ?? where,
      });
    }
    throw error;
  }
}
