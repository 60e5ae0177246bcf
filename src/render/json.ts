/**
 * JSON output, a versioned contract: exact values are decimal strings in base
 * units (`bitsPerSecond`, cameras); `mbps` numbers are conveniences that may
 * round above 2^53 b/s. Changes are additive; breaking ones bump schemaVersion.
 */
import type { Preset } from '../core/catalog.js';
import { percentText } from '../core/percent.js';
import { formatScaled, toMbpsNumber } from '../core/rate.js';
import type { LinkStatus, Report } from '../core/report.js';

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
      ? { headroomCameras: { profile: link.headroomCameras.profile.name, cameras: link.headroomCameras.cameras.toString(), perCamera: rateJson(link.headroomCameras.perCameraBitsPerSecond) } }
      : {}),
    fits: link.fits,
  };
}

export function renderJson(report: Report): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    fleet: report.fleetName,
    settings: {
      overhead: report.settings.overhead.kind,
      overheadPercent: Number(percentText(report.settings.overhead.ratio)),
      maxUtilizationPercent: Number(percentText(report.settings.maxUtilization)),
    },
    verdict: report.verdict,
    ...(report.partial ? { partial: true, skippedRecords: report.partial.skippedRecords } : {}),
    ...(report.inventory ? { inventory: report.inventory } : {}),
    profiles: report.profiles.map((row) => ({
      profile: row.profile.name,
      kind: row.profile.kind,
      description: row.profile.description,
      ...(row.profile.preset ? { basis: row.profile.preset.basis, source: row.profile.preset.source } : {}),
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
    })),
    total: {
      cameras: report.total.cameras.toString(),
      viewing: rateJson(report.total.viewingBitsPerSecond),
      load: rateJson(report.total.loadBitsPerSecond),
      ...(report.totalCheck ? { check: linkJson(report.totalCheck) } : {}),
    },
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
  return JSON.stringify(doc, null, 2) + '\n';
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
  return JSON.stringify(doc, null, 2) + '\n';
}
