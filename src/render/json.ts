/**
 * JSON output, a versioned contract: exact values are decimal strings in base
 * units (`bitsPerSecond`, cameras); `mbps` numbers are conveniences that may
 * round above 2^53 b/s. Changes are additive; breaking ones bump schemaVersion.
 */
import type { Preset } from '../core/model/catalog.js';
import type { CalibrationRow } from '../core/estimate/calibration.js';
import type { Estimate } from '../core/estimate/estimate.js';
import { percentText } from '../core/numbers/percent.js';
import { formatScaled, toMbpsNumber } from '../core/numbers/rate.js';
import type { LinkStatus, Report, SegmentTime, StorageStatus } from '../core/model/report.js';
import { timeline, type RenderOptions } from './options.js';

function timeJson(t: SegmentTime) {
  return {
    average: rateJson(t.averageBitsPerSecond),
    busiestHour: t.busiestHour,
    busiestHourAverage: rateJson(t.busiestHourBitsPerSecond),
    peak: rateJson(t.peakBitsPerSecond),
    peakHour: t.peakHour,
  };
}
import { recordingText } from '../core/sizing/storage.js';

/** Bytes as an exact decimal string, with TB and TiB conveniences. */
function bytesJson(bytes: bigint): { bytes: string; tb: number; tib: number } {
  return {
    bytes: bytes.toString(),
    tb: Number(formatScaled(bytes, 10n ** 12n, { precision: 6 }).replace('~', '')),
    tib: Number(formatScaled(bytes, 2n ** 40n, { precision: 6 }).replace('~', '')),
  };
}

function storageJson(storage: StorageStatus) {
  return {
    needed: bytesJson(storage.bytes),
    ...(storage.capacityBytes === undefined ? {} : { capacity: bytesJson(storage.capacityBytes), fits: storage.fits }),
  };
}

export const JSON_SCHEMA_VERSION = 1;

export function rateJson(bps: bigint): { bitsPerSecond: string; mbps: number } {
  return { bitsPerSecond: bps.toString(), mbps: toMbpsNumber(bps) };
}

function linkJson(link: LinkStatus) {
  return {
    capacity: rateJson(link.capacityBitsPerSecond),
    maxUtilizationPercent: Number(percentText(link.ceiling)),
    usable: rateJson(link.usableBitsPerSecond),
    utilizationPercent: link.utilizationBasisPoints === undefined ? null : Number(formatScaled(link.utilizationBasisPoints, 100n)),
    headroom: rateJson(link.headroomBitsPerSecond),
    ...(link.headroomCameras
      ? {
          headroomCameras: {
            profile: link.headroomCameras.profile.name,
            cameras: link.headroomCameras.cameras.toString(),
            perCamera: rateJson(link.headroomCameras.perCameraBitsPerSecond),
          },
        }
      : {}),
    fits: link.fits,
  };
}

