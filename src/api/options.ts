/**
 * Sizing settings as people write them ("70%", "udp", "10Gb/s", "30d"), read
 * into the exact SizeOptions the core takes. The command line and the library
 * both come through here, so a setting means the same and is refused the same
 * way in both; only the name an error gives the setting differs
 * (`--max-utilization` on the command line, `maxUtilization` in code).
 */
import { coded, UsageError } from '../core/diagnostics/errors.js';
import { checkArgument, checkSettings, type Kind } from './arguments.js';
import { withContext } from '../core/input/camera-spec.js';
import type { Catalog } from '../core/model/catalog.js';
import { catalogProfile } from '../core/model/fleet.js';
import { parseBytes } from '../core/numbers/bytes.js';
import { parseCeiling } from '../core/numbers/percent.js';
import { parseRate } from '../core/numbers/rate.js';
import { parseOverhead } from '../core/sizing/overhead.js';
import { parsePercentileSettings } from '../core/sizing/percentile.js';
import type { SizeOptions } from '../core/sizing/size.js';
import { CONTINUOUS, parseRecording, parseRetention, parseStorageHeadroom, parseStorageOverhead } from '../core/sizing/storage.js';
import { parseGrowth } from '../core/sizing/growth.js';
import { parseLinkSpeeds } from '../core/sizing/link-speeds.js';
import { parseSchedule } from '../core/sizing/time.js';

/** How sizing is done, in the words of a fleet file or the command line. Every field is optional. */
export interface SizeSettings {
  /** A link counts as full at this share of its capacity: 70, "70" or "70%" (default 70). */
  maxUtilization?: string | number;
  /** Transport overhead for segments without their own: "none" (default), "udp", "tcp" or a percentage. */
  overhead?: string | number;
  /** Also check the fleet total against this capacity: "10Gb/s", or b/s as a bigint. */
  capacity?: string | bigint;
  /** Count headroom in cameras of this preset id (default: each segment's most common profile). */
  as?: string;
  /** When rates vary over the day, check links against the "peak" (default) or the daily "average". */
  checkOn?: 'peak' | 'average';
  /** The hour night starts, 0–23 (default 18), and how many hours it lasts (default 12). */
  nightStart?: string | number;
  nightHours?: string | number;
  /** Also give this percentile of each load (approximate), e.g. 99; with a correlation (0–1, default 1) and a VBR σ/μ (default 0.5). */
  percentile?: string | number;
  correlation?: string | number;
  vbrCv?: string | number;
  /** Size recording storage for this retention: "30d", "72h", "4w". */
  retention?: string;
  /** "continuous" (default) or "motion:PERCENT" of the time recorded. */
  recording?: string;
  /** RAID/filesystem overhead added to the raw storage, in percent (default 0). */
  storageOverhead?: string | number;
  /** Check the total storage against this size: "500TB", or bytes as a bigint. */
  storageCapacity?: string | bigint;
  /** Also list the flows that cross each link, per direction (in the report's `flows` of each direction). */
  flows?: boolean;
  /** Future cameras: this share of every camera group is added (rounded up) to every figure, e.g. "20%" (a segment's "growth" overrides it). */
  growth?: string | number;
  /** Spare storage reserved on top of the retention's (and its overhead's), e.g. "20%": every storage check and the disks count it. */
  storageHeadroom?: string | number;
  /** Show beside every link the smallest listed speed that holds its load. */
  suggestLinks?: boolean;
  /** The speeds "auto" links and suggestions choose from: "1Gb/s,10Gb/s" or a list (default: the fleet's "linkSpeeds", else 100Mb/s to 100Gb/s). */
  linkSpeeds?: string | readonly string[];
  /** A switch's PoE budget counts as full at this share (default 80, the SOP's). */
  maxPoeUtilization?: string | number;
}

/** What an error calls a setting: the library says `maxUtilization`, the command line `--max-utilization`. */
export type SettingName = (key: keyof SizeSettings) => string;

/** What each setting may be given as (the library's callers are checked against it: arguments.ts). */
export const SIZE_SETTING_KINDS = {
  maxUtilization: 'text-or-number',
  overhead: 'text-or-number',
  capacity: 'text-or-bigint',
  as: 'text',
  checkOn: 'text',
  nightStart: 'text-or-number',
  nightHours: 'text-or-number',
  percentile: 'text-or-number',
  correlation: 'text-or-number',
  vbrCv: 'text-or-number',
  retention: 'text',
  recording: 'text',
  storageOverhead: 'text-or-number',
  storageCapacity: 'text-or-bigint',
  flows: 'boolean',
  growth: 'text-or-number',
  storageHeadroom: 'text-or-number',
  suggestLinks: 'boolean',
  linkSpeeds: 'text-or-list',
  maxPoeUtilization: 'text-or-number',
} as const satisfies Record<keyof SizeSettings, Kind>;

const asText = (value: string | number) => (typeof value === 'number' ? String(value) : value);

/**
 * The exact options the core sizes with. Throws a UsageError naming the
 * setting for a setting it does not know (with a did-you-mean), a value of
 * the wrong type or one it cannot read; `catalog` is needed only for `as`.
 */
