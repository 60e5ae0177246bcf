/**
 * The command-line grammar (commander). It only declares options and hands
 * parsed values to the actions in main.ts.
 */
import type { Command as CommandType } from 'commander';
import { printable } from '../core/diagnostics/printable.js';
import { requireCjs } from '../require-cjs.js';
import { FORMATS } from '../render/renderer.js';
import { EXAMPLES, EXIT_CODES } from './help.js';

export interface OutputFlags {
  /** --timeline: the total's curve; --timeline=PATH arrives as timelineOf (see main.ts). */
  timeline?: boolean;
  timelineOf?: string;
  format?: string;
  json?: boolean;
  unit?: string;
  precision?: string;
  color?: boolean;
  depth?: string;
  top?: string;
}

export interface SizeFlags extends OutputFlags {
  /** Repeatable: undefined when not given. */
  preset?: string[];
  bitrate?: string[];
  count?: string[];
  camera?: string[];
  label?: string;
  capacity?: string;
  maxUtilization?: string;
  overhead?: string;
  as?: string;
  quiet?: boolean;
  inventory?: string;
  inputFormat?: string;
  allowNewSegments?: boolean;
  skipInvalid?: boolean;
  retention?: string;
  recording?: string;
  storageOverhead?: string;
  storageCapacity?: string;
  nightStart?: string;
  nightHours?: string;
  checkOn?: string;
  percentile?: string;
  correlation?: string;
  vbrCv?: string;
}

export interface PresetsFlags extends OutputFlags {
  codec?: string;
  fps?: string;
  basis?: string;
}

export interface Actions {
  size(operand: string | undefined, flags: SizeFlags): Promise<void>;
  presets(words: string[], flags: PresetsFlags): Promise<void>;
  schema(): Promise<void>;
  estimate(flags: EstimateFlags): Promise<void>;
  measure(files: string[], flags: MeasureCommandFlags): Promise<void>;
}

export interface MeasureCommandFlags extends OutputFlags {
  fit?: boolean;
}

export interface EstimateFlags extends OutputFlags {
  resolution?: string;
  fps?: string;
  codec?: string;
  scene?: string;
  quality?: string;
  calibration?: boolean;
}

const { Command, Option } = requireCjs('commander') as typeof import('commander');

