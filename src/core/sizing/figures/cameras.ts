/** Cameras below each segment and their most common profile (what headroom is counted in). */
import type { Profile } from '../../model/fleet.js';
import type { Figure } from './figure.js';

interface Tally {
  cameras: bigint;
  byProfile: Map<string, { profile: Profile; cameras: bigint }>;
}

export const camerasFigure: Figure<Tally> = {
  init: () => ({ cameras: 0n, byProfile: new Map() }),
  addGroup(state, group) {
    state.cameras += group.count;
    add(state, group.profile, group.count);
  },
  addChild(parent, child) {
    parent.cameras += child.cameras;
    for (const { profile, cameras } of child.byProfile.values()) add(parent, profile, cameras);
  },
  finish(state, _node, row) {
    row.cameras = state.cameras;
    row.dominant = dominantProfile(state);
  },
};

function add(state: Tally, profile: Profile, cameras: bigint): void {
  const seen = state.byProfile.get(profile.key);
  if (seen) seen.cameras += cameras;
  else state.byProfile.set(profile.key, { profile, cameras });
}

/** Most cameras, then the higher rate, then the key: independent of the order groups were given in. */
function dominantProfile(state: Tally): Profile | undefined {
  let best: { profile: Profile; cameras: bigint } | undefined;
  for (const entry of state.byProfile.values()) {
    if (
      !best ||
      entry.cameras > best.cameras ||
      (entry.cameras === best.cameras &&
        (entry.profile.bitsPerSecond > best.profile.bitsPerSecond ||
          (entry.profile.bitsPerSecond === best.profile.bitsPerSecond && entry.profile.key < best.profile.key)))
    ) {
      best = entry;
    }
  }
  return best?.profile;
}
