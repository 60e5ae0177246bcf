/**
 * The JSON shapes of the values the report's faces share (a rate, bytes, a
 * link's check, storage, a load over the day), each written once as members
 * into a JsonOut (render/json-out.ts): the text writer writes them straight
 * into a report's text, and `…Json` makes the object where one is wanted.
 * Exact values are decimal strings in base units; Mb/s, TB and percentages
 * are convenience numbers that may round. Key order is the contract.
 */
import type { LinkStatus, SegmentTime, StorageStatus } from '../../core/model/report.js';
import type { Ratio } from '../../core/numbers/percent.js';
import { percentText } from '../../core/numbers/percent.js';
import { formatScaled } from '../../core/numbers/rate.js';
import { HOURS, isNight } from '../../core/sizing/time.js';
import { type JsonOut, objectOf } from '../json-out.js';

/** A rate's members: exact b/s and Mb/s. */
export function rateMembers(bps: bigint, out: JsonOut): void {
  out.bigint('bitsPerSecond', bps);
  out.mbps('mbps', bps);
}

/** A rate under `key`. */
export function writeRate(out: JsonOut, key: string, bps: bigint): void {
  out.object(key);
  rateMembers(bps, out);
  out.end();
}

export function rateJson(bps: bigint): { bitsPerSecond: string; mbps: number } {
  return objectOf(rateMembers, bps) as { bitsPerSecond: string; mbps: number };
}

/** Bytes as an exact decimal string, with TB and TiB conveniences. */
export function bytesMembers(bytes: bigint, out: JsonOut): void {
  out.bigint('bytes', bytes);
  out.number('tb', Number(formatScaled(bytes, 10n ** 12n, { precision: 6 }).replace('~', '')));
  out.number('tib', Number(formatScaled(bytes, 2n ** 40n, { precision: 6 }).replace('~', '')));
}

export function writeBytes(out: JsonOut, key: string, bytes: bigint): void {
  out.object(key);
  bytesMembers(bytes, out);
  out.end();
}

export function bytesJson(bytes: bigint): { bytes: string; tb: number; tib: number } {
  return objectOf(bytesMembers, bytes) as { bytes: string; tb: number; tib: number };
}

let lastCeiling: Ratio | undefined;
let lastCeilingPercent = 0;

/** A ceiling in percent; the report's links share one or a few Ratio objects, so the last is remembered. */
function ceilingPercent(ceiling: Ratio): number {
  if (ceiling !== lastCeiling) {
    lastCeilingPercent = Number(percentText(ceiling));
    lastCeiling = ceiling;
  }
  return lastCeilingPercent;
}

/** A link's check: capacity, ceiling, usable, utilisation, headroom (in cameras of a profile, when counted), fits. */
export function linkMembers(link: LinkStatus, out: JsonOut): void {
  writeRate(out, 'capacity', link.capacityBitsPerSecond);
  out.number('maxUtilizationPercent', ceilingPercent(link.ceiling));
  writeRate(out, 'usable', link.usableBitsPerSecond);
  if (link.utilizationBasisPoints === undefined) out.number('utilizationPercent', null);
  else out.scaled('utilizationPercent', link.utilizationBasisPoints, 2);
  writeRate(out, 'headroom', link.headroomBitsPerSecond);
  const cameras = link.headroomCameras;
  if (cameras) {
    out.object('headroomCameras');
    out.string('profile', cameras.profile.name);
    out.bigint('cameras', cameras.cameras);
    writeRate(out, 'perCamera', cameras.perCameraBitsPerSecond);
    out.end();
  }
  out.boolean('fits', link.fits);
}

export function writeLink(out: JsonOut, key: string, link: LinkStatus): void {
  out.object(key);
  linkMembers(link, out);
  out.end();
}

export function storageMembers(storage: StorageStatus, out: JsonOut): void {
  writeBytes(out, 'needed', storage.bytes);
  if (storage.requiredBytes !== undefined) writeBytes(out, 'required', storage.requiredBytes);
  if (storage.capacityBytes !== undefined) {
    writeBytes(out, 'capacity', storage.capacityBytes);
    out.value('fits', storage.fits);
  }
  if (storage.unretainedCameras !== undefined) out.bigint('unretainedCameras', storage.unretainedCameras);
}

const HOUR_NUMBERS = Array.from({ length: HOURS }, (_, h) => h);

/**
 * A load over the day, with its 24 hours (hour 0 first): which are night,
 * the mean and the peak in each. The arrays are written on one line each
 * (render/json-inline.ts), so a report of many segments stays readable and small.
 */
export function timeMembers(t: SegmentTime, out: JsonOut): void {
  writeRate(out, 'average', t.averageBitsPerSecond);
  out.number('busiestHour', t.busiestHour);
  writeRate(out, 'busiestHourAverage', t.busiestHourBitsPerSecond);
  writeRate(out, 'peak', t.peakBitsPerSecond);
  out.number('peakHour', t.peakHour);
  out.object('hourly');
  out.inline(
    'night',
    HOUR_NUMBERS.map((h) => isNight(t.schedule, h)),
  );
  out.inline('averageBitsPerSecond', t.hourlyAverageBitsPerSecond.map(String));
  out.inline('peakBitsPerSecond', t.hourlyPeakBitsPerSecond.map(String));
  out.end();
}

export function writeTime(out: JsonOut, key: string, t: SegmentTime): void {
  out.object(key);
  timeMembers(t, out);
  out.end();
}
