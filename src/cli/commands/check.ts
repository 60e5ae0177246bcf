/**
 * `camsize check FLEET...`: every fleet file sized with the same settings,
 * one line per fleet and one per failing check, each naming its file. A file
 * that cannot be read is reported (its problems on stderr) and the others are
 * still checked: exit 2 then, else 1 when a check failed, else 0.
 */
import { InputError, UsageError } from '../../core/diagnostics/errors.js';
import { printable } from '../../core/diagnostics/printable.js';
import type { Catalog } from '../../core/model/catalog.js';
import { type FleetResult, fleetsExitCode, fleetsReport } from '../../core/model/fleets-report.js';
import type { Report } from '../../core/model/report.js';
import { sizeFleet } from '../../core/sizing/size.js';
import { rendererFor } from '../../api/render.js';
import { fleetFromOperand } from '../../io/fleet-input.js';
import type { Io } from '../../io/io.js';
import type { CheckFlags } from '../program-flags.js';
import { designSizing } from './design-request.js';

export async function runCheck(files: readonly string[], flags: CheckFlags, catalog: Catalog, io: Io): Promise<number> {
  const { sizing, output, storageFlags } = designSizing(flags, catalog, io);
  if (output.format === 'html') throw new UsageError('check prints table, markdown, json or csv, not html');
  if (files.filter((f) => f === '-').length > 1) throw new UsageError("only one fleet can come from standard input ('-')");
  const results: FleetResult[] = [];
  for (const file of files) {
    try {
      const report = sizeFleet(await fleetFromOperand(file, io, catalog, flags.calibration), sizing);
      refuseUnusedStorageFlags(report, storageFlags);
      results.push({ file, report });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // The problems are diagnostics (stderr), one printable line each; the fleet's line on stdout says it is unreadable.
      // Each names its file (a problem of sizing, not of reading, does not yet).
      const own = error.issues.map((line) => (line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line));
      for (const line of own) io.stderr(`camsize: ${printable(`${file}: ${line}`, 2000)}\n`);
      results.push({ file, problems: own.map((line) => printable(line, 500)) });
    }
  }
  const report = fleetsReport(results, flags.failuresOnly === true);
  const code = fleetsExitCode(report);
  io.exitCodeIfCut?.(code);
  const { render, options } = await rendererFor(
    output.format,
    { ...output.display, ...(flags.quiet ? { quiet: true } : {}) },
    output.color,
  );
  io.stdout(render.fleets!(report, options));
  return code;
}

/** Storage options need a retention (from --retention or the fleet file), as for one fleet. */
export function refuseUnusedStorageFlags(report: Report, storageFlags: readonly string[]): void {
  if (storageFlags.length > 0 && !report.settings.storage)
    throw new InputError(
      `${storageFlags[0]} needs a retention (how long recordings are kept): give --retention or "retention" in the fleet file`,
    );
}
