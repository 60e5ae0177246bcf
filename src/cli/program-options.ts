/**
 * The command line's option groups (commander), as help lists them: output,
 * cameras, checks, inventories, storage, the day, measurements, big trees.
 * Each only declares; main.ts and request.ts read what was given.
 */
import type { Command as CommandType } from 'commander';
import { requireCjs } from '../require-cjs.js';
import { FORMATS } from '../render/renderer.js';

const { Option } = requireCjs('commander') as typeof import('commander');

/** Repeatable options: no default, so help does not show "(default: [])"; main reads undefined as none. */
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * The output options a command accepts. --color=WHEN is written attached (main.ts
 * turns it into --color, --no-color or --color-auto), so `--color fleet.json`
 * never takes the file as its value.
 */
export function addOutputOptions(command: CommandType, accepts: { units: boolean }): CommandType {
  command
    .optionsGroup('Output:')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS))
    .option('--json', 'same as --format json');
  if (accepts.units) {
    command
      .option('--unit <unit>', 'show rates in this unit (b/s, kb/s, Mb/s, Gb/s, Tb/s, Pb/s) in table, markdown and html')
      .option(
        '--precision <digits>',
        "round shown figures: decimals, 'exact' or 'reading' (default: exact in table, reading in markdown and html)",
      );
  }
  return command
    .option('--color', 'colour the table: auto (default: when stdout is a terminal), always or never')
    .option('--no-color', 'same as --color=never (also: NO_COLOR=1)')
    .addOption(new Option('--color-auto', 'same as --color=auto').hideHelp())
    .on('option:color-auto', () => command.setOptionValueWithSource('color', undefined, 'cli'))
    .option('--wide', 'table: keep every column at full width, however wide the terminal (default: fit it)')
    .option('--ascii', 'table: draw borders in ASCII (default when the locale is not UTF-8 or TERM=dumb)')
    .option('-o, --output <file>', 'write the result to this file instead of standard output, e.g. -o report.html');
}

export function addCameraOptions(program: CommandType): void {
  program
    .optionsGroup('Cameras on the command line:')
    .option('-p, --preset <id>', 'camera preset for --count (see: camsize presets)', collect)
    .option('-b, --bitrate <rate>', 'custom per-camera bit rate for --count, e.g. 2.5Mb/s, or peak:8Mb/s,average:3Mb/s', collect)
    .option('-n, --count <n>', 'number of cameras of --preset or --bitrate', collect)
    .option('--label <text>', 'name for the --bitrate group in the report')
    .option('-c, --camera <spec>', 'a camera group PRESET=COUNT or RATE=COUNT; repeatable', collect);
}

export function addCheckOptions(program: CommandType): void {
  program
    .optionsGroup('Network and checks:')
    .option('--capacity <rate>', 'check the total against this capacity (exit 1 if over); without --count: how many cameras fit')
    .option('--max-utilization <percent>', 'a link counts as full at this share of its capacity', '70')
    .option('--overhead <kind>', 'transport overhead: none, udp (+5.5 %), tcp (+7.5 %) or a percentage', 'none')
    .option('--as <preset>', "express headroom in cameras of this preset (default: each segment's most common profile)")
    .option('--max-poe-utilization <percent>', "a switch's PoE budget counts as full at this share (default 80)")
    .option('--suggest-links', 'show beside every link the smallest standard speed that holds its load ("link": "auto" sizes one)')
    .option('--link-speeds <list>', 'the speeds links are sized from, e.g. 1Gb/s,10Gb/s (default 100Mb/s,1,2.5,10,25,40,100Gb/s)')
    .option('--growth <percent>', 'add this share of future cameras to every group (rounded up), e.g. 20%')
    .option('-q, --quiet', 'table and markdown: print nothing when everything fits, only the failing lines when not')
    .option('--flows', "list the flows that cross each link, per direction (recorded streams per recorder, each viewer entry's streams)");
}

/** The inventory formats --input-format takes (io/inventory/split.ts's INPUT_FORMATS, which the start-up path does not load). */
export const INPUT_CHOICES = ['csv', 'ndjson', 'json', 'xlsx'];

