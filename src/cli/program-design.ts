/** The grammar of designs as code: `camsize check FLEET...` and `camsize diff BEFORE AFTER`. */
import type { Command as CommandType } from 'commander';
import { requireCjs } from '../require-cjs.js';
import { CHECK_EXAMPLES, DIFF_EXAMPLES } from './help.js';
import type { Actions, CheckFlags, DiffFlags } from './program-flags.js';
import { addOutputOptions } from './program-options.js';

const { Option } = requireCjs('commander') as typeof import('commander');

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The sizing settings `check` and `diff` apply to every fleet they read (as the size command's options). */
function addSizingOptions(command: CommandType): CommandType {
  return command
    .optionsGroup('Sizing (every fleet):')
    .option('--max-utilization <percent>', 'a link counts as full at this share of its capacity (default 70)')
    .option('--overhead <kind>', 'transport overhead: none (default), udp, tcp or a percentage')
    .option('--max-poe-utilization <percent>', "a switch's PoE budget counts as full at this share (default 80)")
    .option('--link-speeds <list>', 'the speeds "auto" links are sized from, e.g. 1Gb/s,10Gb/s')
    .option('--suggest-links', 'also compare the smallest standard speed that holds each link')
    .option('--growth <percent>', 'add this share of future cameras to every group (rounded up)')
    .option('--retention <duration>', 'size recording storage for this retention, e.g. 30d')
    .option('--recording <mode>', "'continuous' (default) or 'motion:PERCENT'")
    .option('--storage-overhead <percent>', 'RAID/filesystem overhead added to the raw size (default 0)')
    .option('--storage-headroom <percent>', 'spare storage reserved on top, e.g. 20%')
    .addOption(new Option('--check-on <basis>', 'when rates vary over the day, check links against').choices(['peak', 'average']))
    .option('--night-start <hour>', 'hour night starts, 0-23 (default 18)')
    .option('--night-hours <hours>', 'hours of night (default 12)')
    .option('--calibration <file>', "a site calibration for the fleets' estimated groups");
}

export function addDesignCommands(program: CommandType, actions: Actions): void {
  const check = program
    .command('check')
    .description('check many fleet files at once: one line per fleet and per failing check')
    .argument('<fleets...>', "fleet files (JSON); '-' reads one from standard input")
    .option('-q, --quiet', 'print only the failing and unreadable fleets (nothing when all fit)')
    .option('--failures-only', 'json and csv: list only the failing checks');
  addOutputOptions(check, { units: true });
  addSizingOptions(check)
    .addHelpText('after', CHECK_EXAMPLES)
    .action(async (files: string[], _flags: CheckFlags, command: CommandType) =>
      actions.check(files, command.optsWithGlobals<CheckFlags>()),
    );

  const diff = program
    .command('diff')
    .description('what a change to a fleet does: every figure that changed and every check that flipped')
    .argument('<before>', "the fleet file before the change ('-': standard input, e.g. from git show)")
    .argument('<after>', 'the fleet file after it')
    .option('--unchanged', 'also show the rows and figures that did not change')
    .optionsGroup('Inventories and measurements:')
    .option('-i, --inventory <file>', 'size both sides with this camera inventory')
    .option('--before-inventory <file>', 'the inventory of the before side only')
    .option('--after-inventory <file>', 'the inventory of the after side only')
    .option('--measured <file>', 'compare both sides with these measurements; repeatable', collect)
    .option('--before-measured <file>', 'measurements for the before side only; repeatable', collect)
    .option('--after-measured <file>', 'measurements for the after side only; repeatable', collect)
    .option('--tolerance <percent>', 'with measurements: a group drifts above this (default 15)');
  addOutputOptions(diff, { units: true });
  addSizingOptions(diff)
    .addHelpText('after', DIFF_EXAMPLES)
    .action(async (before: string, after: string, _flags: DiffFlags, command: CommandType) =>
      actions.diff(before, after, command.optsWithGlobals<DiffFlags>()),
    );
}
