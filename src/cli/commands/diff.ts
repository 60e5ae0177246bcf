/**
 * `camsize diff BEFORE AFTER`: both fleet files sized with the same
 * settings (each with its inventory and measurements, when given), then
 * compared (core/diff/diff.ts). Exit 1 when a check fails after that did
 * not before: a CI gate for fleet-file pull requests.
 */
import { UsageError } from '../../core/diagnostics/errors.js';
import { withContext } from '../../core/input/camera-spec.js';
import { parseTolerance } from '../../core/measure/drift.js';
import { diffReports } from '../../core/diff/diff.js';
import type { Catalog } from '../../core/model/catalog.js';
import { rendererFor } from '../../api/render.js';
import type { Io } from '../../io/io.js';
import type { MeasuredRequest } from '../../io/measured-input.js';
import type { DiffFlags } from '../program-flags.js';
import type { SizeInput, SizeRequest } from '../request.js';
import { refuseUnusedStorageFlags } from './check.js';
import { designSizing } from './design-request.js';
import { sizeInput } from './size.js';

/** One side's input: the fleet file, in the topology of its inventory when it has one. */
function sideInput(operand: string, inventory: string | undefined, io: Io): SizeInput {
  if (inventory === undefined) return { kind: 'fleet', operand };
  if (operand === '-' && inventory === '-') throw new UsageError('the fleet file and the inventory cannot both come from standard input');
  return {
    kind: 'inventory',
    path: inventory,
    fleetOperand: operand,
    allowNewSegments: false,
    skipInvalid: false,
    format: undefined,
    threads: io.env['CAMSIZE_THREADS'],
    sizingPath: io.env['CAMSIZE_INVENTORY_SIZING'],
    // Each side's schedule is read by its fleet file's "inventory" settings.
    schedule: {},
  };
}

function sideMeasured(files: readonly string[], flags: DiffFlags): MeasuredRequest | undefined {
  if (files.length === 0) return undefined;
  return { files, tolerance: withContext('--tolerance', () => parseTolerance(flags.tolerance ?? '15')), useMeasured: false };
}

export async function runDiff(before: string, after: string, flags: DiffFlags, catalog: Catalog, io: Io): Promise<number> {
  const { sizing, output, storageFlags } = designSizing(flags, catalog, io);
  if (output.format === 'html') throw new UsageError('diff prints table, markdown, json or csv, not html');
  const stdin = [before, after, flags.inventory, flags.beforeInventory, flags.afterInventory].filter((f) => f === '-').length;
  if (stdin > 1) throw new UsageError("only one input can come from standard input ('-')");
  if (flags.inventory !== undefined && (flags.beforeInventory !== undefined || flags.afterInventory !== undefined))
    throw new UsageError('give --inventory (both sides) or --before-inventory/--after-inventory, not both');
  const measured = (side: string[] | undefined) => sideMeasured([...(flags.measured ?? []), ...(side ?? [])], flags);
  if (flags.tolerance !== undefined && !measured(flags.beforeMeasured) && !measured(flags.afterMeasured))
    throw new UsageError('--tolerance goes with --measured FILE (the measurements to compare the fleets with)');
  const request = (input: SizeInput, m: MeasuredRequest | undefined): SizeRequest => ({
    input,
    sizing,
    output,
    quiet: true,
    storageFlags,
    ...(m ? { measured: m } : {}),
    ...(flags.calibration === undefined ? {} : { calibration: flags.calibration }),
  });
  const sides = [
    request(sideInput(before, flags.beforeInventory ?? flags.inventory, io), measured(flags.beforeMeasured)),
    request(sideInput(after, flags.afterInventory ?? flags.inventory, io), measured(flags.afterMeasured)),
  ];
  const [b, a] = [await sizeInput(sides[0]!.input, sides[0]!, catalog, io), await sizeInput(sides[1]!.input, sides[1]!, catalog, io)];
  refuseUnusedStorageFlags(b, storageFlags);
  refuseUnusedStorageFlags(a, storageFlags);
  const diff = diffReports(b, a);
  const code = diff.verdict === 'fail' ? 1 : 0;
  io.exitCodeIfCut?.(code);
  const { render, options } = await rendererFor(
    output.format,
    { ...output.display, ...(flags.unchanged ? { unchanged: true } : {}) },
    output.color,
  );
  io.stdout(render.diff!(diff, options));
  return code;
}
