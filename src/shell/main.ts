/**
 * The imperative shell: parses arguments, reads inputs, calls the pure core,
 * renders, and turns every outcome into an exit code:
 * 0 ok, 1 a capacity check failed, 2 usage or input error, 3 internal error.
 */
import { readFileSync } from 'node:fs';
import type { CommanderError as CommanderErrorType } from 'commander';
import { requireCjs } from '../require-cjs.js';
import { parseCameraSpec, withContext } from '../core/input/camera-spec.js';
import { filterPresets, findPreset, type Catalog } from '../core/model/catalog.js';
import { parseCount } from '../core/numbers/count.js';
import { InputError } from '../core/diagnostics/errors.js';
import { customProfile, presetProfile, type CameraGroup, type Fleet, type Profile } from '../core/model/fleet.js';
import { parseOverhead } from '../core/sizing/overhead.js';
import { parseCeiling } from '../core/numbers/percent.js';
import { parseCameraRate, parseRate } from '../core/numbers/rate.js';
import type { Report } from '../core/model/report.js';
import { answerCapacity } from '../core/sizing/capacity.js';
import { sizeFleet, type SizeOptions } from '../core/sizing/size.js';
import { parseBytes } from '../core/numbers/bytes.js';
import { CONTINUOUS, parseRecording, parseRetention, parseStorageOverhead } from '../core/sizing/storage.js';
import { parseSchedule } from '../core/sizing/time.js';
import { parsePercentileSettings } from '../core/sizing/percentile.js';
import { closest } from '../core/diagnostics/suggest.js';
import { outputUnit } from '../core/numbers/rate-units.js';
import { type Format, renderer } from '../render/renderer.js';
import type { RenderOptions } from '../render/view.js';
import { capacitySentence, failureLines } from '../render/wording/sentences.js';
import { loadCatalog } from './catalog-load.js';
import { makePaint, wantsColor } from './color.js';
import type { Io } from './io.js';
import { progressLine } from './progress.js';
import { buildProgram, type EstimateFlags, type OutputFlags, type PresetsFlags, type SizeFlags } from './program.js';

const { CommanderError } = requireCjs('commander') as { CommanderError: typeof CommanderErrorType };

export const EXIT = { ok: 0, checkFailed: 1, usage: 2, internal: 3 } as const;

