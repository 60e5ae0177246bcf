/**
 * A measured per-camera bit rate, wherever it was read from (a recording by
 * ffprobe, a measurements CSV, Frigate's stats), with how long it was measured
 * over and what makes it weaker evidence than a day-long average.
 */
import { InputError } from '../diagnostics/errors.js';
import { parseDecimal, scaleToInteger } from '../numbers/decimal.js';

export type MeasurementSource = 'ffprobe' | 'csv' | 'frigate';

export interface Measurement {
  readonly source: MeasurementSource;
  /** The file it was read from. */
  readonly file: string;
  /** Where in the file: a line of a CSV, a camera of a Frigate file. */
  readonly where?: string;
  readonly camera?: string;
  /** A segment path of the fleet (CSV), `/`-separated. */
  readonly segment?: string;
  /** Which group of that segment: a preset id or a bit-rate group's label (CSV). */
  readonly preset?: string;
  readonly label?: string;
  readonly bitsPerSecond: bigint;
  /** Seconds the rate is averaged over; undefined when the source does not say. */
  readonly durationSeconds?: number;
  readonly start?: string;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  /** camsize's codec name (h264, h265, av1, mjpeg), when known. */
  readonly codec?: string;
  /** What the figure is, in words (e.g. "container bit rate, video and audio"). */
  readonly basis: string;
}

export const DAY_SECONDS = 86_400;

/**
 * No camera's stream averages less than this (a QVGA MJPEG camera at one frame a second sends tens of
 * kb/s). A rate below it is a recording measured over the wrong length, a camera that was off, or a
 * typo, and averaged in it would pull its group down: a +100 % drift would pass.
 */
export const MIN_MEASURED_BPS = 1000n;

/** Refuses a measured rate no camera sends on average (below MIN_MEASURED_BPS). */
export function checkMeasuredRate(bitsPerSecond: bigint): bigint {
  if (bitsPerSecond < MIN_MEASURED_BPS)
    throw new InputError(
      `a measured ${bitsPerSecond} b/s is below 1 kb/s, no camera's average: a recording measured over the wrong length, a camera that was off, or a typo (remove it to use the others)`,
    );
  return bitsPerSecond;
}

/** "file line 4", "file cameras.porch", or the file: where a measurement was read. */
export function measurementPlace(m: Pick<Measurement, 'file' | 'where'>): string {
  return m.where ? `${m.file} ${m.where}` : m.file;
}

export interface Flags {
  /** Shorter than 24 h, or of unknown length: the SOP wants a day including a night. */
  readonly short: boolean;
  /** The same round kb/s rate as another camera: likely a CBR cap, not an average. */
  readonly likelyCap: boolean;
}

export interface FlaggedMeasurement extends Measurement {
  readonly flags: Flags;
}

const UNITS: ReadonlyArray<[RegExp, bigint]> = [
  [/^(s|sec|secs|seconds?)$/, 1n],
  [/^(m|min|mins|minutes?)$/, 60n],
  [/^(h|hr|hrs|hours?)$/, 3600n],
  [/^(d|days?)$/, 86_400n],
  [/^(w|weeks?)$/, 604_800n],
];

/** "24h", "90m", "1.5d", "3600s" → seconds (a measurement's length; minutes are allowed here). */
export function parseMeasuredDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  const unit = UNITS.find(([pattern]) => pattern.test((match?.[2] ?? '').toLowerCase()));
  if (!match || !unit) throw new InputError(`duration '${text}' is not a length of time (e.g. 24h, 90m, 7d)`);
  const seconds = scaleToInteger(parseDecimal(match[1]!)!, unit[1]);
  if (seconds === undefined || seconds === 0n) throw new InputError(`duration '${text}' must be at least one whole second`);
  return Number(seconds);
}

/** A whole number of kb/s (1000 b/s) or of Kibit/s (1024 b/s; nethogs and many camera menus count in 1024s). */
export function isRound(bitsPerSecond: bigint): boolean {
  return bitsPerSecond > 0n && (bitsPerSecond % 1000n === 0n || bitsPerSecond % 1024n === 0n);
}

