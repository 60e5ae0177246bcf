/** The sizing command: read what the request names, size it, render or print the failures, and say the exit code. */
import { visible } from '../../render/wording/visible.js';
import { UsageError } from '../../core/diagnostics/errors.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { Fleet } from '../../core/model/fleet.js';
import type { Report } from '../../core/model/report.js';
import { answerCapacity } from '../../core/sizing/capacity.js';
import type { CameraIds } from '../../core/measure/match.js';
import type { FlaggedMeasurement } from '../../core/measure/measurement.js';
import { sizeFleet } from '../../core/sizing/size.js';
import { exitCodeOf } from '../../core/sizing/verdict.js';
import { closest } from '../../core/diagnostics/suggest.js';
import { printable } from '../../core/diagnostics/printable.js';
import { rendererFor } from '../../api/render.js';
import type { Format } from '../../render/renderer.js';
import { makePaint } from '../../render/paint.js';
import { asciiSymbols } from '../../render/wording/ascii.js';
import { failureLines } from '../../render/wording/sentences.js';
import { fleetFromOperand } from '../../io/fleet-input.js';
import type { Io } from '../../io/io.js';
import { unicodeTerminal } from '../output-request.js';
import { progressLine } from '../progress.js';
import type { SizeInput, SizeRequest } from '../request.js';
import { mergedSchedule, scheduleOptions } from '../../api/inventory-read.js';
import { refuseStorageWithoutRetention } from '../../api/options.js';
import { inventoryNotes } from './inventory-notes.js';

/**
 * -q shortens what people read (nothing when everything fits, the failing lines
 * when not); a format for programs (JSON, CSV) is always the whole report, so
 * `-q --json` is valid JSON either way, and -q only keeps the progress line off.
 */
const SHORTENED_BY_QUIET: readonly Format[] = ['table', 'markdown'];

export async function runSize(request: SizeRequest, catalog: Catalog, io: Io): Promise<number> {
  const sized = await sizeInput(request.input, request, catalog, io);
  // The command line's --project, --customer … over the fleet file's "project", field by field.
  const report = request.project ? { ...sized, project: { ...sized.project, ...request.project } } : sized;
  refuseStorageWithoutRetention(request.storageFlags, report, '--retention');
  checkTimelinePath(report, request.output.display.timeline);
  for (const { profile } of report.profiles)
    if (profile.renamedFrom && profile.preset)
      io.stderr(
        `camsize: note: preset id '${profile.renamedFrom}' is deprecated and will be removed; use '${profile.preset.id}' (basis ${profile.preset.basis})\n`,
      );
  if (request.calibration !== undefined && !report.profiles.some((p) => (p.profile.design ?? p.profile).calibration))
    io.stderr(
      'camsize: note: --calibration: the fleet has no estimated camera groups ("resolution", "fps", "codec"); nothing was calibrated\n',
    );
  if (request.sizing.suggestLinks && !report.settings.linkSpeeds)
    io.stderr('camsize: note: --suggest-links: no segment has a link, so there is nothing to suggest beside\n');
  const exitCode = exitCodeOf(report);
  io.exitCodeIfCut?.(exitCode);
  const { format, display, color } = request.output;
  if (request.quiet && SHORTENED_BY_QUIET.includes(format)) {
    if (exitCode !== 0) {
      const options = { ...display, paint: await makePaint(color) };
      const lines = failureLines(report, options).map((line) => `${visible(line)}\n`);
      io.stdout(display.ascii ? asciiSymbols(lines.join('')) : lines.join(''));
    }
    return exitCode;
  }
  const { render, options } = await rendererFor(format, display, color);
  // Part by part: the next part is made once stdout has taken the last (the bin writes synchronously).
  if (render.reportBytes && io.stdoutBytes) for (const bytes of render.reportBytes(report, options)) io.stdoutBytes(bytes);
  else if (render.reportChunks) for (const chunk of render.reportChunks(report, options)) io.stdout(chunk);
  else io.stdout(render.report(report, options));
  return exitCode;
}

/** The report of what a request names (camera options, a fleet, an inventory), with --measured when given; `camsize diff` sizes each side with it. */
export async function sizeInput(input: SizeInput, request: SizeRequest, catalog: Catalog, io: Io): Promise<Report> {
  switch (input.kind) {
    case 'groups':
      return sizeFleet({ name: 'command line', root: { name: 'command line', groups: input.groups, children: [] } }, request.sizing);
    case 'how-many':
      return answerCapacity(input.profile, input.capacityBitsPerSecond, request.sizing);
    case 'fleet':
      return sizeMeasured(await fleetFromOperand(input.operand, io, catalog, request.calibration, request.estimateAt), request, io);
    case 'inventory':
      return sizeInventory(input, request, catalog, io);
  }
}

