/**
 * A fast, conservative test of a parsed fleet file's structure: `true` only
 * when every object has known keys and every field the plain type zod
 * (fleet-schema.ts) accepts. Anything unusual answers `false`, and the caller
 * then runs the zod schema, which stays the one source of every message.
 * Why: zod copies the whole tree while checking; for a fleet of 1,000,000
 * groups that is most of the time and memory (bench/RESULTS.md). A property
 * test checks that whatever this accepts, zod accepts too.
 */
import {
  CAMERA_KEYS as CAMERA_KEY_LIST,
  PROJECT_KEYS as PROJECT_KEY_LIST,
  RECORDER_KEYS as RECORDER_KEY_LIST,
  ROOT_KEYS as ROOT_KEY_LIST,
  SEGMENT_KEYS as SEGMENT_KEY_LIST,
  VIEWER_KEYS as VIEWER_KEY_LIST,
} from '../core/input/fleet-keys.js';

// Key sets from the one list of the format (fleet-keys.ts). Segments with a schedule, growth, ports or
// PoE, recorders with disks, estimate groups and groups with a PoE draw, rarer, go through zod.
const ZOD_ONLY = new Set<string>(['schedule', 'growth', 'ports', 'poe', 'maxPoeUtilization', 'linkSpeeds', 'disks']);
const SEGMENT_KEYS = new Set<string>(SEGMENT_KEY_LIST.filter((k) => !ZOD_ONLY.has(k)));
const ROOT_KEYS = new Set<string>(ROOT_KEY_LIST.filter((k) => !ZOD_ONLY.has(k)));
const PLAIN_CAMERA_KEYS: readonly string[] = ['preset', 'bitrate', 'count', 'label', 'sub', 'record', 'recordTo'];
const CAMERA_KEYS = new Set<string>(CAMERA_KEY_LIST.filter((k) => PLAIN_CAMERA_KEYS.includes(k)));
const RECORDER_KEYS = new Set<string>(RECORDER_KEY_LIST.filter((k) => !ZOD_ONLY.has(k)));
const PROJECT_KEYS = new Set<string>(PROJECT_KEY_LIST);
const VIEWER_KEYS = new Set<string>(VIEWER_KEY_LIST);
const RECORDED = new Set(['main', 'sub', 'none']);

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function knownKeys(object: Json, keys: Set<string>): boolean {
  for (const key in object) if (!keys.has(key)) return false;
  return true;
}

function optionalString(value: unknown, nonEmpty = false): boolean {
  return value === undefined || (typeof value === 'string' && (!nonEmpty || value.length > 0));
}

function camera(value: unknown): boolean {
  if (!isPlainObject(value) || !knownKeys(value, CAMERA_KEYS)) return false;
  const count = value['count'];
  return (
    typeof count === 'number' &&
    Number.isSafeInteger(count) &&
    count >= 0 &&
    optionalString(value['preset'], true) &&
    optionalString(value['bitrate']) &&
    optionalString(value['label'], true) &&
    optionalString(value['sub']) &&
    optionalString(value['recordTo'], true) &&
    (value['record'] === undefined || RECORDED.has(value['record'] as string))
  );
}

function recorder(value: unknown): boolean {
  if (!isPlainObject(value) || !knownKeys(value, RECORDER_KEYS)) return false;
  const units = value['units'];
  return (
    typeof value['name'] === 'string' &&
    value['name'].length > 0 &&
    (units === undefined || units === 'auto' || (Number.isSafeInteger(units) && (units as number) >= 1)) &&
    optionalString(value['ingest']) &&
    optionalString(value['storage'])
  );
}

const isStreams = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0);

function viewerEntry(value: unknown): boolean {
  if (!isPlainObject(value) || !knownKeys(value, VIEWER_KEYS)) return false;
  const { streams, stations, stream, from, multicast } = value;
  return (
    streams !== undefined &&
    isStreams(streams) &&
    isStreams(stations) &&
    optionalString(value['of'], true) &&
    optionalString(value['bitrate']) &&
    (stream === undefined || stream === 'main' || stream === 'sub') &&
    (from === undefined || from === 'recorder' || from === 'camera') &&
    (multicast === undefined || typeof multicast === 'boolean')
  );
}

/** `viewers`: absent, a number of streams, or a list of entries; the object form goes through zod. */
function viewers(value: unknown): boolean {
  if (value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) return true;
  return Array.isArray(value) && value.every(viewerEntry);
}

/** A link: a rate, { up, down } or { shared }, each a string (zod and the value reader check the rest). */
function link(value: unknown): boolean {
  if (value === undefined || typeof value === 'string') return true;
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  if (keys === 'down,up') return typeof value['up'] === 'string' && typeof value['down'] === 'string';
  return keys === 'shared' && typeof value['shared'] === 'string';
}

function everyItem(value: unknown, check: (item: unknown) => boolean): boolean {
  return value === undefined || (Array.isArray(value) && value.every(check));
}

/** A segment's "cameras": absent, or a list of groups of the plain keys and types. */
export function camerasLookValid(value: unknown): boolean {
  return everyItem(value, camera);
}

function segmentFields(value: Json, cameras: (value: unknown) => boolean): boolean {
  const name = value['name'];
  if (typeof name !== 'string' || name.length === 0) return false;
  if (!link(value['link']) || !optionalString(value['description'])) return false;
  if (!optionalString(value['storage']) || !optionalString(value['retention']) || !optionalString(value['recording'])) return false;
  // Numbers must be finite: zod refuses Infinity and NaN (JSON cannot hold them, but this check
  // promises never to pass what zod would not). Strings: let zod decide.
  const ceiling = value['maxUtilization'];
  if (ceiling !== undefined && !Number.isFinite(ceiling)) return false;
  const overhead = value['overhead'];
  if (overhead !== undefined && !Number.isFinite(overhead) && overhead !== 'udp' && overhead !== 'tcp' && overhead !== 'none') return false;
  if (!viewers(value['viewers']) || !everyItem(value['recorders'], recorder) || !optionalString(value['recordTo'], true)) return false;
  return cameras(value['cameras']);
}

/** "project": absent, or an object of known keys whose values are text (the value reader checks the date). */
function project(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isPlainObject(value) || !knownKeys(value, PROJECT_KEYS)) return false;
  for (const key in value) if (!optionalString(value[key], true)) return false;
  return true;
}

/**
 * `cameras` checks each segment's "cameras" (camerasLookValid; a reader in pieces checks
 * each list when it parses it, io/fleet-pieces.ts).
 */
export function fleetLooksValid(json: unknown, cameras: (value: unknown) => boolean = camerasLookValid): boolean {
  if (!isPlainObject(json) || !knownKeys(json, ROOT_KEYS) || !segmentFields(json, cameras) || !optionalString(json['$schema']))
    return false;
  if (!optionalString(json['calibration'], true) || !project(json['project'])) return false;
  if (json['inventory'] !== undefined) return false; // rare: zod checks it
  // Iterative over the segment tree: fleets can be deep.
  const stack: unknown[] = [json['segments']];
  while (stack.length > 0) {
    const segments = stack.pop();
    if (segments === undefined) continue;
    if (!Array.isArray(segments)) return false;
    for (const segment of segments) {
      if (!isPlainObject(segment) || !knownKeys(segment, SEGMENT_KEYS) || !segmentFields(segment, cameras)) return false;
      if ((segment['name'] as string).includes('/')) return false;
      stack.push(segment['segments']);
    }
  }
  return true;
}
