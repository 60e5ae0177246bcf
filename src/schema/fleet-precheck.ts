/**
 * A fast, conservative test of a parsed fleet file's structure: `true` only
 * when every object has known keys and every field the plain type zod
 * (fleet-schema.ts) accepts. Anything unusual answers `false`, and the caller
 * then runs the zod schema, which stays the one source of every message.
 * Why: zod copies the whole tree while checking; for a fleet of 1,000,000
 * groups that is most of the time and memory (bench/RESULTS.md). A property
 * test checks that whatever this accepts, zod accepts too.
 */
import { CAMERA_KEYS as CAMERA_KEY_LIST, ROOT_KEYS as ROOT_KEY_LIST, SEGMENT_KEYS as SEGMENT_KEY_LIST } from './fleet-keys.js';

// Key sets from the one list of the format (fleet-keys.ts). Segments with a schedule and estimate
// groups, rarer, go through zod.
const SEGMENT_KEYS = new Set<string>(SEGMENT_KEY_LIST.filter((k) => k !== 'schedule'));
const ROOT_KEYS = new Set<string>(ROOT_KEY_LIST.filter((k) => k !== 'schedule'));
const CAMERA_KEYS = new Set<string>(CAMERA_KEY_LIST.filter((k) => k === 'preset' || k === 'bitrate' || k === 'count' || k === 'label'));

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
    optionalString(value['label'], true)
  );
}

function segmentFields(value: Json): boolean {
  const name = value['name'];
  if (typeof name !== 'string' || name.length === 0) return false;
  if (!optionalString(value['link']) || !optionalString(value['description'])) return false;
  if (!optionalString(value['storage']) || !optionalString(value['retention']) || !optionalString(value['recording'])) return false;
  // Numbers must be finite: zod refuses Infinity and NaN (JSON cannot hold them, but this check
  // promises never to pass what zod would not). Strings: let zod decide.
  const ceiling = value['maxUtilization'];
  if (ceiling !== undefined && !Number.isFinite(ceiling)) return false;
  const overhead = value['overhead'];
  if (overhead !== undefined && !Number.isFinite(overhead) && overhead !== 'udp' && overhead !== 'tcp' && overhead !== 'none') return false;
  const viewers = value['viewers'];
  if (viewers !== undefined && !(typeof viewers === 'number' && Number.isSafeInteger(viewers) && viewers >= 0)) return false;
  const cameras = value['cameras'];
  if (cameras !== undefined) {
    if (!Array.isArray(cameras)) return false;
    for (const c of cameras) if (!camera(c)) return false;
  }
  return true;
}

export function fleetLooksValid(json: unknown): boolean {
  if (!isPlainObject(json) || !knownKeys(json, ROOT_KEYS) || !segmentFields(json) || !optionalString(json['$schema'])) return false;
  if (!optionalString(json['calibration'], true)) return false;
  // Iterative over the segment tree: fleets can be deep.
  const stack: unknown[] = [json['segments']];
  while (stack.length > 0) {
    const segments = stack.pop();
    if (segments === undefined) continue;
    if (!Array.isArray(segments)) return false;
    for (const segment of segments) {
      if (!isPlainObject(segment) || !knownKeys(segment, SEGMENT_KEYS) || !segmentFields(segment)) return false;
      if ((segment['name'] as string).includes('/')) return false;
      stack.push(segment['segments']);
    }
  }
  return true;
}
