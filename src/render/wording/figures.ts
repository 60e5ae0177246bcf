/** Sentences about a camera's two figures (peak and average): which a number is, an estimate's ranges, the estimated part of a total. */
import type { Estimate } from '../../core/estimate/estimate.js';
import { calibrationText } from '../../core/model/calibration.js';
import type { EstimateAt } from '../../core/model/fleet.js';
import { AVERAGE_TO_PEAK } from '../../core/model/rate-figures.js';
import type { RangeTotal, Report } from '../../core/model/report.js';
import type { RenderOptions } from '../view.js';
import { bytesText, humanCount, humanRate } from './quantities.js';

/** "80 %" */
export const coverageText = (coverage: number) => `${Math.round(coverage * 100)} %`;

/** "peak 4.9 Mb/s, between 2.3 and 9.6 Mb/s" */
function figureText(name: string, f: Estimate['peak'], options: RenderOptions): string {
  return `${name} ${humanRate(f.bitsPerSecond, options)}, between ${humanRate(f.low, options)} and ${humanRate(f.high, options)}`;
}

/** The estimate command's closing sentence: both figures, their ranges, and what each is for. */
export function estimateSentence(estimate: Estimate, options: RenderOptions): string {
  const calibrated = estimate.calibration ? `, ${calibrationText(estimate.calibration)}` : '';
  return (
    `Estimate per camera: ${figureText('peak', estimate.peak, options)} (what links carry); ` +
    `${figureText('average', estimate.average, options)} (what storage holds); ` +
    `${coverageText(estimate.coverage)} ranges (a model estimate${calibrated}; see camsize estimate --calibration)`
  );
}

/** " at peak" or " daily average": which figure a report's loads are, when it has two (settings.time); '' when every rate is one constant rate. */
export function loadFigure(report: Report): string {
  const time = report.settings.time;
  if (!time) return '';
  return time.checkOn === 'peak' ? ' at peak' : ' daily average';
}

/** What each figure is for: links and recorder ingest are checked against the peak, or with --check-on average against the average, which storage holds either way. */
function rolesText(checkOn: 'peak' | 'average'): string {
  return checkOn === 'peak'
    ? 'Peak: what links and recorder ingest are checked against; average: what storage holds.'
    : 'Average: what links and recorder ingest are checked against (--check-on average) and what storage holds; peak: shown, not checked.';
}

/** "the peak of gate is its measured average × its design's peak ÷ average (8 Mb/s ÷ 3 Mb/s)", once per distinct text. */
function measuredShapes(report: Report, options: RenderOptions): string[] {
  const texts = new Set<string>();
  for (const { profile } of report.profiles) {
    const design = profile.design;
    if (profile.basis !== 'measured' || !design?.average) continue;
    const shape = `${humanRate(design.bitsPerSecond, options)} ÷ ${humanRate(design.average.bitsPerSecond, options)}`;
    texts.add(`the peak of ${profile.name} is its measured average × its design's peak ÷ average (${shape}, rounded up)`);
  }
  return [...texts];
}

/** What each figure is for, and where a profile gives one figure (or a measured one), where the other comes from. */
export function figuresSentence(report: Report, options: RenderOptions): string | undefined {
  const time = report.settings.time;
  if (!time) return undefined;
  const what = rolesText(time.checkOn);
  const one = report.profiles.filter((p) => p.profile.basis === 'peak' || p.profile.basis === 'average');
  const ratio = `${Number(AVERAGE_TO_PEAK.num) / Number(AVERAGE_TO_PEAK.den)}`;
  const names = (basis: 'peak' | 'average') =>
    one
      .filter((p) => p.profile.basis === basis)
      .map((p) => p.profile.name)
      .join(', ');
  const peaks = names('peak');
  const averages = names('average');
  const derived = [
    ...(peaks ? [`the average of ${peaks} is its peak × ${ratio}`] : []),
    ...(averages ? [`the peak of ${averages} is its average ÷ ${ratio}`] : []),
  ];
  const fromRatio =
    derived.length === 0
      ? ''
      : ` Where a profile gives one figure, the other follows from the average-to-peak ratio ${ratio}: ${derived.join('; ')}.`;
  const measured = measuredShapes(report, options);
  const fromDesign = measured.length === 0 ? '' : ` Measured groups keep their design's shape: ${measured.join('; ')}.`;
  return `${what}${fromRatio}${fromDesign}`;
}

/** The estimated part of the totals with its ranges, and which point of each range sizing used. */
export function estimatedSentence(report: Report, options: RenderOptions): string | undefined {
  const e = report.total.estimated;
  if (!e) return undefined;
  const rate = (t: RangeTotal) => `${humanRate(t.mid, options)}, between ${humanRate(t.low, options)} and ${humanRate(t.high, options)}`;
  const bytes = (t: RangeTotal) => `${bytesText(t.mid, options)}, between ${bytesText(t.low, options)} and ${bytesText(t.high, options)}`;
  const at = (p: EstimateAt) => (p === 'mid' ? 'centre' : `${p} end`);
  const noun = report.total.cameras === 1n ? 'camera' : 'cameras';
  return (
    `Estimated part (${humanCount(e.cameras)} of ${humanCount(report.total.cameras)} ${noun} from resolution, frame rate and codec; ${coverageText(e.coverage)} ranges): ` +
    `peak ${rate(e.peak)}; average ${rate(e.average)}${e.storage ? `; storage ${bytes(e.storage)}` : ''}. ` +
    `${pointsText(at, e.peakAt, e.averageAt, report.settings.time?.checkOn ?? 'peak')} (--estimate-at low|mid|high to change).`
  );
}

/**
 * Which point of each range sizing used: links (and recorder ingest) take the
 * peak's point, or with --check-on average the average's, the same point
 * storage takes (sizing/checked-rate.ts: the average figure is the profile's,
 * at the average's point).
 */
function pointsText(at: (p: EstimateAt) => string, peakAt: EstimateAt, averageAt: EstimateAt, checkOn: 'peak' | 'average'): string {
  return checkOn === 'peak'
    ? `Links are checked at the peak's ${at(peakAt)}, storage at the average's ${at(averageAt)}`
    : `Links (--check-on average) and storage both use the average's ${at(averageAt)}`;
}
