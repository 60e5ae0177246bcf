/**
 * The sentences about measurements: what `camsize measure` read, and how a
 * fleet's measured rates compare with its design (--measured). Wording lives
 * here once; formats only style it.
 */
import { type FlaggedMeasurement, measurementPlace } from '../../core/measure/measurement.js';
import type { Check, DriftSummary, GroupDrift, Report } from '../../core/model/report.js';
import { percentText, type Ratio } from '../../core/numbers/percent.js';
import type { RenderOptions } from '../view.js';
import { deviationText, humanRate } from './quantities.js';

const noun = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "8 measurements." and what weakens them: short samples, likely caps. */
export function measurementSentences(ms: readonly FlaggedMeasurement[]): string[] {
  const short = ms.filter((m) => m.flags.short).length;
  const caps = ms.filter((m) => m.flags.likelyCap).length;
  const lines = [`${noun(ms.length, 'measurement', 'measurements')}.`];
  if (short > 0)
    lines.push(
      `${noun(short, 'is', 'are')} short (under 24 h, or of unknown length): the SOP asks for an average over at least a day including a night.`,
    );
  if (caps > 0)
    lines.push(`${noun(caps, 'shares', 'share')} a round rate with another camera: likely CBR caps or configured maximums, not averages.`);
  return lines;
}

/** "drift: north/sw-1 720p30: measured 4.8 Mb/s per camera (2 measurements) against a design of 4 Mb/s, +20.0 %, more than the 15 % tolerance" */
export function driftFailure(where: string, g: GroupDrift, tolerance: Ratio | undefined, options: RenderOptions): string {
  const limit = tolerance ? `, more than the ${percentText(tolerance)} % tolerance` : '';
  return (
    `drift: ${where} ${g.group}: measured ${humanRate(g.measuredBitsPerSecond, options)} per camera ` +
    `(${noun(g.measurements, 'measurement', 'measurements')}) against a design of ${humanRate(g.designBitsPerSecond, options)} ` +
    `(daily average), ${deviationText(g.deviationPermille)}${limit}`
  );
}

/**
 * The verdict of a run with --measured: the capacity checks as always, and
 * how many measured groups drift. "Passes" rather than "fits" when only drift was checked.
 */
export function driftVerdict(checks: readonly Check[], tolerance: Ratio): string {
  const drift = checks.filter((c) => c.kind === 'drift');
  const capacity = checks.filter((c) => c.kind !== 'drift');
  const drifting = drift.filter((c) => !c.fits).length;
  const over = capacity.filter((c) => !c.fits).length;
  const limit = `more than ${percentText(tolerance)} % above`;
  const groups =
    drift.length === 1
      ? `the measured group ${drifting === 0 ? 'does not drift' : 'drifts'} ${limit} its design`
      : drifting === 0
        ? `none of the ${drift.length} measured groups drifts ${limit} its design`
        : `${drifting} of ${drift.length} measured groups ${drifting === 1 ? 'drifts' : 'drift'} ${limit} ${drifting === 1 ? 'its' : 'their'} design`;
  const links =
    capacity.length === 0
      ? ''
      : over === 0
        ? `all ${noun(capacity.length, 'capacity check', 'capacity checks')} pass, and `
        : `${over} of ${noun(capacity.length, 'capacity check', 'capacity checks')} ${over === 1 ? 'is' : 'are'} over the limit, and `;
  const failed = over + drifting > 0;
  const head = over > 0 ? 'Does not fit' : drifting > 0 ? 'Does not pass' : capacity.length > 0 ? 'Fits' : 'Passes';
  return `${head}: ${links}${groups}${failed ? ':' : '.'}`;
}

/** Unmatched measurements the human formats list; JSON and CSV list every one. */
export const UNMATCHED_LISTED = 10;

/** What was compared: how many measurements matched how many groups, against which tolerance; what weakens them. */
export function driftSentences(report: Report): string[] {
  const d = report.drift;
  if (!d) return [];
  const matched = d.measurements - d.unmatched.length;
  const lines = [
    `Measured: ${matched} of ${noun(d.measurements, 'measurement', 'measurements')} matched ${noun(d.groups.length, 'group', 'groups')}; ` +
      `a group drifts when its measured average is more than ${percentText(d.tolerance)} % above its design's daily average ` +
      `(payload; the SOP's tolerance is 15 %, --tolerance to change).`,
  ];
  const short = d.groups.reduce((n, g) => n + g.short, 0);
  const caps = d.groups.reduce((n, g) => n + g.likelyCaps, 0);
  if (short + caps > 0) {
    const parts = [short > 0 ? `${short} short (under 24 h)` : '', caps > 0 ? `${caps} likely ${caps === 1 ? 'cap' : 'caps'}` : ''];
    lines.push(`Of the matched measurements, ${parts.filter(Boolean).join(' and ')}: weaker evidence than a day-long average.`);
  }
  if (d.resized) lines.push(resizedSentence(report, d.resized));
  return lines;
}

/** --use-measured: what the measured rates put over that the design rates did not. */
function resizedSentence(report: Report, resized: NonNullable<DriftSummary['resized']>): string {
  const groups = report.drift!.groups.length;
  const head = `Re-sized with the measured rates of ${noun(groups, 'group', 'groups')} in place of their design rates (the loads, links and storage above)`;
  const n = resized.overWithDesign;
  const before = `with the design rates ${n === 0 ? 'none is' : n === 1 ? '1 is' : `${n} are`}`;
  if (resized.newlyOver.length === 0) return `${head}: no capacity check is over that is not with the design rates (${before}).`;
  const which = resized.newlyOver.map((c) => checkName(report, c)).join(', ');
  const count = noun(resized.newlyOver.length, 'capacity check', 'capacity checks');
  return `${head}: ${count} would then be over: ${which} (${before}).`;
}

function checkName(report: Report, check: Check): string {
  const where = 'path' in check ? (check.path.length === 0 ? report.fleetName : check.path.join('/')) : 'total';
  // As its failure line names it: a segment may have several recorders, and a recorder's check is ingest and storage.
  if (check.kind === 'recorder') return `recorder ${check.recorder.name} (${where})`;
  const what =
    check.kind === 'link' || check.kind === 'total'
      ? 'link'
      : check.kind === 'drift'
        ? 'drift'
        : check.kind === 'how-many'
          ? 'how many fit'
          : 'storage';
  return `${where} (${what})`;
}

/** "3 measurements match no group:" and one line each (the first UNMATCHED_LISTED). */
export function unmatchedLines(report: Report): { head: string; lines: string[] } | undefined {
  const unmatched = report.drift?.unmatched ?? [];
  if (unmatched.length === 0) return undefined;
  const lines = unmatched.slice(0, UNMATCHED_LISTED).map((u) => {
    const m = u.measurement;
    const camera = m.camera === undefined ? '' : ` (${m.camera})`;
    return `${measurementPlace(m)}${camera}: ${u.reason}`;
  });
  if (unmatched.length > UNMATCHED_LISTED)
    lines.push(`… and ${unmatched.length - UNMATCHED_LISTED} more (every one in --format json or csv)`);
  const verb = unmatched.length === 1 ? 'matches' : 'match';
  return {
    head: `${noun(unmatched.length, 'measurement', 'measurements')} ${verb} no group of the fleet and ${unmatched.length === 1 ? 'is' : 'are'} not compared:`,
    lines,
  };
}