/** A key that says "the same camera" across sources: its id, else where it was read from. */
function cameraKey(m: Measurement): string {
  return m.camera ?? `${m.file}#${m.where ?? ''}`;
}

/**
 * Marks short samples, and rates that two or more cameras share exactly at a
 * round value (isRound): a VBR average almost never lands on the same round value twice,
 * a CBR cap or a configured maximum does (moonfire-nvr #84: four cameras at
 * exactly 8.2 and 8.4 Mb/s were running at "the maximums").
 */
export function flagMeasurements(measurements: readonly Measurement[]): FlaggedMeasurement[] {
  const camerasAt = new Map<bigint, Set<string>>();
  for (const m of measurements) {
    if (!isRound(m.bitsPerSecond)) continue;
    const set = camerasAt.get(m.bitsPerSecond) ?? new Set<string>();
    set.add(cameraKey(m));
    camerasAt.set(m.bitsPerSecond, set);
  }
  return measurements.map((m) => ({
    ...m,
    flags: {
      short: m.durationSeconds === undefined || m.durationSeconds < DAY_SECONDS,
      likelyCap: (camerasAt.get(m.bitsPerSecond)?.size ?? 0) >= 2,
    },
  }));
}

/**
 * One measurement per camera: the same camera id given twice (two rows of a measurements CSV, a CSV and a
 * Frigate file) is refused, naming both places, since camsize does not guess which was meant. Recordings
 * are told apart by the inventory (match.ts), which combines several of one camera.
 */
export function oneMeasurementPerCamera(measurements: readonly Measurement[]): void {
  const seen = new Map<string, Measurement>();
  const issues: string[] = [];
  for (const m of measurements) {
    if (m.camera === undefined) continue;
    const first = seen.get(m.camera);
    if (first) issues.push(twice(m.camera, first, m));
    else seen.set(m.camera, m);
  }
  if (issues.length > 0) throw new InputError(issues[0]!, issues);
}

export function twice(camera: string, a: Measurement, b: Measurement): string {
  return `camera '${camera}' is measured twice, ${measurementPlace(a)} and ${measurementPlace(b)}: one measurement per camera (camsize does not guess which is meant)`;
}

/**
 * Several recordings of one camera as one measurement of it: its rate is their bits over their seconds
 * (each rate weighted by its length, to the nearest b/s), its length their sum.
 */
export function combineRecordings(camera: string, parts: readonly FlaggedMeasurement[]): FlaggedMeasurement {
  let bits = 0n;
  let micros = 0n;
  for (const m of parts) {
    if (m.durationSeconds === undefined)
      throw new InputError(
        `camera '${camera}' has ${parts.length} recordings, and ${measurementPlace(m)} gives no length to weigh its rate by`,
      );
    const weight = BigInt(Math.round(m.durationSeconds * 1e6));
    bits += m.bitsPerSecond * weight;
    micros += weight;
  }
  const first = parts[0]!;
  const durationSeconds = parts.reduce((sum, m) => sum + m.durationSeconds!, 0);
  return {
    ...first,
    camera,
    where: `and ${parts.length - 1} more recording${parts.length > 2 ? 's' : ''}`,
    bitsPerSecond: micros === 0n ? first.bitsPerSecond : (2n * bits + micros) / (2n * micros),
    durationSeconds,
    basis: `${parts.length} recordings of one camera: their bits over their seconds (${first.basis})`,
    flags: { short: durationSeconds < DAY_SECONDS, likelyCap: parts.every((m) => m.flags.likelyCap) },
  };
}

/** ffprobe's codec_name → camsize's codec name; other codecs keep ffprobe's name. */
export function codecFromFfprobe(name: string): string {
  const n = name.toLowerCase();
  return n === 'hevc' ? 'h265' : n;
}