/** A usage mistake: like any input error (exit 2), plus a pointer to --help. */
export class UsageError extends InputError {}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(
    packageVersion(),
    {
      size: async (operand, flags) => {
        exitCode = await runSize(operand, flags, io);
      },
      presets: async (words, flags) => {
        exitCode = await runPresets(words, flags, io);
      },
      schema: async () => {
        exitCode = await runSchema(io);
      },
      estimate: async (flags) => {
        exitCode = await runEstimate(flags, io);
      },
    },
    { writeOut: io.stdout, writeErr: io.stderr },
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of stopping after printing.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    return EXIT.usage; // commander already printed the message
  }
  if (error instanceof InputError) {
    for (const line of error.issues) io.stderr(`camsize: ${line}\n`);
    if (error instanceof UsageError) io.stderr(`Try 'camsize --help' for usage.\n`);
    return EXIT.usage;
  }
  const detail = error instanceof Error ? (io.env['CAMSIZE_DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
  io.stderr(`camsize: internal error: ${detail}\nPlease report this with the command that caused it.\n`);
  return EXIT.internal;
}

interface OutputSettings {
  format: Format;
  render: RenderOptions;
}

async function outputSettings(flags: OutputFlags, io: Io): Promise<OutputSettings> {
  if (flags.json && flags.format !== undefined && flags.format !== 'json') {
    throw new UsageError(`--json and --format ${flags.format} disagree: give one of them`);
  }
  const format: Format = flags.json ? 'json' : ((flags.format as Format | undefined) ?? 'table');
  const render: RenderOptions = { paint: await makePaint(format === 'table' && wantsColor(flags.color, io.env, io.stdoutIsTTY)) };
  if (flags.timeline !== undefined) render.timeline = flags.timeline === true ? '' : String(flags.timeline);
  for (const name of ['depth', 'top'] as const) {
    const value = flags[name];
    if (value === undefined) continue;
    if (!/^\d{1,6}$/.test(value)) throw new UsageError(`--${name} '${value}' must be a whole number (0 or more)`);
    render[name] = Number(value);
  }
  if (flags.unit !== undefined) {
    const unit = outputUnit(flags.unit);
    if (!unit) throw new UsageError(`--unit '${flags.unit}' is not one of b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s`);
    render.unit = unit;
  }
  if (flags.precision !== undefined) {
    if (!/^\d{1,2}$/.test(flags.precision))
      throw new UsageError(`--precision '${flags.precision}' must be a whole number of decimals from 0 to 99`);
    render.precision = Number(flags.precision);
  }
  return { format, render };
}

async function runSize(operand: string | undefined, given: SizeFlags, io: Io): Promise<number> {
  const flags: ListedFlags = {
    ...given,
    preset: given.preset ?? [],
    bitrate: given.bitrate ?? [],
    count: given.count ?? [],
    camera: given.camera ?? [],
  };
  const output = await outputSettings(flags, io);
  const options = sizeOptions(flags);
  const catalog = await loadCatalog();
  if (flags.as !== undefined) options.headroomProfile = presetProfile(findPreset(catalog, flags.as));
  const groups: CameraGroup[] = flags.camera.map((spec) => parseCameraSpec(spec, catalog));
  const single = singleGroupFlags(flags);
  const hasCameraFlags = groups.length > 0 || single !== undefined;

  let report: Report;
  if (flags.inventory !== undefined) {
    if (hasCameraFlags) throw new UsageError('give an --inventory or camera options (--preset, --bitrate, --camera), not both');
    report = await sizeInventory(flags.inventory, operand, flags, options, catalog, io);
  } else if (
    single &&
    flags.count.length === 0 &&
    options.capacityBitsPerSecond !== undefined &&
    groups.length === 0 &&
    operand === undefined
  ) {
    report = answerCapacity(profileOf(single, catalog, flags.label), options.capacityBitsPerSecond, options);
  } else if (hasCameraFlags) {
    if (operand !== undefined) throw new UsageError(`give a fleet file or camera options (--preset, --bitrate, --camera), not both`);
    if (single)
      groups.push({
        profile: profileOf(single, catalog, flags.label),
        count: withContext('--count', () => parseCount(flags.count[0] ?? '1')),
      });
    report = sizeFleet({ name: 'command line', root: { name: 'command line', groups, children: [] } }, options);
  } else {
    report = sizeFleet(await fleetFromOperand(operand, io, catalog), options);
  }

  if (
    output.render.timeline !== undefined &&
    output.render.timeline !== '' &&
    !report.segments.some((s) => s.path.join('/') === output.render.timeline)
  ) {
    const paths = report.segments.map((s) => s.path.join('/')).filter((p) => p !== '');
    const near = closest(output.render.timeline, paths, 1)[0];
    throw new UsageError(`--timeline: no segment '${output.render.timeline}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  const failed = report.verdict === 'fail' || report.capacityAnswer?.maxCameras === 0n;
  if (flags.quiet) {
    const lines = failureLines(report, output.render);
    if (report.capacityAnswer?.maxCameras === 0n) lines.push(capacitySentence(report, output.render) ?? '');
    if (failed) io.stdout(lines.map((l) => `${l}\n`).join(''));
  } else {
    io.stdout((await renderer(output.format)).report(report, output.render));
  }
  return failed ? EXIT.checkFailed : EXIT.ok;
}

/** Streams the inventory, places its cameras (in the fleet file's topology, if given) and sizes them. */
async function sizeInventory(
  path: string,
  operand: string | undefined,
  flags: ListedFlags,
  options: SizeOptions,
  catalog: Catalog,
  io: Io,
): Promise<Report> {
  if (operand === '-' && path === '-') throw new UsageError('the fleet file and the inventory cannot both come from standard input');
  if (flags.allowNewSegments && operand === undefined) throw new UsageError('--allow-new-segments only applies with a fleet file');
  const [{ loadInventory }, { inventoryFleet }] = await Promise.all([
    import('./inventory/load.js'),
    import('../core/inventory/to-fleet.js'),
  ]);
  let into: Fleet | undefined;
  if (operand !== undefined) into = await fleetFromOperand(operand, io, catalog);
  const progress = io.stderrIsTTY && !flags.quiet ? progressLine(io) : undefined;
  const { aggregate, name, bytes } = await loadInventory(path, catalog, {
    skipInvalid: flags.skipInvalid === true,
    // CAMSIZE_THREADS=1 keeps large files on one thread (for comparison and debugging).
    parallel: io.env['CAMSIZE_THREADS'] !== '1',
    ...(flags.inputFormat ? { format: flags.inputFormat as 'csv' | 'ndjson' | 'json' } : {}),
    ...(progress ? { progress } : {}),
  });
  const baseName = name.replace(/^.*\//, '');
  const { fleet, missing } = inventoryFleet(aggregate.entries, baseName, into, flags.allowNewSegments === true);
  if (missing.length > 0) {
    const lines = missing
      .slice(0, 10)
      .map(
        (m) =>
          `${name}:${m.first.line}${m.first.column === undefined ? '' : `:${m.first.column}`}: segment '${m.path}' is not in ${operand === '-' ? '<stdin>' : operand}` +
          (m.suggestion ? ` (did you mean '${m.suggestion}'?)` : '') +
          ' (--allow-new-segments adds it)',
      );
    if (missing.length > 10) lines.push(`… and ${missing.length - 10} more segments not in the fleet file`);
    throw new InputError(lines[0]!, lines);
  }
  if (aggregate.skipped > 0) {
    for (const sample of aggregate.skippedSamples) io.stderr(`camsize: skipped: ${sample}\n`);
    io.stderr(`camsize: skipped ${aggregate.skipped} invalid record${aggregate.skipped === 1 ? '' : 's'}; the totals are partial\n`);
  }
  const report = sizeFleet(fleet, options);
  return {
    ...report,
    inventory: { name, records: aggregate.records, bytes },
    ...(aggregate.skipped > 0 ? { partial: { skippedRecords: aggregate.skipped } } : {}),
  };
}

function sizeOptions(flags: SizeFlags): SizeOptions {
  const options: SizeOptions = {
    maxUtilization: withContext('--max-utilization', () => parseCeiling(flags.maxUtilization ?? '70')),
    overhead: withContext('--overhead', () => parseOverhead(flags.overhead ?? 'none')),
  };
  if (flags.capacity !== undefined) options.capacityBitsPerSecond = withContext('--capacity', () => parseRate(flags.capacity!));
  if (flags.retention === undefined) {
    for (const name of ['recording', 'storageOverhead', 'storageCapacity'] as const) {
      if (flags[name] !== undefined)
        throw new UsageError(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} needs --retention (how long recordings are kept)`);
    }
  }
  if (flags.nightStart !== undefined || flags.nightHours !== undefined) {
    options.schedule = withContext('--night-start/--night-hours', () => parseSchedule(flags.nightStart, flags.nightHours));
  }
  if (flags.checkOn !== undefined) options.checkOn = flags.checkOn as 'peak' | 'average';
  if (flags.percentile !== undefined) {
    options.percentile = withContext('--percentile', () =>
      parsePercentileSettings(flags.percentile!, flags.correlation ?? '1', flags.vbrCv ?? '0.5'),
    );
  } else if (flags.correlation !== undefined || flags.vbrCv !== undefined) {
    throw new UsageError('--correlation and --vbr-cv go with --percentile');
  }
  options.storage = {
    ...(flags.retention === undefined ? {} : { retention: withContext('--retention', () => parseRetention(flags.retention!)) }),
    recording: flags.recording === undefined ? CONTINUOUS : withContext('--recording', () => parseRecording(flags.recording!)),
    overhead:
      flags.storageOverhead === undefined
        ? { num: 0n, den: 100n }
        : withContext('--storage-overhead', () => parseStorageOverhead(flags.storageOverhead!)),
    ...(flags.storageCapacity === undefined
      ? {}
      : { capacityBytes: withContext('--storage-capacity', () => parseBytes(flags.storageCapacity!)) }),
  };
  return options;
}

