/** Reads one camera group of a fleet file: its profile (preset, bit rate or estimate), count, and night and event states. */
import { ESTIMATE_KEYS } from './fleet-keys.js';
import { InputError } from '../diagnostics/errors.js';
import { estimateBitrate } from '../estimate/estimate.js';
import { type CameraGroup, customFiguresProfile, estimateProfile, givenDay, type Profile, withStates } from '../model/fleet.js';
import { countFromJson, MAX_COUNT } from '../numbers/count.js';
import { parseCameraPower } from '../numbers/power.js';
import { checkCameraRate } from '../numbers/rate.js';
import { type EventState, parseDuty, parseStateRate } from '../sizing/time.js';
import { isObject, type Json, type Path, type Reader, SHARED_COUNTS } from './fleet-reader.js';

const MAX_COUNT_NUMBER = Number(MAX_COUNT);

export function readGroup(json: Json, segmentPath: Path, index: number, reader: Reader): CameraGroup | undefined {
  // The path is built only when there is something to report: most groups are fine.
  const at = (...field: string[]): Path => [...segmentPath, 'cameras', index, ...field];
  const fast = reader.plain ? undefined : (plainPresetGroup(json, reader) ?? plainRateGroup(json, reader));
  if (fast) return fast;
  let profile = groupProfile(json, at, reader);
  const count = groupCount(json['count'], at, reader);
  if (profile && (json['night'] !== undefined || json['events'] !== undefined)) profile = withDayStates(profile, json, at, reader);
  const poeText = json['poe'];
  const poe = typeof poeText === 'string' ? reader.attempt(at('poe'), () => parseCameraPower(poeText)) : undefined;
  if (!profile || count === undefined || (poeText !== undefined && poe === undefined)) return undefined;
  const group =
    json['sub'] === undefined && json['record'] === undefined && json['recordTo'] === undefined
      ? reader.group(profile, count)
      : withStreams({ profile, count }, json, at, reader);
  return group && poe ? { ...group, poe } : group;
}

/** The group with its sub stream, which stream it records and where. */
function withStreams(group: CameraGroup, json: Json, at: (...field: string[]) => Path, reader: Reader): CameraGroup | undefined {
  const { sub, record, recordTo } = json;
  reader.flowKeys = true;
  let subBitsPerSecond: bigint | undefined;
  if (typeof sub === 'string') subBitsPerSecond = reader.attempt(at('sub'), () => checkCameraRate(reader.rate(sub)));
  else if (isObject(sub))
    // A sub stream is one rate: an estimated one is the centre of the estimate's peak.
    subBitsPerSecond = reader.attempt(at('sub'), () => estimateBitrate(estimateInput(sub, reader.calibration)).peak.bitsPerSecond);
  if (sub !== undefined && subBitsPerSecond === undefined) return undefined;
  return {
    ...group,
    ...(subBitsPerSecond === undefined ? {} : { subBitsPerSecond }),
    ...(record === 'main' || record === 'sub' || record === 'none' ? { record } : {}),
    ...(typeof recordTo === 'string' && recordTo !== '' ? { recordTo } : {}),
  };
}

/** An estimate's spec, with the site calibration the fleet applies (sub streams are estimated the same way). */
function estimateInput(json: Json, calibration: Reader['calibration']) {
  const { resolution, fps, codec, scene, quality } = json;
  if (typeof resolution !== 'string' || typeof fps !== 'number' || typeof codec !== 'string')
    throw new InputError('a sub stream estimate needs resolution, fps and codec');
  return {
    resolution,
    fps,
    codec,
    ...(typeof scene === 'string' ? { scene } : {}),
    ...(typeof quality === 'string' ? { quality } : {}),
    ...(calibration ? { calibration } : {}),
  };
}

/**
 * The common group, `{ "preset": "…", "count": N }` of a preset already read,
 * without the general path's checks (they could not find anything more).
 */
function plainPresetGroup(json: Json, reader: Reader): CameraGroup | undefined {
  const preset = json['preset'];
  const count = json['count'];
  if (typeof preset !== 'string' || typeof count !== 'number' || !(count >= 0 && count < SHARED_COUNTS) || !Number.isInteger(count))
    return undefined;
  const profile = reader.knownPreset(preset);
  if (profile === undefined) return undefined;
  for (const key in json) if (key !== 'preset' && key !== 'count') return undefined;
  return reader.smallGroup(profile, count);
}

/**
 * The common custom group, `{ "bitrate": "…", "count": N, "label": "…" }`,
 * of a rate text and label read before (so it passed the rate checks).
 */
function plainRateGroup(json: Json, reader: Reader): CameraGroup | undefined {
  const bitrate = json['bitrate'];
  const count = json['count'];
  const label = json['label'];
  if (typeof bitrate !== 'string' || typeof count !== 'number' || !(count >= 0 && count < SHARED_COUNTS) || !Number.isInteger(count))
    return undefined;
  if (label !== undefined && typeof label !== 'string') return undefined;
  const profile = reader.knownCustom(bitrate, label);
  if (profile === undefined) return undefined;
  for (const key in json) if (key !== 'bitrate' && key !== 'count' && key !== 'label') return undefined;
  return reader.smallGroup(profile, count);
}