/** Repeatable options: no default, so help does not show "(default: [])"; main reads undefined as none. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function buildProgram(
  version: string,
  actions: Actions,
  output: { writeOut(s: string): void; writeErr(s: string): void },
): CommandType {
  const program = new Command('camsize');
  program
    .description('Size the network load of video-surveillance camera fleets, exactly.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: output.writeOut,
      writeErr: output.writeErr,
      outputError: (message, write) => write(commanderMessage(message)),
    })
    .showSuggestionAfterError(true)
    .optionsGroup('Output:')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS))
    .option('--json', 'same as --format json')
    .option('--unit <unit>', 'show rates in this unit (b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s) in table and markdown')
    .option('--precision <digits>', 'round shown rates to this many decimals (default: exact)')
    .option('--color', 'colour the table even when stdout is not a terminal')
    .option('--no-color', 'never colour (also: NO_COLOR=1)');

  program
    .argument('[fleet]', "fleet file (JSON) to size; '-' or a pipe reads standard input")
    .optionsGroup('Cameras on the command line:')
    .option('-p, --preset <id>', 'camera preset for --count (see: camsize presets)', collect)
    .option('-b, --bitrate <rate>', 'custom per-camera bit rate for --count, e.g. 2.5Mb/s', collect)
    .option('-n, --count <n>', 'number of cameras of --preset or --bitrate', collect)
    .option('--label <text>', 'name for the --bitrate group in the report')
    .option('-c, --camera <spec>', 'a camera group PRESET=COUNT or RATE=COUNT; repeatable', collect)
    .optionsGroup('Network and checks:')
    .option('--capacity <rate>', 'check the total against this capacity (exit 1 if over); without --count: how many cameras fit')
    .option('--max-utilization <percent>', 'a link counts as full at this share of its capacity', '70')
    .option('--overhead <kind>', 'transport overhead: none, udp (+5.5 %), tcp (+7.5 %) or a percentage', 'none')
    .option('--as <preset>', "express headroom in cameras of this preset (default: each segment's most common profile)")
    .option('-q, --quiet', 'print nothing when everything fits, only the failing lines when not')
    .optionsGroup('Inventories:')
    .option(
      '-i, --inventory <file>',
      "camera inventory, one record per camera (CSV, NDJSON or JSON array, optionally gzipped); '-' reads stdin",
    )
    .addOption(
      new Option('--input-format <format>', 'inventory format (default: from the extension or the first byte)').choices([
        'csv',
        'ndjson',
        'json',
      ]),
    )
    .option('--allow-new-segments', 'with a fleet file: add inventory segments the fleet file lacks instead of failing')
    .option('--skip-invalid', 'skip invalid inventory records (counted; the first 10 listed on stderr) instead of stopping')
    .optionsGroup('Storage:')
    .option('--retention <duration>', 'size recording storage for this retention, e.g. 30d, 72h, 4w')
    .option('--recording <mode>', "with --retention: 'continuous' (default) or 'motion:PERCENT' of the time recorded")
    .option('--storage-overhead <percent>', 'with --retention: RAID/filesystem overhead added to the raw size (default 0)')
    .option('--storage-capacity <size>', 'with --retention: check the total storage against this size, e.g. 500TB (exit 1 if over)')
    .optionsGroup('Over the day:')
    .option('--night-start <hour>', 'hour night starts, 0-23, for cameras with a night rate (default 18)')
    .option('--night-hours <hours>', 'hours of night (default 12)')
    .addOption(
      new Option('--check-on <basis>', 'when rates vary over the day, check links against the peak or the daily average').choices([
        'peak',
        'average',
      ]),
    )
    .option('--percentile <p>', 'also give the p-th percentile of each load from per-camera mean and variance (approximate), e.g. 99')
    .option('--correlation <rho>', 'with --percentile: correlation between cameras, 0 (independent) to 1 (default: moving together)')
    .option('--vbr-cv <ratio>', 'with --percentile: VBR variation of one camera, σ/μ (default 0.5)')
    .option('--timeline', 'show the 24-hour load curve of the total; --timeline=PATH of one segment')
    .addOption(new Option('--timeline-of <segment>', 'the segment --timeline=PATH names').hideHelp())
    .optionsGroup('Big trees (table and markdown):')
    .option(
      '--depth <n>',
      'table/markdown: show the segment tree down to this depth (default: all of it, or above 200 segments the levels that fit in 200 rows)',
    )
    .option('--top <n>', 'table/markdown: also show the N busiest segments below --depth (default 10 when the tree is cut)')
    .addHelpText('after', EXAMPLES + EXIT_CODES)
    .action(async (operand: string | undefined, flags: SizeFlags) => actions.size(operand, flags));

  program
    .command('presets')
    .description('list the preset catalog, optionally filtered')
    .argument('[words...]', 'only presets whose id, label, basis, resolution, scene, codec or source contain every word')
    .option('--codec <codec>', 'only this codec (h264, h265, h264-smart, h265-smart, av1, mjpeg, unknown)')
    .option('--fps <fps>', 'only this frame rate')
    .option('--basis <basis>', 'only this basis (report, measured, planning, vendor-cap)')
    .addHelpText(
      'after',
      `
Examples:
  camsize presets                     the whole catalog
  camsize presets --codec h265 4mp    4MP presets in H.265
  camsize presets report --json       the report's seven profiles with their sources
`,
    )
    .action(async (words: string[], _flags: PresetsFlags, command: CommandType) =>
      actions.presets(words, command.optsWithGlobals<PresetsFlags>()),
    );

  program
    .command('estimate')
    .description('estimate the bit rate of a camera that is not in the catalog (a bits-per-pixel model)')
    .option('--resolution <res>', 'WIDTHxHEIGHT, or 720p, 1080p, 3MP, 4MP, 5MP, 6MP, 8MP/4K, 12MP')
    .option('--fps <fps>', 'frames per second')
    .option('--codec <codec>', 'h264, h265, h264-smart, h265-smart, av1 or mjpeg')
    .option('--scene <scene>', 'low, medium (default), high or complex')
    .option('--quality <quality>', 'low, medium (default) or high')
    .option('--calibration', 'compare the model with every catalog preset that has a codec')
    .addHelpText(
      'after',
      `
Examples:
  camsize estimate --resolution 4K --fps 15 --codec h265 --scene high
  camsize estimate --resolution 2560x1440 --fps 25 --codec h264 --json
  camsize estimate --calibration
`,
    )
    .action(async (_flags: EstimateFlags, command: CommandType) => actions.estimate(command.optsWithGlobals<EstimateFlags>()));

  program
    .command('measure')
    .description('read what cameras really send: recordings (via ffprobe), a measurements CSV, or Frigate stats')
    .argument('<files...>', 'video files, saved ffprobe JSON, a measurements CSV (segment,preset|label,rate,duration), Frigate JSON')
    .option('--fit', 'print a site calibration (measured ÷ estimated, with its spread) as JSON instead')
    .addHelpText(
      'after',
      `
Examples:
  camsize measure recordings/*.mp4              bit rate, duration, resolution, fps and codec of each
  camsize measure measurements.csv --format csv
  camsize measure frigate-stats.json            Frigate /api/stats or /api/recordings/storage, saved
  camsize measure recordings/*.mp4 --fit > site-calibration.json
`,
    )
    .action(async (files: string[], _flags: MeasureCommandFlags, command: CommandType) =>
      actions.measure(files, command.optsWithGlobals<MeasureCommandFlags>()),
    );

  program
    .command('schema')
    .description('print the fleet file format as JSON Schema (for editors and validators)')
    .action(async () => actions.schema());

  return program;
}

/**
 * commander's "error: unknown option '--x'\n(Did you mean --y?)" as one camsize diagnostic with a hint.
 * commander quotes the argument as given, so it is made printable (a line break or an escape sequence in a value).
 */
function commanderMessage(message: string): string {
  const text = message.trim().replace(/^error: /, '');
  return `camsize: ${printable(text.replace(/\n\(Did you mean (.*)\?\)$/, ' (did you mean $1?)'), 2000)}\nTry 'camsize --help' for usage.\n`;
}
