/**
 * Sizing: a fleet in, a report out. Rates are multiplied by counts once per
 * group; nothing iterates over single cameras, so 20,000,000 cameras cost as
 * much as one. The tree is walked once and the recorders and viewers placed
 * (size-plan.ts), then each figure (figures/*.ts) runs as an accumulator over
 * it (here), and the rows, totals and checks are assembled (size-report.ts).
 */
import type { Fleet } from '../model/fleet.js';
import type { Ratio } from '../numbers/percent.js';
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
import { hasSwitches, switchFigure } from './figures/switch.js';
import { type GrowthApplied, grownFleet } from './growth.js';
import { STANDARD_SPEEDS } from './link-speeds.js';
import { NO_STORAGE_OVERHEAD } from './storage.js';
import { streamRates } from './flows/streams.js';
import { planViewing } from './flows/viewing.js';
import { assembleReport, type FigureResults } from './size-report.js';
import { planSizing, type SizingPlan } from './size-plan.js';
import type { SizeOptions } from './size-options.js';

export type { SizeOptions } from './size-options.js';

export function sizeFleet(fleet: Fleet, options: SizeOptions = {}): Report {
  const grown = grownFleet(fleet, options.growth);
  const sized = grown?.fleet ?? fleet;
  const plan = planSizing(sized, options);
  const report = assembleReport(sized.name, plan, runFigures(plan, options, sized.linkSpeeds), options);
  const withProject = sized.project ? { ...report, project: sized.project } : report;
  return grown || options.growth ? withGrowth(withProject, options.growth, grown?.applied) : withProject;
}

/** The report saying which growth it includes (a default with nothing to grow still says so). */
function withGrowth(report: Report, growth: Ratio | undefined, applied: GrowthApplied | undefined): Report {
  const settings = { ...(growth ? { default: growth } : {}), used: applied?.used ?? [], addedCameras: applied?.addedCameras ?? 0n };
  return { ...report, settings: { ...report.settings, growth: settings } };
}

/** Each figure over the walk, in the order they read one another, into one draft row per segment. */
function runFigures(plan: SizingPlan, options: SizeOptions, fleetSpeeds: readonly bigint[] | undefined): FigureResults {
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
  const storage = options.storage;
  const root = sizes.any
    ? run(storageFigure(storage?.overhead ?? NO_STORAGE_OVERHEAD, sizes.rows, { places, perRecorder, headEnd }, storage?.headroom))
    : undefined;
  if (options.percentile) runPercentile(nodes, places, drafts, options.percentile);
  const speeds = options.linkSpeeds ?? fleetSpeeds ?? STANDARD_SPEEDS;
  run(checksFigure(checkOn, options.headroomProfile, { speeds, suggest: options.suggestLinks === true }));
  if (hasSwitches(nodes)) run(switchFigure);
  if (options.drift) run(driftFigure(options.drift));
  if (options.flows) runFlowDetail(nodes, places, drafts, rateOf, viewing, checkOn, plan.timeVarying);
  const sized = drafts.some((d) => d.linkSuggestion !== undefined);
  return { drafts, recorded, hours, perRecorder, headEnd, root, ...(sized ? { linkSpeeds: speeds } : {}) };
}
