/**
 * Which of a fleet's groups each measurement is of. A group, here, is one
 * segment's cameras under one profile name: a preset id, or a bit-rate or
 * estimate group's label (the name the report shows). A measurement is
 * matched, in this order:
 *
 * 1. by camera id, when the cameras came from an inventory: its record gives
 *    the camera's segment and profile (a CSV row's or Frigate's `camera`; a
 *    recording is the camera its file is named after, or its folder);
 * 2. by the segment path and the preset or label a measurements CSV names.
 *
 * Whatever matches nothing is kept with the reason, so that it is listed,
 * never dropped.
 */
import { closest } from '../diagnostics/suggest.js';
import type { Fleet, Segment } from '../model/fleet.js';
import { pathKey, tupleKey } from '../model/keys.js';
import { InputError } from '../diagnostics/errors.js';
import { combineRecordings, type FlaggedMeasurement, twice } from './measurement.js';

export interface MeasuredGroup {
  readonly path: readonly string[];
  readonly group: string;
  readonly measurements: readonly FlaggedMeasurement[];
}

export interface UnmatchedMeasurement {
  readonly measurement: FlaggedMeasurement;
  readonly reason: string;
}

/** Where an inventory puts a camera: its segment and profile name, and on which line (of how many records with that id). */
export interface CameraPlace {
  readonly path: readonly string[];
  readonly group: string;
  readonly line: number;
  readonly records: number;
}

/** The inventory's cameras by id (only the ids measurements ask for), or why they cannot be looked up. */
export interface CameraIds {
  readonly byId: ReadonlyMap<string, CameraPlace>;
  readonly unavailable?: string;
}

/** The key of a group in maps: its path and name (a name may hold any character: keys.ts). */
export function groupKey(path: readonly string[], group: string): string {
  return tupleKey(path, group);
}

/** The ids a measurement may be known by in an inventory: its camera; for a recording, its file's name or its folder's. */
export function cameraIdCandidates(m: FlaggedMeasurement): string[] {
  if (m.camera !== undefined) return [m.camera];
  if (m.source !== 'ffprobe') return [];
  const parts = m.file.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  const base = parts[parts.length - 1] ?? '';
  const folder = parts[parts.length - 2];
  // cam-0001.mp4 → cam-0001; a saved probe, cam-0001.ffprobe.json, the same.
  const stem = base.replace(/\.[^.]*$/, '').replace(/\.ffprobe$/, '');
  const names = [stem === '' ? base : stem, ...(folder === undefined ? [] : [folder])];
  return [...new Set(names.filter((n) => n !== ''))];
}

interface FleetIndex {
  /** Profile names of each segment's own groups, by path key. */
  readonly names: Map<string, Set<string>>;
  readonly paths: string[];
}

function indexFleet(fleet: Fleet): FleetIndex {
  const names = new Map<string, Set<string>>();
  const paths: string[] = [];
  const stack: Array<{ segment: Segment; path: readonly string[] }> = [{ segment: fleet.root, path: [] }];
  while (stack.length > 0) {
    const { segment, path } = stack.pop()!;
    names.set(pathKey(path), new Set(segment.groups.map((g) => g.profile.name)));
    if (path.length > 0) paths.push(path.join('/'));
    for (const child of segment.children) stack.push({ segment: child, path: [...path, child.name] });
  }
  return { names, paths };
}

/** At most this many unmatched segment paths get a did-you-mean hint (each costs a pass over every path). */
const HINTS = 20;

