/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. The tree is walked once and the recorders and viewers placed
 * (size-plan.ts), then each figure (figures/*.ts) runs as an accumulator over
 * it (here), and the rows, totals and checks are assembled (size-report.ts).
 */
import type { Fleet } from '../model/fleet.js';
import type { Report } from '../model/report.js';
import { runFlowDetail, runPercentile, runRecorded, runTime } from './flow-figures.js';
import { camerasFigure } from './figures/cameras.js';
import { driftFigure } from './figures/drift.js';
import { checksFigure } from './figures/checks.js';
import { type Figure, runFigure } from './figures/figure.js';
import { dayLoadFigure } from './figures/load.js';
import { emptyRow } from './figures/row.js';
import { noStorage, storageFigure } from './figures/storage.js';
import { viewingFigure } from './figures/viewing.js';
import { NO_STORAGE_OVERHEAD } from './storage.js';
import { streamRates } from './flows/streams.js';
import { planViewing } from './flows/viewing.js';
import { assembleReport, type FigureResults } from './size-report.js';
import { planSizing, type SizingPlan } from './size-plan.js';
import type { SizeOptions } from './size-options.js';

export type { SizeOptions } from './size-options.js';

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
    ? run(storageFigure(options.storage?.overhead ?? NO_STORAGE_OVERHEAD, sizes.rows, { places, perRecorder, headEnd }))
    : undefined;
  if (options.percentile) runPercentile(nodes, places, drafts, options.percentile);
  run(checksFigure(checkOn, options.headroomProfile));
  if (options.drift) run(driftFigure(options.drift));
  if (options.flows) runFlowDetail(nodes, places, drafts, rateOf, viewing, checkOn, plan.timeVarying);
  return { drafts, recorded, hours, perRecorder, headEnd, root };
}
