/**
 * A fleet model handed to size() (parseFleet's answer, or one built in code)
 * checked for its shape before the core walks it, without recursion: a tree
 * of segments (name, groups, children) no deeper than MAX_DEPTH and without
 * cycles, camera groups with a profile and a bigint count, rates and sizes
 * as bigints. The core trusts its typed input; this is where untyped code
 * meets it. A wrong shape is a UsageError ('USAGE') saying where.
 */
import { UsageError } from '../core/diagnostics/errors.js';
import type { Fleet } from '../core/model/fleet.js';
import { MAX_DEPTH } from '../core/model/fleet.js';
import { described } from './arguments.js';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` claims to be a model (it has a `root`, which a fleet file's value never has): then it must be one. */
export function isFleetModel(value: unknown): value is Fleet {
  if (!isObject(value) || !Object.hasOwn(value, 'root')) return false;
  checkFleetModel(value);
  return true;
}

function wrong(where: string, what: string, value: unknown): never {
  throw new UsageError(`size: fleet model: ${where} is ${what}, not ${described(value)} (parseFleet makes models from fleet files)`, {
    path: where,
  });
}

function checkFleetModel(fleet: Loose): void {
  if (typeof fleet['name'] !== 'string') wrong('name', 'text', fleet['name']);
  const seen = new Set<object>();
  const stack: Array<{ segment: unknown; where: string; depth: number }> = [{ segment: fleet['root'], where: 'root', depth: 0 }];
  while (stack.length > 0) {
    const { segment, where, depth } = stack.pop()!;
    if (!isObject(segment)) wrong(where, 'a segment', segment);
    if (seen.has(segment)) wrong(where, 'a segment seen once (a fleet is a tree)', segment);
    seen.add(segment);
    if (depth > MAX_DEPTH) wrong(where, `at most ${MAX_DEPTH} levels deep`, segment);
    checkSegment(segment, where);
    const children = segment['children'] as unknown[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ segment: children[i], where: `${where}.children[${i}]`, depth: depth + 1 });
  }
}

function checkSegment(segment: Loose, where: string): void {
  if (typeof segment['name'] !== 'string') wrong(`${where}.name`, 'text', segment['name']);
  for (const key of ['groups', 'children']) if (!Array.isArray(segment[key])) wrong(`${where}.${key}`, 'a list', segment[key]);
  for (const key of ['linkBitsPerSecond', 'storageBytes']) {
    if (segment[key] !== undefined && typeof segment[key] !== 'bigint') wrong(`${where}.${key}`, 'a bigint', segment[key]);
  }
  for (const key of ['settings', 'viewers', 'linkShape']) {
    if (segment[key] !== undefined && !isObject(segment[key])) wrong(`${where}.${key}`, 'an object', segment[key]);
  }
  for (const key of ['viewerList', 'recorders']) {
    if (segment[key] !== undefined && !Array.isArray(segment[key])) wrong(`${where}.${key}`, 'a list', segment[key]);
  }
  const groups = segment['groups'] as unknown[];
  for (let i = 0; i < groups.length; i++) checkGroup(groups[i], `${where}.groups[${i}]`);
}

function checkGroup(group: unknown, where: string): void {
  if (!isObject(group)) wrong(where, 'a camera group', group);
  if (typeof group['count'] !== 'bigint' || group['count'] < 0n) wrong(`${where}.count`, 'a bigint, 0 or more', group['count']);
  const profile = group['profile'];
  if (!isObject(profile)) wrong(`${where}.profile`, 'a profile (presetProfile, customProfile, estimateProfile)', profile);
  for (const key of ['key', 'name', 'description'])
    if (typeof profile[key] !== 'string') wrong(`${where}.profile.${key}`, 'text', profile[key]);
  if (typeof profile['bitsPerSecond'] !== 'bigint' || profile['bitsPerSecond'] < 0n) {
    wrong(`${where}.profile.bitsPerSecond`, 'a bigint, 0 or more', profile['bitsPerSecond']);
  }
  if (group['subBitsPerSecond'] !== undefined && typeof group['subBitsPerSecond'] !== 'bigint') {
    wrong(`${where}.subBitsPerSecond`, 'a bigint', group['subBitsPerSecond']);
  }
}
