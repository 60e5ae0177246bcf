/**
 * From parsed flags to a request: what to size (the input), how (the sizing
 * options) and how to show it (the output). Pure: every validation of the
 * command line happens here, in one place, before any input is read; the
 * catalog is passed in (preset ids are checked against it).
 */
import type { Catalog } from '../core/model/catalog.js';
import { asUsage, UsageError } from '../core/diagnostics/errors.js';
import type { ColumnSettings } from '../core/inventory/column-plan.js';
import { columnPairs, columnSettings, delimiterOf } from '../core/inventory/column-settings.js';
import type { Delimiter } from '../core/inventory/header-rows.js';
import { figuresProfile, parseCameraSpec, withContext } from '../core/input/camera-spec.js';
import { type CameraGroup, catalogProfile, customProfile, type EstimateAt, type Profile, type Project } from '../core/model/fleet.js';
import { parseProjectDate } from '../core/input/project.js';
import { parseCount } from '../core/numbers/count.js';
import { parseCameraRate } from '../core/numbers/rate.js';
import type { SizeOptions } from '../core/sizing/size.js';
import { readSizeSettings, type SizeSettings, storageSettingsGiven } from '../api/options.js';
import { parseTolerance } from '../core/measure/drift.js';
import type { InputFormat } from '../io/inventory/split.js';
import type { MeasuredRequest } from '../io/measured-input.js';
import type { SizeFlags } from './program.js';
import type { ColumnsFlags } from './program-flags.js';

export { resolveOutput, type OutputRequest } from './output-request.js';
import { type OutputRequest, resolveOutput } from './output-request.js';

/** What a sizing run reads its cameras from. */
export type SizeInput =
  /** Camera groups given on the command line. */
  | { readonly kind: 'groups'; readonly groups: readonly CameraGroup[] }
  /** "How many of these fit?" (--preset or --bitrate with --capacity and no --count). */
  | { readonly kind: 'how-many'; readonly profile: Profile; readonly capacityBitsPerSecond: bigint }
  /** A fleet file, or standard input ('-', a pipe) when the operand is undefined or '-'. */
  | { readonly kind: 'fleet'; readonly operand: string | undefined }
  /** An inventory, on its own or placed in a fleet file's topology. */
  | {
      readonly kind: 'inventory';
      readonly path: string;
      readonly fleetOperand: string | undefined;
      readonly allowNewSegments: boolean;
      readonly skipInvalid: boolean;
      readonly format: InputFormat | undefined;
      /** CAMSIZE_THREADS as set: threads for a large file (1 keeps one thread, for comparison and debugging); read where an inventory is. */
      readonly threads: string | undefined;
      /** CAMSIZE_INVENTORY_SIZING as set: 'plain' sizes through the fleet model, not from the aggregate (for comparison and debugging). */
      readonly sizingPath: string | undefined;
      /** How a schedule's columns are read (--columns, --segment-columns), its delimiter and worksheet: what was given. */
      readonly schedule: ScheduleRequest;
    };

/** --columns, --segment-columns, --delimiter, --sheet as given (a fleet file's "inventory" settings fill what is not). */
export interface ScheduleRequest {
  readonly columns?: ColumnSettings['columns'];
  readonly segmentColumns?: readonly string[];
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
}

export interface SizeRequest {
  readonly input: SizeInput;
  /** --measured: compare the fleet with these measurements (drift checks). */
  readonly measured?: MeasuredRequest;
  /** --calibration FILE: a site calibration for the fleet's estimated groups (replaces the fleet file's "calibration"). */
  readonly calibration?: string;
  /** --estimate-at: the point of their ranges the fleet's estimated groups take, for links and storage alike. */
  readonly estimateAt?: EstimateAt;
  readonly sizing: SizeOptions;
  readonly output: OutputRequest;
  readonly quiet: boolean;
  /** Storage options given on the command line: they need a retention, from --retention or the fleet file. */
  readonly storageFlags: readonly string[];
  /** --project, --customer, --site, --author, --revision, --date: over the fleet file's "project". */
  readonly project?: Project;
}

