/**
 * An inventory read without a fleet file, sized from its aggregate: the
 * fast path of `sizeFleet(inventoryFleet(aggregate.entries))`, the same
 * report without the fleet model. The tree is index arrays (tree.ts), the
 * figures doubles per node (sums.ts), and a segment row is made only when a
 * renderer reads it (lazy-rows.ts), through the general path's own row
 * code: its draft filled as the figures would fill it, then segmentRow.
 *
 * It applies when every segment has the fleet-wide settings and nothing
 * flows but cameras to the head end (no fleet file: no links, recorders,
 * viewers or switches), no profile is an estimate with its ranges (rows to
 * estimate are the general path's; a peak and an average are summed here as
 * the figures sum them), sizing asks for nothing it does not do (--measured, --flows,
 * --percentile, growth, link speeds or suggestions, a PoE ceiling, storage
 * headroom), and every sum is exact in a double. Otherwise it answers
 * undefined and the general path sizes the inventory.
 * test/unit/inventory-sizing-differential.test.ts holds the two equal.
 */
import type { Profile } from '../../model/fleet.js';
import type { ProfileRow, Report } from '../../model/report.js';
import type { HeadroomUnit } from '../../sizing/figures/row.js';
import type { StorageSums } from '../../sizing/figures/storage.js';
import type { Overhead } from '../../sizing/overhead.js';
import { type Counts, profileRowsOf } from '../../sizing/profiles.js';
import { segmentRow, settingsOf } from '../../sizing/report-rows.js';
import type { SizeOptions } from '../../sizing/size-options.js';
import { figuresDiffer, sizingDefaults } from '../../sizing/size-plan.js';
import { reportFrom } from '../../sizing/size-report.js';
import { NO_STORAGE_OVERHEAD } from '../../sizing/storage.js';
import type { Schedule } from '../../sizing/time.js';
import type { InventoryAggregate } from '../aggregate.js';
import { lazyArray } from './lazy-rows.js';
import { nodeDrafts, nodePaths, rememberedRows, storageAt } from './node-rows.js';
import { nodeSums, type NodeSums } from './sums.js';
import { aggregateTree } from './tree.js';

/** The report of the inventory in `aggregate` (fleet name `name`), or undefined where the general path must size it. */
export function sizeAggregate(aggregate: InventoryAggregate, name: string, options: SizeOptions): Report | undefined {
  if (!takes(options) || aggregate.spilled.size > 0) return undefined;
  const used = usedIds(aggregate);
  if (!used.profiles.every((p) => summable(aggregate.profileById(p)))) return undefined;
  const tree = aggregateTree(aggregate.segments.size, used.segments, (s) => aggregate.segmentText(s));
  if (!tree) return undefined;
  const { overhead, ceiling, checkOn, inherited } = sizingDefaults(options);
  const { retention, recording, schedule } = inherited;
  const timeVarying = used.profiles.some((p) => figuresDiffer(aggregate.profileById(p)));
  const storageAny = retention !== undefined || options.storage?.capacityBytes !== undefined;
  const sums = nodeSums(aggregate, tree, { overhead, schedule, timeVarying, storage: storageAny });
  if (!sums) return undefined;
  const storageOverhead = options.storage?.overhead ?? NO_STORAGE_OVERHEAD;
  const settings = { overhead, schedule, checkOn, retention, recording, storageOverhead };
  const draftOf = nodeDrafts(sums, settings);
  const pathOf = nodePaths(tree, (s) => aggregate.segmentPath(s));
  const rowOf = rememberedRows(sums, pathOf, (i) =>
    segmentRow({ path: pathOf(i), overhead, segment: {} }, i === 0 ? rootDraft : draftOf(i)),
  );
  const rootDraft = draftOf(0);
  const { rows: profiles, figures } = profileRows(aggregate, used.profiles, sums, { overhead, schedule, timeVarying });
  rootDraft.dominant = dominant(profiles);
  const cameras = rootDraft.cameras;
  return reportFrom(name, {
    settings: settingsOf({
      overhead,
      ceiling,
      checkOn,
      timeVarying,
      sizesStorage: storageAny,
      options,
      overheads: [overhead],
      storageUsed: retention && used.segments.length > 0 ? [{ retention, recording }] : [],
      schedule,
      linkSpeeds: undefined, // no link to size or suggest
      poeCeiling: undefined, // no switch
    }),
    profiles,
    profilesFigures: figures,
    estimated: undefined, // no estimated group
    segments: lazyArray(tree.size, rowOf),
    checkedRows: [], // no segment has a link or a storage capacity
    recorders: undefined,
    rootDraft,
    rootNode: inherited,
    root: storageAny
      ? rootStorage(retention ? storageAt(sums, 0, retention.seconds, settings) : undefined, storageAt(sums, 0, 1n, settings), cameras)
      : undefined,
    driftGroups: [],
    twoWay: false, // no link shapes, nothing flows down
    options,
    ceiling,
    checkOn,
    sizesRows: retention !== undefined,
  });
}

