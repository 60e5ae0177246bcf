/**
 * Design against measurement for every segment (--measured). Both sides are
 * daily averages of the payload, what a day-long measurement of a recording
 * sees: the design's from its day, night and event states over the segment's
 * schedule (exact, in 1/DAY_SCALE b/s), the measured side from the group's
 * measured mean. A segment's measured load keeps the design rate of groups
 * nobody measured. With --use-measured the fleet's measured profiles carry
 * the design they replace (Profile.design), so the comparison is the same.
 */
import { deviationPermille, type DriftInput, exceeds, measuredRate } from '../../measure/drift.js';
import { groupKey, type MeasuredGroup } from '../../measure/match.js';
import { averageStates, type Profile } from '../../model/fleet.js';
import type { GroupDrift, SegmentDrift } from '../../model/report.js';
import { ceilDiv } from '../../numbers/decimal.js';
import { DAY_SCALE, dailySum, type Schedule, varies } from '../time.js';
import type { SegmentNode } from '../walk.js';
import type { Figure } from './figure.js';

interface Measured {
  readonly group: MeasuredGroup;
  readonly bitsPerSecond: bigint;
}

interface Own {
  profile: Profile;
  cameras: bigint;
  designScaled: bigint;
}

interface State {
  designScaled: bigint;
  measuredScaled: bigint;
  measurements: number;
  groups: number;
  /** This segment's own measured groups, by name. */
  own: Map<string, Own>;
}

/** A camera's design daily average payload (its average figure), in 1/DAY_SCALE b/s. */
function designScaled(profile: Profile, schedule: Schedule): bigint {
  const design = profile.design ?? profile;
  const states = averageStates(design);
  return varies(states) ? dailySum(states, schedule) : states.day * DAY_SCALE;
}

export function driftFigure(input: DriftInput): Figure<State> {
  const measured = new Map<string, Measured>(
    input.groups.map((g) => [groupKey(g.path, g.group), { group: g, bitsPerSecond: measuredRate(g) }]),
  );
  return {
    init: () => ({ designScaled: 0n, measuredScaled: 0n, measurements: 0, groups: 0, own: new Map() }),
    addGroup(state, group, node) {
      const design = group.count * designScaled(group.profile, node.schedule);
      state.designScaled += design;
      const m = measured.get(groupKey(node.path, group.profile.name));
      if (!m) {
        state.measuredScaled += design;
        return;
      }
      state.measuredScaled += group.count * m.bitsPerSecond * DAY_SCALE;
      const own = state.own.get(group.profile.name);
      if (own) {
        own.cameras += group.count;
        own.designScaled += design;
      } else
        state.own.set(group.profile.name, { profile: group.profile.design ?? group.profile, cameras: group.count, designScaled: design });
    },
    addChild(parent, child) {
      parent.designScaled += child.designScaled;
      parent.measuredScaled += child.measuredScaled;
      parent.measurements += child.measurements;
      parent.groups += child.groups;
    },
    finish(state, node, row) {
      const groups: GroupDrift[] = [];
      for (const [name, own] of state.own) {
        const m = measured.get(groupKey(node.path, name))!;
        groups.push(groupDrift(node, name, own, m, input));
        state.measurements += m.group.measurements.length;
        state.groups += 1;
      }
      if (groups.length > 0) row.driftGroups = groups;
      if (state.groups > 0) row.drift = segmentDrift(state, input);
    },
  };
}

function groupDrift(node: SegmentNode, name: string, own: Own, m: Measured, input: DriftInput): GroupDrift {
  // Per camera; groups of one name that nobody counted (0 cameras) still compare at their profile's rate.
  const perCamera = own.cameras > 0n ? ceilDiv(own.designScaled, own.cameras) : designScaled(own.profile, node.schedule);
  const design = ceilDiv(perCamera, DAY_SCALE);
  const deviation = deviationPermille(m.bitsPerSecond, design);
  const ms = m.group.measurements;
  return {
    path: node.path,
    group: name,
    profile: own.profile,
    cameras: own.cameras,
    designBitsPerSecond: design,
    measuredBitsPerSecond: m.bitsPerSecond,
    ...(deviation === undefined ? {} : { deviationPermille: deviation }),
    exceeds: exceeds(m.bitsPerSecond, design, input.tolerance),
    measurements: ms.length,
    short: ms.filter((x) => x.flags.short).length,
    likelyCaps: ms.filter((x) => x.flags.likelyCap).length,
  };
}

function segmentDrift(state: State, input: DriftInput): SegmentDrift {
  const deviation = deviationPermille(state.measuredScaled, state.designScaled);
  return {
    designBitsPerSecond: ceilDiv(state.designScaled, DAY_SCALE),
    measuredBitsPerSecond: ceilDiv(state.measuredScaled, DAY_SCALE),
    ...(deviation === undefined ? {} : { deviationPermille: deviation }),
    exceeds: exceeds(state.measuredScaled, state.designScaled, input.tolerance),
    measurements: state.measurements,
    groups: state.groups,
  };
}
