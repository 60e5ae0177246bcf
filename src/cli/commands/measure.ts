/**
 * `camsize measure FILE...`: what cameras really send. Each FILE is a
 * recording (probed with FFmpeg's ffprobe), a saved ffprobe JSON, a
 * measurements CSV, or a saved Frigate API answer. Prints the measurements,
 * or with --fit a site calibration as JSON (`> site-calibration.json`).
 */
import type { FlaggedMeasurement, Measurement } from '../../core/measure/measurement.js';
import { renderer } from '../../render/renderer.js';
import { loadCatalog } from '../../io/catalog-load.js';
import { makePaint } from '../../render/paint.js';
import type { Io } from '../../io/io.js';
import { readMeasurements } from '../../io/measurement-files.js';
import { resolveOutput } from '../output-request.js';
import type { MeasureCommandFlags } from '../program.js';

export async function runMeasure(files: readonly string[], flags: MeasureCommandFlags, io: Io): Promise<number> {
  const output = resolveOutput(flags, io.env, io.stdoutIsTTY, () => io.terminalColumns());
  const measured: Measurement[] = [];
  for (const file of files) measured.push(...(await readMeasurements(file, io)));
  const { flagMeasurements, oneMeasurementPerCamera } = await import('../../core/measure/measurement.js');
  oneMeasurementPerCamera(measured);
  const flagged = flagMeasurements(measured);
  if (flags.fit) {
    io.stdout(await siteCalibrationJson(flagged, files, io));
    return 0;
  }
  const render = await renderer(output.format);
  io.stdout(render.measurements(flagged, { ...output.display, paint: await makePaint(output.color) }));
  return 0;
}

/** --fit: the calibration as JSON for stdout; what weakens it goes to stderr. */
async function siteCalibrationJson(flagged: readonly FlaggedMeasurement[], files: readonly string[], io: Io): Promise<string> {
  const [{ fitSiteCalibration }, catalog] = await Promise.all([import('../../core/measure/fit.js'), loadCatalog()]);
  const shapeOf = (id: string) => {
    const p = catalog.byId.get(id);
    return p?.codec ? { width: p.resolution.width, height: p.resolution.height, fps: p.fps, codec: p.codec } : undefined;
  };
  const calibration = fitSiteCalibration(flagged, shapeOf);
  if (calibration.site.short > 0)
    io.stderr(`camsize: note: ${calibration.site.short} of ${calibration.site.measurements} fitted measurements are shorter than 24 h\n`);
  if (calibration.skipped > 0)
    io.stderr(`camsize: note: ${calibration.skipped} measurements have no known resolution, frame rate and codec and are not in the fit\n`);
  return `${JSON.stringify({ ...calibration, files: [...files] }, null, 2)}\n`;
}
