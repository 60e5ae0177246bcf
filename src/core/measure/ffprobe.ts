/**
 * ffprobe's `-print_format json -show_format -show_streams` output → a
 * measurement. The rate is format.bit_rate: the whole file's bits over its
 * duration (video, audio and container), which is what the recording costs in
 * storage; the video stream gives resolution, frame rate and codec.
 */
import { InputError } from '../diagnostics/errors.js';
import { codecFromFfprobe, type Measurement } from './measurement.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A decimal or integer field ffprobe writes as a string ("4000123", "10.000000"). */
function numberField(o: Json, key: string): number | undefined {
  const v = o[key];
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : typeof v === 'number' ? v : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** "30000/1001" → 29.97…; "0/0" (unknown) → undefined. */
export function frameRate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match || match[2] === '0') return undefined;
  const fps = Number(match[1]) / Number(match[2]);
  return fps > 0 ? fps : undefined;
}

export function measurementFromFfprobe(json: unknown, file: string): Measurement {
  if (!isObject(json) || !isObject(json['format'])) throw new InputError(`${file}: ffprobe gave no "format" (not a media file?)`);
  const format = json['format'];
  const streams = Array.isArray(json['streams']) ? json['streams'].filter(isObject) : [];
  const video = streams.find((s) => s['codec_type'] === 'video');
  if (!video) throw new InputError(`${file}: no video stream`);
  const duration = numberField(format, 'duration');
  let bitRate = numberField(format, 'bit_rate');
  let basis = 'container bit rate (format.bit_rate: video, audio and container over the file duration)';
  const size = numberField(format, 'size');
  if (bitRate === undefined && size !== undefined && duration !== undefined) {
    bitRate = (size * 8) / duration;
    basis = 'file size × 8 ÷ duration (ffprobe gave no format.bit_rate)';
  }
  if (bitRate === undefined) throw new InputError(`${file}: ffprobe gives no bit rate and no size and duration to compute one`);
  const width = numberField(video, 'width');
  const height = numberField(video, 'height');
  const fps = frameRate(video['avg_frame_rate']);
  const codec = typeof video['codec_name'] === 'string' ? codecFromFfprobe(video['codec_name']) : undefined;
  return {
    source: 'ffprobe',
    file,
    bitsPerSecond: BigInt(Math.round(bitRate)),
    ...(duration === undefined ? {} : { durationSeconds: duration }),
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
    ...(fps === undefined ? {} : { fps }),
    ...(codec === undefined ? {} : { codec }),
    basis,
  };
}