export function resolveSizeRequest(
  operand: string | undefined,
  given: SizeFlags,
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
  catalog: Catalog,
  terminalColumns?: () => number | undefined,
): SizeRequest {
  const flags = listed(given);
  const output = resolveOutput(flags, env, stdoutIsTTY, terminalColumns);
  const sizing = readSizeSettings({ ...flags, checkOn: flags.checkOn as SizeSettings['checkOn'] }, catalog, optionName);
  const groups: CameraGroup[] = flags.camera.map((spec) => parseCameraSpec(spec, catalog));
  const single = singleGroup(flags, catalog);
  const storageFlags = storageSettingsGiven(flags, optionName);
  const base = { sizing, output, quiet: flags.quiet === true, storageFlags };
  const input = sizeInput(operand, flags, env, groups, single, sizing);
  const measured = measuredRequest(flags, input);
  const calibration = flags.calibration;
  if (calibration !== undefined && (input.kind === 'groups' || input.kind === 'how-many'))
    throw new UsageError('--calibration applies to the estimated camera groups of a fleet file ("resolution", "fps", "codec")');
  if (calibration === true) throw new UsageError('--calibration needs a FILE: a site calibration from camsize measure … --fit');
  const estimateAt = flags.estimateAt as EstimateAt | undefined;
  if (estimateAt !== undefined && (input.kind === 'groups' || input.kind === 'how-many'))
    throw new UsageError('--estimate-at applies to the estimated camera groups of a fleet file ("resolution", "fps", "codec")');
  if (input.kind === 'how-many' && flags.growth !== undefined)
    throw new UsageError('--growth adds future cameras to camera groups or a fleet; "how many fit?" has no count to grow (give --count)');
  const project = projectFlags(flags);
  return {
    ...base,
    input,
    ...(measured ? { measured } : {}),
    ...(typeof calibration === 'string' ? { calibration } : {}),
    ...(estimateAt === undefined ? {} : { estimateAt }),
    ...(project ? { project } : {}),
  };
}

/** The design document's fields given on the command line (the date checked); undefined when none is. */
function projectFlags(flags: SizeFlags): Project | undefined {
  const project: { -readonly [K in keyof Project]: string } = {};
  for (const key of ['customer', 'site', 'author', 'revision'] as const) if (flags[key] !== undefined) project[key] = flags[key];
  if (flags.project !== undefined) project.name = flags.project;
  if (flags.date !== undefined) project.date = withContext('--date', () => parseProjectDate(flags.date!));
  return Object.keys(project).length > 0 ? project : undefined;
}

/** --measured, --tolerance, --use-measured: what to compare the fleet with. */
function measuredRequest(flags: ListedFlags, input: SizeInput): MeasuredRequest | undefined {
  const files = flags.measured ?? [];
  if (files.length === 0) {
    const stray = flags.tolerance !== undefined ? '--tolerance' : flags.useMeasured ? '--use-measured' : undefined;
    if (stray) throw new UsageError(`${stray} goes with --measured FILE (the measurements to compare the fleet with)`);
    return undefined;
  }
  if (input.kind === 'groups' || input.kind === 'how-many')
    throw new UsageError(
      '--measured compares a fleet file or an inventory with measurements: camera options have no segments to match them to',
    );
  const tolerance = withContext('--tolerance', () => parseTolerance(flags.tolerance ?? '15'));
  return { files, tolerance, useMeasured: flags.useMeasured === true };
}

