/**
 * What a record's key fields mean: its segment path and its camera profile
 * (a preset, a rate, or both). Worked out once per distinct text and
 * remembered, valid or not, so a million records of one key cost one check.
 * Fields arrive as latin1 (one char per byte) and must be UTF-8.
 */
import { InputError } from '../diagnostics/errors.js';
import { printable } from '../diagnostics/printable.js';
import type { Catalog } from '../model/catalog.js';
import { catalogProfile, customProfile, type Profile } from '../model/fleet.js';
import { figuresProfile } from '../input/camera-spec.js';
import { parseDecimal, scaleToInteger } from '../numbers/decimal.js';
import { checkCameraRate, parseRate } from '../numbers/rate.js';
import type { SiteCalibration } from '../model/calibration.js';
import type { EstimateAtSetting } from '../model/fleet.js';
import { InventoryError } from './chunks.js';
import { decodeUtf8Field } from './encoding.js';
import { estimatedProfile, FieldInputError } from './estimate-group.js';
import { decimalCommaText } from './local-numbers.js';

/** A problem with a field, found once per distinct text: thrown as a RecordError for each record. */
export interface FieldProblem {
  field: string;
  message: string;
}

const SEP = '\u0000';
/** Separates the estimate inputs (resolution, fps, codec, scene, quality) in a profile's estimate part. */
export const ESTIMATE_SEP = '\u0001';

/**
 * How a file's key texts are read beyond their text, from its header: set
 * once, before the first record (plain data: worker threads get it too).
 */
export interface KeyReading {
  /** The unit of a bare number in the bitrate field ('Bitrate (Mbps)'). */
  readonly rateUnit?: string;
  /** Numbers are written with a decimal comma (a ';'-separated file): 4,5 is 4.5. */
  readonly decimalComma?: boolean;
  /** No column gives the segment: every camera is in the file's own segment (the root). */
  readonly wholeFile?: boolean;
  /** The headers whose values make the path, for the message about a row that gives none. */
  readonly pathHeaders?: readonly string[];
  /** Rows without a preset or a rate are estimated from their resolution and fps. */
  readonly estimates?: boolean;
  /** A site calibration for the estimated groups. */
  readonly calibration?: SiteCalibration;
  /** The point of their ranges the estimated groups take (--estimate-at). */
  readonly estimateAt?: EstimateAtSetting;
}

/**
 * At most this many distinct camera profiles (presets, a preset at a rate the
 * record gives, a rate without a preset with its label): each is a row of the
 * report, and a per-camera rate or label text would otherwise make one per
 * camera, memory growing with the records.
 */
export const MAX_PROFILES = 10_000;

/** Distinct texts remembered, at most (past it, a text is worked out each time: memory stays bounded). */
const MEMO_LIMIT = 1 << 16;

export function profileLimitMessage(): string {
  return (
    `more than ${MAX_PROFILES.toLocaleString('en-US')} distinct camera profiles (each preset, each rate a record ` +
    'gives, each label of a record without a preset is one row of the report): give such cameras a preset, and ' +
    'keep per-camera text (a pole number, say) out of the label of records without one'
  );
}

export class KeyMeanings {
  private readonly profiles = new Map<string, Profile | FieldProblem>();
  private readonly segments = new Map<string, string[] | FieldProblem>();
  private readonly profileKeys = new Set<string>();
  /** How this file's texts are read (set when its header is read). */
  reading: KeyReading = {};

  constructor(private readonly catalog: Catalog) {}

  /**
   * The segment path a segment field (latin1) names, e.g. ['site', 'switch-1'];
   * remembered unless `remember` is false (the aggregate's key table already
   * reads each distinct field once: a memo there only costs a lookup per new segment).
   */
  segmentPath(latin1: string, remember = true): string[] | FieldProblem {
    let path = remember ? this.segments.get(latin1) : undefined;
    if (path === undefined) {
      path = readSegmentPath(latin1, this.reading);
      if (remember && this.segments.size < MEMO_LIMIT) this.segments.set(latin1, path);
    }
    return path;
  }

  /**
   * The profile of a record: preset, rate ('b' + bitrate, 'm' + Mb/s, \u0001
   * for both), label (latin1) and, for a row to estimate, its estimate inputs
   * (each ESTIMATE_SEP apart; empty otherwise). Throws InventoryError past MAX_PROFILES.
   */
  profile(preset: string, rate: string, label: string, estimate = ''): Profile | FieldProblem {
    const key = preset + SEP + rate + SEP + label + SEP + estimate;
    let profile = this.profiles.get(key);
    if (profile === undefined) {
      profile = this.readProfile(preset, rate, label, estimate);
      if (!('field' in profile)) this.countProfile(profile.key);
      if (this.profiles.size < MEMO_LIMIT) this.profiles.set(key, profile);
    }
    return profile;
  }

  private countProfile(key: string): void {
    if (this.profileKeys.has(key)) return;
    if (this.profileKeys.size >= MAX_PROFILES) throw new InventoryError(profileLimitMessage());
    this.profileKeys.add(key);
  }

  private readProfile(preset: string, rate: string, label: string, estimate: string): Profile | FieldProblem {
    const kind = rate === '' ? '' : rate[0]!;
    const rateField = kind === 'm' ? 'mbps' : 'bitrate';
    const parts = estimate === '' ? [] : estimate.split(ESTIMATE_SEP);
    const texts = [
      ['preset', decodeUtf8Field(preset)],
      [rateField, decodeUtf8Field(rate.slice(1))],
      ['label', decodeUtf8Field(label)],
      ...ESTIMATE_INPUTS.map((field, i) => [field, decodeUtf8Field(parts[i] ?? '')] as const),
    ] as const;
    for (const [field, text] of texts) if (typeof text !== 'string') return { field, message: text.problem };
    const [p, r, l, ...e] = texts.map(([, text]) => text as string);
    const rateText = this.local(rateField, r!);
    if (typeof rateText !== 'string') return rateText;
    const resolved = resolveProfile(this.catalog, p!, kind, rateText, l!, this.reading);
    if (!('field' in resolved) || resolved.field !== 'preset' || p !== '' || kind !== '' || !this.reading.estimates) return resolved;
    return this.estimated(e, l!);
  }

