/**
 * Reads the values of a fleet file (already parsed JSON) into the fleet model:
 * bit rates, presets, counts, percentages, duplicate names. Structure and
 * types are zod's job (src/schema/fleet-schema.ts); fields of the wrong type
 * are skipped here so that each problem is reported once.
 */
import { findPreset, type Catalog } from '../model/catalog.js';
import { countFromJson, MAX_COUNT, parseCount } from '../numbers/count.js';
import { InputError } from '../diagnostics/errors.js';
import { estimateBitrate } from '../estimate/estimate.js';
import { type EventState, parseDuty, parseSchedule, parseStateRate } from '../sizing/time.js';
import {
  customProfile,
  estimateProfile,
  presetProfile,
  withStates,
  type CameraGroup,
  type Fleet,
  type Profile,
  type Segment,
  type SegmentSettings,
  type Viewers,
} from '../model/fleet.js';
import type { Issue } from '../diagnostics/issues.js';
import { parseOverhead } from '../sizing/overhead.js';
import { parseCeiling } from '../numbers/percent.js';
import { checkCameraRate, parseRate } from '../numbers/rate.js';
import { parseBytes } from '../numbers/bytes.js';
import { parseRecording, parseRetention } from '../sizing/storage.js';

type Json = Record<string, unknown>;
const ESTIMATE_FIELDS = ['resolution', 'fps', 'codec', 'scene', 'quality'];

const MAX_COUNT_NUMBER = Number(MAX_COUNT);
type Path = Array<string | number>;

/**
 * Per-file memo: a fleet of 1,000,000 groups repeats a handful of presets and
 * link rates, so each distinct text is parsed, and each profile built, once.
 */
class Reader {
  readonly issues: Issue[] = [];
  private readonly rates = new Map<string, bigint>();
  private readonly profiles = new Map<string, Profile>();

  constructor(readonly catalog: Catalog) {}

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

  customProfile(bps: bigint, label: string | undefined): Profile {
    const key = `${label ?? ''}\0${bps}`;
    let profile = this.profiles.get(key);
    if (!profile) {
      profile = customProfile(bps, label);
      this.profiles.set(key, profile);
    }
    return profile;
  }
}

export function fleetFromJson(json: unknown, catalog: Catalog): { fleet?: Fleet; issues: Issue[] } {
  if (!isObject(json)) return { issues: [{ path: [], message: 'a fleet file is a JSON object with a "name" and "segments"' }] };
  const reader = new Reader(catalog);
  const name = typeof json['name'] === 'string' ? json['name'] : 'fleet';
  const root = readSegment(json, name, [], reader);
  return reader.issues.length === 0 ? { fleet: { name, root }, issues: [] } : { issues: reader.issues };
}

/** Runs a value reader; an InputError becomes an issue at `where` and the value undefined. */
function attempt<T>(issues: Issue[], where: Path, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    issues.push({ path: where, message: error.message });
    return undefined;
  }
}

function readSegment(json: Json, name: string, path: Path, reader: Reader): Segment {
  const issues = reader.issues;
  const field = <T>(key: string, fn: () => T): T | undefined => attempt(issues, [...path, key], fn);
  const link = typeof json['link'] === 'string' ? field('link', () => reader.rate(json['link'] as string)) : undefined;
  const settings: { -readonly [K in keyof SegmentSettings]: SegmentSettings[K] } = {};
  const ceiling = json['maxUtilization'];
  if (typeof ceiling === 'number' || typeof ceiling === 'string') {
    const value = field('maxUtilization', () => parseCeiling(ceiling));
    if (value) settings.maxUtilization = value;
  }
  const overhead = json['overhead'];
  if (typeof overhead === 'number' || typeof overhead === 'string') {
    const value = field('overhead', () => parseOverhead(overhead));
    if (value) settings.overhead = value;
  }
  const viewers = readViewers(json['viewers'], path, issues);
  if (typeof json['retention'] === 'string') {
    const value = field('retention', () => parseRetention(json['retention'] as string));
    if (value) settings.retention = value;
  }
  if (typeof json['recording'] === 'string') {
    const value = field('recording', () => parseRecording(json['recording'] as string));
    if (value) settings.recording = value;
  }
  const storage = typeof json['storage'] === 'string' ? field('storage', () => parseBytes(json['storage'] as string)) : undefined;
  const schedule = json['schedule'];
  if (isObject(schedule)) {
    const value = field('schedule', () =>
      parseSchedule(schedule['nightStart'] as number | undefined, schedule['nightHours'] as number | undefined),
    );
    if (value) settings.schedule = value;
  }

  const groups: CameraGroup[] = [];
  const cameras = Array.isArray(json['cameras']) ? json['cameras'] : [];
  cameras.forEach((camera, i) => {
    if (!isObject(camera)) return;
    const group = readGroup(camera, path, i, reader);
    if (group) groups.push(group);
  });

  const children: Segment[] = [];
  const seen = new Map<string, number>();
  const segments = Array.isArray(json['segments']) ? json['segments'] : [];
  segments.forEach((child, i) => {
    if (!isObject(child)) return;
    const childName = typeof child['name'] === 'string' ? child['name'] : '';
    const earlier = seen.get(childName);
    if (earlier !== undefined && childName !== '') {
      issues.push({ path: [...path, 'segments', i, 'name'], message: `duplicate segment name '${childName}' (also segments[${earlier}])` });
    } else {
      seen.set(childName, i);
    }
    children.push(readSegment(child, childName, [...path, 'segments', i], reader));
  });

  return {
    name,
    groups,
    children,
    ...(link === undefined ? {} : { linkBitsPerSecond: link }),
    ...(Object.keys(settings).length === 0 ? {} : { settings }),
    ...(viewers ? { viewers } : {}),
    ...(storage === undefined ? {} : { storageBytes: storage }),
  };
}

