/**
 * Designs as code, as library calls: what a change to a fleet does
 * (`diff`), many fleets checked at once (`check`), and every check of a
 * report as one flat list (`flatChecks`). The arithmetic is the core's
 * (diffReports, flatChecks); fleet files are read as `size` reads them.
 */
import { InputError } from '../core/diagnostics/errors.js';
import { diffReports } from '../core/diff/diff.js';
import type { ReportDiff } from '../core/model/diff-report.js';
import type { Fleet } from '../core/model/fleet.js';
import { type FleetResult, type FleetsReport, fleetsReport } from '../core/model/fleets-report.js';
import type { Report } from '../core/model/report.js';
import { defaultCatalog } from './catalog.js';
import { type FleetDocument, loadFleet } from './fleet.js';
import { type SizeCallOptions, size } from './size.js';

/** A report, or a fleet (its model, a fleet file's value or its text) to size with the options. */
export type DesignInput = Report | Fleet | FleetDocument | string;

function isReport(input: DesignInput): input is Report {
  return typeof input === 'object' && input !== null && 'checks' in input && 'segments' in input && 'verdict' in input;
}

/**
 * What a change to a design does: each segment, link direction, recorder and the total, every figure
 * before and after, and the checks that flipped. `verdict` is 'fail' (exit 1 on the command line) when
 * a check fails after that did not before. Reports are compared as they are; fleets are sized first
 * with `options` (the same for both sides).
 */
export async function diff(before: DesignInput, after: DesignInput, options: SizeCallOptions = {}): Promise<ReportDiff> {
  const sized = async (input: DesignInput) => (isReport(input) ? input : size(input, options));
  const [b, a] = await Promise.all([sized(before), sized(after)]);
  return diffReports(b, a);
}

/**
 * Many fleets checked with the same options: each a path (read as loadFleet reads it), or a fleet
 * with a name to call it by. A fleet that cannot be read is in the answer with its problems, and the
 * others are still checked; `verdict` is 'error' then (exit 2 on the command line), else 'fail' when a
 * check failed (exit 1), else 'pass' or 'unchecked'. `failuresOnly`: the formats list only failing checks.
 */
export async function check(
  fleets: ReadonlyArray<string | { readonly file: string; readonly fleet: Fleet | FleetDocument | string }>,
  options: SizeCallOptions & { failuresOnly?: boolean } = {},
): Promise<FleetsReport> {
  const { failuresOnly, ...sizing } = options;
  const catalog = sizing.catalog ?? (await defaultCatalog());
  const results: FleetResult[] = [];
  for (const item of fleets) {
    const file = typeof item === 'string' ? item : item.file;
    try {
      const fleet = typeof item === 'string' ? await loadFleet(item, { catalog }) : item.fleet;
      results.push({ file, report: await size(fleet, { ...sizing, catalog }) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      results.push({ file, problems: error.issues });
    }
  }
  return fleetsReport(results, failuresOnly === true);
}