export function renderJson(report: Report, options?: RenderOptions): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    fleet: report.fleetName,
    settings: {
      overhead: report.settings.overhead.kind,
      overheadPercent: Number(percentText(report.settings.overhead.ratio)),
      maxUtilizationPercent: Number(percentText(report.settings.maxUtilization)),
      ...(report.settings.storage
        ? {
            storage: {
              ...(report.settings.storage.retention
                ? {
                    retention: report.settings.storage.retention.text,
                    retentionSeconds: report.settings.storage.retention.seconds.toString(),
                  }
                : {}),
              recording: recordingText(report.settings.storage.recording),
              overheadPercent: Number(percentText(report.settings.storage.overhead)),
              used: report.settings.storage.used.map((u) => ({
                retention: u.retention.text,
                retentionSeconds: u.retention.seconds.toString(),
                recording: recordingText(u.recording),
              })),
            },
          }
        : {}),
    },
    verdict: report.verdict,
    ...(report.settings.time ? { checkOn: report.settings.time.checkOn, schedule: report.settings.time.schedule } : {}),
    ...(report.settings.percentile ? { percentileSettings: report.settings.percentile } : {}),
    ...(report.partial ? { partial: true, skippedRecords: report.partial.skippedRecords } : {}),
    ...(report.inventory ? { inventory: report.inventory } : {}),
    profiles: report.profiles.map((row) => ({
      profile: row.profile.name,
      kind: row.profile.kind,
      description: row.profile.description,
      ...(row.profile.preset ? { basis: row.profile.preset.basis, source: row.profile.preset.source } : {}),
      ...(row.profile.kind === 'estimate' ? { estimated: true } : {}),
      perCamera: rateJson(row.profile.bitsPerSecond),
      cameras: row.cameras.toString(),
      payload: rateJson(row.payloadBitsPerSecond),
      load: rateJson(row.loadBitsPerSecond),
    })),
    segments: report.segments.map((row) => ({
      path: row.path,
      cameras: row.cameras.toString(),
      overhead: row.overhead.kind,
      cameraLoad: rateJson(row.cameraLoadBitsPerSecond),
      viewing: rateJson(row.viewingBitsPerSecond),
      load: rateJson(row.loadBitsPerSecond),
      ...(row.link ? { link: linkJson(row.link) } : {}),
      ...(row.storage ? { storage: storageJson(row.storage) } : {}),
      ...(row.time ? { time: timeJson(row.time) } : {}),
      ...(row.percentile ? { percentile: { ...rateJson(row.percentile.bitsPerSecond), approximate: true } } : {}),
    })),
    total: {
      cameras: report.total.cameras.toString(),
      viewing: rateJson(report.total.viewingBitsPerSecond),
      load: rateJson(report.total.loadBitsPerSecond),
      ...(report.totalCheck ? { check: linkJson(report.totalCheck) } : {}),
      ...(report.total.storage ? { storage: storageJson(report.total.storage) } : {}),
      ...(report.segments[0]?.time ? { time: timeJson(report.segments[0].time) } : {}),
      ...(report.segments[0]?.percentile
        ? {
            percentile: {
              ...rateJson(report.segments[0].percentile.bitsPerSecond),
              mean: report.segments[0].percentile.mean,
              sigma: report.segments[0].percentile.sigma,
              approximate: true,
            },
          }
        : {}),
    },
    ...(options?.timeline !== undefined
      ? {
          timeline: ((t) => ({
            segment: options.timeline,
            hours: t.hours.map((h) => ({
              hour: h.hour,
              night: h.night,
              average: rateJson(h.averageBitsPerSecond),
              peak: rateJson(h.peakBitsPerSecond),
            })),
          }))(timeline(report, options.timeline)!),
        }
      : {}),
    ...(report.capacityAnswer
      ? {
          capacityAnswer: {
            profile: report.capacityAnswer.profile.name,
            perCamera: rateJson(report.capacityAnswer.perCameraBitsPerSecond),
            capacity: rateJson(report.capacityAnswer.capacityBitsPerSecond),
            maxUtilizationPercent: Number(percentText(report.capacityAnswer.ceiling)),
            usable: rateJson(report.capacityAnswer.usableBitsPerSecond),
            maxCameras: report.capacityAnswer.maxCameras.toString(),
          },
        }
      : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderJsonPresets(presets: readonly Preset[]): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    presets: presets.map((p) => ({
      id: p.id,
      label: p.label,
      resolution: p.resolution,
      fps: p.fps,
      scene: p.scene,
      codec: p.codec,
      perCamera: rateJson(p.bitsPerSecond),
      ...(p.nightBitsPerSecond === undefined ? {} : { night: rateJson(p.nightBitsPerSecond) }),
      basis: p.basis,
      source: p.source,
      file: p.file,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderJsonEstimate(estimate: Estimate): string {
  const { steps, bitsPerSecond, ...inputs } = estimate;
  return `${JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      estimated: true,
      ...inputs,
      perCamera: rateJson(bitsPerSecond),
      steps: steps.map(([step, value]) => ({ step, value })),
    },
    null,
    2,
  )}\n`;
}

export function renderJsonCalibration(rows: readonly CalibrationRow[]): string {
  return `${JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      calibration: rows.map((r) => ({
        ...r,
        catalogBitsPerSecond: r.catalogBitsPerSecond.toString(),
        estimateBitsPerSecond: r.estimateBitsPerSecond.toString(),
      })),
    },
    null,
    2,
  )}\n`;
}
