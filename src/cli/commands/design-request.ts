/** The settings `check` and `diff` read from their flags: how to size every fleet, and how to show the answer. */
import { type SizeSettings, sizeOptions } from '../../api/options.js';
import type { Catalog } from '../../core/model/catalog.js';
import type { SizeOptions } from '../../core/sizing/size-options.js';
import type { Io } from '../../io/io.js';
import { type OutputRequest, resolveOutput } from '../output-request.js';
import type { DesignSizingFlags } from '../program-flags.js';

const optionName = (camel: string) => `--${camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function designSizing(
  flags: DesignSizingFlags,
  catalog: Catalog,
  io: Io,
): { sizing: SizeOptions; output: OutputRequest; storageFlags: string[] } {
  const output = resolveOutput(flags, io.env, io.stdoutIsTTY, () => io.terminalColumns());
  const settings: SizeSettings = {
    ...(flags.maxUtilization === undefined ? {} : { maxUtilization: flags.maxUtilization }),
    ...(flags.overhead === undefined ? {} : { overhead: flags.overhead }),
    ...(flags.maxPoeUtilization === undefined ? {} : { maxPoeUtilization: flags.maxPoeUtilization }),
    ...(flags.linkSpeeds === undefined ? {} : { linkSpeeds: flags.linkSpeeds }),
    ...(flags.suggestLinks ? { suggestLinks: true } : {}),
    ...(flags.growth === undefined ? {} : { growth: flags.growth }),
    ...(flags.retention === undefined ? {} : { retention: flags.retention }),
    ...(flags.recording === undefined ? {} : { recording: flags.recording }),
    ...(flags.storageOverhead === undefined ? {} : { storageOverhead: flags.storageOverhead }),
    ...(flags.storageHeadroom === undefined ? {} : { storageHeadroom: flags.storageHeadroom }),
    ...(flags.checkOn === undefined ? {} : { checkOn: flags.checkOn as SizeSettings['checkOn'] }),
    ...(flags.nightStart === undefined ? {} : { nightStart: flags.nightStart }),
    ...(flags.nightHours === undefined ? {} : { nightHours: flags.nightHours }),
  };
  const sizing = sizeOptions(settings, catalog, optionName);
  const storageFlags = (['recording', 'storageOverhead', 'storageHeadroom'] as const).filter((f) => flags[f] !== undefined).map(optionName);
  return { sizing, output, storageFlags };
}
