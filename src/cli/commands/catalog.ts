/** The commands that print the catalog and its model: `presets`, `estimate`, `schema`. */
import { UsageError } from '../../core/diagnostics/errors.js';
import { filterPresets } from '../../core/model/catalog.js';
import { rendererFor } from '../../api/render.js';
import { loadCatalog } from '../../io/catalog-load.js';
import type { Io } from '../../io/io.js';
import { FPS, numberOption } from '../option-value.js';
import { type OutputRequest, resolveOutput } from '../output-request.js';
import type { EstimateFlags, PresetsFlags } from '../program.js';
import { loadValidationSet } from '../../io/validation-load.js';

const renderWith = (output: OutputRequest) => rendererFor(output.format, output.display, output.color);

export async function runPresets(words: string[], flags: PresetsFlags, io: Io): Promise<number> {
  const output = resolveOutput(flags, io.env, io.stdoutIsTTY, () => io.terminalColumns());
  const fps = flags.fps === undefined ? undefined : numberOption(flags.fps, { ...FPS, exclusive: true });
  const catalog = await loadCatalog();
  const presets = filterPresets(catalog, {
    words,
    ...(flags.codec === undefined ? {} : { codec: flags.codec }),
    ...(fps === undefined ? {} : { fps }),
    ...(flags.basis === undefined ? {} : { basis: flags.basis }),
  });
  if (presets.length === 0) {
    io.stderr('camsize: no preset matches that filter\n');
    return 2;
  }
  const { render, options } = await renderWith(output);
  io.stdout(render.presets(presets, options));
  return 0;
}

export async function runEstimate(flags: EstimateFlags, io: Io): Promise<number> {
  const output = resolveOutput(flags, io.env, io.stdoutIsTTY, () => io.terminalColumns());
  // Loaded here, off the start-up path of the everyday command.
  const [{ calibration, validationReport }, { estimateBitrate }] = await Promise.all([
    import('../../core/estimate/calibration.js'),
    import('../../core/estimate/estimate.js'),
  ]);
  if (flags.calibration === true) {
    const [catalog, validation] = await Promise.all([loadCatalog(), loadValidationSet(io)]);
    const { render, options } = await renderWith(output);
    io.stdout(render.calibration(calibration(catalog), options, validationReport(validation)));
    return 0;
  }
  const missing = (['resolution', 'fps', 'codec'] as const).filter((f) => flags[f] === undefined);
  if (missing.length > 0)
    throw new UsageError(
      `estimate needs ${missing.map((m) => `--${m}`).join(', ')} (e.g. --resolution 4K --fps 15 --codec h265)` +
        (typeof flags.calibration === 'string' ? '; --calibration FILE applies a site calibration to that estimate' : ''),
    );
  const fps = numberOption(flags.fps!, FPS);
  const site =
    typeof flags.calibration === 'string'
      ? await (await import('../../io/calibration-load.js')).loadCalibration(flags.calibration, io)
      : undefined;
  const estimate = estimateBitrate({
    resolution: flags.resolution!,
    fps,
    codec: flags.codec!,
    ...(flags.scene === undefined ? {} : { scene: flags.scene }),
    ...(flags.quality === undefined ? {} : { quality: flags.quality }),
    ...(site ? { calibration: site } : {}),
  });
  const { render, options } = await renderWith(output);
  io.stdout(render.estimate(estimate, options));
  return 0;
}

/** The fleet file format, or with --output the --json report's, as JSON Schema. */
export async function runSchema(io: Io, output: boolean): Promise<number> {
  const schema = output
    ? (await import('../../schema/report-schema.js')).reportJsonSchema()
    : (await import('../../schema/fleet-schema.js')).fleetJsonSchema();
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