/** The segments and profiles some entry has (a record refused after its segment was read leaves a segment without one). */
function usedIds(aggregate: InventoryAggregate): { segments: Int32Array; profiles: number[] } {
  const { pairs } = aggregate;
  const segment = new Uint8Array(aggregate.segments.size);
  const profile = new Uint8Array(aggregate.profiles.size);
  for (let e = 0; e < pairs.size; e++) {
    segment[pairs.segmentOf[e]!] = 1;
    profile[pairs.profileOf[e]!] = 1;
  }
  const ids = (flags: Uint8Array) => {
    const list: number[] = [];
    flags.forEach((on, id) => {
      if (on) list.push(id);
    });
    return list;
  };
  return { segments: Int32Array.from(ids(segment)), profiles: ids(profile) };
}

/** The root's storage sums: with a retention what it keeps, else one second of every camera (for how long a capacity keeps them). */
function rootStorage(kept: bigint | undefined, perSecond: bigint, cameras: bigint): StorageSums {
  const sums = { estimated: { low: 0n, mid: 0n, high: 0n }, everySecond: perSecond };
  return kept === undefined
    ? { ...sums, scaled: 0n, perSecond, kept: 0n, unkept: cameras }
    : { ...sums, scaled: kept, perSecond: 0n, kept: cameras, unkept: 0n };
}

/** What the general path does beyond this one: measurements, flows, percentiles, growth, link speeds and suggestions, PoE, storage headroom. */
function takes(o: SizeOptions): boolean {
  const beyond = [o.drift, o.flows, o.percentile, o.growth, o.suggestLinks, o.linkSpeeds, o.maxPoeUtilization, o.storage?.headroom];
  return beyond.every((setting) => setting === undefined || setting === false);
}

/** A preset's or a given rate's profile (its peak and average figures summed as the figures sum them): no estimate's range, none measured or calibrated. */
function summable(p: Profile): boolean {
  return (p.kind === 'preset' || p.kind === 'custom') && !p.range && !p.design && !p.calibration;
}

/** The profile table (profileRows): per profile key, its cameras, all at the fleet-wide overhead and schedule. */
function profileRows(
  aggregate: InventoryAggregate,
  used: readonly number[],
  sums: NodeSums,
  s: { overhead: Overhead; schedule: Schedule; timeVarying: boolean },
): ReturnType<typeof profileRowsOf> {
  const byKey = new Map<string, { profile: Profile; counts: Counts }>();
  for (const p of used) {
    const profile = aggregate.profileById(p);
    const cameras = BigInt(sums.profileCameras[p]!);
    let row = byKey.get(profile.key);
    if (!row) byKey.set(profile.key, (row = { profile, counts: new Map() }));
    const bySchedule = row.counts.get(profile)?.get(s.overhead);
    if (bySchedule) bySchedule.set(s.schedule, bySchedule.get(s.schedule)! + cameras);
    else row.counts.set(profile, new Map([[s.overhead, new Map([[s.schedule, cameras]])]]));
  }
  return profileRowsOf(byKey.values(), s.timeVarying);
}

/** The fleet's most common profile (camerasFigure: most cameras, then the higher rate, then the key); every camera records its main stream. */
function dominant(profiles: readonly ProfileRow[]): HeadroomUnit | undefined {
  let best: ProfileRow | undefined;
  for (const row of profiles) {
    const { cameras, profile } = row;
    if (
      !best ||
      cameras > best.cameras ||
      (cameras === best.cameras &&
        (profile.bitsPerSecond > best.profile.bitsPerSecond ||
          (profile.bitsPerSecond === best.profile.bitsPerSecond && profile.key < best.profile.key)))
    )
      best = row;
  }
  return best && { profile: best.profile, stream: 'main' };
}