/** How a schedule's columns are read: for sizing an inventory and for `camsize columns` alike. */
export function addScheduleOptions(command: CommandType): CommandType {
  return command
    .option(
      '--columns <field=header,...>',
      'read these columns as these fields, e.g. count=Anzahl,segment=Standort (ignore=Col to ignore one); repeatable',
      collect,
    )
    .option('--segment-columns <headers>', 'compose the segment path from these columns, in order, e.g. Site,Switch')
    .option('--delimiter <char>', "a CSV schedule's delimiter when its header cannot tell: ',', ';' or tab")
    .option('--sheet <name>', 'the worksheet of an .xlsx workbook to read (default: the first visible)');
}

export function addInventoryOptions(program: CommandType): void {
  program
    .optionsGroup('Inventories:')
    .option(
      '-i, --inventory <file>',
      "camera inventory, one record per camera (CSV, NDJSON or JSON array, optionally gzipped); '-' reads stdin",
    )
    .addOption(
      new Option('--input-format <format>', 'inventory format (default: from the extension or the first bytes)').choices(INPUT_CHOICES),
    );
  addScheduleOptions(program);
  program
    .option('--allow-new-segments', 'with a fleet file: add inventory segments the fleet file lacks instead of failing')
    .option('--skip-invalid', 'skip invalid inventory records (counted; the first 10 listed on stderr) instead of stopping');
}

export function addStorageOptions(program: CommandType): void {
  program
    .optionsGroup('Storage:')
    .option('--retention <duration>', 'size recording storage for this retention, e.g. 30d, 72h, 4w')
    .option('--recording <mode>', "with --retention: 'continuous' (default) or 'motion:PERCENT' of the time recorded")
    .option('--storage-overhead <percent>', 'with --retention: RAID/filesystem overhead added to the raw size (default 0)')
    .option('--storage-headroom <percent>', 'with --retention: spare capacity reserved on top, e.g. 20% (the SOP: at least 20)')
    .option(
      '--storage-capacity <size>',
      'check the total storage against this size, e.g. 500TB (exit 1 if over); without a retention: how long it keeps',
    );
}

export function addDayOptions(program: CommandType): void {
  program
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
    .option('--vbr-cv <ratio>', 'with --percentile: VBR variation of one camera, standard deviation / mean (default 0.5)')
    .option('--timeline', 'show the 24-hour load curve of the total; --timeline=PATH of one segment')
    .addOption(new Option('--timeline-of <segment>', 'the segment --timeline=PATH names').hideHelp());
}

/** --measured and what goes with it, and --calibration: a design against what cameras really send. */
export function addMeasurementOptions(program: CommandType): void {
  program
    .optionsGroup('Measurements:')
    .option(
      '--measured <file>',
      'compare the fleet with measured rates (recordings, ffprobe JSON, a measurements CSV, Frigate JSON); exit 1 when a group drifts; repeatable',
      collect,
    )
    .option('--tolerance <percent>', 'with --measured: a group drifts when it is more than this above its design (default 15, the SOP)')
    .option('--use-measured', 'with --measured: size with the measured rates in place of the design ones')
    // [file]: `camsize estimate --calibration` (no file) is the estimate command's own; a fleet needs the file.
    .option('--calibration [file]', "a site calibration (camsize measure --fit) for the fleet's estimated groups")
    .addOption(
      new Option(
        '--estimate-at <point>',
        "estimated groups at this point of their 80 % ranges (default: links at the peak's high end, storage at the average's centre)",
      ).choices(['low', 'mid', 'high']),
    );
}

/** The design document's head (Markdown, HTML): what it is about, and HTML's paper. */
export function addDocumentOptions(program: CommandType): void {
  program
    .optionsGroup('Design document (markdown, html):')
    .option('--project <name>', 'the project the document is about (overrides the fleet file\'s "project")')
    .option('--customer <name>', 'who the design is for')
    .option('--site <name>', 'where the system is installed')
    .option('--author <name>', 'who made the design')
    .option('--revision <text>', 'the revision of the document, e.g. B or 1.2')
    .option('--date <YYYY-MM-DD>', "the document's date (the time it was made is given too: SOURCE_DATE_EPOCH fixes it)")
    .addOption(new Option('--paper <size>', 'html: the printed page size (default a4)').choices(['a4', 'letter']));
}

export function addTreeOptions(program: CommandType): void {
  program
    .optionsGroup('Big trees (table, markdown, html):')
    .option(
      '--depth <n>',
      'show the segment tree down to this depth (default: all of it, or above 200 segments the levels that fit in 200 rows)',
    )
    .option('--top <n>', 'also show the N busiest segments below --depth (default 10 when the tree is cut)');
}
