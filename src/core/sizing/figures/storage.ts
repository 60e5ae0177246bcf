/**
 * Recording storage for each segment's retention: the time-weighted average
 * payload (not the wire rate: storage keeps video, not headers) × retention
 * × recorded share × (1 + storage overhead), summed exactly in 1/SCALE bit.
 */
import type { StorageStatus } from '../../model/report.js';
import type { Ratio } from '../../numbers/percent.js';
import { scaledStorage, storageBytes } from '../storage.js';
import { hourly, varies } from '../time.js';
import type { Figure } from './figure.js';
import { DAY_SCALE, sum } from './time.js';

export function storageFigure(overhead: Ratio): Figure<{ scaled: bigint }> {
  return {
    init: () => ({ scaled: 0n }),
    addGroup(state, group, node) {
      if (!node.retention) return;
      const states = group.profile.states;
      // 24 hourly means (1/HOURLY_SCALE b/s each) over one day; a constant rate the same way.
      const payload = states && varies(states) ? sum(hourly(states, node.schedule).mean) : group.profile.bitsPerSecond * DAY_SCALE;
      state.scaled += scaledStorage(group.count * payload, node.retention.seconds, node.recording, overhead, DAY_SCALE);
    },
    addChild(parent, child) {
      parent.scaled += child.scaled;
    },
    finish(state, node, row) {
      row.storage = storageStatus(storageBytes(state.scaled), node.segment.storageBytes);
    },
  };
}

/** Bytes needed, and whether they fit a capacity when there is one. */
export function storageStatus(bytes: bigint, capacityBytes: bigint | undefined): StorageStatus {
  return capacityBytes === undefined ? { bytes } : { bytes, capacityBytes, fits: bytes <= capacityBytes };
}
