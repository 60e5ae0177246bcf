/**
 * What sizing takes besides the fleet: the command line's and the library's
 * settings, each a default that a segment's own setting overrides. Apart from
 * size.ts so that the files sizing is made of read it without importing size.ts.
 */
import type { DriftInput } from '../measure/drift.js';
import type { Profile } from '../model/fleet.js';
import type { Ratio } from '../numbers/percent.js';
import type { Overhead } from './overhead.js';
import type { PercentileSettings } from './percentile.js';
import type { Recording, Retention } from './storage.js';
import type { Schedule } from './time.js';

export interface SizeOptions {
  /** Ceiling for links that do not set their own (default 70 %). */
  maxUtilization?: Ratio;
  /** Overhead for segments that do not set their own (default none). */
  overhead?: Overhead;
  /** Check the fleet total (both directions of the root's link together) against this capacity, b/s (--capacity). */
  capacityBitsPerSecond?: bigint;
  /** Express headroom in cameras of this profile (--as) instead of each segment's dominant one. */
  headroomProfile?: Profile;
  /** Which hours are night, for segments that do not set their own (default: 12 h from 18:00). */
  schedule?: Schedule;
  /** Also give a percentile of the aggregate load (statistical sizing, approximate). */
  percentile?: PercentileSettings;
  /** What capacity checks compare with when rates vary over the day: the peak (default) or the daily average. */
  checkOn?: 'peak' | 'average';
  /**
   * Storage sizing defaults (--retention, --recording, --storage-overhead), a capacity for the total,
   * and spare capacity reserved on top (--storage-headroom: every storage check counts it).
   */
  storage?: { retention?: Retention; recording: Recording; overhead: Ratio; capacityBytes?: bigint; headroom?: Ratio };
  /** --measured: measurements matched to the fleet's groups, compared with their design (drift checks). */
  drift?: DriftInput;
  /** Also list, for every link and direction, the flows that cross it (--flows). */
  flows?: boolean;
  /** Future cameras: this share of every group is added, rounded up (--growth; a segment's "growth" overrides it). */
  growth?: Ratio;
  /** Show beside every link the smallest listed speed that holds its load (--suggest-links). */
  suggestLinks?: boolean;
  /** The speeds "auto" links and suggestions choose from, ascending (--link-speeds; default: the fleet's "linkSpeeds", else STANDARD_SPEEDS). */
  linkSpeeds?: readonly bigint[];
  /** A switch's PoE budget counts as full at this share (default 80 %; a segment's "maxPoeUtilization" overrides it). */
  maxPoeUtilization?: Ratio;
}
