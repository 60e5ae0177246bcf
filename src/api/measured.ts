/**
 * The library's drift check: a fleet against measurement files (any file
 * `camsize measure` reads), as `camsize FLEET --measured FILE` does. The
 * measurements are matched by segment and preset or label (a measurements
 * CSV names them); matching by camera id needs an inventory, which only the
 * command line sizes (`--inventory`).
 */
import { coded, UsageError } from '../core/diagnostics/errors.js';
import { withContext } from '../core/input/camera-spec.js';
import { type MeasuredRequest, parseTolerance } from '../core/measure/drift.js';
import type { CameraIds } from '../core/measure/match.js';
import type { FlaggedMeasurement } from '../core/measure/measurement.js';
import type { Fleet } from '../core/model/fleet.js';
import type { Report } from '../core/model/report.js';
import type { SizeOptions } from '../core/sizing/size.js';

export interface MeasuredSettings {
  /** Measurement files to compare the fleet with: `report.drift`, and a failed `drift` check per group above the tolerance. */
  measured?: string | readonly string[];
  /** With `measured`: a group drifts when its measured average is more than this percentage above its design (default 15). */
  tolerance?: string | number;
  /** With `measured`: size with the measured rates in place of the design ones. */
  useMeasured?: boolean;
}

/** The measured settings read and checked; undefined without `measured`. */
export function measuredRequest(settings: MeasuredSettings): MeasuredRequest | undefined {
  const files = settings.measured === undefined ? [] : typeof settings.measured === 'string' ? [settings.measured] : [...settings.measured];
  if (files.length === 0) {
    const stray = settings.tolerance !== undefined ? 'tolerance' : settings.useMeasured ? 'useMeasured' : undefined;
    if (stray) throw new UsageError(`${stray} goes with measured (the measurement files to compare the fleet with)`);
    return undefined;
  }
  const tolerance = coded('USAGE', () => withContext('tolerance', () => parseTolerance(String(settings.tolerance ?? '15'))));
  return { files, tolerance, useMeasured: settings.useMeasured === true };
}

/**
 * Reads the measurements, matches them to the fleet's groups (by camera id through `ids` when an
 * inventory gave the cameras) and sizes the fleet against them.
 */
export async function sizeWithMeasurements(
  fleet: Fleet,
  sizing: SizeOptions,
  request: MeasuredRequest,
  ids?: (measurements: readonly FlaggedMeasurement[]) => Promise<CameraIds>,
): Promise<Report> {
  const [{ readMeasured, driftInput }, { sizeAgainstMeasurements }, { processIo }] = await Promise.all([
    import('../io/measured-input.js'),
    import('../core/sizing/measured.js'),
    import('../io/io.js'),
  ]);
  const measurements = await readMeasured(request.files, processIo());
  const drift = await driftInput(fleet, measurements, request, ids ? await ids(measurements) : undefined);
  return sizeAgainstMeasurements(fleet, { ...sizing, drift }, request.useMeasured);
}