export function sizeOptions(settings: SizeSettings, catalog?: Catalog, name?: SettingName): SizeOptions {
  const checked = checkSettings<SizeSettings>('sizeOptions', settings, SIZE_SETTING_KINDS);
  if (catalog !== undefined) checkArgument('sizeOptions', 'catalog', catalog, 'catalog');
  if (name !== undefined) checkArgument('sizeOptions', 'name', name, 'function');
  return readSizeSettings(checked, catalog, name);
}

/** sizeOptions without the checks of its arguments' types: for the command line, whose flags are text. */
export function readSizeSettings(settings: SizeSettings, catalog?: Catalog, name: SettingName = (key) => key): SizeOptions {
  return coded('USAGE', () => readSettings(settings, catalog, name)); // a setting the core refuses is a usage mistake
}

function readSettings(settings: SizeSettings, catalog: Catalog | undefined, name: SettingName): SizeOptions {
  const read = <T>(key: keyof SizeSettings, fn: () => T) => withContext(name(key), fn);
  const options: SizeOptions = {
    maxUtilization: read('maxUtilization', () => parseCeiling(settings.maxUtilization ?? '70')),
    overhead: read('overhead', () => parseOverhead(settings.overhead ?? 'none')),
  };
  const { capacity } = settings;
  if (capacity !== undefined) options.capacityBitsPerSecond = read('capacity', () => exact(capacity, parseRate));
  if (settings.nightStart !== undefined || settings.nightHours !== undefined) {
    options.schedule = withContext(`${name('nightStart')}/${name('nightHours')}`, () =>
      parseSchedule(settings.nightStart, settings.nightHours),
    );
  }
  if (settings.checkOn !== undefined) options.checkOn = checkOn(settings.checkOn, name);
  const percentile = percentileOption(settings, name);
  if (percentile) options.percentile = percentile;
  if (settings.flows === true) options.flows = true;
  designOptions(settings, options, read);
  options.storage = storageOption(settings, read);
  if (settings.as !== undefined) {
    if (!catalog) throw new UsageError(`${name('as')} names a preset: give a catalog to look it up in`);
    options.headroomProfile = catalogProfile(catalog, settings.as);
  }
  return options;
}

function checkOn(value: string, name: SettingName): 'peak' | 'average' {
  if (value === 'peak' || value === 'average') return value;
  throw new UsageError(`${name('checkOn')} '${value}' is not 'peak' or 'average'`);
}

function percentileOption(settings: SizeSettings, name: SettingName): SizeOptions['percentile'] {
  const { percentile, correlation, vbrCv } = settings;
  if (percentile === undefined) {
    if (correlation !== undefined || vbrCv !== undefined) {
      throw new UsageError(`${name('correlation')} and ${name('vbrCv')} go with ${name('percentile')}`);
    }
    return undefined;
  }
  return withContext(name('percentile'), () =>
    parsePercentileSettings(asText(percentile), asText(correlation ?? '1'), asText(vbrCv ?? '0.5')),
  );
}

/** Growth, link sizing and the PoE ceiling (designs as code). */
function designOptions(settings: SizeSettings, options: SizeOptions, read: <T>(key: keyof SizeSettings, fn: () => T) => T): void {
  const { growth, suggestLinks, linkSpeeds, maxPoeUtilization } = settings;
  if (growth !== undefined) options.growth = read('growth', () => parseGrowth(asText(growth)));
  if (suggestLinks === true) options.suggestLinks = true;
  if (linkSpeeds !== undefined) options.linkSpeeds = read('linkSpeeds', () => parseLinkSpeeds(linkSpeeds));
  if (maxPoeUtilization !== undefined) options.maxPoeUtilization = read('maxPoeUtilization', () => parseCeiling(asText(maxPoeUtilization)));
}

function storageOption(settings: SizeSettings, read: <T>(key: keyof SizeSettings, fn: () => T) => T): SizeOptions['storage'] {
  const { retention, recording, storageOverhead, storageCapacity, storageHeadroom } = settings;
  return {
    ...(retention === undefined ? {} : { retention: read('retention', () => parseRetention(retention)) }),
    recording: recording === undefined ? CONTINUOUS : read('recording', () => parseRecording(recording)),
    overhead:
      storageOverhead === undefined ? { num: 0n, den: 100n } : read('storageOverhead', () => parseStorageOverhead(asText(storageOverhead))),
    ...(storageCapacity === undefined ? {} : { capacityBytes: read('storageCapacity', () => exact(storageCapacity, parseBytes)) }),
    ...(storageHeadroom === undefined ? {} : { headroom: read('storageHeadroom', () => parseStorageHeadroom(asText(storageHeadroom))) }),
  };
}

/** A bigint is already exact (b/s, bytes); text goes through its parser. */
function exact(value: string | bigint, parse: (text: string) => bigint): bigint {
  if (typeof value === 'string') return parse(value);
  if (value < 0n) throw new UsageError(`${value} is negative`);
  return value;
}
