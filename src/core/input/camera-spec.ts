/**
 * Camera groups given on the command line: `--camera 720p30=3`,
 * `--camera 2.5Mb/s=40`, or `--preset ID`/`--bitrate RATE` with `--count N`.
 */
import type { Catalog } from '../model/catalog.js';
import { parseCount } from '../numbers/count.js';
import { detailsOf, InputError } from '../diagnostics/errors.js';
import { catalogProfile, customFiguresProfile, customProfile, type CameraGroup, type Profile } from '../model/fleet.js';
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
  if (key === '')
    throw new InputError(
      `--camera '${spec}': expected PRESET=COUNT or RATE=COUNT (e.g. 720p30=3, 2.5Mb/s=40 or peak:8Mb/s,average:3Mb/s=40)`,
    );
  const profile = withContext(`--camera '${spec}'`, () => profileFor(key, catalog));
  const count = withContext(`--camera '${spec}'`, () => parseCount(countText));
  return { profile, count };
}

export function profileFor(key: string, catalog: Catalog, label?: string): Profile {
  if (/^\s*(peak|average)\s*:/i.test(key)) return figuresProfile(key, label);
  if (!catalog.byId.has(key) && looksLikeRate(key)) return customProfile(parseCameraRate(key), label);
  return catalogProfile(catalog, key);
}

/**
 * "peak:8Mb/s", "average:3Mb/s" or "peak:8Mb/s,average:3Mb/s": a camera that
 * gives its peak, its average, or both (the other follows from the ratio).
 */
export function figuresProfile(key: string, label?: string): Profile {
  const given: { peak?: bigint; average?: bigint } = {};
  for (const part of key.split(',')) {
    const match = /^\s*(peak|average)\s*:\s*(.+?)\s*$/i.exec(part);
    if (!match) throw new InputError(`'${part.trim()}' is not peak:RATE or average:RATE (e.g. peak:8Mb/s,average:3Mb/s)`);
    const figure = match[1]!.toLowerCase() as 'peak' | 'average';
    if (given[figure] !== undefined) throw new InputError(`${figure} is given twice`);
    given[figure] = parseCameraRate(match[2]!);
  }
  return customFiguresProfile(given, label);
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
