/** The sizing command: read what the request names, size it, render or print the failures, and say the exit code. */
import { visible } from '../../render/wording/visible.js';
import { InputError, UsageError } from '../../core/diagnostics/errors.js';
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
import { progressLine } from '../progress.js';
import type { SizeInput, SizeRequest } from '../request.js';
import type { MissingSegment } from '../../core/inventory/to-fleet.js';

/**
 * -q shortens what people read (nothing when everything fits, the failing lines
 * when not); a format for programs (JSON, CSV) is always the whole report, so
 * `-q --json` is valid JSON either way, and -q only keeps the progress line off.
 */
const SHORTENED_BY_QUIET: readonly Format[] = ['table', 'markdown'];

export async function runSize(request: SizeRequest, catalog: Catalog, io: Io): Promise<number> {
  const report = await sizeInput(request.input, request, catalog, io);
  if (request.storageFlags.length > 0 && !report.settings.storage) {
    throw new UsageError(
      `${request.storageFlags[0]} needs a retention (how long recordings are kept): give --retention or "retention" in the fleet file`,
    );
  }
  checkTimelinePath(report, request.output.display.timeline);
  if (request.calibration !== undefined && !report.profiles.some((p) => (p.profile.design ?? p.profile).calibration))
    io.stderr(
      'camsize: note: --calibration: the fleet has no estimated camera groups ("resolution", "fps", "codec"); nothing was calibrated\n',
    );
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
  if (render.reportChunks) for (const chunk of render.reportChunks(report, options)) io.stdout(chunk);
  else io.stdout(render.report(report, options));
  return exitCode;
}

async function sizeInput(input: SizeInput, request: SizeRequest, catalog: Catalog, io: Io): Promise<Report> {
  switch (input.kind) {
    case 'groups':
      return sizeFleet({ name: 'command line', root: { name: 'command line', groups: input.groups, children: [] } }, request.sizing);
    case 'how-many':
      return answerCapacity(input.profile, input.capacityBitsPerSecond, request.sizing);
    case 'fleet':
      return sizeMeasured(await fleetFromOperand(input.operand, io, catalog, request.calibration), request, io);
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

/** Streams the inventory, places its cameras (in the fleet file's topology, if given) and sizes them. */
async function sizeInventory(
  input: Extract<SizeInput, { kind: 'inventory' }>,
  request: SizeRequest,
  catalog: Catalog,
  io: Io,
): Promise<Report> {
  const quiet = request.quiet;
  const plain = plainSizing(input.sizingPath);
  const [{ loadInventory }, { inventoryFleet }, { sizeAggregate }, { threadCount }] = await Promise.all([
    import('../../io/inventory/load.js'),
    import('../../core/inventory/to-fleet.js'),
    import('../../core/inventory/sizing/size-aggregate.js'),
    import('../../io/inventory/split.js'),
  ]);
  let into: Fleet | undefined;
  if (input.fleetOperand !== undefined) into = await fleetFromOperand(input.fleetOperand, io, catalog, request.calibration);
  const progress = io.stderrIsTTY && !quiet ? progressLine(io) : undefined;
  const { aggregate, name, bytes } = await loadInventory(
    input.path,
    catalog,
    {
      skipInvalid: input.skipInvalid,
      threads: threadCount(input.threads),
      ...(input.format ? { format: input.format } : {}),
      ...(progress ? { progress } : {}),
    },
    io,
  );
  const baseName = name.replace(/^.*\//, '');
  let fleet: Fleet | undefined;
  if (into) {
    const placed = inventoryFleet(aggregate.entries, baseName, into, input.allowNewSegments);
    if (placed.missing.length > 0) throw missingSegments(placed.missing, name, input.fleetOperand);
    fleet = placed.fleet;
  }
  if (aggregate.skipped > 0) {
    for (const sample of aggregate.skippedSamples) io.stderr(`camsize: skipped: ${sample}\n`);
    io.stderr(`camsize: skipped ${aggregate.skipped} invalid record${aggregate.skipped === 1 ? '' : 's'}; the totals are partial\n`);
  }
  const ids = async (measurements: readonly FlaggedMeasurement[]) =>
    (await import('../../io/measured-input.js')).inventoryCameraIds({ path: input.path, format: input.format }, measurements, catalog);
  // Without a fleet file or measurements, sized from the aggregate where it can be (no fleet model, rows made as written).
  const fast = fleet || request.measured || plain ? undefined : sizeAggregate(aggregate, baseName, request.sizing);
  const report = fast ?? (await sizeMeasured(fleet ?? inventoryFleet(aggregate.entries, baseName).fleet, request, io, ids));
  return {
    ...report,
    inventory: { name, records: aggregate.records, bytes },
    ...(aggregate.skipped > 0 ? { partial: { skippedRecords: aggregate.skipped } } : {}),
  };
}

/** CAMSIZE_INVENTORY_SIZING: 'plain' (through the fleet model) or 'auto' (the default: from the aggregate where it can be). */
function plainSizing(setting: string | undefined): boolean {
  if (setting === undefined || setting === '' || setting === 'auto') return false;
  if (setting === 'plain') return true;
  throw new UsageError(`CAMSIZE_INVENTORY_SIZING: '${printable(setting)}' is not 'plain' or 'auto'`);
}

/** An input error naming the segments the fleet file lacks (--allow-new-segments adds them); `name` is the inventory's. */
function missingSegments(missing: readonly MissingSegment[], name: string, fleetOperand: string | undefined): InputError {
  const where = fleetOperand === '-' ? '<stdin>' : fleetOperand;
  const lines = missing
    .slice(0, 10)
    .map(
      (m) =>
        `${name}:${m.first.line}${m.first.column === undefined ? '' : `:${m.first.column}`}: segment '${m.path}' is not in ${where}` +
        (m.suggestion ? ` (did you mean '${m.suggestion}'?)` : '') +
        ' (--allow-new-segments adds it)',
    );
  if (missing.length > 10) lines.push(`… and ${missing.length - 10} more segments not in the fleet file`);
  return new InputError(lines[0]!, lines);
}
