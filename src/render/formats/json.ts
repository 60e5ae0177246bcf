/**
 * JSON output, a versioned contract: exact values are decimal strings in base
 * units (`bitsPerSecond`, cameras); `mbps` numbers are conveniences that may
 * round above 2^53 b/s. Changes are additive; breaking ones bump schemaVersion.
 */
import type { ValidationReport } from '../../core/estimate/calibration.js';
import type { DriftSummary, Report } from '../../core/model/report.js';
import { percentText } from '../../core/numbers/percent.js';
import { recordingText } from '../../core/sizing/storage.js';
import { jsonObject, writeColumns } from '../columns/column.js';
import { JsonElements, jsonByteChunks, jsonChunks } from '../json-chunks.js';
import { DRIFT_COLUMNS, UNMATCHED_COLUMNS } from '../columns/drift.js';
import { MEASURE_COLUMNS } from '../columns/measurements.js';
import { PROFILE_COLUMNS } from '../columns/profiles.js';
import { RECORDER_COLUMNS } from '../columns/recorders.js';
import { SEGMENT_COLUMNS } from '../columns/segments.js';
import { TOTAL_COLUMNS } from '../columns/totals.js';
import { rateJson } from '../columns/json-values.js';
import { CHECK_COLUMNS } from '../columns/checks.js';
import { diffJson, fleetsJson } from './json-design.js';
import { flatChecks } from '../../core/sizing/flat-checks.js';
import type { Renderer } from '../renderer-interface.js';

/** 2: the 24 hours moved from a top-level `timeline` (only with --timeline) into every segment's `time.hourly`. */
export const JSON_SCHEMA_VERSION = 2;

function settingsJson(report: Report) {
  const s = report.settings;
  return {
    overhead: s.overhead.kind,
    overheadPercent: Number(percentText(s.overhead.ratio)),
    maxUtilizationPercent: Number(percentText(s.maxUtilization)),
    ...(s.storage
      ? {
          storage: {
            ...(s.storage.retention
              ? { retention: s.storage.retention.text, retentionSeconds: s.storage.retention.seconds.toString() }
              : {}),
            recording: recordingText(s.storage.recording),
            overheadPercent: Number(percentText(s.storage.overhead)),
            ...(s.storage.headroom ? { headroomPercent: Number(percentText(s.storage.headroom)) } : {}),
            used: s.storage.used.map((u) => ({
              retention: u.retention.text,
              retentionSeconds: u.retention.seconds.toString(),
              recording: recordingText(u.recording),
            })),
          },
        }
      : {}),
    ...(s.growth
      ? {
          growth: {
            ...(s.growth.default ? { defaultPercent: Number(percentText(s.growth.default)) } : {}),
            usedPercent: s.growth.used.map((g) => Number(percentText(g))),
            addedCameras: s.growth.addedCameras.toString(),
          },
        }
      : {}),
    ...(s.linkSpeeds ? { linkSpeeds: s.linkSpeeds.map(rateJson) } : {}),
    ...(s.maxPoeUtilization ? { maxPoeUtilizationPercent: Number(percentText(s.maxPoeUtilization)) } : {}),
  };
}

function capacityAnswerJson(a: NonNullable<Report['capacityAnswer']>) {
  return {
    profile: a.profile.name,
    perCamera: rateJson(a.perCameraBitsPerSecond),
    ...(a.checkedOn ? { perCameraIs: a.checkedOn } : {}),
    capacity: rateJson(a.capacityBitsPerSecond),
    maxUtilizationPercent: Number(percentText(a.ceiling)),
    usable: rateJson(a.usableBitsPerSecond),
    maxCameras: a.maxCameras.toString(),
    fits: a.maxCameras > 0n,
  };
}

/**
 * The report's document; its long arrays (segments, recorders, drift groups)
 * are JsonElements, made as they are written. `JSON.stringify` of it is the
 * whole document at once (what the differential test compares with).
 */