function groupProfile(json: Json, at: (...field: string[]) => Path, reader: Reader): Profile | undefined {
  const issues = reader.issues;
  const preset = json['preset'];
  const bitrate = json['bitrate'];
  const label = typeof json['label'] === 'string' ? json['label'] : undefined;
  let estimated = false;
  for (const key of ESTIMATE_KEYS) if (json[key] !== undefined) estimated = true;
  const figures = json['peak'] !== undefined || json['average'] !== undefined;
  const given = (preset !== undefined ? 1 : 0) + (bitrate !== undefined ? 1 : 0) + (estimated ? 1 : 0) + (figures ? 1 : 0);
  if (given > 1) {
    issues.push({
      path: at(),
      message: 'give one of "preset", "bitrate", "peak"/"average" or "resolution"/"fps"/"codec" (an estimate), not several',
    });
    return undefined;
  }
  if (given === 0) {
    issues.push({ path: at(), message: 'missing "preset", "bitrate", "peak"/"average" or "resolution"/"fps"/"codec"' });
    return undefined;
  }
  if (figures) return figuresGroupProfile(json, at, reader, label);
  if (estimated) return estimateGroupProfile(json, at, reader, label);
  if (typeof preset === 'string') {
    if (label !== undefined)
      issues.push({
        path: at('label'),
        message: 'a preset group is named by its preset; "label" names a "bitrate", "peak" or "average" group',
      });
    return reader.attempt(at('preset'), () => reader.presetProfile(preset));
  }
  if (typeof bitrate === 'string')
    return reader.attempt(at('bitrate'), () => reader.customProfileOf(bitrate, checkCameraRate(reader.rate(bitrate)), label));
  return undefined;
}

function estimateGroupProfile(
  json: Json,
  at: (...field: string[]) => Path,
  reader: Reader,
  label: string | undefined,
): Profile | undefined {
  const missing = ['resolution', 'fps', 'codec'].filter((f) => json[f] === undefined);
  if (missing.length > 0) {
    reader.issues.push({ path: at(), message: `an estimate needs resolution, fps and codec (missing ${missing.join(', ')})` });
    return undefined;
  }
  const { resolution, fps, codec } = json;
  if (typeof resolution !== 'string' || typeof fps !== 'number' || typeof codec !== 'string') return undefined;
  return reader.attempt(at(), () => estimateProfile(estimateBitrate(estimateInput(json, reader.calibration)), label, reader.estimateAt));
}

/** A group that gives its peak, its average or both ("peak": "8Mb/s", "average": "3Mb/s"): the other follows from the ratio. */
function figuresGroupProfile(json: Json, at: (...field: string[]) => Path, reader: Reader, label: string | undefined): Profile | undefined {
  const read = (key: 'peak' | 'average') => {
    const text = json[key];
    return typeof text === 'string' ? reader.attempt(at(key), () => checkCameraRate(reader.rate(text))) : undefined;
  };
  const peak = read('peak');
  const average = read('average');
  if ((json['peak'] !== undefined && peak === undefined) || (json['average'] !== undefined && average === undefined)) return undefined;
  return reader.attempt(at(), () =>
    customFiguresProfile({ ...(peak === undefined ? {} : { peak }), ...(average === undefined ? {} : { average }) }, label),
  );
}

function groupCount(raw: unknown, at: (...field: string[]) => Path, reader: Reader): bigint | undefined {
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 && raw <= MAX_COUNT_NUMBER) return BigInt(raw); // the common case
  if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
  try {
    return countFromJson(raw);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // zod says "expected a whole number of cameras" for malformed ones; add only what it cannot know.
    if (/absurd/.test(error.message)) reader.issues.push({ path: at('count'), message: error.message });
    return undefined;
  }
}

/**
 * The profile with its night and event states from the group's "night" and
 * "events", of the figure the profile gives (its peak, or its average when it
 * gives the average); the other figure follows (model/fleet.ts, withStates).
 */
function withDayStates(profile: Profile, json: Json, at: (...field: string[]) => Path, reader: Reader): Profile {
  const day = givenDay(profile);
  let night = (profile.basis === 'average' ? profile.average?.states?.night : profile.states?.night) ?? day;
  let event: EventState | undefined;
  const rawNight = json['night'];
  if (typeof rawNight === 'string' || typeof rawNight === 'number') {
    night = reader.attempt(at('night'), () => parseStateRate(rawNight, day, 'night')) ?? night;
  }
  const events = json['events'];
  if (isObject(events)) {
    const { rate, duty } = events;
    if ((typeof rate === 'string' || typeof rate === 'number') && (typeof duty === 'number' || typeof duty === 'string')) {
      // A multiple ("x2") is of the state the camera is in: the day rate by day, the night rate at night.
      event = reader.attempt(at('events'), () => {
        const byDay = parseStateRate(rate, day, 'event rate');
        const atNight = parseStateRate(rate, night, 'event rate');
        return { bitsPerSecond: byDay, ...(atNight === byDay ? {} : { nightBitsPerSecond: atNight }), duty: parseDuty(duty) };
      });
    }
  }
  return withStates(profile, { day, night, ...(event ? { event } : {}) });
}
