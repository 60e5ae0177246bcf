/**
 * Sizing against measurements (--measured): the design fleet with each
 * measured group compared with its design (drift checks), and with
 * --use-measured the fleet re-sized at the measured rates, saying which of
 * its capacity checks only the measured rates put over.
 */
import { InputError } from '../diagnostics/errors.js';
import { type DriftInput, withMeasuredRates } from '../measure/drift.js';
import { measurementPlace } from '../measure/measurement.js';
import type { Fleet } from '../model/fleet.js';
import { tupleKey } from '../model/keys.js';
import type { Check, Report } from '../model/report.js';
import { type SizeOptions, sizeFleet } from './size.js';

/** Unmatched measurements listed when none matches (the first ones; the report lists them all otherwise). */
const LISTED = 10;

export function sizeAgainstMeasurements(fleet: Fleet, options: SizeOptions & { drift: DriftInput }, useMeasured: boolean): Report {
  const { drift } = options;
  if (drift.groups.length === 0) {
    // A drift check that compared nothing must not pass: say why each measurement matched no group.
    const lines = drift.unmatched.slice(0, LISTED).map((u) => `${measurementPlace(u.measurement)}: ${u.reason}`);
    if (drift.unmatched.length > LISTED) lines.push(`… and ${drift.unmatched.length - LISTED} more measurements that match no group`);
    const head = drift.measurements === 0 ? 'no measurements in the --measured files' : `no measurement matches a group of '${fleet.name}'`;
    throw new InputError(head, [head, ...lines]);
  }
  const design = sizeFleet(fleet, options);
  if (!useMeasured) return design;
  const measured = sizeFleet(withMeasuredRates(fleet, drift.groups), options);
  const overWithDesign = new Set(
    capacityChecks(design)
      .filter((c) => !c.fits)
      .map(checkId),
  );
  const newlyOver = capacityChecks(measured).filter((c) => !c.fits && !overWithDesign.has(checkId(c)));
  return { ...measured, drift: { ...measured.drift!, resized: { overWithDesign: overWithDesign.size, newlyOver } } };
}

const capacityChecks = (report: Report) => report.checks.filter((c) => c.kind !== 'drift');

/** A check's identity across two sizings of the same tree (a segment may have several recorders: theirs is their name). */
function checkId(check: Check): string {
  if (check.kind === 'recorder') return tupleKey('recorder', check.recorder.name);
  return 'path' in check ? tupleKey(check.kind, check.path) : tupleKey(check.kind);
}
