/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. The tree is walked once and the recorders and viewers placed
 * (size-plan.ts), then each figure (figures/*.ts) runs as an accumulator over
 * it (here), and the rows, totals and checks are assembled (size-report.ts).
 */
import type { Fleet, Profile } from '../model/fleet.js';
import type { Report } from '../model/report.js';
import type { Ratio } from '../numbers/percent.js';
import type { DriftInput } from '../measure/drift.js';
import { runFlowDetail, runPercentile, runRecorded, runTime } from './flow-figures.js';
import { camerasFigure } from './figures/cameras.js';
import { driftFigure } from './figures/drift.js';
import { checksFigure } from './figures/checks.js';
import { type Figure, runFigure } from './figures/figure.js';
import { dayLoadFigure } from './figures/load.js';
import { emptyRow } from './figures/row.js';
import { noStorage, storageFigure } from './figures/storage.js';
import { viewingFigure } from './figures/viewing.js';
import { streamRates } from './flows/streams.js';
import { planViewing } from './flows/viewing.js';
import type { Overhead } from './overhead.js';
import type { PercentileSettings } from './percentile.js';
import { assembleReport, type FigureResults } from './size-report.js';
import { planSizing, type SizingPlan } from './size-plan.js';
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
  /** Storage sizing defaults (--retention, --recording, --storage-overhead), and a capacity for the total. */
  storage?: { retention?: Retention; recording: Recording; overhead: Ratio; capacityBytes?: bigint };
  /** --measured: measurements matched to the fleet's groups, compared with their design (drift checks). */
  drift?: DriftInput;
  /** Also list, for every link and direction, the flows that cross it (--flows). */
  flows?: boolean;
}

const NO_OVERHEAD: Ratio = { num: 0n, den: 100n };

export function sizeFleet(fleet: Fleet, options: SizeOptions = {}): Report {
  const plan = planSizing(fleet, options);
  return assembleReport(fleet.name, plan, runFigures(plan, options), options);
}

/** Each figure over the walk, in the order they read one another, into one draft row per segment. */
function runFigures(plan: SizingPlan, options: SizeOptions): FigureResults {
  const { nodes, places, sizes, checkOn } = plan;
  const drafts = nodes.map(emptyRow);
  const run = <S>(figure: Figure<S>) => runFigure(figure, nodes, drafts);
  run(camerasFigure);
  run(dayLoadFigure);
  const rateOf = streamRates(checkOn);
  const viewing = places.viewedNode.size > 0 ? planViewing(nodes, places, rateOf) : undefined;
  run(viewingFigure(viewing));
  const recorded = runRecorded(nodes, places, drafts);
  const hours = plan.timeVarying ? runTime(nodes, places, drafts) : undefined;
  const perRecorder = places.recorders.map(noStorage);
  const headEnd = noStorage();
  const root = sizes.any
    ? run(storageFigure(options.storage?.overhead ?? NO_OVERHEAD, sizes.rows, { places, perRecorder, headEnd }))
    : undefined;
  if (options.percentile) runPercentile(nodes, places, drafts, options.percentile);
  run(checksFigure(checkOn, options.headroomProfile));
  if (options.drift) run(driftFigure(options.drift));
  if (options.flows) runFlowDetail(nodes, places, drafts, rateOf, viewing);
  return { drafts, recorded, hours, perRecorder, headEnd, root };
}
