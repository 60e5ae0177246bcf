/**
 * Frigate's per-camera bandwidth, from a saved API answer. Two shapes:
 *
 * - `/api/stats`: `cameras.<name>.ffmpeg_pid` and `bandwidth_usages.<pid>.bandwidth`,
 *   the network rate of that camera's ffmpeg process in KB/s (nethogs, KB = 1024
 *   bytes), sampled over about 5 s (`nethogs -c5 -d1`); present only with
 *   `telemetry.stats.network_bandwidth` enabled. It counts every stream that
 *   process reads.
 * - `/api/recordings/storage`: `<name>.bandwidth`, the recorded MiB per hour
 *   averaged over the camera's last 100 recording segments (about 17 minutes
 *   with Frigate's default 10 s segments), and `usage` in MiB.
 *
 * Source: frigate/stats/util.py, frigate/util/services.py (get_bandwidth_stats)
 * and frigate/storage.py (calculate_camera_bandwidth) in blakeblackshear/frigate.
 */
import { InputError } from '../diagnostics/errors.js';
import { checkMeasuredRate, type Measurement } from './measurement.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const NETHOGS_SECONDS = 5;
/** KB/s (1024 bytes) → b/s. */
const KIB_PER_SECOND = 8 * 1024;
/** MiB per hour → b/s: 2^20 bytes × 8 bits ÷ 3600 s. */
const MIB_PER_HOUR = (8 * 1024 * 1024) / 3600;

const positive = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);

function fromStats(json: Json, file: string): Measurement[] {
  const cameras = isObject(json['cameras']) ? json['cameras'] : {};
  const usages = isObject(json['bandwidth_usages']) ? json['bandwidth_usages'] : undefined;
  if (!usages)
    throw new InputError(
      `${file}: Frigate stats without "bandwidth_usages" (enable telemetry.stats.network_bandwidth, or save /api/recordings/storage)`,
    );
  const out: Measurement[] = [];
  for (const [camera, stats] of Object.entries(cameras)) {
    if (!isObject(stats)) continue;
    const pid = stats['ffmpeg_pid'];
    const usage = pid === undefined || pid === null ? undefined : usages[String(pid)];
    const kib = isObject(usage) ? positive(usage['bandwidth']) : undefined;
    if (kib === undefined) continue;
    out.push({
      source: 'frigate',
      file,
      where: `cameras.${camera}`,
      camera,
      bitsPerSecond: BigInt(Math.round(kib * KIB_PER_SECOND)),
      durationSeconds: NETHOGS_SECONDS,
      basis: "network rate of the camera's ffmpeg process (Frigate /api/stats bandwidth_usages, nethogs KB/s over about 5 s)",
    });
  }
  return out;
}

function fromStorage(json: Json, file: string): Measurement[] {
  const out: Measurement[] = [];
  for (const [camera, entry] of Object.entries(json)) {
    if (!isObject(entry)) continue;
    const mib = positive(entry['bandwidth']);
    if (mib === undefined) continue; // 0: no segments yet
    out.push({
      source: 'frigate',
      file,
      where: camera,
      camera,
      bitsPerSecond: BigInt(Math.round(mib * MIB_PER_HOUR)),
      basis: 'recorded MiB per hour over the last 100 segments (Frigate /api/recordings/storage)',
    });
  }
  return out;
}

/** Whether a parsed JSON value looks like one of Frigate's two answers. */
export function isFrigateJson(json: unknown): boolean {
  if (!isObject(json)) return false;
  if (isObject(json['cameras']) && (isObject(json['service']) || 'bandwidth_usages' in json || 'detection_fps' in json)) return true;
  const entries = Object.values(json);
  return entries.length > 0 && entries.every((e) => isObject(e) && 'bandwidth' in e && 'usage' in e);
}

export function measurementsFromFrigate(json: unknown, file: string): Measurement[] {
  if (!isFrigateJson(json)) throw new InputError(`${file}: not Frigate's /api/stats or /api/recordings/storage JSON`);
  const out = isObject((json as Json)['cameras']) ? fromStats(json as Json, file) : fromStorage(json as Json, file);
  if (out.length === 0) throw new InputError(`${file}: no camera with a bandwidth above 0`);
  const issues: string[] = [];
  for (const m of out) {
    try {
      checkMeasuredRate(m.bitsPerSecond);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      issues.push(`${file} ${m.where}: ${error.message}`);
    }
  }
  if (issues.length > 0) throw new InputError(issues[0]!, issues);
  return out;
}
