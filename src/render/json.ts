/**
 * JSON output, a versioned contract: exact values are decimal strings in base
 * units (`bitsPerSecond`, cameras); `mbps` numbers are conveniences that may
 * round above 2^53 b/s. Changes are additive; breaking ones bump schemaVersion.
 */
import { toMbpsNumber } from '../core/rate.js';
import type { Preset } from '../core/catalog.js';
import type { Report } from '../core/report.js';

export const JSON_SCHEMA_VERSION = 1;

export function rateJson(bps: bigint): { bitsPerSecond: string; mbps: number } {
  return { bitsPerSecond: bps.toString(), mbps: toMbpsNumber(bps) };
}

export function renderJson(report: Report): string {
  const doc = {
    schemaVersion: JSON_SCHEMA_VERSION,
    fleet: report.fleetName,
    profiles: report.profiles.map((row) => ({
      profile: row.profile.name,
      kind: row.profile.kind,
      description: row.profile.description,
      ...(row.profile.preset ? { basis: row.profile.preset.basis, source: row.profile.preset.source } : {}),
      perCamera: rateJson(row.profile.bitsPerSecond),
      cameras: row.cameras.toString(),
      load: rateJson(row.loadBitsPerSecond),
    })),
    segments: report.segments.map((row) => ({
      path: row.path,
      cameras: row.cameras.toString(),
      load: rateJson(row.loadBitsPerSecond),
      ...(row.linkBitsPerSecond === undefined ? {} : { link: rateJson(row.linkBitsPerSecond) }),
    })),
    total: {
      cameras: report.total.cameras.toString(),
      load: rateJson(report.total.loadBitsPerSecond),
    },
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