function readGroup(json: Json, segmentPath: Path, index: number, reader: Reader): CameraGroup | undefined {
  const issues = reader.issues;
  // Built only when there is something to report: most groups are fine.
  const at = (...field: string[]): Path => [...segmentPath, 'cameras', index, ...field];
  const preset = json['preset'];
  const bitrate = json['bitrate'];
  const label = typeof json['label'] === 'string' ? json['label'] : undefined;
  const estimated = ESTIMATE_FIELDS.some((f) => json[f] !== undefined);
  let profile: Profile | undefined;
  const given = [preset !== undefined, bitrate !== undefined, estimated].filter(Boolean).length;
  if (given > 1) {
    issues.push({ path: at(), message: 'give one of "preset", "bitrate" or "resolution"/"fps"/"codec" (an estimate), not several' });
  } else if (given === 0) {
    issues.push({ path: at(), message: 'missing "preset", "bitrate" or "resolution"/"fps"/"codec"' });
  } else if (estimated) {
    const missing = ['resolution', 'fps', 'codec'].filter((f) => json[f] === undefined);
    if (missing.length > 0) {
      issues.push({ path: at(), message: `an estimate needs resolution, fps and codec (missing ${missing.join(', ')})` });
    } else if (typeof json['resolution'] === 'string' && typeof json['fps'] === 'number' && typeof json['codec'] === 'string') {
      const input = {
        resolution: json['resolution'],
        fps: json['fps'],
        codec: json['codec'],
        ...(typeof json['scene'] === 'string' ? { scene: json['scene'] } : {}),
        ...(typeof json['quality'] === 'string' ? { quality: json['quality'] } : {}),
      };
      profile = attempt(issues, at(), () => estimateProfile(estimateBitrate(input), label));
    }
  } else if (typeof preset === 'string') {
    profile = attempt(issues, at('preset'), () => reader.presetProfile(preset));
    if (label !== undefined)
      issues.push({ path: at('label'), message: 'a preset group is named by its preset; "label" names a "bitrate" group' });
  } else if (typeof bitrate === 'string') {
    profile = attempt(issues, at('bitrate'), () => reader.customProfile(checkCameraRate(reader.rate(bitrate)), label));
  }
  let count: bigint | undefined;
  const rawCount = json['count'];
  if (typeof rawCount === 'number' && Number.isSafeInteger(rawCount) && rawCount >= 0 && rawCount <= MAX_COUNT_NUMBER) {
    count = BigInt(rawCount); // the common case, without the general reader's checks
  } else if (typeof rawCount === 'number' || typeof rawCount === 'string') {
    try {
      count = countFromJson(rawCount);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // zod says "expected a whole number of cameras" for malformed ones; add only what it cannot know.
      if (/absurd/.test(error.message)) issues.push({ path: at('count'), message: error.message });
    }
  }
  if (profile && (json['night'] !== undefined || json['events'] !== undefined)) {
    const day = profile.bitsPerSecond;
    let night = profile.states?.night ?? day;
    let event: EventState | undefined;
    const rawNight = json['night'];
    if (typeof rawNight === 'string' || typeof rawNight === 'number') {
      night = attempt(issues, at('night'), () => parseStateRate(rawNight, day, 'night')) ?? night;
    }
    const events = json['events'];
    if (
      isObject(events) &&
      (typeof events['rate'] === 'string' || typeof events['rate'] === 'number') &&
      (typeof events['duty'] === 'number' || typeof events['duty'] === 'string')
    ) {
      const { rate, duty } = events;
      // A multiple ("x2") is of the state the camera is in: the day rate by day, the night rate at night.
      event = attempt(issues, at('events'), () => {
        const byDay = parseStateRate(rate, day, 'event rate');
        const atNight = parseStateRate(rate, night, 'event rate');
        return { bitsPerSecond: byDay, ...(atNight === byDay ? {} : { nightBitsPerSecond: atNight }), duty: parseDuty(duty) };
      });
    }
    profile = withStates(profile, { day, night, ...(event ? { event } : {}) });
  }
  return profile && count !== undefined ? { profile, count } : undefined;
}

function readViewers(value: unknown, path: Path, issues: Issue[]): Viewers | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? { streams: BigInt(value) } : undefined;
  if (!isObject(value)) return undefined;
  let streams: bigint | undefined;
  const raw = value['streams'];
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) streams = BigInt(raw);
  if (typeof raw === 'string' && /^\d+$/.test(raw))
    streams = raw === '0' ? 0n : attempt(issues, [...path, 'viewers', 'streams'], () => parseCount(raw));
  const rate = value['bitrate'];
  const bitsPerSecond = typeof rate === 'string' ? attempt(issues, [...path, 'viewers', 'bitrate'], () => parseRate(rate)) : undefined;
  if (streams === undefined || streams === 0n) return undefined;
  return bitsPerSecond === undefined ? { streams } : { streams, bitsPerSecond };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