  /** A number as the file writes it (a decimal comma, in a ';'-separated one) as a point decimal. */
  private local(field: string, text: string): string | FieldProblem {
    if (!this.reading.decimalComma || text === '') return text;
    try {
      return decimalCommaText(text);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { field, message: error.message };
    }
  }

  /** The profile of a row to estimate: resolution and fps needed; codec, scene and quality optional. */
  private estimated(cells: string[], label: string): Profile | FieldProblem {
    const [resolution = '', fps = '', codec = '', scene = '', quality = ''] = cells.map((c) => c.trim());
    if (resolution === '' && fps === '')
      return { field: 'preset', message: 'a record needs a preset, a rate (bitrate, mbps), or resolution and fps to estimate from' };
    if (resolution === '' || fps === '')
      return { field: resolution === '' ? 'resolution' : 'fps', message: 'missing: an estimate needs resolution and fps' };
    try {
      return estimatedProfile(
        { resolution, fps, codec, scene, quality },
        label,
        this.reading.decimalComma === true,
        this.reading.calibration,
        this.reading.estimateAt,
      );
    } catch (error) {
      if (error instanceof FieldInputError) return { field: error.field, message: error.message };
      throw error;
    }
  }
}

/** The estimate inputs, in the order a profile's estimate part holds them. */
export const ESTIMATE_INPUTS = ['resolution', 'fps', 'codec', 'scene', 'quality'] as const;

function readSegmentPath(latin1: string, reading: KeyReading): string[] | FieldProblem {
  const text = decodeUtf8Field(latin1);
  if (typeof text !== 'string') return { field: 'segment', message: text.problem };
  if (text === '' && reading.wholeFile) return [];
  if (text === '' && reading.pathHeaders !== undefined)
    return {
      field: 'segment',
      message: `missing: the row's ${reading.pathHeaders.map((h) => `'${printable(h)}'`).join(', ')} ${reading.pathHeaders.length === 1 ? 'is' : 'are'} empty`,
    };
  if (text === '') return { field: 'segment', message: 'missing (every record needs a segment path, e.g. site/switch-1)' };
  const parts = text.split('/').map((p) => p.trim());
  if (parts.some((p) => p === '')) return { field: 'segment', message: `segment '${printable(text)}' has an empty name between slashes` };
  return parts;
}

/** The profile a record names: a preset (rate from the catalog or, if given, from the record) or a rate. */
function resolveProfile(
  catalog: Catalog,
  preset: string,
  kind: string,
  rate: string,
  label: string,
  reading: KeyReading,
): Profile | FieldProblem {
  if (kind === '\u0001') return { field: 'mbps', message: 'give bitrate or mbps, not both' };
  if (kind === 'b' && FIGURES.test(rate)) return figuresRecord(preset, rate, label);
  let bps: bigint | undefined;
  if (kind !== '') {
    const field = kind === 'm' ? 'mbps' : 'bitrate';
    try {
      bps = checkCameraRate(kind === 'm' ? mbpsText(rate) : parseRate(rate, reading.rateUnit));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { field, message: echoed(error.message, rate) };
    }
  }
  if (preset !== '') {
    let profile: Profile;
    try {
      profile = catalogProfile(catalog, preset);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { field: 'preset', message: echoed(error.message, preset) };
    }
    if (bps === undefined || (bps === profile.bitsPerSecond && profile.average === undefined)) return profile;
    // A rate in the record is what that camera is measured or set to: it wins, under the preset's
    // name, all day and for both figures (the preset's day, night, peak and average rates are not this camera's).
    const { states: _states, average: _average, basis: _basis, ...rest } = profile;
    const found = profile.preset!;
    return { ...rest, key: `${found.id}@${bps}`, bitsPerSecond: bps, description: `${found.label} (rate from inventory)` };
  }
  if (bps === undefined) return { field: 'preset', message: 'a record needs a preset, a bitrate or mbps' };
  return customProfile(bps, label === '' ? undefined : label);
}

/** A bitrate cell that gives the camera's figures: "peak:8Mb/s", "average:3Mb/s", or both separated by ";" or ",". */
const FIGURES = /^\s*(peak|average)\s*:/i;

function figuresRecord(preset: string, rate: string, label: string): Profile | FieldProblem {
  if (preset !== '')
    return {
      field: 'bitrate',
      message: `'${printable(rate)}': a preset's rate from the record is one rate; give peak: and average: without a preset`,
    };
  try {
    return figuresProfile(rate.replace(/;/g, ','), label === '' ? undefined : label);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { field: 'bitrate', message: echoed(error.message, rate) };
  }
}

/** A message that quotes `value` (as another module wrote it), with the value made printable. */
export function echoed(message: string, value: string): string {
  const shown = printable(value);
  return shown === value ? message : message.split(value).join(shown);
}

/** "3.5" (Mb/s) read exactly from its text. */
function mbpsText(text: string): bigint {
  const decimal = parseDecimal(text.trim());
  if (!decimal) throw new InputError(`'${text}' is not a number of Mb/s`);
  if (decimal.coefficient < 0n) throw new InputError(`'${text}' is negative`);
  const bps = scaleToInteger(decimal, 1_000_000n);
  if (bps === undefined) throw new InputError(`${text} Mb/s is not a whole number of bits per second`);
  return bps;
}
