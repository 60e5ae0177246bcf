/** Cameras below each segment and their most common profile and recorded stream (what headroom is counted in). */
import { type Profile, type StreamKind, subRate } from '../../model/fleet.js';
import type { Figure } from './figure.js';

interface Entry {
  profile: Profile;
  stream: StreamKind;
  sub: bigint;
  cameras: bigint;
}

interface Tally {
  cameras: bigint;
  byUnit: Map<string, Entry>;
}

export const camerasFigure: Figure<Tally> = {
  init: () => ({ cameras: 0n, byUnit: new Map() }),
  addGroup(state, group) {
    state.cameras += group.count;
    if (group.record === 'none') return; // they add nothing to a link: not a unit to count room in
    if (group.record === 'sub') {
      const sub = subRate(group)!;
      add(state, `${group.profile.key}|sub${sub}`, group.profile, 'sub', sub, group.count);
    } else add(state, group.profile.key, group.profile, 'main', 0n, group.count);
  },
  addChild(parent, child) {
    parent.cameras += child.cameras;
    for (const [key, e] of child.byUnit) add(parent, key, e.profile, e.stream, e.sub, e.cameras);
  },
  finish(state, _node, row) {
    row.cameras = state.cameras;
    const best = dominant(state);
    row.dominant = best && (best.stream === 'main' ? { profile: best.profile, stream: 'main' } : { ...best, subBitsPerSecond: best.sub });
  },
};

function add(state: Tally, key: string, profile: Profile, stream: StreamKind, sub: bigint, cameras: bigint): void {
  const seen = state.byUnit.get(key);
  if (seen) seen.cameras += cameras;
  else state.byUnit.set(key, { profile, stream, sub, cameras });
}

const rateOf = (e: Entry) => (e.stream === 'sub' ? e.sub : e.profile.bitsPerSecond);
const keyOf = (e: Entry) => (e.stream === 'sub' ? `${e.profile.key}|sub` : e.profile.key);

/** Most cameras, then the higher rate, then the key: independent of the order groups were given in. */
function dominant(state: Tally): Entry | undefined {
  let best: Entry | undefined;
  for (const entry of state.byUnit.values()) {
    if (
      !best ||
      entry.cameras > best.cameras ||
      (entry.cameras === best.cameras && (rateOf(entry) > rateOf(best) || (rateOf(entry) === rateOf(best) && keyOf(entry) < keyOf(best))))
    ) {
      best = entry;
    }
  }
  return best;
}