export function matchMeasurements(
  fleet: Fleet,
  measurements: readonly FlaggedMeasurement[],
  ids?: CameraIds,
): { groups: MeasuredGroup[]; unmatched: UnmatchedMeasurement[] } {
  const index = indexFleet(fleet);
  const byGroup = new Map<string, { path: readonly string[]; group: string; measurements: FlaggedMeasurement[] }>();
  const byCamera = new Map<string, FlaggedMeasurement[]>();
  const firsts = new Map<FlaggedMeasurement, string>();
  const unmatched: UnmatchedMeasurement[] = [];
  let hints = 0;
  for (const m of measurements) {
    const place = placeOf(m, fleet, index, ids, hints < HINTS);
    if (typeof place === 'string') {
      if (/did you mean/.test(place)) hints++;
      unmatched.push({ measurement: m, reason: place });
      continue;
    }
    if (place.id !== undefined) {
      const known = byCamera.get(place.id);
      if (known) {
        known.push(m);
        continue;
      }
      byCamera.set(place.id, [m]);
      firsts.set(m, place.id);
    }
    const key = groupKey(place.path, place.group);
    const entry = byGroup.get(key) ?? { path: place.path, group: place.group, measurements: [] };
    entry.measurements.push(m);
    byGroup.set(key, entry);
  }
  const groups = [...byGroup.values()];
  for (const group of groups) group.measurements = group.measurements.map((m) => oneOfCamera(m, firsts.get(m), byCamera));
  return { groups, unmatched };
}

/** A camera's one measurement: several recordings of it combined; anything else measured twice refused. */
function oneOfCamera(
  m: FlaggedMeasurement,
  id: string | undefined,
  byCamera: ReadonlyMap<string, FlaggedMeasurement[]>,
): FlaggedMeasurement {
  const all = id === undefined ? undefined : byCamera.get(id)!;
  if (id === undefined || !all || all.length === 1) return m;
  const other = all.find((x) => x.source !== 'ffprobe');
  if (other) throw new InputError(twice(id, all[0] === other ? all[1]! : all[0]!, other));
  return combineRecordings(id, all);
}

/** The group a measurement is of, or why none is. */
function placeOf(
  m: FlaggedMeasurement,
  fleet: Fleet,
  index: FleetIndex,
  ids: CameraIds | undefined,
  hint: boolean,
): { path: readonly string[]; group: string; id?: string } | string {
  const candidates = cameraIdCandidates(m);
  for (const id of ids ? candidates : []) {
    const place = ids?.byId.get(id);
    if (!place) continue;
    if (place.records > 1)
      return `camera '${id}' is in the inventory ${place.records} times (first on line ${place.line}): which is meant?`;
    if (!index.names.get(pathKey(place.path))?.has(place.group))
      return `camera '${id}' (inventory line ${place.line}) is in no group that was sized (a record skipped as invalid?)`;
    return { path: place.path, group: place.group, id };
  }
  const group = m.preset ?? m.label;
  if (m.segment === undefined || group === undefined) return noPlace(candidates, ids);
  const path = segmentPath(m.segment, fleet, index);
  const names = path && index.names.get(pathKey(path));
  if (!path || !names) {
    const near = hint ? closest(m.segment, index.paths, 1)[0] : undefined;
    return `segment '${m.segment}' is not in the fleet${near ? ` (did you mean '${near}'?)` : ''}`;
  }
  if (!names.has(group)) {
    const own = [...names];
    const which = m.preset !== undefined ? 'preset' : 'label';
    const listed =
      own.length === 0 ? 'it has no cameras of its own' : `its groups: ${own.slice(0, 8).join(', ')}${own.length > 8 ? ', …' : ''}`;
    return `segment '${m.segment}' has no group with ${which} '${group}' (${listed})`;
  }
  return { path, group };
}

/** A measurement without a segment and group, whose camera id (if any) the inventory does not have. */
function noPlace(candidates: readonly string[], ids: CameraIds | undefined): string {
  if (ids?.unavailable && candidates.length > 0) return `camera '${candidates[0]}': ${ids.unavailable}`;
  if (ids && candidates.length > 0) return `no camera ${candidates.map((c) => `'${c}'`).join(' or ')} in the inventory`;
  const what = candidates.length > 0 ? `camera '${candidates[0]}' has no segment and group` : 'no segment and group';
  return `${what}: name them in a measurements CSV (segment, preset or label), or give an --inventory with the camera's id`;
}

/** "north/sw-1" → its path; "/" or the fleet's name is the root (unless a top-level segment has that name). */
function segmentPath(text: string, fleet: Fleet, index: FleetIndex): string[] | undefined {
  const path = text
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (path.length === 0) return [];
  if (index.names.has(pathKey(path))) return path;
  return path.length === 1 && path[0] === fleet.name ? [] : undefined;
}
