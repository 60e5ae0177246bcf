/**
 * What a record's key fields mean: its segment path and its camera profile
 * (a preset, a rate, or both). Worked out once per distinct text and
 * remembered, valid or not, so a million records of one key cost one check.
 * Fields arrive as latin1 (one char per byte) and must be UTF-8.
 */
import { InputError } from '../diagnostics/errors.js';
import { printable } from '../diagnostics/printable.js';
import { findPreset, type Catalog, type Preset } from '../model/catalog.js';
import { customProfile, presetProfile, type Profile } from '../model/fleet.js';
import { parseDecimal, scaleToInteger } from '../numbers/decimal.js';
import { checkCameraRate, parseRate } from '../numbers/rate.js';
import { InventoryError } from './chunks.js';
import { decodeUtf8Field } from './encoding.js';

/** A problem with a field, found once per distinct text: thrown as a RecordError for each record. */
export interface FieldProblem {
  field: string;
  message: string;
}

const SEP = '\u0000';

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

  constructor(private readonly catalog: Catalog) {}

  /**
   * The segment path a segment field (latin1) names, e.g. ['site', 'switch-1'];
   * remembered unless `remember` is false (the aggregate's key table already
   * reads each distinct field once: a memo there only costs a lookup per new segment).
   */
  segmentPath(latin1: string, remember = true): string[] | FieldProblem {
    let path = remember ? this.segments.get(latin1) : undefined;
    if (path === undefined) {
      path = readSegmentPath(latin1);
      if (remember && this.segments.size < MEMO_LIMIT) this.segments.set(latin1, path);
    }
    return path;
  }

  /**
   * The profile of a record: preset, rate ('b' + bitrate, 'm' + Mb/s, \u0001
   * for both) and label (latin1). Throws InventoryError past MAX_PROFILES.
   */
  profile(preset: string, rate: string, label: string): Profile | FieldProblem {
    const key = preset + SEP + rate + SEP + label;
    let profile = this.profiles.get(key);
    if (profile === undefined) {
      profile = this.readProfile(preset, rate, label);
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

  private readProfile(preset: string, rate: string, label: string): Profile | FieldProblem {
    const kind = rate === '' ? '' : rate[0]!;
    const rateField = kind === 'm' ? 'mbps' : 'bitrate';
    const texts = [
      ['preset', decodeUtf8Field(preset)],
      [rateField, decodeUtf8Field(rate.slice(1))],
      ['label', decodeUtf8Field(label)],
    ] as const;
    for (const [field, text] of texts) if (typeof text !== 'string') return { field, message: text.problem };
    return resolveProfile(this.catalog, texts[0][1] as string, kind, texts[1][1] as string, texts[2][1] as string);
  }
}

function readSegmentPath(latin1: string): string[] | FieldProblem {
  const text = decodeUtf8Field(latin1);
  if (typeof text !== 'string') return { field: 'segment', message: text.problem };
  if (text === '') return { field: 'segment', message: 'missing (every record needs a segment path, e.g. site/switch-1)' };
  const parts = text.split('/').map((p) => p.trim());
  if (parts.some((p) => p === '')) return { field: 'segment', message: `segment '${printable(text)}' has an empty name between slashes` };
  return parts;
}

/** The profile a record names: a preset (rate from the catalog or, if given, from the record) or a rate. */
function resolveProfile(catalog: Catalog, preset: string, kind: string, rate: string, label: string): Profile | FieldProblem {
  if (kind === '\u0001') return { field: 'mbps', message: 'give bitrate or mbps, not both' };
  let bps: bigint | undefined;
  if (kind !== '') {
    const field = kind === 'm' ? 'mbps' : 'bitrate';
    try {
      bps = checkCameraRate(kind === 'm' ? mbpsText(rate) : parseRate(rate));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { field, message: echoed(error.message, rate) };
    }
  }
  if (preset !== '') {
    let found: Preset;
    try {
      found = findPreset(catalog, preset);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { field: 'preset', message: echoed(error.message, preset) };
    }
    const profile = presetProfile(found);
    if (bps === undefined || bps === profile.bitsPerSecond) return profile;
    // A rate in the record is what that camera is measured or set to: it wins, under the preset's
    // name, all day (the preset's day and night rates are not this camera's).
    const { states: _presetStates, ...rest } = profile;
    return { ...rest, key: `${found.id}@${bps}`, bitsPerSecond: bps, description: `${found.label} (rate from inventory)` };
  }
  if (bps === undefined) return { field: 'preset', message: 'a record needs a preset, a bitrate or mbps' };
  return customProfile(bps, label === '' ? undefined : label);
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