export function reportJson(report: Report) {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    fleet: report.fleetName,
    ...(report.project ? { project: report.project } : {}),
    settings: settingsJson(report),
    verdict: report.verdict,
    ...(report.settings.time ? { checkOn: report.settings.time.checkOn, schedule: report.settings.time.schedule } : {}),
    ...(report.settings.percentile ? { percentileSettings: report.settings.percentile } : {}),
    ...(report.partial ? { partial: true, skippedRecords: report.partial.skippedRecords } : {}),
    ...(report.inventory ? { inventory: report.inventory } : {}),
    profiles: new JsonElements(report.profiles, (row, out) => writeColumns(PROFILE_COLUMNS, row, out)),
    segments: new JsonElements(report.segments, (row, out) => writeColumns(SEGMENT_COLUMNS, { row, name: '', depth: row.depth }, out)),
    ...(report.recorders ? { recorders: new JsonElements(report.recorders, (r, out) => writeColumns(RECORDER_COLUMNS, r, out)) } : {}),
    total: jsonObject(TOTAL_COLUMNS, report),
    ...(report.capacityAnswer ? { capacityAnswer: capacityAnswerJson(report.capacityAnswer) } : {}),
    ...(report.drift ? { drift: driftSummaryJson(report.drift) } : {}),
    // Every check flat, one entry per direction or part: a script needs no walk of the tree.
    checks: new JsonElements(flatChecks(report), (check, out) => writeColumns(CHECK_COLUMNS, { fleet: report.fleetName, check }, out)),
  };
}

/** --measured: the tolerance, each measured group against its design, the unmatched measurements, and what re-sizing found. */
function driftSummaryJson(d: DriftSummary) {
  return {
    tolerancePercent: Number(percentText(d.tolerance)),
    measurements: d.measurements,
    matched: d.measurements - d.unmatched.length,
    groups: new JsonElements(d.groups, (g, out) => writeColumns(DRIFT_COLUMNS, g, out)),
    unmatched: new JsonElements(d.unmatched, (u, out) => writeColumns(UNMATCHED_COLUMNS, u, out)),
    ...(d.resized
      ? {
          resized: {
            overWithDesign: d.resized.overWithDesign,
            newlyOver: d.resized.newlyOver.map((c) => ({
              kind: c.kind,
              ...('path' in c ? { path: c.path } : {}),
              ...(c.kind === 'recorder' ? { recorder: c.recorder.name } : {}),
            })),
          },
        }
      : {}),
  };
}

const json = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/** The report's JSON in parts. */
function reportChunks(report: Report): Iterable<string> {
  return jsonChunks(reportJson(report));
}

export const jsonRenderer: Renderer = {
  // Everything the model has, whatever the display options: --timeline only chooses what human formats draw.
  report: (report) => [...reportChunks(report)].join(''),
  reportChunks,
  reportBytes: (report) => jsonByteChunks(reportJson(report)),
  diff: diffJson,
  fleets: fleetsJson,

  presets: (presets) =>
    json({
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
    }),

  estimate(estimate) {
    const { steps, bitsPerSecond, peak, average, coverage, ...inputs } = estimate;
    const figure = (f: typeof peak) => ({
      ...rateJson(f.bitsPerSecond),
      range: { coverage, low: rateJson(f.low), high: rateJson(f.high) },
    });
    return json({
      schemaVersion: JSON_SCHEMA_VERSION,
      estimated: true,
      ...inputs,
      peak: figure(peak),
      average: figure(average),
      perCamera: rateJson(bitsPerSecond),
      steps: steps.map(([step, value]) => ({ step, value })),
    });
  },

  measurements: (ms) => json({ schemaVersion: JSON_SCHEMA_VERSION, measurements: ms.map((m) => jsonObject(MEASURE_COLUMNS, m)) }),

  calibration(rows, _options, validation) {
    const point = (r: ValidationReport['rows'][number]) => ({
      ...r,
      figureBitsPerSecond: r.figureBitsPerSecond.toString(),
      estimateBitsPerSecond: r.estimateBitsPerSecond.toString(),
      heldOutBitsPerSecond: r.heldOutBitsPerSecond.toString(),
    });
    return json({
      schemaVersion: JSON_SCHEMA_VERSION,
      calibration: rows.map((r) => ({
        ...r,
        catalogBitsPerSecond: r.catalogBitsPerSecond.toString(),
        estimateBitsPerSecond: r.estimateBitsPerSecond.toString(),
      })),
      ...(validation ? { validation: { ...validation, worst: validation.worst.map(point), rows: validation.rows.map(point) } } : {}),
    });
  },
};
