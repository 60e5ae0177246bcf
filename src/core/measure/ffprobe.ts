/**
 * ffprobe's `-print_format json -show_format -show_streams` output → a
 * measurement, exactly: integers stay integers at any size, a field that is
 * there but makes no sense (a height of −1, a bit rate of "12.5e3") is
 * refused rather than left out.
 *
 * The rate is format.bit_rate: the whole file's bits over its duration
 * (video, audio and container), which is what the recording costs in
 * storage; the video stream gives resolution, frame rate and codec. The
 * length is the video stream's own duration, or the container's less the
 * time its stamps start at: a segment cut from a live stream can start at
 * 100,000 s, and a container that counts from 0 then says 27.8 h, and a rate
 * over those 27.8 h (about 2 b/s). Where the stamps start late, the rate is
 * the file's size over that length.
 */
import { InputError } from '../diagnostics/errors.js';
import { type Decimal, parseDecimal } from '../numbers/decimal.js';
import { checkMeasuredRate, codecFromFfprobe, type Measurement } from './measurement.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's text: ffprobe writes numbers as strings ("4000123", "10.000000"), "N/A" when it does not know. */
function text(o: Json, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === 'N/A') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'not a finite number';
  return typeof v === 'string' ? v.trim() : `a ${typeof v}`;
}

/** A whole number from `min` to `max` ("4000123"), exactly; undefined when absent. */
function whole(o: Json, key: string, what: string, min: bigint, max: bigint): bigint | undefined {
  const t = text(o, key);
  if (t === undefined) return undefined;
  const n = /^\d{1,60}$/.test(t) ? BigInt(t) : undefined;
  if (n === undefined || n < min || n > max)
    throw new InputError(`${what} ${JSON.stringify(o[key])} is not a whole number from ${min} to ${max}`);
  return n;
}

/** Past any file or camera: 10^30 bytes, 10^30 b/s; a frame side of 65,535 pixels (the largest codecs take). */
const HUGE = 10n ** 30n;
const SIDE = 65_535n;

/** A decimal ("10.000000", "-0.023220"), exactly; undefined when absent. */
function decimal(o: Json, key: string, what: string): Decimal | undefined {
  const t = text(o, key);
  if (t === undefined) return undefined;
  const d = /^-?\d{1,20}(\.\d{1,12})?$/.test(t) ? parseDecimal(t) : undefined;
  if (!d) throw new InputError(`${what} ${JSON.stringify(o[key])} is not a number of seconds`);
  return d;
}

const positive = (d: Decimal | undefined) => d !== undefined && d.coefficient > 0n;

/** a − b, exactly. */
function minus(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.exponent, b.exponent);
  return { coefficient: a.coefficient * 10n ** BigInt(a.exponent - e) - b.coefficient * 10n ** BigInt(b.exponent - e), exponent: e };
}

/** bytes × 8 ÷ seconds, rounded to the nearest b/s. */
function rateOver(bytes: bigint, seconds: Decimal): bigint {
  const [num, den] =
    seconds.exponent >= 0
      ? [bytes * 8n, seconds.coefficient * 10n ** BigInt(seconds.exponent)]
      : [bytes * 8n * 10n ** BigInt(-seconds.exponent), seconds.coefficient];
  return (2n * num + den) / (2n * den);
}

const seconds = (d: Decimal) => Number(`${d.coefficient}e${d.exponent}`);

/** "30000/1001" → 29.97…; "0/0" (unknown) → undefined. */
export function frameRate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,12})\/(\d{1,12})$/.exec(value.trim());
  if (!match || match[2] === '0' || match[1] === '0') return undefined;
  return Number(match[1]) / Number(match[2]);
}

const abs = (d: Decimal): Decimal => (d.coefficient < 0n ? { ...d, coefficient: -d.coefficient } : d);
const less = (a: Decimal, b: Decimal) => minus(a, b).coefficient < 0n;

/**
 * The recording's length, and whether its stamps start late: format.duration then counts from 0 (it is
 * closer to the video's own length once the start is taken off), so format.bit_rate is over the wrong length.
 */
function lengthOf(format: Json, video: Json): { length: Decimal | undefined; late: boolean } {
  const own = decimal(video, 'duration', "the video stream's duration");
  const total = decimal(format, 'duration', 'format.duration');
  const start = decimal(format, 'start_time', 'format.start_time');
  const after = positive(start) && positive(total) ? minus(total!, start!) : undefined;
  if (positive(own)) {
    const late = positive(after) && less(abs(minus(after!, own!)), abs(minus(total!, own!)));
    return { length: own, late };
  }
  if (positive(after)) return { length: after, late: true };
  return { length: positive(total) ? total : undefined, late: false };
}

export function measurementFromFfprobe(json: unknown, file: string): Measurement {
  if (!isObject(json) || !isObject(json['format'])) throw new InputError(`${file}: ffprobe gave no "format" (not a media file?)`);
  const format = json['format'];
  const streams = Array.isArray(json['streams']) ? json['streams'].filter(isObject) : [];
  const video = streams.find((s) => s['codec_type'] === 'video');
  if (!video) throw new InputError(`${file}: no video stream`);
  try {
    return measure(format, video, file);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

function measure(format: Json, video: Json, file: string): Measurement {
  const { length, late } = lengthOf(format, video);
  const size = whole(format, 'size', 'format.size', 0n, HUGE);
  const given = whole(format, 'bit_rate', 'format.bit_rate', 0n, HUGE);
  let bitsPerSecond: bigint;
  let basis = 'container bit rate (format.bit_rate: video, audio and container over the file duration)';
  if (size !== undefined && length !== undefined && (late || given === undefined)) {
    bitsPerSecond = rateOver(size, length);
    basis = late
      ? "file size × 8 ÷ the video stream's length (its time stamps start late, so format.bit_rate is over the wrong length)"
      : 'file size × 8 ÷ duration (ffprobe gave no format.bit_rate)';
  } else if (given !== undefined) bitsPerSecond = given;
  else throw new InputError('ffprobe gives no bit rate and no size and duration to compute one');
  checkMeasuredRate(bitsPerSecond);
  const width = whole(video, 'width', "the video stream's width", 1n, SIDE);
  const height = whole(video, 'height', "the video stream's height", 1n, SIDE);
  if ((width === undefined) !== (height === undefined)) throw new InputError('the video stream gives a width or a height, not both');
  const fps = frameRate(video['avg_frame_rate']);
  const codec = typeof video['codec_name'] === 'string' ? codecFromFfprobe(video['codec_name']) : undefined;
  return {
    source: 'ffprobe',
    file,
    bitsPerSecond,
    ...(length === undefined ? {} : { durationSeconds: seconds(length) }),
    ...(width === undefined ? {} : { width: Number(width), height: Number(height) }),
    ...(fps === undefined ? {} : { fps }),
    ...(codec === undefined ? {} : { codec }),
    basis,
  };
}
