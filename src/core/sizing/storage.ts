/**
 * Storage for recordings: how many bytes `retention` of video takes, for
 * continuous recording or motion recording with a duty cycle, plus an
 * optional RAID/filesystem overhead. Exact: sums are kept as scaled integers
 * and rounded up to whole bytes only when shown.
 */
import { parseDecimal, scaleToInteger } from '../numbers/decimal.js';
import { InputError } from '../diagnostics/errors.js';
import { parsePercent, percentText, type Ratio } from '../numbers/percent.js';

export interface Retention {
  readonly seconds: bigint;
  /** As the user wrote it, for the report: "30d". */
  readonly text: string;
}

const SECONDS: ReadonlyArray<[RegExp, bigint, string]> = [
  [/^(s|sec|secs|seconds?)$/, 1n, 's'],
  [/^(min|mins|minutes?)$/, 60n, 'min'],
  [/^(h|hr|hrs|hours?)$/, 3600n, 'h'],
  [/^(d|days?)$/, 86_400n, 'd'],
  [/^(w|wk|wks|weeks?)$/, 604_800n, 'w'],
];

/** "30d", "72h", "4w", "30 days", "1.5d" → whole seconds. Months and years are refused: they vary in length. */
export function parseRetention(text: string): Retention {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  if (!match) {
    throw new InputError(`retention '${text}' is not a duration (e.g. 30d, 72h or 4w)`);
  }
  const [, number = '', unit = ''] = match;
  const found = SECONDS.find(([pattern]) => pattern.test(unit.toLowerCase()));
  if (!found) {
    const hint = /^(m|mo|mon|months?|y|yr|years?)$/i.test(unit)
      ? ': months and years vary in length, write days (e.g. 365d)'
      : ' (use h, d or w)';
    throw new InputError(`retention '${text}' has an unknown unit '${unit}'${hint}`);
  }
  const seconds = scaleToInteger(parseDecimal(number)!, found[1]);
  if (seconds === undefined) throw new InputError(`retention '${text}' is not a whole number of seconds`);
  if (seconds === 0n) throw new InputError(`retention '${text}' is zero`);
  return { seconds, text: `${number}${found[2]}` };
}

export interface Recording {
  readonly mode: 'continuous' | 'motion';
  /** Share of the time that is recorded. */
  readonly duty: Ratio;
}

export const CONTINUOUS: Recording = { mode: 'continuous', duty: { num: 100n, den: 100n } };

/** No RAID or filesystem overhead: the default --storage-overhead. */
export const NO_STORAGE_OVERHEAD: Ratio = { num: 0n, den: 100n };

/** "continuous", or "motion:30" / "motion:30%" (recording 30 % of the time). */
export function parseRecording(text: string): Recording {
  const t = text.trim().toLowerCase();
  if (t === 'continuous') return CONTINUOUS;
  const match = /^motion\s*[:=]\s*(.+)$/.exec(t);
  if (!match) throw new InputError(`recording '${text}' is not 'continuous' or 'motion:PERCENT' (e.g. motion:30)`);
  const duty = parsePercent(match[1]!, 'motion duty');
  if (duty.num === 0n || duty.num > duty.den) throw new InputError(`motion duty '${match[1]}' must be more than 0 % and at most 100 %`);
  return { mode: 'motion', duty: checkScale(duty, 'motion duty') };
}

/** RAID/filesystem overhead as a percentage added to the raw recording size. */
export function parseStorageOverhead(text: string): Ratio {
  const ratio = parsePercent(text, 'storage overhead');
  if (ratio.num > ratio.den * 10n) throw new InputError(`storage overhead '${text}' is more than 1000 %`);
  return checkScale(ratio, 'storage overhead');
}

/** Spare capacity reserved on top of the storage a retention needs (the SOP asks at least 20 %): 0 % to 1000 %. */
export function parseStorageHeadroom(text: string): Ratio {
  const ratio = parsePercent(text, 'storage headroom');
  if (ratio.num > ratio.den * 10n) throw new InputError(`storage headroom '${text}' is more than 1000 %`);
  return ratio;
}

export function recordingText(recording: Recording): string {
  return recording.mode === 'continuous' ? 'continuous' : `motion ${percentText(recording.duty)} %`;
}

/**
 * Storage sums are kept in units of 1/SCALE bit, so that duty and overhead
 * percentages with up to four decimals and day averages (24 hourly means in
 * 1/10^6 b/s) stay exact across segments with different settings;
 * bytes = ceil(sum / (8 × SCALE)).
 */
export const SCALE = 24n * 10n ** 18n;

function checkScale(ratio: Ratio, what: string): Ratio {
  if (10n ** 6n % ratio.den !== 0n) throw new InputError(`${what}: at most four decimals, please`);
  return ratio;
}

/**
 * payload × retention, times the recorded share and (1 + overhead), in
 * 1/SCALE bit; the payload is payloadNumerator / payloadDenominator b/s
 * (the denominator divides 24 × 10^6).
 */
export function scaledStorage(
  payloadNumerator: bigint,
  seconds: bigint,
  recording: Recording,
  overhead: Ratio,
  payloadDenominator = 1n,
): bigint {
  const { duty } = recording;
  return payloadNumerator * seconds * duty.num * (overhead.den + overhead.num) * (SCALE / (payloadDenominator * duty.den * overhead.den));
}

/** Scaled storage to whole bytes, rounded up. */
export function storageBytes(scaled: bigint): bigint {
  const unit = 8n * SCALE;
  return (scaled + unit - 1n) / unit;
}
