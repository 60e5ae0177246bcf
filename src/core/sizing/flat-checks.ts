/**
 * The report's checks as one flat list, one entry per thing compared: each
 * direction of a link, each part of a recorder (ingest, storage, disks), a
 * segment's storage, ports and PoE, the totals, how many fit, each drifting
 * group. Each says what was compared with what (exact, in its unit) and
 * whether it passed, so a script needs no walk of the report's tree; `check`
 * and `diff` read them, and every --json report carries them.
 */
import type { Check, Report } from '../model/report.js';
import type { Ratio } from '../numbers/percent.js';

export type CheckUnit = 'b/s' | 'B' | 'mW' | 'ports';

export interface FlatCheck {
  /** The report's kind of check ('link', 'storage', 'ports', 'poe', 'recorder', 'total', 'total-storage', 'how-many', 'drift'). */
  readonly kind: Check['kind'];
  /** The segment it is about ([] for the fleet itself and the totals). */
  readonly path: readonly string[];
  /** A recorder's check: its name. */
  readonly recorder?: string;
  /** A drift check: the group's profile name. */
  readonly group?: string;
  /** A link's direction, or its shared capacity. */
  readonly direction?: 'up' | 'down' | 'shared';
  /** A recorder's part. */
  readonly part?: 'ingest' | 'storage' | 'disks';
  /** What is compared, and the most it may be, in `unit`; it passes when load ≤ limit. */
  readonly load: bigint;
  readonly limit: bigint;
  readonly unit: CheckUnit;
  readonly fits: boolean;
}

/** floor(design × (1 + tolerance)): a measured rate drifts when it is above this (measured is whole b/s). */
function driftLimit(design: bigint, tolerance: Ratio): bigint {
  return (design * (tolerance.den + tolerance.num)) / tolerance.den;
}

/** The flat entries of one check of the tree, in its order (up before down, ingest before storage). */
export function flatten(check: Check, tolerance: Ratio | undefined): FlatCheck[] {
  switch (check.kind) {
    case 'link':
      return check.directions.map((d) => ({
        kind: 'link',
        path: check.path,
        direction: d.direction,
        load: d.loadBitsPerSecond,
        limit: d.link.usableBitsPerSecond,
        unit: 'b/s',
        fits: d.link.fits,
      }));
    case 'storage':
    case 'total-storage': {
      const s = check.storage;
      const path = check.kind === 'storage' ? check.path : [];
      return [{ kind: check.kind, path, load: s.requiredBytes ?? s.bytes, limit: s.capacityBytes ?? 0n, unit: 'B', fits: check.fits }];
    }
    case 'ports':
      return [{ kind: 'ports', path: check.path, load: check.ports.used, limit: check.ports.ports, unit: 'ports', fits: check.fits }];
    case 'poe':
      return [
        { kind: 'poe', path: check.path, load: check.poe.drawMilliwatts, limit: check.poe.usableMilliwatts, unit: 'mW', fits: check.fits },
      ];
    case 'recorder':
      return recorderParts(check);
    case 'total':
      return [
        { kind: 'total', path: [], load: check.loadBitsPerSecond, limit: check.link.usableBitsPerSecond, unit: 'b/s', fits: check.fits },
      ];
    case 'how-many': {
      const a = check.answer;
      return [{ kind: 'how-many', path: [], load: a.perCameraBitsPerSecond, limit: a.usableBitsPerSecond, unit: 'b/s', fits: check.fits }];
    }
    case 'drift': {
      const d = check.drift;
      const limit = driftLimit(d.designBitsPerSecond, tolerance ?? { num: 0n, den: 100n });
      return [{ kind: 'drift', path: check.path, group: d.group, load: d.measuredBitsPerSecond, limit, unit: 'b/s', fits: check.fits }];
    }
  }
}

function recorderParts(check: Extract<Check, { kind: 'recorder' }>): FlatCheck[] {
  const r = check.recorder;
  const base = { kind: 'recorder' as const, path: r.path, recorder: r.name };
  const parts: FlatCheck[] = [];
  if (r.ingest && !r.unitsAuto)
    parts.push({
      ...base,
      part: 'ingest',
      load: r.ingestBitsPerSecond,
      limit: r.ingest.usableBitsPerSecond,
      unit: 'b/s',
      fits: r.ingest.fits,
    });
  const s = r.storage;
  if (s?.fits !== undefined && !r.unitsAuto)
    parts.push({ ...base, part: 'storage', load: s.requiredBytes ?? s.bytes, limit: s.capacityBytes ?? 0n, unit: 'B', fits: s.fits });
  const d = r.disks;
  if (d && !d.given) parts.push({ ...base, part: 'disks', load: d.requiredBytes ?? 0n, limit: d.usableBytes, unit: 'B', fits: d.fits });
  return parts;
}

/** Every check of the report, flat, in the report's order. */
export function flatChecks(report: Pick<Report, 'checks' | 'drift'>): FlatCheck[] {
  const tolerance = report.drift?.tolerance;
  return report.checks.flatMap((check) => flatten(check, tolerance));
}