function sizeInput(
  operand: string | undefined,
  flags: ListedFlags,
  env: Readonly<Record<string, string | undefined>>,
  groups: CameraGroup[],
  single: Profile | undefined,
  sizing: SizeOptions,
): SizeInput {
  const hasCameraFlags = groups.length > 0 || single !== undefined;
  if (flags.inventory !== undefined) {
    if (hasCameraFlags) throw new UsageError('give an --inventory or camera options (--preset, --bitrate, --camera), not both');
    if (operand === '-' && flags.inventory === '-')
      throw new UsageError('the fleet file and the inventory cannot both come from standard input');
    if (flags.allowNewSegments && operand === undefined) throw new UsageError('--allow-new-segments only applies with a fleet file');
    return {
      kind: 'inventory',
      path: flags.inventory,
      fleetOperand: operand,
      allowNewSegments: flags.allowNewSegments === true,
      skipInvalid: flags.skipInvalid === true,
      format: flags.inputFormat as InputFormat | undefined,
      threads: env['CAMSIZE_THREADS'],
      sizingPath: env['CAMSIZE_INVENTORY_SIZING'],
      schedule: scheduleRequest(flags),
    };
  }
  const stray = (['columns', 'segmentColumns', 'delimiter', 'sheet'] as const).find((f) => flags[f] !== undefined);
  if (stray) throw new UsageError(`${optionName(stray)} says how to read an --inventory (a camera schedule): give one`);
  if (single && flags.count.length === 0 && sizing.capacityBitsPerSecond !== undefined && groups.length === 0 && operand === undefined) {
    return { kind: 'how-many', profile: single, capacityBitsPerSecond: sizing.capacityBitsPerSecond };
  }
  if (hasCameraFlags) {
    if (operand !== undefined) throw new UsageError('give a fleet file or camera options (--preset, --bitrate, --camera), not both');
    if (single) groups.push({ profile: single, count: withContext('--count', () => parseCount(flags.count[0] ?? '1')) });
    return { kind: 'groups', groups };
  }
  return { kind: 'fleet', operand };
}

/** The schedule options, checked (a field name, a delimiter) before anything is read. */
export function scheduleRequest(flags: Pick<SizeFlags, 'columns' | 'segmentColumns' | 'delimiter' | 'sheet'>): ScheduleRequest {
  const settings = asUsage(() => withContext('--columns', () => columnSettings(columnPairs(flags.columns ?? []), undefined)));
  const segment = asUsage(() => withContext('--segment-columns', () => columnSettings([], flags.segmentColumns)));
  const delimiter =
    flags.delimiter === undefined ? undefined : asUsage(() => withContext('--delimiter', () => delimiterOf(flags.delimiter!)));
  return {
    ...settings,
    ...segment,
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
  };
}

/** SizeFlags with the repeatable options read as lists (empty when not given). */
type ListedFlags = SizeFlags & { preset: string[]; bitrate: string[]; count: string[]; camera: string[] };

function listed(flags: SizeFlags): ListedFlags {
  return { ...flags, preset: flags.preset ?? [], bitrate: flags.bitrate ?? [], count: flags.count ?? [], camera: flags.camera ?? [] };
}

/** The one group that --preset or --bitrate (with or without --count) describes, if any. */
function singleGroup(flags: ListedFlags, catalog: Catalog): Profile | undefined {
  for (const name of ['preset', 'bitrate', 'count'] as const) {
    if (flags[name].length > 1) {
      throw new UsageError(`--${name} was given ${flags[name].length} times; for several groups use --camera ID=COUNT (repeatable)`);
    }
  }
  const preset = flags.preset[0];
  const bitrate = flags.bitrate[0];
  if (preset !== undefined && bitrate !== undefined) throw new UsageError('give --preset or --bitrate, not both');
  if (flags.label !== undefined && bitrate === undefined) throw new UsageError('--label names a --bitrate group; use it with --bitrate');
  if (preset !== undefined) return catalogProfile(catalog, preset);
  if (bitrate !== undefined)
    return withContext('--bitrate', () =>
      /^\s*(peak|average)\s*:/i.test(bitrate) ? figuresProfile(bitrate, flags.label) : customProfile(parseCameraRate(bitrate), flags.label),
    );
  if (flags.count.length > 0) throw new UsageError('--count needs --preset or --bitrate to say what kind of camera');
  return undefined;
}

function optionName(camel: string): string {
  return `--${camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** `camsize columns FILE`: the file, how to read it, how many rows to show. */
export interface ColumnsRequest {
  readonly path: string;
  readonly format: InputFormat | undefined;
  readonly schedule: ScheduleRequest;
  /** How many rows to show (default 10). */
  readonly rows: number;
}

/** `camsize columns FILE` and its options, checked. */
export function columnsRequest(path: string, flags: ColumnsFlags): ColumnsRequest {
  const rows = flags.rows === undefined ? 10 : Number(flags.rows);
  if (!Number.isInteger(rows) || rows < 0 || rows > 10_000)
    throw new UsageError(`--rows: '${flags.rows}' is not a number of rows (0 to 10,000)`);
  return { path, format: flags.inputFormat as InputFormat | undefined, schedule: scheduleRequest(flags), rows };
}
