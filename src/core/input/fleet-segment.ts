/** Reads one segment's own fields of a fleet file: link, settings it passes down, viewers, storage, camera groups. */
import type { SegmentKey } from './fleet-keys.js';
import type { CameraGroup, LinkShape, Recorder, SegmentSettings, ViewerEntry, Viewers } from '../model/fleet.js';
import { parseBytes } from '../numbers/bytes.js';
import { parseCount } from '../numbers/count.js';
import { InputError } from '../diagnostics/errors.js';
import { parseCeiling, type Ratio } from '../numbers/percent.js';
import { parsePower } from '../numbers/power.js';
import { parseGrowth } from '../sizing/growth.js';
import { parseRate } from '../numbers/rate.js';
import { parseOverhead } from '../sizing/overhead.js';
import { parseRecording, parseRetention } from '../sizing/storage.js';
import { parseSchedule } from '../sizing/time.js';
import { readLink, readRecorders, readViewerList } from './fleet-flows.js';
import { readGroup } from './fleet-group.js';
import { isObject, type Json, type Path, type Reader } from './fleet-reader.js';

export interface SegmentFields {
  linkBitsPerSecond?: bigint;
  linkShape?: LinkShape;
  linkAuto?: true;
  ports?: bigint;
  poeMilliwatts?: bigint;
  settings?: SegmentSettings;
  viewers?: Viewers;
  viewerList?: ViewerEntry[];
  recorders?: Recorder[];
  storageBytes?: bigint;
  groups: CameraGroup[];
}

/**
 * The segment's own fields (not its children). Fields of the wrong type are
 * skipped: zod reports those, so that each problem is reported once.
 */
export function readSegmentFields(json: Json, path: Path, reader: Reader): SegmentFields {
  return (reader.plain ? undefined : plainSegmentFields(json, path, reader)) ?? allSegmentFields(json, path, reader);
}

/** Keys of the common segment: a name, a link, cameras and segments below. */
const PLAIN_SEGMENT_KEYS = new Set<string>(['name', 'description', 'link', 'cameras', 'segments'] satisfies SegmentKey[]);

/**
 * The common segment, with no settings, viewers or storage and a link rate
 * read before (or none), without building a closure or a path per field.
 */
function plainSegmentFields(json: Json, path: Path, reader: Reader): SegmentFields | undefined {
  for (const key in json) if (!PLAIN_SEGMENT_KEYS.has(key)) return undefined;
  const linkText = json['link'];
  let link: bigint | undefined;
  if (typeof linkText === 'string') {
    link = reader.knownRate(linkText);
    if (link === undefined) return undefined;
  } else if (linkText !== undefined) return undefined; // { up, down } or { shared }: the general path reads its shape
  const groups = readGroups(json, path, reader);
  return link === undefined ? { groups } : { groups, linkBitsPerSecond: link };
}

function readGroups(json: Json, path: Path, reader: Reader): CameraGroup[] {
  return reader.lists ? reader.lists.groupsOf(json, path, reader) : groupsOfList(json['cameras'], path, reader);
}

/** The groups of a segment's "cameras" (of another type: none, zod reports it). */
export function groupsOfList(cameras: unknown, path: Path, reader: Reader): CameraGroup[] {
  const groups: CameraGroup[] = [];
  if (!Array.isArray(cameras)) return groups;
  for (let i = 0; i < cameras.length; i++) {
    const camera: unknown = cameras[i];
    if (!isObject(camera)) continue;
    const group = readGroup(camera, path, i, reader);
    if (group) groups.push(group);
  }
  return groups;
}

