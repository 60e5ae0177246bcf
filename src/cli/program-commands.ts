/** The subcommands' grammar: presets, estimate, measure, schema, completion (and commander's help). */
import type { Command as CommandType } from 'commander';
import { requireCjs } from '../require-cjs.js';
import { COLUMNS_EXAMPLES, COMPLETION_EXAMPLES, ESTIMATE_EXAMPLES, MEASURE_EXAMPLES, PRESETS_EXAMPLES, SCHEMA_EXAMPLES } from './help.js';
import type { Actions, ColumnsFlags, EstimateFlags, MeasureCommandFlags, PresetsFlags } from './program-flags.js';
import { addOutputOptions, addScheduleOptions, INPUT_CHOICES } from './program-options.js';
import { addDesignCommands } from './program-design.js';

const { Argument, Option } = requireCjs('commander') as typeof import('commander');

/** The shells `camsize completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function addSubcommands(program: CommandType, actions: Actions): void {
  addPresets(program, actions);
  addEstimate(program, actions);
  addMeasure(program, actions);
  addColumns(program, actions);
  addDesignCommands(program, actions);
  program
    .command('schema')
    .description('print the fleet file format as JSON Schema (for editors and validators)')
    .option('--output', 'the JSON Schema of the --json report instead')
    // -o FILE as for every command; its long form is taken by the switch above.
    .option('-o <file>', 'write the schema to this file instead of standard output')
    .addHelpText('after', SCHEMA_EXAMPLES)
    .action(async (flags: { output?: boolean }) => actions.schema(flags));
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell to complete for').choices(SHELLS))
    .addHelpText('after', COMPLETION_EXAMPLES)
    .action(async (shell: string) => actions.completion(shell));
}

function addPresets(program: CommandType, actions: Actions): void {
  const presets = program
    .command('presets')
    .description('list the preset catalog, optionally filtered')
    .argument('[words...]', 'only presets whose id, label, basis, resolution, scene, codec or source contain every word')
    .option('--codec <codec>', 'only this codec (h264, h265, h264-smart, h265-smart, av1, mjpeg, unknown; also hevc, avc)')
    .option('--fps <fps>', 'only this frame rate')
    .option('--basis <basis>', 'only this basis (report, measured, observed-cap, planning, vendor-cap)');
  addOutputOptions(presets, { units: true })
    .addHelpText('after', PRESETS_EXAMPLES)
    .action(async (words: string[], _flags: PresetsFlags, command: CommandType) =>
      actions.presets(words, command.optsWithGlobals<PresetsFlags>()),
    );
}

function addEstimate(program: CommandType, actions: Actions): void {
  const estimate = program
    .command('estimate')
    .description('estimate the bit rate of a camera that is not in the catalog (a bits-per-pixel model)')
    .option('--resolution <res>', 'WIDTHxHEIGHT, or 720p, 1080p, 3MP, 4MP, 5MP, 6MP, 8MP/4K, 12MP')
    .option('--fps <fps>', 'frames per second')
    .option('--codec <codec>', 'h264 (avc), h265 (hevc), h264-smart, h265-smart, av1 or mjpeg')
    .option('--scene <scene>', 'low, medium (default), high or complex')
    .option('--quality <quality>', 'low, medium (default) or high')
    .option(
      '--calibration [file]',
      'alone: the model against the catalog and its validation set; with a FILE (camsize measure --fit): apply that site calibration',
    );
  addOutputOptions(estimate, { units: true })
    .addHelpText('after', ESTIMATE_EXAMPLES)
    .action(async (_flags: EstimateFlags, command: CommandType) => actions.estimate(command.optsWithGlobals<EstimateFlags>()));
}

function addMeasure(program: CommandType, actions: Actions): void {
  const measure = program
    .command('measure')
    .description('read what cameras really send: recordings (via ffprobe), a measurements CSV, or Frigate stats')
    .argument('<files...>', 'video files, saved ffprobe JSON, a measurements CSV (segment,preset|label,rate,duration), Frigate JSON')
    .option('--fit', 'print a site calibration (measured / estimated, with its spread) as JSON instead');
  addOutputOptions(measure, { units: true })
    .addHelpText('after', MEASURE_EXAMPLES)
    .action(async (files: string[], _flags: MeasureCommandFlags, command: CommandType) =>
      actions.measure(files, command.optsWithGlobals<MeasureCommandFlags>()),
    );
}

function addColumns(program: CommandType, actions: Actions): void {
  const columns = program
    .command('columns')
    .description('show how a camera schedule or inventory will be read: each column, what it is read as, and the first rows')
    .argument('<file>', 'a CSV, NDJSON, JSON or XLSX inventory')
    .addOption(new Option('--input-format <format>', 'the format (default: from the extension or the first bytes)').choices(INPUT_CHOICES));
  addScheduleOptions(columns)
    .option('--rows <n>', 'how many rows to show (default 10)')
    .addHelpText('after', COLUMNS_EXAMPLES)
    .action(async (file: string, flags: ColumnsFlags) => actions.columns(file, flags));
}