/** Sizes the fleet; with --measured, against the measurements (matched by camera id through `ids` when an inventory gave the cameras). */
async function sizeMeasured(
  fleet: Fleet,
  request: SizeRequest,
  io: Io,
  ids?: (measurements: readonly FlaggedMeasurement[]) => Promise<CameraIds>,
): Promise<Report> {
  const measured = request.measured;
  if (!measured) return sizeFleet(fleet, request.sizing);
  const [{ readMeasured, driftInput }, { sizeAgainstMeasurements }] = await Promise.all([
    import('../../io/measured-input.js'),
    import('../../core/sizing/measured.js'),
  ]);
  const measurements = await readMeasured(measured.files, io);
  const drift = await driftInput(fleet, measurements, measured, ids ? await ids(measurements) : undefined);
  const report = sizeAgainstMeasurements(fleet, { ...request.sizing, drift }, measured.useMeasured);
  const n = drift.unmatched.length;
  // -q shortens only the human formats: JSON and CSV still list them.
  const shortened = request.quiet && SHORTENED_BY_QUIET.includes(request.output.format);
  const where = shortened ? 'without --quiet the report lists them' : 'listed in the report';
  if (n > 0) io.stderr(`camsize: note: ${n} of ${drift.measurements} measurements match no group of the fleet (${where})\n`);
  return report;
}

/** --timeline=PATH must name a segment of the report. */
function checkTimelinePath(report: Report, path: string | undefined): void {
  if (path === undefined || path === '' || report.segments.some((s) => s.path.join('/') === path)) return;
  const paths = report.segments.map((s) => s.path.join('/')).filter((p) => p !== '');
  const near = closest(path, paths, 1)[0];
  throw new UsageError(`--timeline: no segment '${path}'${near ? ` (did you mean '${near}'?)` : ''}`);
}

/** Streams the inventory, places its cameras (in the fleet file's topology, if given) and sizes them (api/inventory-read.ts, as the library does). */
async function sizeInventory(
  input: Extract<SizeInput, { kind: 'inventory' }>,
  request: SizeRequest,
  catalog: Catalog,
  io: Io,
): Promise<Report> {
  const plain = plainSizing(input.sizingPath);
  const [{ readInventoryFleet, sizeRead, withInventory }, { threadCount }] = await Promise.all([
    import('../../api/inventory-read.js'),
    import('../../io/inventory/split.js'),
  ]);
  let into: { fleet: Fleet; name: string } | undefined;
  if (input.fleetOperand !== undefined) {
    const fleet = await fleetFromOperand(input.fleetOperand, io, catalog, request.calibration, request.estimateAt);
    into = { fleet, name: input.fleetOperand === '-' ? '<stdin>' : input.fleetOperand };
  }
  const progress = io.stderrIsTTY && !request.quiet ? progressLine(io, Date.now, !unicodeTerminal(io.env)) : undefined;
  // The fleet's calibration (its "calibration", or --calibration over it) also calibrates a schedule's rows to
  // estimate; without a fleet file, --calibration does.
  const calibration =
    into?.fleet.calibration ??
    (request.calibration === undefined
      ? undefined
      : await (await import('../../io/calibration-load.js')).loadCalibration(request.calibration, io));
  const schedule = scheduleOptions(mergedSchedule(into?.fleet.inventory, input.schedule));
  const read = await readInventoryFleet(
    { kind: 'path', path: input.path },
    catalog,
    {
      skipInvalid: input.skipInvalid,
      threads: threadCount(input.threads),
      format: input.format,
      progress,
      into,
      allowNewSegments: input.allowNewSegments,
      allowWord: '--allow-new-segments',
      // The fleet file's "inventory" settings, each replaced by its flag when given.
      ...schedule,
      ...(calibration ? { calibration } : {}),
      ...(request.estimateAt ? { estimateAt: request.estimateAt } : {}),
    },
    () => io.stdinChunks(),
  );
  for (const note of inventoryNotes(read.name, read.columns, schedule.sheet)) io.stderr(`camsize: ${note}\n`);
  if (read.skipped > 0) {
    for (const sample of read.skippedSamples) io.stderr(`camsize: skipped: ${sample}\n`);
    io.stderr(`camsize: skipped ${read.skipped} invalid record${read.skipped === 1 ? '' : 's'}; the totals are partial\n`);
  }
  // Without measurements, sized from the aggregate where it can be (sizeRead: no fleet file; no fleet model, rows made as written).
  const report = request.measured ? await sizeMeasured(read.fleet, request, io, read.ids) : sizeRead(read, request.sizing, plain);
  return withInventory(report, read);
}

/** CAMSIZE_INVENTORY_SIZING: 'plain' (through the fleet model) or 'auto' (the default: from the aggregate where it can be). */
function plainSizing(setting: string | undefined): boolean {
  if (setting === undefined || setting === '' || setting === 'auto') return false;
  if (setting === 'plain') return true;
  throw new UsageError(`CAMSIZE_INVENTORY_SIZING: '${printable(setting)}' is not 'plain' or 'auto'`);
}
