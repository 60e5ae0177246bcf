/**
 * Sizing, before any figure runs: the fleet walked with its inherited
 * settings (walk.ts), the recorders and viewers placed (flows/places.ts), and
 * what cannot be sized refused (a broken flow rule, a storage capacity
 * without a retention) before any work.
 */
import { InputError } from '../diagnostics/errors.js';
import type { Fleet, Profile } from '../model/fleet.js';
import { DEFAULT_CEILING, DEFAULT_POE_CEILING, type Ratio } from '../numbers/percent.js';
import { type FlowProblem, placeFlowsOnce, type Places } from './flows/places.js';
import { OVERHEADS, type Overhead } from './overhead.js';
import type { SizeOptions } from './size-options.js';
import { CONTINUOUS } from './storage.js';
import { DEFAULT_SCHEDULE, varies } from './time.js';
import { type Inherited, type SegmentNode, walkTree } from './walk.js';

/** What every figure reads: the walk, the placed flows, and the settings in force. */
export interface SizingPlan {
  readonly nodes: SegmentNode[];
  readonly places: Places;
  readonly overhead: Overhead;
  readonly ceiling: Ratio;
  readonly checkOn: 'peak' | 'average';
  /** What storage sizing does (see checkStorageInputs). */
  readonly sizes: { rows: boolean; any: boolean };
  /** Some camera's rate varies over the day or has an average below its peak: the time-of-day figure runs. */
  readonly timeVarying: boolean;
}

/** The fleet walked and its flows placed, or an InputError for what cannot be sized. */
export function planSizing(fleet: Fleet, options: SizeOptions): SizingPlan {
  const { overhead, ceiling, checkOn, inherited } = sizingDefaults(options);
  const nodes = walkTree(fleet.root, inherited);
  const { places, problems } = placeFlowsOnce(fleet.root, nodes);
  if (problems.length > 0) throw flowError(problems, nodes, fleet.name);
  const sizes = checkStorageInputs(nodes, fleet.name, places, options.storage?.capacityBytes);
  const timeVarying = nodes.some((n) => n.segment.groups.some((g) => figuresDiffer(g.profile)));
  return { nodes, places, overhead, ceiling, checkOn, sizes, timeVarying };
}

/**
 * Whether a camera's load is not one constant rate: its rate varies over the
 * day, or its average is not its peak. Either way the report gives the peak
 * and the daily average (the time-of-day figure runs), links are checked at
 * the peak and storage sized on the average.
 */
export function figuresDiffer(profile: Profile): boolean {
  return profile.average !== undefined || (profile.states !== undefined && varies(profile.states));
}

/** The fleet-wide settings, and what the root passes down until a segment sets its own. */
export function sizingDefaults(options: SizeOptions): {
  overhead: Overhead;
  ceiling: Ratio;
  checkOn: 'peak' | 'average';
  inherited: Inherited;
} {
  const overhead = options.overhead ?? OVERHEADS['none']!;
  const ceiling = options.maxUtilization ?? DEFAULT_CEILING;
  const inherited: Inherited = {
    overhead,
    ceiling,
    retention: options.storage?.retention,
    recording: options.storage?.recording ?? CONTINUOUS,
    schedule: options.schedule ?? DEFAULT_SCHEDULE,
    poeCeiling: options.maxPoeUtilization ?? DEFAULT_POE_CEILING,
  };
  return { overhead, ceiling, checkOn: options.checkOn ?? 'peak', inherited };
}

/** The first broken flow rule (recorder names, "recordTo", "of", sub streams) as an input error, every one listed. */
function flowError(problems: readonly FlowProblem[], nodes: readonly SegmentNode[], fleetName: string): InputError {
  const lines = problems.map((p) => {
    const where = nodes[p.node]!.path.length === 0 ? fleetName : nodes[p.node]!.path.join('/');
    const field = p.at
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .replace(/^\./, '');
    return `segment '${where}': ${field}: ${p.message}`;
  });
  return new InputError(lines[0]!, lines);
}

/**
 * What storage sizing does: per segment and in total when some segment has a
 * retention (`rows`); at all (`any`) also for how-long answers, when a
 * recorder has storage or --storage-capacity is given without a retention.
 */
function checkStorageInputs(
  nodes: readonly SegmentNode[],
  fleetName: string,
  places: Places,
  capacityBytes: bigint | undefined,
): { rows: boolean; any: boolean } {
  for (const node of nodes) {
    if (node.segment.storageBytes !== undefined && node.retention === undefined) {
      const where = node.path.length === 0 ? fleetName : node.path.join('/');
      throw new InputError(`segment '${where}' has a storage capacity but no retention: give --retention or "retention" in the fleet file`);
    }
  }
  const rows = nodes.some((n) => n.retention !== undefined);
  const any = rows || capacityBytes !== undefined || places.recorders.some((r) => r.recorder.storageBytes !== undefined);
  return { rows, any };
}
