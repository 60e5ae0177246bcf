/**
 * The fleet model every input (command line, fleet file, inventory) is turned
 * into: camera groups (a profile and a count) inside a tree of network segments.
 */
import type { Preset } from './catalog.js';

export interface Profile {
  /** Identity for grouping across the fleet: the preset id, or `custom:<label>@<b/s>`. */
  readonly key: string;
  readonly kind: 'preset' | 'custom';
  /** What the report calls it: the preset id, or the user's label ("custom" by default). */
  readonly name: string;
  readonly description: string;
  /** Per-camera bit rate, b/s. */
  readonly bitsPerSecond: bigint;
  readonly preset?: Preset;
}

export interface CameraGroup {
  readonly profile: Profile;
  /** Number of cameras, >= 1. Never expanded into single cameras. */
  readonly count: bigint;
}

export interface Segment {
  readonly name: string;
  /** Link capacity of the segment's uplink, b/s. */
  readonly linkBitsPerSecond?: bigint;
  readonly groups: readonly CameraGroup[];
  readonly children: readonly Segment[];
}

export interface Fleet {
  readonly name: string;
  /** The fleet itself is the root segment (its link is the fleet's total capacity, if any). */
  readonly root: Segment;
}

export function presetProfile(preset: Preset): Profile {
  return {
    key: preset.id,
    kind: 'preset',
    name: preset.id,
    description: preset.label,
    bitsPerSecond: preset.bitsPerSecond,
    preset,
  };
}

export function customProfile(bitsPerSecond: bigint, label?: string): Profile {
  const name = label ?? 'custom';
  return {
    key: `custom:${name}@${bitsPerSecond}`,
    kind: 'custom',
    name,
    description: label === undefined ? 'custom bit rate' : `custom bit rate (${label})`,
    bitsPerSecond,
  };
}
