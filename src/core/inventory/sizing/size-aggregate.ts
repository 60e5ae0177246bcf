/**
 * An inventory read without a fleet file, sized from its aggregate: the
 * fast path of `sizeFleet(inventoryFleet(aggregate.entries))`, the same
 * report without the fleet model. The tree is index arrays (tree.ts), the
 * figures doubles per node (sums.ts), and a segment row is made only when a
 * renderer reads it (lazy-rows.ts), through the general path's own row
 * code: its draft filled as the figures would fill it, then segmentRow.
 *
 * It applies when every segment has the fleet-wide settings and nothing
 * flows but cameras to the head end (no fleet file: no links, recorders or
 * viewers), and sizing asks for nothing it does not do (--measured,
 * --flows, --percentile), and every sum is exact in a double. Otherwise it
 * answers undefined and the general path sizes the inventory.
 * test/unit/inventory-sizing-differential.test.ts holds the two equal.
 */
import type { Profile } from '../../model/fleet.js';
import type { ProfileRow, Report } from '../../model/report.js';
import type { HeadroomUnit } from '../../sizing/figures/row.js';
import type { StorageSums } from '../../sizing/figures/storage.js';
import { type Overhead, wireRate } from '../../sizing/overhead.js';
import { sortProfiles } from '../../sizing/profiles.js';
import { segmentRow, settingsOf } from '../../sizing/report-rows.js';
import type { SizeOptions } from '../../sizing/size-options.js';
import { sizingDefaults } from '../../sizing/size-plan.js';
import { reportFrom } from '../../sizing/size-report.js';
import { NO_STORAGE_OVERHEAD } from '../../sizing/storage.js';
import { varies } from '../../sizing/time.js';
import { sizeFleet } from '../../sizing/size.js';
import type { InventoryAggregate } from '../aggregate.js';
import { inventoryFleet } from '../to-fleet.js';
import { lazyArray } from './lazy-rows.js';
import { nodeDrafts, nodePaths, rememberedRows, storageAt } from './node-rows.js';
import { nodeSums, type NodeSums } from './sums.js';
import { aggregateTree } from './tree.js';

/** The report of the inventory in `aggregate` (fleet name `name`), or undefined where the general path must size it. */
export function sizeAggregate(aggregate: InventoryAggregate, name: string, options: SizeOptions): Report | undefined {
  if (options.drift || options.flows || options.percentile || aggregate.spilled.size > 0) return undefined;
  const used = usedIds(aggregate);
  const tree = aggregateTree(aggregate.segments.size, used.segments, (s) => aggregate.segmentText(s));
  if (!tree) return undefined;
  const { overhead, ceiling, checkOn, inherited } = sizingDefaults(options);
  const { retention, recording, schedule } = inherited;
  const timeVarying = used.profiles.some((p) => {
    const states = aggregate.profileById(p).states;
    return states !== undefined && varies(states);
  });
  const storageAny = retention !== undefined || options.storage?.capacityBytes !== undefined;
  const sums = nodeSums(aggregate, tree, { overhead, schedule, timeVarying, storage: storageAny });
  if (!sums) return undefined;
  const settings = {
    overhead,
    schedule,
    checkOn,
    retention,
    recording,
    storageOverhead: options.storage?.overhead ?? NO_STORAGE_OVERHEAD,
  };
  const draftOf = nodeDrafts(sums, settings);
  const pathOf = nodePaths(tree, (s) => aggregate.segmentPath(s));
  const rowOf = rememberedRows(sums, pathOf, (i) =>
    segmentRow({ path: pathOf(i), overhead, segment: {} }, i === 0 ? rootDraft : draftOf(i)),
  );
  const rootDraft = draftOf(0);
  const profiles = profileRows(aggregate, used.profiles, sums, overhead);
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
    }),
    profiles,
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
  return kept === undefined
    ? { scaled: 0n, perSecond, kept: 0n, unkept: cameras }
    : { scaled: kept, perSecond: 0n, kept: cameras, unkept: 0n };
}

/** The profile table (profileRows): per profile key, cameras, payload and wire load. */
function profileRows(aggregate: InventoryAggregate, used: readonly number[], sums: NodeSums, overhead: Overhead): ProfileRow[] {
  const byKey = new Map<string, { profile: Profile; cameras: bigint; payloadBitsPerSecond: bigint; loadBitsPerSecond: bigint }>();
  for (const p of used) {
    const profile = aggregate.profileById(p);
    const cameras = BigInt(sums.profileCameras[p]!);
    let row = byKey.get(profile.key);
    if (!row) byKey.set(profile.key, (row = { profile, cameras: 0n, payloadBitsPerSecond: 0n, loadBitsPerSecond: 0n }));
    row.cameras += cameras;
    row.payloadBitsPerSecond += cameras * profile.bitsPerSecond;
    row.loadBitsPerSecond += cameras * wireRate(profile.bitsPerSecond, overhead);
  }
  return sortProfiles([...byKey.values()]);
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

/** The report of an inventory read without a fleet file: from its aggregate where it can be, else through the fleet model. */
export function inventoryReport(aggregate: InventoryAggregate, name: string, options: SizeOptions): Report {
  return sizeAggregate(aggregate, name, options) ?? sizeFleet(inventoryFleet(aggregate.entries, name).fleet, options);
}