function allSegmentFields(json: Json, path: Path, reader: Reader): SegmentFields {
  const text = (key: SegmentKey) => (typeof json[key] === 'string' ? (json[key] as string) : undefined);
  const textOrNumber = (key: SegmentKey) =>
    typeof json[key] === 'string' || typeof json[key] === 'number' ? (json[key] as string | number) : undefined;
  const read = <T>(key: SegmentKey, value: string | number | undefined, parse: (v: never) => T): T | undefined =>
    value === undefined ? undefined : reader.attempt([...path, key], () => parse(value as never));
  const settings: { -readonly [K in keyof SegmentSettings]: SegmentSettings[K] } = {};
  const set = <K extends keyof SegmentSettings>(key: K, value: SegmentSettings[K] | undefined) => {
    if (value !== undefined) settings[key] = value;
  };
  const link = json['link'] === undefined ? {} : readLink(json['link'], path, reader);
  set('maxUtilization', read('maxUtilization', textOrNumber('maxUtilization'), parseCeiling));
  set('maxPoeUtilization', read('maxPoeUtilization', textOrNumber('maxPoeUtilization'), parsePoeCeiling));
  set('growth', read('growth', textOrNumber('growth'), parseGrowth));
  const ports = read('ports', textOrNumber('ports'), readPorts);
  const poe = read('poe', text('poe'), parsePower);
  set('overhead', read('overhead', textOrNumber('overhead'), parseOverhead));
  const viewers = Array.isArray(json['viewers']) ? undefined : readViewers(json['viewers'], path, reader);
  const viewerList = Array.isArray(json['viewers']) ? readViewerList(json['viewers'], path, reader) : undefined;
  const recorders = Array.isArray(json['recorders']) ? readRecorders(json['recorders'], path, reader) : undefined;
  if (typeof json['recordTo'] === 'string' && json['recordTo'] !== '') set('recordTo', json['recordTo']);
  if (viewerList || recorders || settings.recordTo !== undefined) reader.flowKeys = true;
  set('retention', read('retention', text('retention'), parseRetention));
  set('recording', read('recording', text('recording'), parseRecording));
  const storage = read('storage', text('storage'), parseBytes);
  const schedule = json['schedule'];
  if (isObject(schedule)) {
    // An hour of another type (an object, null) is zod's to report; read only numbers and text.
    const hour = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? value : undefined);
    set(
      'schedule',
      reader.attempt([...path, 'schedule'], () => parseSchedule(hour(schedule['nightStart']), hour(schedule['nightHours']))),
    );
  }
  const groups = readGroups(json, path, reader);
  return {
    groups,
    ...(link.duplex === undefined ? {} : { linkBitsPerSecond: link.duplex }),
    ...(link.shape === undefined ? {} : { linkShape: link.shape }),
    ...(link.auto ? { linkAuto: true as const } : {}),
    ...(ports === undefined ? {} : { ports }),
    ...(poe === undefined ? {} : { poeMilliwatts: poe }),
    ...(Object.keys(settings).length === 0 ? {} : { settings }),
    ...(viewers ? { viewers } : {}),
    ...(viewerList && viewerList.length > 0 ? { viewerList } : {}),
    ...(recorders && recorders.length > 0 ? { recorders } : {}),
    ...(storage === undefined ? {} : { storageBytes: storage }),
  };
}

/** "ports": a whole number, 0 to 10^6 (a JSON integer or digits). */
function readPorts(value: string | number): bigint {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || text.length > 7 || BigInt(text) > 1_000_000n)
    throw new InputError(`ports '${String(value)}' is not a whole number of ports up to 1,000,000`);
  return BigInt(text);
}

/** "maxPoeUtilization": like a link's ceiling, more than 0 % and at most 100 %. */
function parsePoeCeiling(value: string | number): Ratio {
  try {
    return parseCeiling(value);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.message.replace('max utilization', 'max PoE utilization'));
    throw error;
  }
}

function readViewers(value: unknown, path: Path, reader: Reader): Viewers | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? { streams: BigInt(value) } : undefined;
  if (!isObject(value)) return undefined;
  let streams: bigint | undefined;
  const raw = value['streams'];
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) streams = BigInt(raw);
  if (typeof raw === 'string' && /^\d+$/.test(raw))
    streams = raw === '0' ? 0n : reader.attempt([...path, 'viewers', 'streams'], () => parseCount(raw));
  const rate = value['bitrate'];
  const bitsPerSecond = typeof rate === 'string' ? reader.attempt([...path, 'viewers', 'bitrate'], () => parseRate(rate)) : undefined;
  if (streams === undefined || streams === 0n) return undefined;
  return bitsPerSecond === undefined ? { streams } : { streams, bitsPerSecond };
}
