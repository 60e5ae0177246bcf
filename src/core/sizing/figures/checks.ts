/**
 * The load each direction of a segment's link is checked with, and the
 * checks: the day load when rates are constant; the peak (or, with
 * --check-on average, the daily average) when they vary over the day. A
 * full-duplex link checks each direction against its capacity, an
 * asymmetric one each against its own, a shared (half-duplex) one both
 * together. Headroom is counted in cameras of the segment's most common
 * profile (or the --as profile), in the up direction of their recorded stream.
 */
import type { Profile } from '../../model/fleet.js';
import type { LinkStatus, LinkSuggestion, SegmentTime } from '../../model/report.js';
import { checkedRate } from '../checked-rate.js';
import { linkStatus } from '../link.js';
import { smallestSpeed } from '../link-speeds.js';
import { wireRate } from '../overhead.js';
import type { SegmentNode } from '../walk.js';
import type { Figure } from './figure.js';
import type { HeadroomUnit, RowDraft } from './row.js';

/** The speeds "auto" links and suggestions choose from, and whether every link gets a suggestion (--suggest-links). */
export interface LinkChoice {
  readonly speeds: readonly bigint[];
  readonly suggest: boolean;
}

export function checksFigure(checkOn: 'peak' | 'average', headroomProfile: Profile | undefined, links: LinkChoice): Figure<undefined> {
  const named: HeadroomUnit | undefined = headroomProfile && { profile: headroomProfile, stream: 'main' };
  const headroom = lastHeadroom(checkOn);
  return {
    init: () => undefined,
    addGroup() {},
    addChild() {},
    finish(_state, node, row) {
      setCheckedLoads(row, checkOn);
      const segment = node.segment;
      const linked = segment.linkBitsPerSecond !== undefined || segment.linkShape !== undefined || segment.linkAuto === true;
      if (segment.linkAuto || (links.suggest && linked)) row.linkSuggestion = suggestLink(row, node, links.speeds);
      checkLink(row, node, headroom(named ?? row.dominant, node));
    },
  };
}

type Headroom = ReturnType<typeof headroomIn>;

/**
 * headroomIn, made again only when the unit or the node's settings differ from the last
 * segment's: most segments of a large fleet share them (the result is read, never changed).
 */
function lastHeadroom(checkOn: 'peak' | 'average'): (unit: HeadroomUnit | undefined, node: SegmentNode) => Headroom {
  let unit: HeadroomUnit | undefined;
  let overhead: SegmentNode['overhead'] | undefined;
  let schedule: SegmentNode['schedule'] | undefined;
  let last: Headroom;
  return (u, node) => {
    const same =
      u !== undefined &&
      unit !== undefined &&
      u.profile === unit.profile &&
      u.stream === unit.stream &&
      u.subBitsPerSecond === unit.subBitsPerSecond &&
      node.overhead === overhead &&
      node.schedule === schedule;
    if (same) return last;
    unit = u;
    overhead = node.overhead;
    schedule = node.schedule;
    last = headroomIn(u, node, checkOn);
    return last;
  };
}

/** Per direction (both together on a shared link), the smallest listed speed whose usable share holds the load. */
function suggestLink(row: RowDraft, node: SegmentNode, speeds: readonly bigint[]): LinkSuggestion {
  const pick = (load: bigint) => smallestSpeed(load, node.ceiling, speeds);
  const largest = speeds[speeds.length - 1]!;
  const given = <K extends 'up' | 'down' | 'shared'>(key: K, speed: bigint | undefined) =>
    speed === undefined ? {} : ({ [key]: speed } as Record<K, bigint>);
  if (node.segment.linkShape?.kind === 'shared')
    return { kind: 'shared', ...given('shared', pick(row.loadBitsPerSecond)), largestBitsPerSecond: largest };
  return {
    kind: 'directions',
    ...given('up', pick(row.upRecorded + row.viewingUpBitsPerSecond)),
    ...given('down', pick(row.downRecorded + row.viewingDownBitsPerSecond)),
    largestBitsPerSecond: largest,
  };
}

/** An "auto" link's speed: the larger of its directions' suggestions (one full-duplex link), the largest listed when one needs more. */
function autoSpeed(s: LinkSuggestion): bigint {
  if (s.up === undefined || s.down === undefined) return s.largestBitsPerSecond;
  return s.up > s.down ? s.up : s.down;
}

export function setCheckedLoads(row: RowDraft, checkOn: 'peak' | 'average'): void {
  const at = (t: SegmentTime) => (checkOn === 'peak' ? t.peakBitsPerSecond : t.averageBitsPerSecond);
  if (row.time) {
    row.cameraLoadBitsPerSecond = at(row.time) - row.viewingBitsPerSecond;
    // Only the up direction carries recorded streams unless both have hours of their own.
    const split = row.timeUp !== undefined && row.timeDown !== undefined;
    row.upRecorded = split ? at(row.timeUp!) - row.viewingUpBitsPerSecond : row.cameraLoadBitsPerSecond;
    row.downRecorded = split ? at(row.timeDown!) - row.viewingDownBitsPerSecond : 0n;
  } else {
    row.upRecorded = row.recordedUpDay;
    row.downRecorded = row.recordedDownDay;
    row.cameraLoadBitsPerSecond = row.recordedUpDay + row.recordedDownDay;
  }
  row.loadBitsPerSecond = row.cameraLoadBitsPerSecond + row.viewingBitsPerSecond;
}

function checkLink(row: RowDraft, node: SegmentNode, unit: ReturnType<typeof headroomIn>): void {
  const shape = node.segment.linkShape;
  if (shape?.kind === 'shared') {
    row.link = linkStatus(row.loadBitsPerSecond, shape.bitsPerSecond, node.ceiling, unit);
    row.linkDirection = 'shared';
    return;
  }
  const duplex = node.segment.linkAuto && row.linkSuggestion ? autoSpeed(row.linkSuggestion) : node.segment.linkBitsPerSecond;
  const [upCapacity, downCapacity] = shape ? [shape.up, shape.down] : [duplex, duplex];
  if (upCapacity === undefined || downCapacity === undefined) return;
  row.upLink = linkStatus(row.upRecorded + row.viewingUpBitsPerSecond, upCapacity, node.ceiling, unit);
  row.downLink = linkStatus(row.downRecorded + row.viewingDownBitsPerSecond, downCapacity, node.ceiling);
  const down = fuller(row.downLink, row.upLink);
  row.link = down ? row.downLink : row.upLink;
  row.linkDirection = down ? 'down' : 'up';
}

/** Whether `a` binds before `b`: it fails and `b` does not, or both fit or fail and `a` is the fuller (ties: `b`). */
function fuller(a: LinkStatus, b: LinkStatus): boolean {
  if (a.fits !== b.fits) return !a.fits;
  return (a.utilizationBasisPoints ?? 0n) > (b.utilizationBasisPoints ?? 0n);
}

/** The rate one more camera of this unit adds to the up direction, as this segment's check sees it (see checked-rate.ts). */
export function headroomIn(
  unit: HeadroomUnit | undefined,
  node: Pick<SegmentNode, 'overhead' | 'schedule'>,
  checkOn: 'peak' | 'average',
): { profile: Profile; perCameraBitsPerSecond: bigint; stream?: 'sub' } | undefined {
  if (!unit) return undefined;
  if (unit.stream === 'sub')
    return { profile: unit.profile, perCameraBitsPerSecond: wireRate(unit.subBitsPerSecond!, node.overhead), stream: 'sub' };
  return { profile: unit.profile, perCameraBitsPerSecond: checkedRate(unit.profile, node.overhead, node.schedule, checkOn) };
}