function profileOf(single: { flag: 'preset' | 'bitrate'; key: string }, catalog: Catalog, label: string | undefined): Profile {
  if (single.flag === 'preset') return presetProfile(findPreset(catalog, single.key));
  return withContext('--bitrate', () => customProfile(parseCameraRate(single.key), label));
}

/** Reads and checks the fleet file the operand names (or standard input). */
async function fleetFromOperand(operand: string | undefined, io: Io, catalog: Catalog): Promise<Fleet> {
  const input = await readFleetInput(operand, io);
  const { loadFleet } = await import('./fleet-load.js'); // off the start-up path of --preset runs
  return loadFleet(input.text, input.name, catalog);
}

/** The fleet file named by the operand, or standard input for '-' or a pipe. */
async function readFleetInput(operand: string | undefined, io: Io): Promise<{ name: string; text: string }> {
  if (operand === undefined && io.stdinIsTTY) {
    throw new UsageError('nothing to size: give a fleet file, pipe one in, or use --preset ID --count N or --camera ID=N');
  }
  if (operand === undefined || operand === '-') {
    const text = await io.readStdin();
    if (operand === undefined && text.trim() === '') {
      throw new UsageError('nothing to size: standard input is empty; give a fleet file, or --preset ID --count N or --camera ID=N');
    }
    return { name: '<stdin>', text };
  }
  try {
    return { name: operand, text: await io.readFile(operand) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new InputError(`${operand}: ${reason}`);
  }
}

/** SizeFlags with the repeatable options read as lists (empty when not given). */
type ListedFlags = SizeFlags & { preset: string[]; bitrate: string[]; count: string[]; camera: string[] };

/** The one group that --preset or --bitrate (with or without --count) describes, if any. */
function singleGroupFlags(flags: ListedFlags): { flag: 'preset' | 'bitrate'; key: string } | undefined {
  for (const name of ['preset', 'bitrate', 'count'] as const) {
    if (flags[name].length > 1) {
      throw new UsageError(`--${name} was given ${flags[name].length} times; for several groups use --camera ID=COUNT (repeatable)`);
    }
  }
  const preset = flags.preset[0];
  const bitrate = flags.bitrate[0];
  if (preset !== undefined && bitrate !== undefined) throw new UsageError('give --preset or --bitrate, not both');
  if (flags.label !== undefined && bitrate === undefined) throw new UsageError('--label names a --bitrate group; use it with --bitrate');
  if (preset !== undefined) return { flag: 'preset', key: preset };
  if (bitrate !== undefined) return { flag: 'bitrate', key: bitrate };
  if (flags.count.length > 0) throw new UsageError('--count needs --preset or --bitrate to say what kind of camera');
  return undefined;
}

async function runEstimate(flags: EstimateFlags, io: Io): Promise<number> {
  const output = await outputSettings(flags, io);
  // Loaded here, off the start-up path of the everyday command.
  const [{ calibration }, { estimateBitrate }] = await Promise.all([
    import('../core/estimate/calibration.js'),
    import('../core/estimate/estimate.js'),
  ]);
  if (flags.calibration) {
    const catalog = await loadCatalog();
    io.stdout((await renderer(output.format)).calibration(calibration(catalog), output.render));
    return EXIT.ok;
  }
  const missing = (['resolution', 'fps', 'codec'] as const).filter((f) => flags[f] === undefined);
  if (missing.length > 0)
    throw new UsageError(`estimate needs ${missing.map((m) => `--${m}`).join(', ')} (e.g. --resolution 4K --fps 15 --codec h265)`);
  const fps = Number(flags.fps);
  if (!/^\d+(\.\d+)?$/.test(flags.fps!.trim())) throw new UsageError(`--fps '${flags.fps}' must be a positive number`);
  const estimate = estimateBitrate({
    resolution: flags.resolution!,
    fps,
    codec: flags.codec!,
    ...(flags.scene === undefined ? {} : { scene: flags.scene }),
    ...(flags.quality === undefined ? {} : { quality: flags.quality }),
  });
  io.stdout((await renderer(output.format)).estimate(estimate, output.render));
  return EXIT.ok;
}

async function runSchema(io: Io): Promise<number> {
  const { fleetJsonSchema } = await import('../schema/fleet-schema.js');
  io.stdout(`${JSON.stringify(fleetJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

async function runPresets(words: string[], flags: PresetsFlags, io: Io): Promise<number> {
  const output = await outputSettings(flags, io);
  const catalog = await loadCatalog();
  let fps: number | undefined;
  if (flags.fps !== undefined) {
    fps = Number(flags.fps);
    if (!(fps > 0)) throw new UsageError(`--fps '${flags.fps}' must be a positive number`);
  }
  const presets = filterPresets(catalog, {
    words,
    ...(flags.codec === undefined ? {} : { codec: flags.codec }),
    ...(fps === undefined ? {} : { fps }),
    ...(flags.basis === undefined ? {} : { basis: flags.basis }),
  });
  if (presets.length === 0) {
    io.stderr('camsize: no preset matches that filter\n');
    return EXIT.usage;
  }
  io.stdout((await renderer(output.format)).presets(presets, output.render));
  return EXIT.ok;
}
